/* From the helper's uitkomst to the overlegformulier, through the user's own file: the
 * route, the answers and the onderbouwingen become the text of onderdeel F ("verdere
 * beschrijving gevolgde route"). The file is downloaded; nothing is stored or sent.
 * Reads only verslag.metadata, .startdatum, .uitkomst and .route. routeTekst and
 * overlegUitVerslag are pure; opslaanVoorOverleg is the button's action (hulp-uitkomst.js). */
import { el } from "./dom.js";
import { download, maak } from "./werkblad-bestand.js";

// the overlegformulier page, from this module's own place (assets/javascripts/)
const PAGINA = new URL("../../werkbladen/overlegformulier/", import.meta.url).href;
export const VELD = "F-ruimte";

/* The text for onderdeel F: the route with its answers and onderbouwingen, and the uitkomst. */
export function routeTekst(verslag) {
  const u = verslag.uitkomst;
  const regels = [`Afwegingskader doorlopen; termijnen gerekend vanaf ${verslag.startdatum.tekst}.`, ""];
  for (const stap of verslag.route) {
    const soort = stap.soort === "beslissing" ? "Beslissing" : "Afwegingsvraag";
    regels.push(`${soort} ${stap.nummer}: ${stap.vraag}`);
    regels.push(`Antwoord: ${stap.label}${stap.betekenis ? `, ${stap.betekenis}` : ""}`);
    if (stap.onderbouwing) regels.push(`Onderbouwing: ${stap.onderbouwing}`);
    regels.push("");
  }
  regels.push(`Uitkomst: ${u.titel}`);
  regels.push(u.melden ? "Besluit: melden bij Veilig Thuis." : "Besluit: geen melding bij Veilig Thuis.");
  if (u.meldnorm) regels.push(`Meldnorm ${u.meldnorm.id}: ${u.meldnorm.tekst}`);
  return regels.join("\n");
}

/* The werkblad file for the overlegformulier, made from a verslag. */
export function overlegUitVerslag(verslag, opgeslagen = new Date()) {
  const m = verslag.metadata;
  return maak("overlegformulier", { titel: m.titel, school: m.school, versie: m.versie }, [{ id: VELD, tekst: null, waarde: routeTekst(verslag) }], opgeslagen);
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
