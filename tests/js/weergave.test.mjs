import assert from "node:assert/strict";
import { test } from "node:test";

import { blokken } from "../../site_overrides/assets/javascripts/weergave.js";
import { metDocument } from "./nep-document.mjs";

// blocks as meldcode_engine.weergave makes them
const BLOKKEN = [
  { soort: "kop", niveau: 1, tekst: "Uitkomst: Melden bij Veilig Thuis" },
  { soort: "alinea", delen: ["Besluit: melden bij Veilig Thuis."], rol: "besluit" },
  {
    soort: "lijst",
    rol: "acties",
    items: [
      {
        delen: ["Melding doen."],
        rol: "actie-direct",
        regels: [
          { label: "Wie", delen: ["directeur (casemanager)"], rol: null },
          { label: "Bellen", delen: ["Veilig Thuis, ", { tekst: "0800-2000", href: "tel:08002000" }], rol: null },
          { label: null, delen: ["Volgt uit de afwegingsvragen."], rol: null },
        ],
      },
    ],
  },
  { soort: "lijst", rol: "spoed", items: [{ delen: ["Alarmnummer: ", { tekst: "112", href: "tel:112" }], regels: [], rol: null }] },
  { soort: "datums", kop: "Data van de termijnen", uitleg: "…", velden: [] },
  { soort: "knoppen", knoppen: [{ actie: "opnieuw", tekst: "Opnieuw" }] },
];

test("every block is placed with its words and data-blok; headings count from `kop`", () => {
  const [kop, alinea, acties, spoed] = metDocument(() => blokken(BLOKKEN, { kop: 2 }));
  assert.equal(kop.tagName, "H2");
  assert.equal(kop.textContent, "Uitkomst: Melden bij Veilig Thuis");
  assert.equal(kop.attributes["data-blok"], "kop");
  assert.equal(alinea.attributes.class, "weergave-besluit");
  assert.equal(acties.tagName, "OL", "actions are done in order");
  assert.equal(spoed.tagName, "UL");
  const [actie] = acties.childNodes;
  assert.equal(actie.attributes.class, "weergave-actie-direct");
  assert.deepEqual(
    actie.childNodes.map((n) => n.textContent),
    ["Melding doen.", "Wie: directeur (casemanager)", "Bellen: Veilig Thuis, 0800-2000", "Volgt uit de afwegingsvragen."],
  );
  const link = actie.childNodes[2].childNodes.at(-1);
  assert.equal(link.tagName, "A");
  assert.equal(link.attributes.href, "tel:08002000");
});

test("the page's own blocks are drawn by the caller, or left out", () => {
  assert.equal(metDocument(() => blokken(BLOKKEN)).length, 4);
  const getekend = [];
  const els = metDocument(() =>
    blokken(BLOKKEN, { kop: 4, datums: (b) => getekend.push(b.kop) && "D", knoppen: (b) => getekend.push(b.knoppen[0].tekst) && "K" }),
  );
  assert.deepEqual(getekend, ["Data van de termijnen", "Opnieuw"]);
  assert.deepEqual(els.slice(-2), ["D", "K"]);
  assert.equal(els[0].tagName, "H4");
});

test("a meer block is a closed disclosure: its kop a heading in the summary, its blocks inside", () => {
  const meer = {
    soort: "meer",
    kop: "Uw antwoorden",
    blokken: [
      { soort: "kop", niveau: 3, tekst: "Voordat de school een melding doet" },
      { soort: "alinea", delen: ["Geen gesprek met de ouders als"], rol: "uitzondering-kop" },
      { soort: "datums", kop: "Data van de termijnen", uitleg: "…", velden: [] },
    ],
  };
  const [details] = metDocument(() => blokken([meer], { kop: 2, datums: () => "D" }));
  assert.equal(details.tagName, "DETAILS");
  assert.equal(details.getAttribute("open"), null, "closed until the reader opens it");
  const [summary, kop, alinea, datums] = details.childNodes;
  assert.equal(summary.tagName, "SUMMARY");
  const [h3] = summary.childNodes;
  assert.equal(h3.tagName, "H3");
  assert.equal(h3.attributes["data-blok"], "kop");
  assert.equal(h3.textContent, "Uw antwoorden");
  assert.equal(kop.tagName, "H4");
  assert.equal(alinea.attributes.class, "weergave-uitzondering-kop");
  assert.equal(datums.textContent, "D", "the caller's drawers reach inside");
});
