/* Oefenen and the oefencasussen: the route on the exported afwegingskader, the score, and the
 * short texts around them. Pure functions, no DOM: the questions, answers and where they lead
 * come from the data (protocol/), their headings and the besluit from the engine; only the
 * wording of the exercise itself is placed here (its words: generator/pages/woorden.py). */
import { woorden } from "./woorden.js";

const w = woorden("oefenen-tekst.js");

/* "Vraag 2: …" or "Beslissing 1: …": the heading the engine gave the node (kop_kort). */
export function kop(knoop) {
  return knoop.kop_kort;
}

/* The questions and beslissingen of an exported afwegingskader by id. */
export function knopenVan(kader) {
  return new Map([...kader.vragen, ...kader.beslissingen].map((k) => [k.id, k]));
}

/* Where a route ([{knoop, antwoord}]) has led: the id of a node or of an uitkomst. */
export function huidige(kader, knopen, route) {
  if (!route.length) return kader.start;
  const laatste = route[route.length - 1];
  return knopen.get(laatste.knoop).antwoorden.find((a) => a.id === laatste.antwoord).volgende;
}

/* How many of the given answers are the ones the case's route expects. */
export function aantalGoed(gegeven, route) {
  return gegeven.filter((a, i) => a === route[i].antwoord).length;
}

/* The running score over the cases done in this page view: gedaan is case id → [goed, totaal]. */
export function scoreTekst(gedaan, aantalCasussen) {
  const [goed, totaal] = [...gedaan.values()].reduce(([g, t], [a, b]) => [g + a, t + b], [0, 0]);
  return w("score", { casussen: gedaan.size, aantal: aantalCasussen, goed, totaal });
}

/* The mark beside a case in the list, once it is done. */
export function gedaanTekst([goed, totaal]) {
  return w("gedaan", { goed, totaal });
}

/* The feedback on one answer: whether it is the expected one, with the labels of the chosen
 * and the expected answer; the verdict (in bold on the page) and the sentence after it. */
export function oordeel(goed, gekozen, verwacht) {
  return goed
    ? { kop: w("goed"), tekst: w("goed_tekst", { gekozen }) }
    : { kop: w("fout"), tekst: w("fout_tekst", { gekozen, verwacht }) };
}
