/* One question of the helper, drawn from the engine's state in the structure of the page's
 * first question (generator/pages/templates/_vraag.html.j2). Every word comes with the state
 * (meldcode_engine.weergave.VRAAG and VRAAG_SCHERM). What is not needed to choose an answer
 * (the toelichting, what follows each answer, the onderbouwing) folds away behind a
 * disclosure, so on a phone the answers and Volgende fit on the first screen. */
import { el } from "./dom.js";

// the words around a question come with the engine's state (meldcode_engine.weergave.VRAAG)
function begripBlok(begrip, woorden) {
  return el(
    "details",
    { class: "doorlopen-begrip" },
    el("summary", { text: woorden.begrip.replace("{naam}", begrip.naam.toLowerCase()) }),
    el("p", {}, el("strong", { text: woorden.definitie }), begrip.definitie),
    (begrip.toelichting || []).map((t) => el("p", { text: t })),
    begrip.voorbeelden && begrip.voorbeelden.length
      ? [el("p", {}, el("strong", { text: woorden.voorbeelden })), el("ul", {}, begrip.voorbeelden.map((v) => el("li", { text: v })))]
      : null,
  );
}

// a disclosure of the question screen: what is not needed to answer folds away
const meer = (soort, summary, ...inhoud) =>
  el("details", { class: `doorlopen-meer doorlopen-${soort}` }, el("summary", summary), ...inhoud);

// the toelichting, the criteria and the begrippen of a question, in one disclosure
function toelichting(knoop, woorden) {
  const alineas = (knoop.toelichting || []).map((t) => el("p", { text: t }));
  const criteria = (knoop.criteria || []).map((c) => el("li", { text: c }));
  const begrippen = (knoop.begrippen || []).map((b) => begripBlok(b, woorden));
  if (!alineas.length && !criteria.length && !begrippen.length) return null;
  return meer("toelichting", { text: woorden.toelichting }, alineas, criteria.length ? el("ul", { class: "doorlopen-criteria" }, criteria) : null, begrippen);
}

function gevolgen(knoop, woorden) {
  const met = knoop.antwoorden.filter((a) => a.gevolg);
  if (!met.length) return null;
  return meer("gevolgen", { text: woorden.gevolgen }, el("ul", {}, met.map((a) => el("li", {}, el("strong", { text: a.label }), `: ${a.gevolg}`))));
}

// the onderbouwing, folded behind its label (which names the field); folded too when it
// holds a reason given before, so Volgende stays in view, and then marked as filled in
function onderbouwing(woorden, tekst) {
  const veld = el("textarea", {
    id: "onderbouwing",
    name: "onderbouwing",
    rows: "3",
    autocomplete: "off",
    spellcheck: "false",
    "aria-labelledby": "onderbouwing-kop",
  });
  veld.value = tekst;
  const merk = el("span", { class: "doorlopen-ingevuld", text: woorden.ingevuld, hidden: !tekst });
  veld.addEventListener("input", () => {
    merk.hidden = !veld.value.trim();
  });
  const kop = el("summary", {}, el("span", { id: "onderbouwing-kop", text: woorden.onderbouwing }), " ", merk);
  return el("details", { class: "doorlopen-meer doorlopen-onderbouwing" }, kop, veld);
}

/* The fieldset of `knoop` (a knoop of the engine's state, with the answer it remembers):
 * the question, its toelichting folded, the answers, what follows each answer folded, and
 * the onderbouwing folded. `woorden` are the state's words. */
export function tekenVraag(knoop, woorden) {
  const onthouden = knoop.onthouden || {};
  const vraagtekst = el("span", { class: "doorlopen-vraagtekst", tabindex: "-1", text: knoop.vraag });
  const opties = knoop.antwoorden.map((a) =>
    el(
      "div",
      { class: "doorlopen-optie" },
      el("input", {
        type: "radio",
        name: "antwoord",
        id: `antwoord-${a.id}`,
        value: a.id,
        checked: onthouden.antwoord === a.id,
      }),
      el("label", { for: `antwoord-${a.id}` }, el("strong", { text: a.label }), `, ${a.betekenis}`),
    ),
  );
  return el(
    "fieldset",
    { class: "doorlopen-fieldset", "data-knoop": knoop.id },
    el("legend", {}, el("span", { class: "doorlopen-kop", text: knoop.kop }), vraagtekst),
    toelichting(knoop, woorden),
    el("div", { class: "doorlopen-opties" }, opties),
    gevolgen(knoop, woorden),
    onderbouwing(woorden, onthouden.onderbouwing || ""),
  );
}
