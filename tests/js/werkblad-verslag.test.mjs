import assert from "node:assert/strict";
import { test } from "node:test";

import "./woorden-site.mjs";

import { FORMAAT, read } from "../../site_overrides/assets/javascripts/werkblad-file.js";
import { OverlegError, FIELD, overlegUitVerslag, addRoute } from "../../site_overrides/assets/javascripts/werkblad-verslag.js";

// the engine words onderdeel F (meldcode_engine.weergave.overleg_tekst); the file only carries it
const VERSLAG = {
  metadata: { titel: "Meldcode", school: "KMS", versie: "2.1" },
  overleg: "Afwegingskader doorlopen; termijnen gerekend vanaf donderdag 3 december 2026.\n\nUitkomst: Melden",
};

test("overlegUitVerslag makes an overlegformulier file with the route in onderdeel F", () => {
  const data = overlegUitVerslag(VERSLAG, new Date("2026-12-03T12:00:00Z"));
  const terug = read(JSON.stringify(data), "overlegformulier");
  assert.deepEqual(terug.velden, [{ id: FIELD, tekst: null, waarde: VERSLAG.overleg }]);
  assert.equal(terug.protocol.versie, "2.1");
  assert.equal(FIELD, "F-ruimte");
});

// a filled-in Overlegformulier as the werkblad page saves it: every field must come back as it was
const GEVULD = {
  soort: "meldcode-werkblad",
  formaat: 1,
  werkblad: "overlegformulier",
  protocol: { titel: "Meldcode", school: "KMS", versie: "2.0" },
  opgeslagen: "2026-11-30T09:00:00.000Z",
  velden: [
    { id: "kop-1", tekst: "Naam kind", waarde: "Sam de Vries" },
    { id: "A-1", tekst: "Wat zijn de signalen?", waarde: "Blauwe plekken,\n  op de arm." },
    { id: "B-veld-1", tekst: "Datum", waarde: "2026-11-30" },
    { id: "oud-veld", tekst: "Een vraag die er niet meer is", waarde: "blijft" },
  ],
};
const NU = new Date("2026-12-03T12:00:00Z");

test("addRoute puts the route in onderdeel F and keeps every other field exactly", () => {
  const tekst = JSON.stringify(GEVULD, null, 2);
  const { data, vervangen } = addRoute(tekst, VERSLAG, NU);
  assert.equal(vervangen, false);
  assert.deepEqual(data.velden.slice(0, -1), GEVULD.velden);
  assert.deepEqual(data.velden.at(-1), { id: FIELD, tekst: null, waarde: VERSLAG.overleg });
  assert.deepEqual(data.protocol, GEVULD.protocol); // the file's own version, not the site's
  assert.equal(data.opgeslagen, NU.toISOString());
  assert.deepEqual(JSON.parse(tekst), GEVULD, "the input is not changed");
  // the werkblad page opens the result
  assert.equal(read(JSON.stringify(data), "overlegformulier").velden.length, GEVULD.velden.length + 1);
});

test("addRoute replaces what onderdeel F held, in its place, and says so", () => {
  const met = { ...GEVULD, velden: [GEVULD.velden[0], { id: FIELD, tekst: "F. Verdere beschrijving", waarde: "oude route" }, GEVULD.velden[1]] };
  const { data, vervangen } = addRoute(JSON.stringify(met), VERSLAG, NU);
  assert.equal(vervangen, true);
  assert.deepEqual(data.velden, [GEVULD.velden[0], { id: FIELD, tekst: "F. Verdere beschrijving", waarde: VERSLAG.overleg }, GEVULD.velden[1]]);
  // the same route again: nothing was replaced
  assert.equal(addRoute(JSON.stringify(data), VERSLAG, NU).vervangen, false);
});

function soort(tekst) {
  try {
    addRoute(tekst, VERSLAG, NU);
  } catch (e) {
    assert.ok(e instanceof OverlegError);
    return e.soort;
  }
  assert.fail("no error");
}

test("addRoute refuses what is not an Overlegformulier file, or a damaged one", () => {
  assert.equal(soort(""), "geen");
  assert.equal(soort("%PDF-1.7 …"), "geen");
  assert.equal(soort(JSON.stringify({ ...GEVULD, werkblad: "signalen-vastleggen" })), "geen");
  assert.equal(soort(JSON.stringify({ ...GEVULD, soort: "iets-anders" })), "geen");
  assert.equal(soort("[1, 2]"), "geen");
  assert.equal(soort(JSON.stringify(GEVULD).slice(0, 80)), "beschadigd");
  assert.equal(soort(JSON.stringify({ ...GEVULD, velden: "kapot" })), "beschadigd");
  assert.equal(soort(JSON.stringify({ ...GEVULD, velden: [{ id: "A-1", waarde: 3 }] })), "beschadigd");
  assert.equal(soort(JSON.stringify({ ...GEVULD, formaat: FORMAAT + 1 })), "nieuwer");
});
