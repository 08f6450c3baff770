import assert from "node:assert/strict";
import { test } from "node:test";
import { answerCalls, answerFromPython, caller, fromPython, latestOnly } from "../../site_overrides/assets/javascripts/worker-bridge.js";

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
    slow: () =>
      new Promise((resolve) => {
        setTimeout(() => resolve("laat"), 20);
      }),
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

/* What meldcode_engine/worker.py `expose` makes, in JavaScript: the same JSON in and out. */
function expose(methods) {
  return (method, args) => {
    if (!Object.hasOwn(methods, method)) return JSON.stringify({ fout: `onbekende vraag '${method}'` });
    try {
      return JSON.stringify({ ok: methods[method](...JSON.parse(args)) });
    } catch (error) {
      return JSON.stringify({ fout: error.message });
    }
  };
}

test("a worker whose Python answers: arguments as JSON in, its result or its Dutch message out", async () => {
  const { port1: page, port2: worker } = new MessageChannel();
  let python;
  const seen = [];
  answerFromPython(worker, () => {
    if (!python) throw new Error("the helper is not ready yet");
    return python;
  });
  worker.start();
  const bridge = caller((message) => page.postMessage(message));
  page.onmessage = ({ data }) => bridge.receive(data);
  await assert.rejects(bridge.call("answer", "vraag-1", "ja"), { message: "the helper is not ready yet" });
  python = expose({
    answer: (knoop, antwoord) => (seen.push([knoop, antwoord]), { knoop, antwoord }),
    refuse: () => {
      throw new Error("Kies eerst een antwoord.");
    },
  });
  assert.deepEqual(await bridge.call("answer", "vraag-1", "ja"), { knoop: "vraag-1", antwoord: "ja" });
  assert.deepEqual(seen, [["vraag-1", "ja"]]); // the call before it was ready never reached Python
  await assert.rejects(bridge.call("refuse"), { message: "Kies eerst een antwoord." });
  await assert.rejects(bridge.call("toString"), { message: "onbekende vraag 'toString'" });
  page.close();
  worker.close();
});

test("fromPython gives the result, or throws the message", () => {
  assert.deepEqual(fromPython('{"ok": [1, 2]}'), [1, 2]);
  assert.equal(fromPython('{"ok": null}'), null);
  assert.throws(() => fromPython('{"fout": "onbekende vraag \'x\'"}'), { message: "onbekende vraag 'x'" });
});

/* A run that finishes when the test says so, and remembers what it was asked. */
function heldRun() {
  const asked = [];
  const finish = [];
  const run = (...args) =>
    new Promise((resolve, reject) => {
      asked.push(args);
      finish.push({ resolve, reject });
    });
  return { asked, finish, run };
}

test("while a call runs, only the newest waits; those it replaced get its answer", async () => {
  const { asked, finish, run } = heldRun();
  const call = latestOnly(run);
  const first = call("a.yaml", "a.yaml", "t");
  const second = call("a.yaml", "a.yaml", "te");
  const third = call("a.yaml", "a.yaml", "tek");
  assert.deepEqual(asked, [["a.yaml", "t"]]);
  finish[0].resolve("for t");
  assert.equal(await first, "for t");
  await new Promise((resolve) => {
    setImmediate(resolve);
  });
  assert.deepEqual(asked, [["a.yaml", "t"], ["a.yaml", "tek"]]); // "te" was never run
  finish[1].resolve("for tek");
  assert.deepEqual(await Promise.all([second, third]), ["for tek", "for tek"]);
  // idle again: the next call runs at once
  const fourth = call("a.yaml", "a.yaml", "tekst");
  assert.equal(asked.length, 3);
  finish[2].resolve("for tekst");
  assert.equal(await fourth, "for tekst");
});

test("calls with another key are not replaced; an error reaches every call it answers", async () => {
  const { asked, finish, run } = heldRun();
  const call = latestOnly(run);
  const a = call("a", 1);
  const b = call("b", 2); // another file: runs beside it, not instead
  assert.deepEqual(asked, [[1], [2]]);
  const a2 = call("a", 3);
  const a3 = call("a", 4);
  finish[0].resolve("a1");
  finish[1].resolve("b2");
  assert.deepEqual(await Promise.all([a, b]), ["a1", "b2"]);
  await new Promise((resolve) => {
    setImmediate(resolve);
  });
  assert.deepEqual(asked.at(-1), [4]);
  finish[2].reject(new Error("Het controleren is mislukt."));
  await assert.rejects(a2, { message: "Het controleren is mislukt." });
  await assert.rejects(a3, { message: "Het controleren is mislukt." });
});

