import assert from "node:assert/strict";
import { test } from "node:test";

import "./woorden-site.mjs";

import {
  aantalGoed,
  gedaanTekst,
  huidige,
  knopenVan,
  kop,
  oordeel,
  scoreTekst,
} from "../../site_overrides/assets/javascripts/oefenen-tekst.js";

const KADER = {
  start: "vraag-1",
  vragen: [
    { id: "vraag-1", soort: "vraag", kop_kort: "Vraag 1: Vermoeden", antwoorden: [{ id: "ja", volgende: "vraag-2" }, { id: "nee", volgende: "uitkomst-stop" }] },
    { id: "vraag-2", soort: "vraag", kop_kort: "Vraag 2: Acuut", antwoorden: [{ id: "ja", volgende: "beslissing-1" }] },
  ],
  beslissingen: [{ id: "beslissing-1", soort: "beslissing", kop_kort: "Beslissing 1: Melden", antwoorden: [{ id: "ja", volgende: "uitkomst-melden" }] }],
};

test("knopenVan and huidige follow a route through the exported afwegingskader", () => {
  const knopen = knopenVan(KADER);
  assert.deepEqual([...knopen.keys()], ["vraag-1", "vraag-2", "beslissing-1"]);
  assert.equal(knopen.get("vraag-2").soort, "vraag");
  assert.equal(knopen.get("beslissing-1").soort, "beslissing");
  assert.equal(huidige(KADER, knopen, []), "vraag-1");
  assert.equal(huidige(KADER, knopen, [{ knoop: "vraag-1", antwoord: "nee" }]), "uitkomst-stop");
  const route = [
    { knoop: "vraag-1", antwoord: "ja" },
    { knoop: "vraag-2", antwoord: "ja" },
    { knoop: "beslissing-1", antwoord: "ja" },
  ];
  assert.equal(huidige(KADER, knopen, route), "uitkomst-melden");
});

test("kop places the heading the engine gave each node", () => {
  const knopen = knopenVan(KADER);
  assert.equal(kop(knopen.get("vraag-2")), "Vraag 2: Acuut");
  assert.equal(kop(knopen.get("beslissing-1")), "Beslissing 1: Melden");
});

test("the score: answers as expected, per case and over the cases done", () => {
  const route = [{ antwoord: "ja" }, { antwoord: "nee" }, { antwoord: "twijfel" }];
  assert.equal(aantalGoed(["ja", "ja", "twijfel"], route), 2);
  assert.equal(aantalGoed([], route), 0);
  assert.equal(scoreTekst(new Map(), 4), "Gedaan: 0 van 4 casussen, 0 van 0 antwoorden goed.");
  const gedaan = new Map([
    ["a", [2, 3]],
    ["b", [4, 4]],
  ]);
  assert.equal(scoreTekst(gedaan, 4), "Gedaan: 2 van 4 casussen, 6 van 7 antwoorden goed.");
  assert.equal(gedaanTekst([2, 3]), "(gedaan: 2 van 3 goed)");
});

test("oordeel: the verdict and the sentence after it", () => {
  assert.deepEqual(oordeel(true, "Ja", "Ja"), { kop: "Goed.", tekst: " U koos Ja, zoals het protocol verwacht." });
  assert.deepEqual(oordeel(false, "Nee", "Ja"), { kop: "Niet wat het protocol verwacht.", tekst: " U koos Nee; het protocol verwacht Ja." });
});
