import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

import "./woorden-site.mjs";

import {
  FileError,
  FORMAAT,
  MAX_TEKENS,
  namen,
  SOORT,
  bestandsnaam,
  read,
  make,
} from "../../site_overrides/assets/javascripts/werkblad-file.js";

const PROTOCOL = { titel: "Meldcode", school: "KMS", versie: "2.1" };
const BAD = new URL("../werkblad_bestanden/", import.meta.url);

function fout(tekst, werkblad = "overlegformulier") {
  try {
    read(tekst, werkblad);
  } catch (e) {
    assert.ok(e instanceof FileError, `a FileError, not ${e}`);
    return e;
  }
  assert.fail("read() accepted the file");
}

test("make makes a file that read reads back", () => {
  const velden = [
    { id: "A-1", tekst: "Wat zag u?", waarde: "Een blauwe plek" },
    { id: "B-2", tekst: "Ouders gesproken", waarde: true },
  ];
  const data = make("overlegformulier", { ...PROTOCOL, extra: "niet mee" }, velden, new Date("2026-12-03T10:00:00Z"));
  assert.deepEqual(data, {
    soort: SOORT,
    formaat: FORMAAT,
    werkblad: "overlegformulier",
    protocol: PROTOCOL,
    opgeslagen: "2026-12-03T10:00:00.000Z",
    velden,
  });
  const terug = read(JSON.stringify(data, null, 2), "overlegformulier");
  assert.deepEqual(terug, {
    formaat: FORMAAT,
    werkblad: "overlegformulier",
    protocol: { versie: "2.1" },
    opgeslagen: "2026-12-03T10:00:00.000Z",
    velden,
  });
});

test("bestandsnaam names the werkblad and the local date", () => {
  assert.equal(bestandsnaam("gesprek-met-ouders", new Date(2027, 0, 5, 23, 30)), "gesprek-met-ouders-2027-01-05.json");
});

test("every bad file in tests/werkblad_bestanden/ gets its message", () => {
  const verwacht = Object.fromEntries(
    readFileSync(new URL("verwacht.yaml", BAD), "utf-8")
      .split("\n")
      .filter((regel) => regel.trim() && !regel.startsWith("#"))
      .map((regel) => regel.split(/: (.*)/s).slice(0, 2)),
  );
  const bestanden = readdirSync(BAD).filter((naam) => naam !== "verwacht.yaml");
  assert.deepEqual(bestanden.sort(), Object.keys(verwacht).sort());
  for (const naam of bestanden) {
    const e = fout(readFileSync(new URL(naam, BAD), "utf-8"));
    assert.ok(e.message.includes(verwacht[naam]), `${naam}: ${e.message}`);
  }
});

test("a file of another werkblad names it, so the page can link to it", () => {
  const data = make("gesprek-met-ouders", PROTOCOL, []);
  const e = fout(JSON.stringify(data));
  assert.equal(e.werkblad, "gesprek-met-ouders");
  assert.ok(e.message.includes(namen()["gesprek-met-ouders"]));
  const onbekend = fout(JSON.stringify({ ...data, werkblad: "iets-anders" }));
  assert.equal(onbekend.werkblad, null);
});

test("read checks each field: a name, a text or a tick, not too long", () => {
  const met = (velden) => JSON.stringify(make("overlegformulier", PROTOCOL, velden));
  assert.match(fout(met([{ tekst: "x", waarde: "y" }])).message, /veld 1: het veld heeft geen naam/);
  assert.match(fout(met([{ id: "a", waarde: "y" }, { id: "b", waarde: 3 }])).message, /veld 2: de ingevulde waarde is geen tekst/);
  assert.match(fout(met([{ id: "a", tekst: 5, waarde: "y" }])).message, /de vraag is geen tekst/);
  const lang = fout(met([{ id: "a", tekst: "Wat zag u?", waarde: "x".repeat(MAX_TEKENS + 1) }]));
  assert.match(lang.message, /^Het veld "Wat zag u\?" bevat 20\.001 tekens/);
  assert.deepEqual(read(met([{ id: "a", waarde: "x".repeat(MAX_TEKENS) }]), "overlegformulier").velden[0].tekst, null);
});

test("read names the line of a JSON error", () => {
  const e = fout('{\n  "soort": "meldcode-werkblad",\n  "formaat": 1,,\n}');
  assert.match(e.message, /de fout zit in regel 3/);
});

test("read refuses what is not a werkblad file", () => {
  assert.match(fout("   ").message, /Het bestand is leeg/);
  assert.match(fout("[1, 2]").message, /geen werkbladbestand/);
  assert.match(fout('{"soort": "iets"}').message, /geen werkbladbestand/);
  assert.match(fout(JSON.stringify({ ...make("overlegformulier", PROTOCOL, []), formaat: 0 })).message, /formaatnummer/);
  assert.match(fout(JSON.stringify({ ...make("overlegformulier", PROTOCOL, []), formaat: 2 })).message, /formaat 2; deze pagina leest formaat 1/);
  assert.match(fout(JSON.stringify({ ...make("overlegformulier", PROTOCOL, []), protocol: {} })).message, /de versie van het protocol ontbreekt/);
});
