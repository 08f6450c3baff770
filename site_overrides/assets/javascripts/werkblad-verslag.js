/* From the helper's uitkomst to the overlegformulier, through the user's own file: the
 * route, the answers and the onderbouwingen become the text of onderdeel F ("verdere
 * beschrijving gevolgde route"), as the engine words it (verslag.overleg). The user adds
 * it to the Overlegformulier file she already has (every other field kept as it is), or
 * saves a new file. The file is read in the page and downloaded; nothing is stored or
 * sent. Every word comes from the engine (meldcode_engine.weergave.OVERLEG, carried by the
 * verslag's knoppen block). overlegUitVerslag and addRoute are pure; opslaanVoorOverleg
 * is the button's action (hulp-uitkomst.js). */
import { el } from "./dom.js";
import { FileError, FORMAAT, MAX_BYTES, SOORT, download, make, read } from "./werkblad-file.js";

// the overlegformulier page, from this module's own place (assets/javascripts/)
const PAGINA = new URL("../../werkbladen/overlegformulier/", import.meta.url).href;
export const WERKBLAD = "overlegformulier";
export const FIELD = "F-ruimte";

/* The werkblad file for the overlegformulier, made from a verslag. */
export function overlegUitVerslag(verslag, opgeslagen = new Date()) {
  const m = verslag.metadata;
  return make(WERKBLAD, { titel: m.titel, school: m.school, versie: m.versie }, [{ id: FIELD, tekst: null, waarde: verslag.overleg }], opgeslagen);
}

/* Why a chosen file cannot take the route: `soort` names the engine's words for it
 * ("geen", "beschadigd", "nieuwer"). */
export class OverlegError extends Error {
  constructor(soort) {
    super(soort);
    this.soort = soort;
  }
}

/* The text of the user's Overlegformulier file with the route put into onderdeel F: every
 * other field, and everything else the file holds, exactly as it was. Returns the new
 * file's data and whether onderdeel F held other text before; throws an OverlegError. */
export function addRoute(tekst, verslag, opgeslagen = new Date()) {
  if (tekst.trimStart()[0] !== "{") throw new OverlegError("geen");
  let ruw;
  try {
    ruw = JSON.parse(tekst);
  } catch {
    throw new OverlegError("beschadigd");
  }
  if (!ruw || typeof ruw !== "object" || Array.isArray(ruw) || ruw.soort !== SOORT || ruw.werkblad !== WERKBLAD) {
    throw new OverlegError("geen");
  }
  if (Number.isInteger(ruw.formaat) && ruw.formaat > FORMAAT) throw new OverlegError("nieuwer");
  try {
    read(tekst, WERKBLAD); // every check the werkblad page makes before it opens a file
  } catch (e) {
    if (e instanceof FileError) throw new OverlegError("beschadigd");
    throw e;
  }
  let vervangen = false;
  let gevonden = false;
  const velden = ruw.velden.map((v) => {
    if (v.id !== FIELD) return v;
    gevonden = true;
    vervangen = vervangen || (v.waarde !== "" && v.waarde !== verslag.overleg);
    return { ...v, waarde: verslag.overleg };
  });
  if (!gevonden) velden.push({ id: FIELD, tekst: null, waarde: verslag.overleg });
  return { data: { ...ruw, opgeslagen: opgeslagen.toISOString(), velden }, vervangen };
}

// a sentence of the engine's with {bestand} and {werkblad} filled in, as page nodes
function zin(woorden, tekst, bestand) {
  const [voor, ...na] = tekst.replaceAll("{bestand}", bestand).split("{werkblad}");
  return na.length ? [voor, el("a", { href: PAGINA, text: woorden.werkblad }), na.join("")] : [voor];
}

function paneelVoor(verslag, woorden, rij) {
  let paneel = rij.parentElement.querySelector(".werkblad-overleg");
  if (paneel) return paneel;
  const kiezer = el("input", { type: "file", accept: ".json,application/json", hidden: true, "aria-label": woorden.kiezen });
  const status = el("p", { class: "werkblad-overleg-uitleg", role: "status" });
  const fout = el("div", { class: "werkblad-overleg-fout", role: "alert", tabindex: "-1", hidden: true });
  const melding = (tekst, bestand, isFout = false) => {
    status.replaceChildren(...(isFout ? [] : zin(woorden, tekst, bestand)));
    fout.replaceChildren(...(isFout ? [el("p", {}, ...zin(woorden, tekst, bestand))] : []));
    fout.hidden = !isFout;
    if (isFout) fout.focus();
  };
  const knop = (actie, tekst, primair) => el("button", { type: "button", class: primair ? "md-button md-button--primary" : "md-button", "data-overleg": actie, text: tekst });
  paneel = el(
    "div",
    { class: "werkblad-overleg" },
    el("p", { text: woorden.uitleg }),
    el("div", { class: "doorlopen-knoppen werkblad-overleg-knoppen" }, knop("toevoegen", woorden.toevoegen, true), knop("nieuw", woorden.nieuw, false)),
    kiezer,
    status,
    fout,
  );
  paneel.addEventListener("click", (event) => {
    const actie = event.target.closest("[data-overleg]")?.dataset.overleg;
    if (actie === "toevoegen") kiezer.click();
    if (actie === "nieuw") {
      download(overlegUitVerslag(verslag));
      melding(woorden.opgeslagen, "");
      announceSaved(paneel);
    }
  });
  kiezer.addEventListener("change", async () => {
    const file = kiezer.files[0];
    kiezer.value = ""; // the same file can be chosen again
    if (!file) return;
    melding("", ""); // what was said of the file before goes at once, not while this one is read
    const naam = JSON.stringify(file.name);
    try {
      if (file.size > MAX_BYTES) throw new OverlegError("geen");
      const { data, vervangen } = addRoute(await file.text(), verslag);
      download(data);
      melding(vervangen ? `${woorden.toegevoegd} ${woorden.vervangen}` : woorden.toegevoegd, naam);
      announceSaved(paneel);
    } catch (e) {
      if (!(e instanceof OverlegError)) throw e;
      melding(woorden[e.soort], naam, true);
    }
  });
  rij.after(paneel);
  return paneel;
}

/* Tells the page the verslag is in a file of the user's: leaving loses nothing now. */
function announceSaved(paneel) {
  paneel.dispatchEvent(new CustomEvent("verslag-opgeslagen", { bubbles: true }));
}

/* The button's action: show the choice (add to my file, or a new file) under the buttons. */
export function opslaanVoorOverleg(verslag, knop) {
  const rij = knop && knop.closest(".doorlopen-knoppen");
  if (!rij) return;
  const woorden = verslag.weergave.find((b) => b.soort === "knoppen").overleg;
  const paneel = paneelVoor(verslag, woorden, rij);
  paneel.querySelector("[data-overleg=toevoegen]").focus();
}
