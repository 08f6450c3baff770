/* The engine's words placed as elements. meldcode_engine.weergave decides every word of an
 * uitkomst, a verslag and an oefencasus's summary as blocks (headings, paragraphs, lists of
 * items with labelled lines); this module only places them, so the page shows what the
 * golden files pin. Every placed block carries data-blok, which the tests read. The date
 * fields and the buttons are the page's own: a caller passes how to draw them. A "meer"
 * block (background) is a closed disclosure: its kop, a heading inside the summary, then
 * its blocks; print opens it (meldcode.css). */
import { el } from "./dom.js";

/* Text parts: plain text, or a link ({tekst, href}). */
export function delen(items) {
  return items.map((d) => (typeof d === "string" ? d : el("a", { href: d.href, text: d.tekst })));
}

function regel(r) {
  return el(
    "span",
    { class: r.rol ? `weergave-regel weergave-${r.rol}` : "weergave-regel" },
    r.label ? el("strong", { text: `${r.label}: ` }) : null,
    delen(r.delen),
  );
}

/* One item of a list (an action, an answer): its text, then each regel on a line of its own. */
export function item(i) {
  return el("li", { class: i.rol ? `weergave-${i.rol}` : null }, el("span", { class: "weergave-tekst" }, delen(i.delen)), i.regels.map(regel));
}

// lists whose order is the order of doing (actions) or of answering (the route)
const GENUMMERD = new Set(["acties", "route"]);

/* One block as an element. `kop` is the heading level of a niveau-1 heading; `datums` and
 * `knoppen` draw the page's own blocks (left out when not given). */
export function blok(b, opties = {}) {
  const { kop = 2, datums = null, knoppen = null } = opties;
  switch (b.soort) {
    case "kop":
      return el(`h${Math.min(6, kop + b.niveau - 1)}`, { "data-blok": "kop", text: b.tekst });
    case "alinea":
      return el("p", { "data-blok": "alinea", class: b.rol ? `weergave-${b.rol}` : null }, delen(b.delen));
    case "lijst":
      return el(GENUMMERD.has(b.rol) ? "ol" : "ul", { "data-blok": "lijst", class: `weergave-lijst weergave-${b.rol}` }, b.items.map(item));
    case "datums":
      return datums ? datums(b) : null;
    case "knoppen":
      return knoppen ? knoppen(b) : null;
    case "meer":
      return el(
        "details",
        { class: "weergave-meer" },
        el("summary", {}, el(`h${Math.min(6, kop + 1)}`, { "data-blok": "kop", text: b.kop })),
        blokken(b.blokken, opties),
      );
    default:
      return null;
  }
}

/* Blocks as elements, in order; see `blok` for the options. */
export function blokken(items, opties) {
  return items.map((b) => blok(b, opties)).filter(Boolean);
}
