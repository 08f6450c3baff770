/* The helper's uitkomst and verslag: what to do, who and when, the dates of the termijnen,
 * why this uitkomst, the melding and the answers given. Draws only what the engine's verslag
 * holds (every word of the protocol comes from it); the wording around it lives here. */
import { el } from "./dom.js";
import { opslaanVoorOverleg } from "./werkblad-verslag.js";

export function telefoon(contact) {
  return [el("a", { href: contact.href, text: contact.telefoon })];
}

export const hoofdletter = (tekst) => tekst.charAt(0).toUpperCase() + tekst.slice(1);

export function actieBlok(actie) {
  const w = actie.wanneer;
  const vanaf = actie.termijn.vanaf;
  return el(
    "li",
    { class: `doorlopen-actie-${w.soort}` },
    el("span", { class: "doorlopen-actie", text: actie.tekst }),
    actie.rol
      ? el("span", { class: "doorlopen-wie" }, el("strong", { text: "Wie: " }), actie.rol.naam + (actie.rol.invulling ? ` (${actie.rol.invulling})` : ""))
      : null,
    actie.door ? el("span", { class: "doorlopen-wie" }, el("strong", { text: "Wie: " }), actie.door.naam) : null,
    actie.contact && actie.contact.telefoon
      ? el("span", { class: "doorlopen-contact" }, el("strong", { text: "Bellen: " }), `${actie.contact.naam} `, telefoon(actie.contact))
      : null,
    el("span", { class: "doorlopen-termijn" }, el("strong", { text: "Wanneer: " }), w.tekst),
    w.datum_tekst
      ? el("span", { class: "doorlopen-termijn-datum" }, el("strong", { text: "Datum: " }), w.datum_tekst)
      : w.moment
        ? el("span", { class: "doorlopen-termijn-datum doorlopen-termijn-open" }, el("strong", { text: "Datum: " }), `vul hieronder ${vanaf.datum} in`)
        : null,
  );
}

export function codeRef(stap) {
  return stap.code ? el("small", { class: "doorlopen-code", text: ` (in het protocol: ${stap.code})` }) : null;
}

export function antwoordRegel(stap) {
  return el(
    "li",
    {},
    el("span", { class: "doorlopen-kop", text: `${stap.soort === "beslissing" ? "Beslissing" : "Afwegingsvraag"} ${stap.nummer}: ${stap.vraag}` }),
    el("span", {}, el("strong", { text: `${stap.label}` }), stap.betekenis ? `, ${stap.betekenis}` : "", stap.herkomst === "afgeleid" ? " (volgt uit de afwegingsvragen)" : "", codeRef(stap)),
    stap.onderbouwing ? el("span", { class: "doorlopen-onderbouwing" }, el("strong", { text: "Onderbouwing: " }), stap.onderbouwing) : null,
  );
}

export function datumVeld(id, label, waarde, onChange) {
  const veld = el("input", { type: "date", id, value: waarde || "", autocomplete: "off" });
  veld.addEventListener("change", () => onChange(veld.value));
  return el("p", { class: "doorlopen-datum" }, el("label", { for: id, text: label }), veld);
}

/* Draw the verslag into `paneel`, replacing what was there. `opStartdatum(waarde)` and
 * `opMoment(id, waarde)` are called when the user changes a date. Returns the heading, for
 * the focus. */
export function tekenUitkomst(paneel, verslag, { opStartdatum, opMoment }) {
  const u = verslag.uitkomst;
  const kop = el("h2", { id: "uitkomst-kop", tabindex: "-1", text: u.titel });
  const datums = [
    datumVeld("startdatum", "Datum van dit verslag", verslag.startdatum.iso, opStartdatum),
    verslag.momenten.map((m) =>
      datumVeld(`moment-${m.id}`, hoofdletter(m.label), m.datum && m.datum.iso, (waarde) => opMoment(m.id, waarde)),
    ),
  ];
  const inhoud = [
    el("p", { class: "doorlopen-verslag-kop", text: `${verslag.metadata.titel}, ${verslag.metadata.school} (versie ${verslag.metadata.versie}): verslag van het afwegingskader` }),
    kop,
    el(
      "p",
      { class: u.melden ? "doorlopen-besluit doorlopen-besluit--melden" : "doorlopen-besluit" },
      u.melden ? "Besluit: melden bij Veilig Thuis." : "Besluit: geen melding bij Veilig Thuis.",
    ),
    el("h3", { text: "Wat nu: wie doet wat en wanneer" }),
    el("ol", { class: "doorlopen-acties" }, verslag.acties.map(actieBlok)),
    verslag.verwachten.length
      ? [el("h3", { text: "Wat u daarna kunt verwachten" }), el("ul", { class: "doorlopen-acties doorlopen-verwachten" }, verslag.verwachten.map(actieBlok))]
      : null,
    el(
      "div",
      { class: "doorlopen-datums" },
      el("h3", { text: "Data van de termijnen" }),
      el("p", { text: verslag.momenten.length ? "Vul een datum in zodra u die weet; dan staat de termijn er als datum bij. Niets wordt bewaard." : "De termijnen hierboven hangen niet van een datum af." }),
      datums,
    ),
    u.meldnorm || u.voorwaarde || (u.tekst && u.tekst.length)
      ? [
          el("h3", { text: "Waarom deze uitkomst" }),
          u.meldnorm ? el("p", {}, el("strong", { text: `Meldnorm ${u.meldnorm.id}: ` }), u.meldnorm.tekst) : null,
          u.voorwaarde ? el("p", {}, el("small", { class: "doorlopen-code", text: `In het protocol: ${u.voorwaarde}` })) : null,
          (u.tekst || []).map((t) => el("p", { text: t })),
        ]
      : null,
    verslag.melding && verslag.melding.spoed
      ? [
          el("h3", { text: "Bij spoed" }),
          el("ul", {}, verslag.melding.spoed.map((c) => el("li", {}, el("strong", { text: c.naam }), ": ", telefoon(c), c.toelichting ? ` (${c.toelichting})` : ""))),
        ]
      : null,
    verslag.melding
      ? [
          el("h3", { text: verslag.melding.titel }),
          verslag.melding.secties.map((s) => [el("h4", { text: s.titel }), s.alineas.map((a) => el("p", { text: a }))]),
        ]
      : null,
    el("h3", { text: "Uw antwoorden" }),
    el("ol", { class: "doorlopen-route" }, verslag.route.map(antwoordRegel)),
    verslag.beslissingen.length
      ? [el("h3", { text: "Beslissingen die niet gevraagd zijn" }), el("ul", { class: "doorlopen-route" }, verslag.beslissingen.map(antwoordRegel))]
      : null,
    el(
      "div",
      { class: "doorlopen-knoppen" },
      el("button", { type: "button", class: "md-button md-button--primary", "data-actie": "afdrukken", text: "Afdrukken / opslaan als PDF" }),
      el("button", { type: "button", class: "md-button", "data-actie": "terug", text: "Vorige" }),
      el("button", { type: "button", class: "md-button", "data-actie": "opnieuw", text: "Opnieuw" }),
      // werkblad-verslag.js: the route as a file for the overlegformulier
      el("button", { type: "button", class: "md-button", "data-actie": "overlegformulier", text: "Opslaan voor het overlegformulier" }),
    ),
  ];
  paneel.replaceChildren(...inhoud.flat(Infinity).filter(Boolean));
  const overleg = paneel.querySelector("[data-actie=overlegformulier]");
  overleg.addEventListener("click", () => opslaanVoorOverleg(verslag, overleg));
  paneel.classList.toggle("doorlopen-uitkomst--melden", u.melden);
  paneel.hidden = false;
  return kop;
}
