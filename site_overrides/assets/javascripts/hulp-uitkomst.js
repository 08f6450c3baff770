/* The helper's uitkomst and verslag, placed from the engine's blocks (verslag.weergave):
 * every word comes from meldcode_engine.weergave, as on paper and in the golden files. This
 * module adds what only a page has: the date fields and the buttons, both also worded by
 * the engine. */
import { el } from "./dom.js";
import { blokken } from "./weergave.js";
import { opslaanVoorOverleg } from "./werkblad-verslag.js";

export function dateField(veld, onChange) {
  const invoer = el("input", { type: "date", id: veld.id, value: veld.iso || "", autocomplete: "off" });
  invoer.addEventListener("change", () => onChange(invoer.value));
  return el("p", { class: "doorlopen-datum" }, el("label", { for: veld.id, text: veld.label }), invoer);
}

/* The date fields of the termijnen: the startdatum, and each moment a termijn counts from;
 * closed under their kop, like the engine's other background (weergave.js, "meer"). */
function datums(b, { opStartdatum, opMoment }) {
  return el(
    "details",
    { class: "doorlopen-datums weergave-meer" },
    el("summary", {}, el("h3", { text: b.kop })),
    el("p", { text: b.uitleg }),
    b.velden.map((v) => dateField(v, v.moment ? (waarde) => opMoment(v.moment, waarde) : opStartdatum)),
  );
}

function knoppen(b) {
  return el(
    "div",
    { class: "doorlopen-knoppen" },
    b.knoppen.map((k, i) =>
      el("button", { type: "button", class: i === 0 ? "md-button md-button--primary" : "md-button", "data-actie": k.actie, text: k.tekst }),
    ),
  );
}

/* Draw the verslag into `paneel`, replacing what was there (disclosures the reader had
 * open stay open). `opStartdatum(waarde)` and
 * `opMoment(id, waarde)` are called when the user changes a date. Returns the heading, for
 * the focus. */
export function tekenUitkomst(paneel, verslag, acties) {
  // a redraw (a date changed) keeps open what the reader opened, so the focus can return there
  const open = new Set([...paneel.querySelectorAll("details[open] > summary")].map((s) => s.textContent));
  paneel.replaceChildren(
    ...blokken(verslag.weergave, { kop: 2, datums: (b) => datums(b, acties), knoppen }),
  );
  for (const summary of paneel.querySelectorAll("details > summary")) {
    if (open.has(summary.textContent)) summary.parentElement.open = true;
  }
  const kop = paneel.querySelector("h2");
  kop.id = "uitkomst-kop";
  kop.tabIndex = -1;
  const overleg = paneel.querySelector("[data-actie=overlegformulier]");
  overleg.addEventListener("click", () => opslaanVoorOverleg(verslag, overleg));
  paneel.classList.toggle("doorlopen-uitkomst--melden", verslag.uitkomst.melden);
  paneel.hidden = false;
  return kop;
}
