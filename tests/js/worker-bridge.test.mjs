import assert from "node:assert/strict";
import { test } from "node:test";
import { answerCalls, caller } from "../../site_overrides/assets/javascripts/worker-bridge.js";

/* A page and a worker joined by a MessageChannel, as a Worker and its page are. */
function pair(handlers) {
  const { port1: page, port2: worker } = new MessageChannel();
  answerCalls(worker, handlers);
  worker.start();
  const reports = [];
  const bridge = caller((message) => page.postMessage(message));
  page.onmessage = ({ data }) => bridge.receive(data) || reports.push(data);
  return { bridge, reports, close: () => (page.close(), worker.close()) };
}

test("a call is answered with its result, in the order the worker finishes", async () => {
  const { bridge, close } = pair({
    answer: (knoop, antwoord) => ({ knoop, antwoord }),
    slow: () => new Promise((resolve) => setTimeout(() => resolve("laat"), 20)),
  });
  const slow = bridge.call("slow");
  assert.deepEqual(await bridge.call("answer", "vraag-1", "ja"), { knoop: "vraag-1", antwoord: "ja" });
  assert.equal(await slow, "laat");
  close();
});

test("a handler that throws rejects the call with its message; an unknown method too", async () => {
  const { bridge, close } = pair({
    answer: () => {
      throw new Error("Kies eerst een antwoord.");
    },
  });
  await assert.rejects(bridge.call("answer"), { message: "Kies eerst een antwoord." });
  await assert.rejects(bridge.call("toString"), { message: "onbekende vraag 'toString'" });
  close();
});

test("messages without an id are the page's to handle, not answers", async () => {
  const { bridge, reports, close } = pair({ state: () => 1 });
  assert.equal(bridge.receive({ type: "klaar" }), false);
  assert.equal(bridge.receive({ id: 99, result: 1 }), false); // no such call
  assert.equal(await bridge.call("state"), 1);
  assert.deepEqual(reports, []);
  close();
});
