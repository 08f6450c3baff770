import assert from "node:assert/strict";
import { test } from "node:test";

import { plaats, tabelSessie, zelfdeRoute } from "../../site_overrides/assets/javascripts/hulp-tabel.js";

// a small table in the engine's shape (Sessie.tabel): a → b or uitkomst x; b → x or y
const TABEL = {
  start: "a",
  knopen: {
    a: { id: "a", antwoorden: [{ id: "ja", label: "Ja", volgende: "b" }, { id: "nee", label: "Nee", volgende: "x" }] },
    b: { id: "b", antwoorden: [{ id: "ja", label: "Ja", volgende: "x" }, { id: "nee", label: "Nee", volgende: "y" }] },
  },
  uitkomsten: ["x", "y"],
  woorden: { kies: "W-kies" },
};

test("follows the table and keeps answers for when the user comes back", () => {
  const sessie = tabelSessie(TABEL);
  assert.equal(plaats(sessie.state()), "a");
  let state = sessie.answer("a", "ja", "  reden ");
  assert.equal(state.huidig.id, "b");
  assert.deepEqual(state.route, [{ knoop: "a", antwoord: "ja", label: "Ja", onderbouwing: "reden" }]);
  assert.equal(state.kan_terug, true);
  assert.equal(state.woorden, TABEL.woorden);
  state = sessie.answer("b", "nee");
  assert.deepEqual(state.uitkomst, { id: "y" });
  assert.equal(state.huidig, null);
  state = sessie.back();
  assert.deepEqual(state.huidig.onthouden, { antwoord: "nee", onderbouwing: "" });
  state = sessie.ga_naar("y"); // Forward along the remembered answers
  assert.equal(plaats(state), "y");
  state = sessie.ga_naar("a"); // Back to the start
  assert.equal(plaats(state), "a");
  assert.equal(plaats(sessie.ga_naar("z")), "a", "a place the answers do not lead to changes nothing");
  state = sessie.restart();
  assert.equal(state.huidig.onthouden, null);
  assert.equal(state.kan_terug, false);
});

test("refuses an answer to a knoop that is not asked now, or an unknown answer", () => {
  const sessie = tabelSessie(TABEL);
  assert.throws(() => sessie.answer("b", "ja"));
  assert.throws(() => sessie.answer("a", "twijfel"));
  assert.equal(plaats(sessie.state()), "a");
});

test("the table's knoop is not changed by what a state holds", () => {
  const sessie = tabelSessie(TABEL);
  sessie.state().huidig.antwoorden.pop();
  assert.equal(TABEL.knopen.a.antwoorden.length, 2);
});

test("same route: same place by the same answers, whatever the onderbouwing", () => {
  const een = tabelSessie(TABEL);
  const twee = tabelSessie(TABEL);
  assert.ok(zelfdeRoute(een.answer("a", "ja", "x"), twee.answer("a", "ja", "y")));
  assert.ok(!zelfdeRoute(een.answer("b", "ja"), twee.answer("b", "nee")));
});

test("keten: every remembered answer from the start, past the current place too", () => {
  const sessie = tabelSessie(TABEL);
  assert.deepEqual(sessie.keten(), []);
  sessie.answer("a", "ja", "r");
  sessie.answer("b", "nee");
  sessie.back();
  sessie.back(); // at the start again, both answers remembered
  assert.equal(plaats(sessie.state()), "a");
  assert.deepEqual(sessie.keten(), [
    { knoop: "a", antwoord: "ja", onderbouwing: "r" },
    { knoop: "b", antwoord: "nee", onderbouwing: "" },
  ]);
  sessie.restart();
  assert.deepEqual(sessie.keten(), []);
});
