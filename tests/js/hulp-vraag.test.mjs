import assert from "node:assert/strict";
import { test } from "node:test";

import { tekenVraag } from "../../site_overrides/assets/javascripts/hulp-vraag.js";
import { metDocument } from "./nep-document.mjs";

// the words as the engine gives them (VRAAG | VRAAG_SCHERM), marked so a typed word shows
const WOORDEN = {
  onderbouwing: "W-onderbouwing",
  begrip: "W-wat is {naam}?",
  definitie: "W-definitie",
  voorbeelden: "W-voorbeelden",
  toelichting: "W-toelichting",
  gevolgen: "W-gevolgen",
  ingevuld: "W-ingevuld",
};

const KNOOP = {
  id: "vraag-2",
  kop: "Afwegingsvraag 2: Veiligheid",
  vraag: "Is het veilig?",
  toelichting: ["Een alinea."],
  criteria: [],
  begrippen: [{ naam: "Acute onveiligheid", definitie: "Nu gevaar.", toelichting: [], voorbeelden: [] }],
  antwoorden: [
    { id: "ja", label: "Ja", betekenis: "het is veilig.", gevolg: "ga verder." },
    { id: "nee", label: "Nee", betekenis: "het is niet veilig.", gevolg: null },
  ],
  onthouden: null,
};

const kinderen = (node) => node.childNodes.filter((k) => k.tagName);
const klasse = (node) => node.attributes.class;
const zoek = (node, pred) => (pred(node) ? node : kinderen(node).map((k) => zoek(k, pred)).find(Boolean));

test("the answers follow the question; toelichting, gevolgen and onderbouwing fold away", () => {
  const veld = metDocument(() => tekenVraag(KNOOP, WOORDEN));
  assert.equal(veld.attributes["data-knoop"], "vraag-2");
  assert.deepEqual(
    kinderen(veld).map((k) => [k.tagName, klasse(k)]),
    [
      ["LEGEND", undefined],
      ["DETAILS", "doorlopen-meer doorlopen-toelichting"],
      ["DIV", "doorlopen-opties"],
      ["DETAILS", "doorlopen-meer doorlopen-gevolgen"],
      ["DETAILS", "doorlopen-meer doorlopen-onderbouwing"],
    ],
  );
  const [, toelichting, opties, gevolgen] = kinderen(veld);
  assert.equal(kinderen(toelichting)[0].textContent, "W-toelichting");
  assert.ok(zoek(toelichting, (n) => klasse(n) === "doorlopen-begrip"), "the begrippen are in the toelichting");
  // an answer's label holds no consequence any more: that is in the gevolgen, words from the engine
  assert.deepEqual(
    kinderen(opties).map((o) => kinderen(o)[1].textContent),
    ["Ja, het is veilig.", "Nee, het is niet veilig."],
  );
  assert.equal(kinderen(gevolgen)[0].textContent, "W-gevolgen");
  assert.equal(gevolgen.textContent, "W-gevolgenJa: ga verder.", "only answers with a gevolg are listed");
});

test("the onderbouwing is named by its summary and folded, marked when it holds a reason", () => {
  const leeg = metDocument(() => tekenVraag(KNOOP, WOORDEN));
  const blok = kinderen(leeg).at(-1);
  const [summary, veld] = kinderen(blok);
  const [naam, merk] = kinderen(summary);
  assert.deepEqual([naam.attributes.id, naam.textContent], ["onderbouwing-kop", "W-onderbouwing"]);
  assert.equal(veld.tagName, "TEXTAREA");
  assert.equal(veld.attributes["aria-labelledby"], "onderbouwing-kop");
  assert.equal(veld.attributes.autocomplete, "off");
  assert.equal("open" in blok.attributes, false);
  assert.deepEqual([merk.textContent, "hidden" in merk.attributes], ["W-ingevuld", true]);
  const met = metDocument(() => tekenVraag({ ...KNOOP, onthouden: { antwoord: "nee", onderbouwing: "Omdat." } }, WOORDEN));
  const metBlok = kinderen(met).at(-1);
  assert.equal("open" in metBlok.attributes, false, "folded, so Volgende stays in view");
  assert.equal(kinderen(metBlok)[1].value, "Omdat.");
  assert.equal("hidden" in kinderen(kinderen(metBlok)[0])[1].attributes, false, "marked as filled in");
  assert.equal(zoek(met, (n) => n.attributes.id === "antwoord-nee").attributes.checked, "");
});

test("a question without toelichting or gevolgen has no empty disclosures", () => {
  const kaal = { ...KNOOP, toelichting: [], begrippen: [], antwoorden: KNOOP.antwoorden.map((a) => ({ ...a, gevolg: null })) };
  const veld = metDocument(() => tekenVraag(kaal, WOORDEN));
  assert.deepEqual(
    kinderen(veld).map((k) => klasse(k)),
    [undefined, "doorlopen-opties", "doorlopen-meer doorlopen-onderbouwing"],
  );
});
