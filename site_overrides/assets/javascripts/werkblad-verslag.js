/* From the helper's uitkomst to the overlegformulier, through the user's own file: the
 * route, the answers and the onderbouwingen become the text of onderdeel F ("verdere
 * beschrijving gevolgde route"), as the engine words it (verslag.overleg). The file is
 * downloaded; nothing is stored or sent. overlegUitVerslag is pure; opslaanVoorOverleg is
 * the button's action (hulp-uitkomst.js). */
import { el } from "./dom.js";
import { download, maak } from "./werkblad-bestand.js";

// the overlegformulier page, from this module's own place (assets/javascripts/)
const PAGINA = new URL("../../werkbladen/overlegformulier/", import.meta.url).href;
export const VELD = "F-ruimte";

/* The werkblad file for the overlegformulier, made from a verslag. */
export function overlegUitVerslag(verslag, opgeslagen = new Date()) {
  const m = verslag.metadata;
  return maak("overlegformulier", { titel: m.titel, school: m.school, versie: m.versie }, [{ id: VELD, tekst: null, waarde: verslag.overleg }], opgeslagen);
}

/* The button's action: download the file and say where to open it. */
export function opslaanVoorOverleg(verslag, knop) {
  download(overlegUitVerslag(verslag));
  const rij = knop && knop.closest(".doorlopen-knoppen");
  if (!rij) return;
  let uitleg = rij.parentElement.querySelector(".werkblad-overleg-uitleg");
  if (!uitleg) {
    uitleg = el("p", { class: "werkblad-overleg-uitleg", role: "status" });
    rij.after(uitleg);
  }
  uitleg.replaceChildren(
    "Het bestand staat in uw map voor downloads. Open het op het ",
    el("a", { href: PAGINA, text: "werkblad Overlegformulier" }),
    " met Bestand openen: uw route staat dan bij onderdeel F.",
  );
}
