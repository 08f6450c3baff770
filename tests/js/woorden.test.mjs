import assert from "node:assert/strict";
import { test } from "node:test";

import { fill, useWords, woorden } from "../../site_overrides/assets/javascripts/woorden.js";

test("woorden reads the page's JSON block once, at the first word asked for", () => {
  let gelezen = 0;
  globalThis.document = {
    querySelector(selector) {
      assert.equal(selector, "script.meldcode-woorden");
      gelezen += 1;
      return { textContent: JSON.stringify({ "x.js": { hallo: "Hallo {naam}.", namen: { a: "A" } } }) };
    },
  };
  const w = woorden("x.js"); // at import time the page may not be there yet: nothing read
  assert.equal(gelezen, 0);
  assert.equal(w("hallo", { naam: "Sam" }), "Hallo Sam.");
  assert.deepEqual(w("namen"), { a: "A" });
  assert.equal(gelezen, 1);
  delete globalThis.document;
});

test("a key or a module the page lacks is an error, not an empty text", () => {
  useWords({ "x.js": { hallo: "Hallo" } });
  assert.throws(() => woorden("x.js")("weg"), /no words for x.js weg/);
  assert.throws(() => woorden("y.js")("hallo"), /no words for y.js hallo/);
});

test("fill fills each {naam} it has a value for and leaves the others", () => {
  assert.equal(fill("{a} van {b}, {c}", { a: 3, b: "vijf" }), "3 van vijf, {c}");
  assert.equal(fill("Regel {regel}", { regel: 0 }), "Regel 0");
});
