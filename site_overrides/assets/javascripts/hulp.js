/* Afwegingskader doorlopen, the entry module of the helper's page: one question at a time,
 * decided by the Python engine in a Web Worker (Pyodide; started by hulp-start.js). This
 * module only draws what the engine returns; every question, answer, route and text comes
 * from the engine's state, built from protocol/. Nothing is stored or sent: answers live in
 * memory and are gone with the tab. */
import "./kaart.js";
import { isoDatum as vandaag } from "./datum.js";
import { neemOver } from "./hulp-start.js";
import { tekenUitkomst } from "./hulp-uitkomst.js";
import { tekenVraag } from "./hulp-vraag.js";

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
  let laatste = null; // the engine state on the screen: where the walk is, for Back and leaving
  let bewaard = null; // the state whose verslag the user saved in a file: leaving it loses nothing
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
    wacht.textContent = form.dataset.ontvangen;
    wacht.classList.add("is-wachtend");
    form.setAttribute("aria-busy", "true");
    wacht.scrollIntoView({ block: "nearest" }); // below the button: keep it in sight, above the spoedbalk
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
        acties.push(() => engine("answer", knoop, antwoord, onderbouwing).then((s) => toon(s), fouten).finally(stopWachten));
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
  // `geschiedenis`: "nieuw" (a step forward: one more entry in the browser's history),
  // "vervang" (Back, Forward, Vorige without an entry: the current entry names the place) or
  // "geen". An entry holds only the id of the knoop or uitkomst, never an answer or text.
  async function toon(state, geschiedenis = "nieuw") {
    toonFout("");
    markeerRoute(state);
    laatste = state;
    const knoop = plaats(state);
    if (geschiedenis === "vervang" || (geschiedenis === "nieuw" && history.state && history.state.knoop === knoop)) {
      history.replaceState({ knoop }, "");
    } else if (geschiedenis === "nieuw") {
      history.pushState({ knoop }, "");
    }
    if (state.uitkomst) {
      const verslag = await engine("verslag", startdatum, momenten);
      toonUitkomst(verslag).focus();
      return;
    }
    uitkomstPaneel.hidden = true;
    uitkomstPaneel.replaceChildren();
    document.body.classList.remove("doorlopen-verslag");
    form.hidden = false;
    const veld = tekenVraag(state.huidig, state.woorden);
    form.querySelector("fieldset").replaceWith(veld);
    knopTerug.hidden = !state.kan_terug;
    // the question at the top of the screen, its answers and Volgende below it
    veld.scrollIntoView({ block: "start" });
    veld.querySelector(".doorlopen-vraagtekst").focus({ preventScroll: true });
  }

  const plaats = (state) => (state.uitkomst ? state.uitkomst.id : state.huidig.id);

  // --- keeping what the user did: Back and Forward, leaving, Opnieuw ---------------------
  // anything that would be lost: an answer given or chosen, a reason typed, an uitkomst
  function heeftVoortgang() {
    if (mislukt) return false;
    if (bewaard && bewaard === laatste) return false; // saved in the user's own file, unchanged since
    if (laatste && (laatste.route.length || laatste.uitkomst)) return true;
    const tekst = form.querySelector("textarea");
    return Boolean(form.querySelector("input[name=antwoord]:checked") || (tekst && tekst.value.trim()) || wachtendAntwoord);
  }

  function vorige() {
    // our own entry for this place is the current one: the browser's Back does the rest
    if (laatste && laatste.kan_terug && history.state && history.state.knoop === plaats(laatste)) {
      history.back();
      return null;
    }
    return engine("back").then((state) => toon(state, "vervang"), fouten);
  }

  function opnieuw() {
    startdatum = vandaag();
    momenten = {};
    if (!klaar) {
      form.reset();
      toonFout("");
      wachtendAntwoord = null;
      stopWachten();
    }
    uitvoeren(() =>
      engine("restart").then((state) => {
        // back to the entry of the first question; what lies ahead of it leads nowhere now
        const stappen = laatste ? laatste.route.length : 0;
        toon(state, "geen");
        if (stappen) history.go(-stappen);
      }, fouten),
    );
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
      toonFout(form.dataset.kies);
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
    engine("answer", knoop, antwoord, onderbouwing)
      .then((s) => toon(s), fouten)
      .finally(() => form.removeAttribute("aria-busy"));
  });

  root.addEventListener("click", (event) => {
    const knop = event.target.closest("button[data-actie]");
    if (!knop) return;
    const actie = knop.dataset.actie;
    if (actie === "afdrukken") {
      window.print();
    } else if (actie === "terug") {
      uitvoeren(vorige);
    } else if (actie === "opnieuw" && (!heeftVoortgang() || window.confirm(form.dataset.opnieuw))) {
      opnieuw();
    }
  });

  // Back and Forward walk the questions: the engine goes to the entry's place with every
  // answer kept (where the answers kept lead there; else the walk stays and the entry says so)
  window.addEventListener("popstate", (event) => {
    const doel = event.state && event.state.knoop;
    if (!doel || !klaar || mislukt || (laatste && doel === plaats(laatste))) return;
    engine("ga_naar", doel).then((state) => toon(state, "vervang"), fouten);
  });

  // leaving or reloading would lose the answers (they live in memory only): the browser asks
  root.addEventListener("verslag-opgeslagen", () => {
    bewaard = laatste;
  });
  window.addEventListener("beforeunload", (event) => {
    if (!heeftVoortgang()) return;
    event.preventDefault();
    event.returnValue = ""; // older browsers need this to ask
  });

  // a tap on Volgende before this module ran (the page's inline script kept it): go on with it
  form.dataset.overgenomen = "ja";
  if (form.dataset.vroeg) {
    wacht.textContent = "";
    const vroeg = form.querySelector(`input[name=antwoord][value="${form.dataset.vroeg}"]`);
    if (vroeg) vroeg.checked = true;
    delete form.dataset.vroeg;
    form.requestSubmit();
  }

  history.scrollRestoration = "manual"; // the helper scrolls to the question itself
  history.replaceState({ knoop: form.querySelector("fieldset").dataset.knoop }, "");

  start();
})();
