import assert from "node:assert/strict";
import { test } from "node:test";

import { el } from "../../site_overrides/assets/javascripts/dom.js";
import { metDocument } from "./nep-document.mjs";

test("el sets attributes and puts text in as text, never as markup", () => {
  const p = metDocument(() => el("p", { class: "x", id: "a", text: "<b>vet</b>" }));
  assert.equal(p.tagName, "P");
  assert.deepEqual(p.attributes, { class: "x", id: "a" });
  assert.equal(p.textContent, "<b>vet</b>");
  assert.equal(p.childNodes.length, 0);
});

test("el leaves out null, undefined and false attributes; true is an empty attribute", () => {
  const input = metDocument(() => el("input", { checked: true, disabled: false, value: null, name: undefined, rows: 3 }));
  assert.deepEqual(input.attributes, { checked: "", rows: "3" });
});

test("el flattens nested children, skips empty ones and wraps strings in text nodes", () => {
  const ul = metDocument(() => el("ul", {}, [el("li", { text: "een" }), [null, el("li", { text: "twee" })]], false, undefined, "drie"));
  assert.equal(ul.childNodes.length, 3);
  assert.deepEqual(
    ul.childNodes.map((k) => k.textContent),
    ["een", "twee", "drie"],
  );
  assert.equal(ul.childNodes[2].tagName, undefined, "a string becomes a text node");
});

test("el needs no document until it is called", async () => {
  assert.equal(globalThis.document, undefined);
  await import("../../site_overrides/assets/javascripts/dom.js");
});
