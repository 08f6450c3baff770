/* From the helper's uitkomst to the overlegformulier, through the user's own file: the
 * route, the answers and the onderbouwingen become the text of onderdeel F ("verdere
 * beschrijving gevolgde route"). The file is downloaded; nothing is stored or sent.
 * Reads only verslag.metadata, .startdatum, .uitkomst and .route. */
"use strict";

(() => {
  const script = document.currentScript;
  // the overlegformulier page, from this script's own place (assets/javascripts/)
  const pagina = new URL("../../werkbladen/overlegformulier/", script ? script.src : location.href).href;
  const VELD = "F-ruimte";

  function routeTekst(verslag) {
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
  function overlegUitVerslag(verslag) {
    const bestand = window.meldcodeWerkbladBestand;
    const m = verslag.metadata;
    return bestand.maak("overlegformulier", { titel: m.titel, school: m.school, versie: m.versie }, [
      { id: VELD, tekst: null, waarde: routeTekst(verslag) },
    ]);
  }

  /* The button's action: download the file and say where to open it. */
  function opslaanVoorOverleg(verslag, knop) {
    window.meldcodeWerkbladBestand.download(overlegUitVerslag(verslag));
    const rij = knop && knop.closest(".doorlopen-knoppen");
    if (!rij) return;
    let uitleg = rij.parentElement.querySelector(".werkblad-overleg-uitleg");
    if (!uitleg) {
      uitleg = window.meldcodeEl("p", { class: "werkblad-overleg-uitleg", role: "status" });
      rij.after(uitleg);
    }
    uitleg.replaceChildren(
      "Het bestand staat in uw map voor downloads. Open het op het ",
      window.meldcodeEl("a", { href: pagina, text: "werkblad Overlegformulier" }),
      " met Bestand openen: uw route staat dan bij onderdeel F.",
    );
  }

  window.meldcodeOverlegUitVerslag = overlegUitVerslag;
  window.meldcodeOpslaanVoorOverleg = opslaanVoorOverleg;
})();
