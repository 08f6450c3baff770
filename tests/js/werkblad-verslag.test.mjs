import assert from "node:assert/strict";
import { test } from "node:test";

import { lees } from "../../site_overrides/assets/javascripts/werkblad-bestand.js";
import { VELD, overlegUitVerslag, routeTekst } from "../../site_overrides/assets/javascripts/werkblad-verslag.js";

const VERSLAG = {
  metadata: { titel: "Meldcode", school: "KMS", versie: "2.1" },
  startdatum: { iso: "2026-12-03", tekst: "donderdag 3 december 2026" },
  uitkomst: { titel: "Melden bij Veilig Thuis", melden: true, meldnorm: { id: "B", tekst: "In alle andere gevallen." } },
  route: [
    { soort: "vraag", nummer: 1, vraag: "Is er een vermoeden?", label: "Ja", betekenis: "er is een vermoeden", onderbouwing: "Blauwe plekken." },
    { soort: "beslissing", nummer: 1, vraag: "Is melden noodzakelijk?", label: "Ja", betekenis: "" },
  ],
};

test("routeTekst writes the route, the answers, the onderbouwingen and the besluit", () => {
  assert.equal(
    routeTekst(VERSLAG),
    [
      "Afwegingskader doorlopen; termijnen gerekend vanaf donderdag 3 december 2026.",
      "",
      "Afwegingsvraag 1: Is er een vermoeden?",
      "Antwoord: Ja, er is een vermoeden",
      "Onderbouwing: Blauwe plekken.",
      "",
      "Beslissing 1: Is melden noodzakelijk?",
      "Antwoord: Ja",
      "",
      "Uitkomst: Melden bij Veilig Thuis",
      "Besluit: melden bij Veilig Thuis.",
      "Meldnorm B: In alle andere gevallen.",
    ].join("\n"),
  );
});

test("routeTekst without a melding has no meldnorm line", () => {
  const tekst = routeTekst({ ...VERSLAG, uitkomst: { titel: "Zelf hulp bieden", melden: false } });
  assert.ok(tekst.endsWith("Uitkomst: Zelf hulp bieden\nBesluit: geen melding bij Veilig Thuis."));
});

test("overlegUitVerslag makes an overlegformulier file with the route in onderdeel F", () => {
  const data = overlegUitVerslag(VERSLAG, new Date("2026-12-03T12:00:00Z"));
  const terug = lees(JSON.stringify(data), "overlegformulier");
  assert.deepEqual(terug.velden, [{ id: VELD, tekst: null, waarde: routeTekst(VERSLAG) }]);
  assert.equal(terug.protocol.versie, "2.1");
  assert.equal(VELD, "F-ruimte");
});
