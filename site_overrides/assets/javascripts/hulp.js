/* Afwegingskader doorlopen, the entry module of the helper's page: one question at a time,
 * decided by the Python engine in a Web Worker (Pyodide; started by hulp-start.js). This
 * module only draws what the engine returns; every question, answer, route and text comes
 * from the engine's state, built from protocol/. Nothing is stored or sent: answers live in
 * memory and are gone with the tab. */
import "./kaart.js";
import { isoDatum as vandaag } from "./datum.js";
import { el } from "./dom.js";
import { neemOver } from "./hulp-start.js";
import { tekenUitkomst } from "./hulp-uitkomst.js";

(() => {
  const root = document.getElementById("doorlopen-hulp");
  if (!root) return;

  const form = root.querySelector(".doorlopen-formulier");
  const status = root.querySelector(".doorlopen-status");
  const fout = root.querySelector(".doorlopen-fout");
  const uitkomstPaneel = root.querySelector(".doorlopen-uitkomst");
  const terugval = root.querySelector(".doorlopen-terugval");
  const knopTerug = form.querySelector("[data-actie=terug]");
  const START_TIMEOUT_MS = 60000; // a slow phone may need a while; after this we stop waiting

  let worker = null;
  let klaar = false;
  let mislukt = false;
  let wachtrij = []; // actions taken before the engine was ready, applied in order
  let wachtendAntwoord = null; // the one answer given before the engine was ready
  let volgnummer = 0;
  const wachtend = new Map();
  let startdatum = vandaag();
  let momenten = {}; // dates of moments the user filled in (melding, evaluatie, …): memory only
  const wacht = form.querySelector(".doorlopen-wacht");

  function meld(tekst) {
    status.textContent = tekst;
  }

  function toonFout(tekst) {
    fout.hidden = !tekst;
    fout.textContent = tekst || "";
  }

  // --- the engine in the worker --------------------------------------------------------
  function engine(method, ...args) {
    return new Promise((resolve, reject) => {
      const id = ++volgnummer;
      wachtend.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  }

  function uitvoeren(actie) {
    if (mislukt) return;
    if (klaar) {
      actie();
    } else {
      wachtrij.push(actie);
      meld("Even geduld: de hulp wordt nog geladen. Uw antwoord wordt daarna meteen verwerkt.");
    }
  }

  // An answer given while the engine loads: taken, shown as waiting next to the button,
  // and replaced (not queued twice) by a later tap, so three taps are one answer.
  function wachtOpEngine(antwoord) {
    wachtendAntwoord = antwoord;
    // a live region that is always there, so a screen reader hears the text change
    wacht.textContent = "Uw antwoord is ontvangen. De hulp wordt nog geladen; daarna gaat het vanzelf verder.";
    wacht.classList.add("is-wachtend");
    form.setAttribute("aria-busy", "true");
  }

  function stopWachten() {
    wacht.textContent = "";
    wacht.classList.remove("is-wachtend");
    form.removeAttribute("aria-busy");
  }

  function faal(reden) {
    if (mislukt) return;
    mislukt = true;
    stopWachten();
    if (worker) worker.terminate();
    // without the engine the questions cannot go on: say so where the question was
    form.hidden = true;
    terugval.hidden = false;
    meld("");
    if (reden && window.console) console.warn("Hulp niet gestart:", reden);
  }

  function onBericht(event) {
    const bericht = event.data;
    if (bericht.type === "klaar") {
      clearTimeout(timer);
      klaar = true;
      root.dataset.start = bericht.manier; // snapshot or gewoon: for tests and the benchmark
      meld("De hulp is klaar. Alles gebeurt op dit apparaat.");
      const acties = wachtrij;
      wachtrij = [];
      if (wachtendAntwoord) {
        const { knoop, antwoord, onderbouwing } = wachtendAntwoord;
        wachtendAntwoord = null;
        acties.push(() => engine("answer", knoop, antwoord, onderbouwing).then(toon, fouten).finally(stopWachten));
      }
      if (!acties.length) return;
      acties.reduce((keten, actie) => keten.then(actie), Promise.resolve());
    } else if (bericht.type === "mislukt") {
      clearTimeout(timer);
      faal(bericht.reden);
    } else if (bericht.type === "antwoord") {
      const belofte = wachtend.get(bericht.id);
      wachtend.delete(bericht.id);
      if (!belofte) return;
      if ("fout" in bericht) belofte.reject(new Error(bericht.fout));
      else belofte.resolve(bericht.ok);
    }
  }

  const onFout = (event) => faal(event.message || "fout in de worker");
  let timer = null;

  function start() {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      faal("geen WebAssembly of Web Worker");
      return;
    }
    timer = setTimeout(() => klaar || faal("te traag"), START_TIMEOUT_MS);
    let eerder;
    try {
      // the worker hulp-start.js made (from the head, or on this module's import)
      ({ worker, eerder } = neemOver(onBericht, onFout));
    } catch (error) {
      clearTimeout(timer);
      faal(error);
      return;
    }
    // what the worker said before this module listened, in order
    for (const event of eerder) (event.type === "error" ? onFout : onBericht)(event);
  }

  // --- drawing a question --------------------------------------------------------------
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

  function tekenVraag(knoop, woorden) {
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
        el(
          "label",
          { for: `antwoord-${a.id}` },
          el("strong", { text: a.label }),
          `, ${a.betekenis}`,
          a.gevolg ? el("span", { class: "doorlopen-gevolg", text: woorden.dan + a.gevolg }) : null,
        ),
      ),
    );
    const veld = el(
      "fieldset",
      { class: "doorlopen-fieldset", "data-knoop": knoop.id },
      el("legend", {}, el("span", { class: "doorlopen-kop", text: knoop.kop }), vraagtekst),
      (knoop.toelichting || []).map((t) => el("p", { class: "doorlopen-toelichting", text: t })),
      knoop.criteria && knoop.criteria.length
        ? el("ul", { class: "doorlopen-criteria" }, knoop.criteria.map((c) => el("li", { text: c })))
        : null,
      (knoop.begrippen || []).map((b) => begripBlok(b, woorden)),
      el("div", { class: "doorlopen-opties" }, opties),
      el("label", {
        class: "doorlopen-onderbouwing-label",
        for: "onderbouwing",
        text: woorden.onderbouwing,
      }),
      el("textarea", { id: "onderbouwing", name: "onderbouwing", rows: "3", autocomplete: "off", spellcheck: "false" }),
    );
    veld.querySelector("textarea").value = onthouden.onderbouwing || "";
    form.querySelector("fieldset").replaceWith(veld);
    return vraagtekst;
  }

  // --- the uitkomst and the verslag (drawn by hulp-uitkomst.js) ---------------------------
  function herteken(focusId) {
    engine("verslag", startdatum, momenten).then((v) => {
      toonUitkomst(v);
      const veld = document.getElementById(focusId);
      if (veld) veld.focus();
    }, fouten);
  }

  function toonUitkomst(verslag) {
    const kop = tekenUitkomst(uitkomstPaneel, verslag, {
      opStartdatum(waarde) {
        if (!waarde) return;
        startdatum = waarde;
        herteken("startdatum");
      },
      opMoment(id, waarde) {
        if (waarde) momenten[id] = waarde;
        else delete momenten[id];
        herteken(`moment-${id}`);
      },
    });
    form.hidden = true;
    document.body.classList.add("doorlopen-verslag");
    return kop;
  }

  // --- state → screen ----------------------------------------------------------------------
  async function toon(state) {
    toonFout("");
    markeerRoute(state);
    if (state.uitkomst) {
      const verslag = await engine("verslag", startdatum, momenten);
      toonUitkomst(verslag).focus();
      return;
    }
    uitkomstPaneel.hidden = true;
    uitkomstPaneel.replaceChildren();
    document.body.classList.remove("doorlopen-verslag");
    form.hidden = false;
    const focus = tekenVraag(state.huidig, state.woorden);
    knopTerug.hidden = !state.kan_terug;
    focus.focus();
  }

  // the route taken, lit up on the chart the page shows (ids kaart-<knoop>, kaart-rand-<knoop>-<antwoord>)
  function markeerRoute(state) {
    document.querySelectorAll(".kaart .is-actief, .kaart .is-bezocht, .kaart .is-gekozen").forEach((n) =>
      n.classList.remove("is-actief", "is-bezocht", "is-gekozen"),
    );
    for (const stap of state.route || []) {
      const knoop = document.getElementById(`kaart-${stap.knoop}`);
      const rand = document.getElementById(`kaart-rand-${stap.knoop}-${stap.antwoord}`);
      if (knoop) knoop.classList.add("is-bezocht");
      if (rand) rand.classList.add("is-gekozen");
    }
    const nu = state.uitkomst ? state.uitkomst.id : state.huidig && state.huidig.id;
    const actief = nu && document.getElementById(`kaart-${nu}`);
    if (actief) actief.classList.add("is-actief");
  }

  function fouten(error) {
    toonFout(error.message || String(error));
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const veld = form.querySelector("fieldset");
    const gekozen = form.querySelector("input[name=antwoord]:checked");
    if (!gekozen) {
      toonFout("Kies een antwoord om verder te gaan.");
      const eerste = form.querySelector("input[name=antwoord]");
      if (eerste) eerste.focus();
      return;
    }
    toonFout("");
    const knoop = veld.dataset.knoop;
    const antwoord = gekozen.value;
    const onderbouwing = form.querySelector("textarea").value;
    if (mislukt) return;
    if (!klaar) {
      wachtOpEngine({ knoop, antwoord, onderbouwing });
      return;
    }
    if (form.getAttribute("aria-busy") === "true") return; // the previous answer is still on its way
    form.setAttribute("aria-busy", "true");
    engine("answer", knoop, antwoord, onderbouwing).then(toon, fouten).finally(() => form.removeAttribute("aria-busy"));
  });

  root.addEventListener("click", (event) => {
    const knop = event.target.closest("button[data-actie]");
    if (!knop) return;
    const actie = knop.dataset.actie;
    if (actie === "afdrukken") {
      window.print();
    } else if (actie === "terug") {
      uitvoeren(() => engine("back").then(toon, fouten));
    } else if (actie === "opnieuw") {
      startdatum = vandaag();
      momenten = {};
      if (!klaar) {
        form.reset();
        toonFout("");
        wachtendAntwoord = null;
        stopWachten();
      }
      uitvoeren(() => engine("restart").then(toon, fouten));
    }
  });

  start();
})();
