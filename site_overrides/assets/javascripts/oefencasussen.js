/* Oefencasussen: practise the afwegingskader on fictional cases. The cases, their expected
 * answers, reasons, uitkomst and actions come from assets/oefencasussen.json, made at build
 * time from protocol/oefencasussen.yaml by the same engine the helper uses; this file only
 * compares the trainee's answers with it. The score lives in memory and is gone on reload.
 * Loaded by oefencasussen-laden.js on the first choice, which calls choose(); the page is
 * wired then, not at import. */
import { el } from "./dom.js";
import { aantalGoed, gedaanTekst, kop as kopVan, oordeel, scoreTekst } from "./oefenen-tekst.js";
import { notLoadedText } from "./oefencasussen-laden.js";
import { blokken as weergave } from "./weergave.js";
import { woorden } from "./woorden.js";

const w = woorden("oefencasussen.js");

let lijst, grid, paneel, vrij, houder, score;
const STATEN = ["is-actief", "is-bezocht", "is-gekozen", "is-verwacht"];

let data = null;
let laden = null;
let casus = null; // the case being practised
let gegeven = []; // the trainee's answers to this case, by step
let beantwoord = false; // whether the current step shows its feedback
const gedaan = new Map(); // case id → [goed, totaal], this page view only

function haal() {
  laden =
    laden ||
    fetch(lijst.dataset.casussen).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  return laden;
}

// --- text with links: parts are strings or {tekst, href} -------------------------------
function delen(parts) {
  return parts.map((d) => (typeof d === "string" ? d : el("a", { href: d.href, text: d.tekst })));
}

function blokken(items) {
  return items.map((b) => (b.lijst ? el("ul", {}, b.lijst.map((item) => el("li", {}, delen(item)))) : el("p", {}, delen(b.alinea))));
}

function kop(id) {
  return kopVan(data.knopen[id]);
}

function label(knoop, antwoord) {
  return data.knopen[knoop].antwoorden.find((a) => a.id === antwoord).label;
}

// --- the chart: the route taken and the route the protocol expects ---------------------
function wis() {
  grid.querySelectorAll(STATEN.map((s) => `.kaart .${s}`).join(",")).forEach((n) => n.classList.remove(...STATEN));
}

function markeer() {
  wis();
  const zet = (id, klasse) => {
    const node = document.getElementById(id);
    if (node) node.classList.add(klasse);
  };
  gegeven.forEach((antwoord, i) => {
    const stap = casus.route[i];
    zet(`kaart-${stap.knoop}`, "is-bezocht");
    zet(`kaart-rand-${stap.knoop}-${antwoord}`, "is-gekozen");
    zet(`kaart-rand-${stap.knoop}-${stap.antwoord}`, "is-verwacht");
  });
  // after the last answer the expected route has reached its uitkomst
  const actief = gegeven.length === casus.route.length ? casus.uitkomst.id : casus.route[gegeven.length].knoop;
  const node = document.getElementById(`kaart-${actief}`);
  if (node) {
    node.classList.add("is-actief");
    // keep the current node in view inside the scrollable chart, not the whole page
    const vak = node.getBoundingClientRect();
    const kader = houder.getBoundingClientRect();
    houder.scrollBy({ left: vak.left + vak.width / 2 - (kader.left + kader.width / 2), behavior: "smooth" });
  }
}

// --- drawing ----------------------------------------------------------------------------
function knoppen(...items) {
  return el("div", { class: "oefenen-knoppen" }, items);
}

function knop(actie, tekst, extra = {}) {
  return el("button", { type: "button", class: "md-button", "data-casus-actie": actie, text: tekst, ...extra });
}

function terugblik() {
  // the steps before the current one, briefly: what was chosen and what was expected
  const klaar = beantwoord ? gegeven.length - 1 : gegeven.length;
  if (!klaar) return null;
  return el(
    "ol",
    { class: "casus-terugblik", "aria-label": w("eerdere_vragen") },
    casus.route.slice(0, klaar).map((stap, i) =>
      el(
        "li",
        {},
        w("u_koos", { knoop: kop(stap.knoop) }),
        el("strong", { text: label(stap.knoop, gegeven[i]) }),
        gegeven[i] === stap.antwoord ? w("goed_kort") : w("verwacht", { verwacht: label(stap.knoop, stap.antwoord) }),
      ),
    ),
  );
}

function vraagBlok() {
  const i = beantwoord ? gegeven.length - 1 : gegeven.length;
  const stap = casus.route[i];
  const knoop = data.knopen[stap.knoop];
  const gekozen = beantwoord ? gegeven[i] : null;
  const blok = [
    el("p", { class: "oefenen-soort", text: kop(stap.knoop) }),
    el("h3", { class: "oefenen-vraag", id: "casus-vraag", tabindex: "-1", text: knoop.vraag }),
    el(
      "div",
      { class: "oefenen-antwoorden", role: "group", "aria-labelledby": "casus-vraag" },
      // in the order of the source, never sorted here
      knoop.antwoorden.map((a) =>
        el(
          "button",
          {
            type: "button",
            class: "md-button oefenen-antwoord casus-antwoord",
            "data-casus-antwoord": a.id,
            "aria-pressed": gekozen === null ? null : String(gekozen === a.id),
            disabled: gekozen !== null,
          },
          el("strong", { text: a.label }),
          el("span", { text: `, ${a.betekenis}` }),
        ),
      ),
    ),
  ];
  if (gekozen !== null) {
    const goed = gekozen === stap.antwoord;
    const uitslag = oordeel(goed, label(stap.knoop, gekozen), label(stap.knoop, stap.antwoord));
    const laatste = i === casus.route.length - 1;
    blok.push(
      el(
        "div",
        { class: `casus-feedback ${goed ? "is-goed" : "is-fout"}` },
        el("p", { class: "casus-oordeel", id: "casus-oordeel", tabindex: "-1" }, el("strong", { text: uitslag.kop }), uitslag.tekst),
        el("p", { class: "casus-reden" }, el("strong", { text: w("waarom") }), delen(stap.reden)),
        stap.lkc.map((a) => el("p", { class: "casus-lkc" }, el("a", { href: a.href, text: w("lkc") }), `: “${a.tekst}”`)),
        goed || laatste ? null : el("p", { text: w("gaat_verder") }),
        // sticky at the foot of the feedback: in view above the spoedbalk while the reason is read
        el("div", { class: "oefenen-knoppen casus-verder" }, knop("verder", w(laatste ? "naar_uitkomst" : "volgende_vraag"))),
      ),
    );
  }
  return blok;
}

function samenvatting() {
  const goed = aantalGoed(gegeven, casus.route);
  const u = casus.uitkomst;
  const index = data.casussen.indexOf(casus);
  const volgende = data.casussen[index + 1];
  return [
    el("h3", { id: "casus-samenvatting", tabindex: "-1", text: w("samenvatting", { goed, aantal: casus.route.length }) }),
    el(
      "table",
      { class: "casus-tabel" },
      el("thead", {}, el("tr", {}, ["kolom_vraag", "kolom_antwoord", "kolom_protocol", "kolom_oordeel"].map((t) => el("th", { scope: "col", text: w(t) })))),
      el(
        "tbody",
        {},
        casus.route.map((stap, i) =>
          el(
            "tr",
            {},
            el("td", { text: kop(stap.knoop) }),
            el("td", { text: label(stap.knoop, gegeven[i]) }),
            el("td", { text: label(stap.knoop, stap.antwoord) }),
            el("td", { text: w(gegeven[i] === stap.antwoord ? "goed" : "niet_goed") }),
          ),
        ),
      ),
    ),
    // the uitkomst in the helper's words (meldcode_engine.weergave.samenvatting)
    el("div", { class: u.melden ? "casus-uitkomst casus-uitkomst--melden" : "casus-uitkomst" }, weergave(casus.samenvatting, { kop: 3 })),
    knoppen(volgende ? knop("volgende-casus", w("volgende_casus"), { "data-casus": volgende.id }) : null, knop("stop", w("terug"))),
  ];
}

function teken(focus) {
  const index = data.casussen.indexOf(casus);
  const klaar = gegeven.length === casus.route.length && !beantwoord;
  paneel.replaceChildren(
    ...[
      el("p", { class: "casus-label", text: w("label", { nummer: index + 1, aantal: data.casussen.length }) }),
      el("h2", { id: "casus-titel", tabindex: "-1", text: casus.titel }),
      el("h3", { class: "casus-tussenkop", text: w("situatie") }),
      blokken(casus.situatie),
      casus.gesprek_ouders.length ? [el("h3", { class: "casus-tussenkop", text: w("gesprek") }), blokken(casus.gesprek_ouders)] : null,
      klaar ? samenvatting() : [terugblik(), vraagBlok()],
      el(
        "p",
        { class: "casus-legenda" },
        w("legenda"),
        el("span", { class: "legenda-gekozen", text: w("legenda_gekozen") }),
        w("legenda_gekozen_tekst"),
        el("span", { class: "legenda-verwacht", text: w("legenda_verwacht") }),
        w("legenda_verwacht_tekst"),
      ),
      klaar ? null : knoppen(knop("stop", w("terug"))),
    ]
      .flat(Infinity)
      .filter(Boolean),
  );
  markeer();
  if (focus) {
    const doel = paneel.querySelector(focus);
    if (doel) inBeeld(doel);
  }
}

/* Focus what was just drawn and show it: the feedback (or the question, or the summary) whole
 * with the least scrolling, so a chart beside it on a wide screen stays in view; taller than
 * the screen (a phone), from its top, with "Volgende vraag" held at the foot (.casus-verder). */
function inBeeld(doel) {
  doel.focus({ preventScroll: true });
  const blok = doel.closest(".casus-feedback") || doel;
  const vak = blok.getBoundingClientRect();
  const header = document.querySelector(".md-header");
  const balk = document.querySelector(".md-banner");
  const boven = header ? header.getBoundingClientRect().bottom : 0;
  const onder = balk ? balk.getBoundingClientRect().top : window.innerHeight;
  if (vak.top < boven || vak.bottom > onder) blok.scrollIntoView({ block: vak.height <= onder - boven ? "nearest" : "start" });
}

function start(id) {
  casus = data.casussen.find((c) => c.id === id);
  if (!casus) return;
  gegeven = [];
  beantwoord = false;
  // the free walk shares the chart: start it afresh, and hide it while a case runs
  const opnieuw = vrij.querySelector("[data-actie=opnieuw]");
  if (opnieuw) opnieuw.click();
  vrij.hidden = true;
  paneel.hidden = false;
  teken("#casus-titel");
}

function stop() {
  const id = casus && casus.id;
  casus = null;
  wis();
  paneel.hidden = true;
  paneel.replaceChildren();
  vrij.hidden = false;
  const opnieuw = vrij.querySelector("[data-actie=opnieuw]");
  if (opnieuw) opnieuw.click();
  const terug = lijst.querySelector(`[data-casus="${id}"]`);
  if (terug) terug.focus();
}

function telScore() {
  score.textContent = scoreTekst(gedaan, data.casussen.length);
  for (const knopCasus of lijst.querySelectorAll("[data-casus]")) {
    const uitslag = gedaan.get(knopCasus.dataset.casus);
    let merk = knopCasus.querySelector(".casus-gedaan");
    if (uitslag && !merk) {
      merk = el("span", { class: "casus-gedaan" });
      knopCasus.append(merk);
    }
    if (merk) merk.textContent = uitslag ? gedaanTekst(uitslag) : "";
  }
}

/* The page's elements and listeners, once, on the first choice. False on a page without them. */
function opzetten() {
  if (lijst !== undefined) return Boolean(paneel);
  lijst = document.getElementById("oefencasus");
  grid = document.getElementById("oefenen-kaart");
  if (!lijst || !grid) {
    paneel = null;
    return false;
  }
  paneel = grid.querySelector(".casus-paneel");
  vrij = grid.querySelector(".oefenen-paneel");
  houder = grid.querySelector(".kaart-houder");
  score = lijst.querySelector(".casus-score");
  lijst.addEventListener("click", (event) => {
    const keuze = event.target.closest("[data-casus]");
    if (keuze) choose(keuze.dataset.casus);
  });

  paneel.addEventListener("click", (event) => {
    if (!casus) return;
    const antwoord = event.target.closest("[data-casus-antwoord]");
    const actie = event.target.closest("[data-casus-actie]");
    if (antwoord && !beantwoord) {
      gegeven.push(antwoord.dataset.casusAntwoord);
      beantwoord = true;
      teken("#casus-oordeel");
    } else if (actie && actie.dataset.casusActie === "verder") {
      beantwoord = false;
      if (gegeven.length === casus.route.length) {
        gedaan.set(casus.id, [aantalGoed(gegeven, casus.route), casus.route.length]);
        telScore();
        teken("#casus-samenvatting");
      } else {
        teken("#casus-vraag");
      }
    } else if (actie && actie.dataset.casusActie === "volgende-casus") {
      start(actie.dataset.casus);
    } else if (actie && actie.dataset.casusActie === "stop") {
      stop();
    }
  });
  return true;
}

/* Start the case with this id (loading the cases first); wires the page on the first call. */
export function choose(id) {
  if (!opzetten()) return;
  haal().then(
    (d) => {
      data = d;
      start(id);
    },
    () => {
      score.textContent = notLoadedText();
    },
  );
}
