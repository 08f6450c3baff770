import assert from "node:assert/strict";
import { test } from "node:test";

import { lees } from "../../site_overrides/assets/javascripts/werkblad-bestand.js";
import { VELD, overlegUitVerslag } from "../../site_overrides/assets/javascripts/werkblad-verslag.js";

// the engine words onderdeel F (meldcode_engine.weergave.overleg_tekst); the file only carries it
const VERSLAG = {
  metadata: { titel: "Meldcode", school: "KMS", versie: "2.1" },
  overleg: "Afwegingskader doorlopen; termijnen gerekend vanaf donderdag 3 december 2026.\n\nUitkomst: Melden",
};

test("overlegUitVerslag makes an overlegformulier file with the route in onderdeel F", () => {
  const data = overlegUitVerslag(VERSLAG, new Date("2026-12-03T12:00:00Z"));
  const terug = lees(JSON.stringify(data), "overlegformulier");
  assert.deepEqual(terug.velden, [{ id: VELD, tekst: null, waarde: VERSLAG.overleg }]);
  assert.equal(terug.protocol.versie, "2.1");
  assert.equal(VELD, "F-ruimte");
});
