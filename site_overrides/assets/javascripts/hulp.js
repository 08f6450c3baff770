/* Afwegingskader doorlopen, the entry module of the helper's page: one question at a time,
 * decided by the Python engine in a Web Worker (Pyodide; started by hulp-start.js). While the
 * engine loads, the questions come from the engine's own table in the page (hulp-tabel.js),
 * so no one waits between questions; once ready, the engine walks the same answers again and
 * from then on answers itself. This module only draws states; every question, answer, route
 * and text comes from protocol/ through the engine. Nothing is stored or sent: answers live
 * in memory and are gone with the tab. */
import "./kaart.js";
import { isoDatum as vandaag } from "./datum.js";
import { closestTo } from "./dom.js";
import { neemOver } from "./hulp-start.js";
import { plaats, tabelSessie, zelfdeRoute } from "./hulp-tabel.js";
import { tekenUitkomst } from "./hulp-uitkomst.js";
import { tekenVraag } from "./hulp-vraag.js";
import { caller } from "./worker-bridge.js";

(() => {
  const root = document.getElementById("doorlopen-hulp");
  if (!root) return;

  const form = /** @type {HTMLFormElement} */ (root.querySelector(".doorlopen-formulier"));
  const status = root.querySelector(".doorlopen-status");
  const fout = /** @type {HTMLElement} */ (root.querySelector(".doorlopen-fout"));
  const uitkomstPaneel = /** @type {HTMLElement} */ (root.querySelector(".doorlopen-uitkomst"));
  const terugval = /** @type {HTMLElement} */ (root.querySelector(".doorlopen-terugval"));
  const knopTerug = /** @type {HTMLButtonElement} */ (form.querySelector("[data-actie=terug]"));
  const START_TIMEOUT_MS = 60000; // a slow phone may need a while; after this we stop waiting
  // a tap this soon after a new question is the second of a double tap on Volgende, not a choice
  const DUBBELTIK_MS = 600;

  let worker = null;
  let klaar = false;
  let mislukt = false;
  // the engine's table of the questions, in the page: the walk until the engine is ready
  const tabel = tabelSessie(JSON.parse(root.querySelector(".doorlopen-tabel").textContent));
  let uitkomstVolgt = false; // the table reached an uitkomst: only the engine can make it
  let startdatum = vandaag();
  let momenten = {}; // dates of moments the user filled in (melding, evaluatie, …): memory only
  let laatste = null; // the engine state on the screen: where the walk is, for Back and leaving
  let bewaard = null; // the state whose verslag the user saved in a file: leaving it loses nothing
  let getoondOp = -Infinity; // when the question on the screen was drawn (performance.now())
  const wacht = /** @type {HTMLElement} */ (form.querySelector(".doorlopen-wacht"));

  function meld(tekst) {
    status.textContent = tekst;
  }

  function toonFout(tekst) {
    fout.hidden = !tekst;
    fout.textContent = tekst || "";
  }

  // --- the engine in the worker --------------------------------------------------------
  const bridge = caller((bericht) => worker.postMessage(bericht));
  function engine(method, ...args) {
    return bridge.call(method, ...args);
  }

  // One step of the walk: the engine's once it is ready, the table's before. Either gives a
  // state in the engine's shape.
  function sessie(method, ...args) {
    if (klaar) return engine(method, ...args);
    try {
      return Promise.resolve(tabel[method](...args));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // The route reached an uitkomst before the engine could make it: say so beside the button
  // and keep the last question on the screen until the engine is ready.
  function wachtOpUitkomst(woorden) {
    uitkomstVolgt = true;
    // a live region that is always there, so a screen reader hears the text change
    wacht.textContent = woorden.uitkomst_volgt;
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
    if (reden && window.console) console.warn("helper not started:", reden);
  }

  // The engine is ready: it walks the answers given from the table again (until the table
  // stands still meanwhile) and takes over. Its route counts; should it differ, it says so.
  async function neemOverVanTabel() {
    for (;;) {
      const verwacht = tabel.state();
      // every answer the table remembers, past the place on the screen too (the user went
      // back): then back to that place, so the browser's Forward finds them in the engine
      const keten = tabel.keten();
      let state = await engine("restart");
      try {
        for (const stap of keten) state = await engine("answer", stap.knoop, stap.antwoord, stap.onderbouwing);
        for (let i = verwacht.route.length; i < keten.length; i++) state = await engine("back");
      } catch {
        state = await engine("state"); // the table led where the engine does not go
      }
      if (zelfdeRoute(tabel.state(), verwacht)) return { state, gelijk: zelfdeRoute(state, verwacht) };
    }
  }

  async function opKlaar(bestanden) {
    const { state, gelijk } = await neemOverVanTabel();
    klaar = true;
    root.dataset.klaar = "ja"; // for offline.js: the runtime is in the browser's cache now
    root.dataset.bestanden = JSON.stringify(bestanden || []); // and which copies (compressed-fetch.js)
    root.dispatchEvent(new Event("hulp-klaar"));
    meld(form.dataset.gestart);
    if (gelijk && !uitkomstVolgt) {
      laatste = state; // the question on the screen stays as it is, with what is typed in it
      return;
    }
    // the uitkomst the page waited for, or the engine's own place where the table differed
    uitkomstVolgt = false;
    stopWachten();
    await toon(state, "vervang");
    if (!gelijk) toonFout(state.woorden.anders);
  }

  function onBericht(event) {
    const bericht = event.data;
    if (bericht.type === "klaar") {
      clearTimeout(timer);
      opKlaar(bericht.bestanden).catch(fouten);
    } else if (bericht.type === "mislukt") {
      clearTimeout(timer);
      faal(bericht.reden);
    } else {
      bridge.receive(bericht);
    }
  }

  const onFout = (event) => faal(event.message || "error in the worker");
  let timer = null;

  function start() {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      faal("no WebAssembly or Web Worker");
      return;
    }
    timer = setTimeout(() => klaar || faal("too slow"), START_TIMEOUT_MS);
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
    if (state.uitkomst && !klaar) {
      wachtOpUitkomst(state.woorden);
      return;
    }
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
    getoondOp = performance.now();
    knopTerug.hidden = !state.kan_terug;
    // the question at the top of the screen, its answers and Volgende below it
    veld.scrollIntoView({ block: "start" });
    veld.querySelector(".doorlopen-vraagtekst").focus({ preventScroll: true });
  }

  // --- keeping what the user did: Back and Forward, leaving, Opnieuw ---------------------
  // anything that would be lost: an answer given or chosen, a reason typed, an uitkomst
  function heeftVoortgang() {
    if (mislukt) return false;
    if (bewaard && bewaard === laatste) return false; // saved in the user's own file, unchanged since
    if (laatste && (laatste.route.length || laatste.uitkomst)) return true;
    const tekst = form.querySelector("textarea");
    return Boolean(form.querySelector("input[name=antwoord]:checked") || (tekst && tekst.value.trim()));
  }

  function vorige() {
    if (uitkomstVolgt) {
      // waiting for the uitkomst: Vorige takes the last answer back, to the question on the screen
      uitkomstVolgt = false;
      stopWachten();
      return sessie("back").then((state) => toon(state, "vervang"), fouten);
    }
    // our own entry for this place is the current one: the browser's Back does the rest
    if (laatste && laatste.kan_terug && history.state && history.state.knoop === plaats(laatste)) {
      history.back();
      return null;
    }
    return sessie("back").then((state) => toon(state, "vervang"), fouten);
  }

  function opnieuw() {
    startdatum = vandaag();
    momenten = {};
    uitkomstVolgt = false;
    stopWachten();
    sessie("restart").then((state) => {
      // back to the entry of the first question; what lies ahead of it leads nowhere now
      const stappen = laatste ? laatste.route.length : 0;
      toon(state, "geen");
      if (stappen) history.go(-stappen);
    }, fouten);
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
    const gekozen = /** @type {HTMLInputElement | null} */ (form.querySelector("input[name=antwoord]:checked"));
    if (!gekozen) {
      // the second tap of a quick double tap lands on the next question: not an empty answer
      if (performance.now() - getoondOp < DUBBELTIK_MS) return;
      toonFout(form.dataset.kies);
      const eerste = /** @type {HTMLInputElement} */ (form.querySelector("input[name=antwoord]"));
      if (eerste) eerste.focus();
      return;
    }
    toonFout("");
    const knoop = veld.dataset.knoop;
    const antwoord = gekozen.value;
    const onderbouwing = /** @type {HTMLTextAreaElement} */ (form.querySelector("textarea")).value;
    if (mislukt) return;
    if (form.getAttribute("aria-busy") === "true") return; // the previous answer is still on its way
    form.setAttribute("aria-busy", "true");
    sessie("answer", knoop, antwoord, onderbouwing)
      .then((s) => toon(s), fouten)
      .finally(() => uitkomstVolgt || form.removeAttribute("aria-busy"));
  });

  root.addEventListener("click", (event) => {
    const knop = closestTo(event, "button[data-actie]");
    if (!knop) return;
    const actie = knop.dataset.actie;
    if (actie === "afdrukken") {
      window.print();
    } else if (actie === "terug") {
      if (!mislukt) vorige();
    } else if (actie === "opnieuw" && (!heeftVoortgang() || window.confirm(form.dataset.opnieuw))) {
      opnieuw();
    }
  });

  // Back and Forward walk the questions: the engine goes to the entry's place with every
  // answer kept (where the answers kept lead there; else the walk stays and the entry says so)
  window.addEventListener("popstate", (event) => {
    const doel = event.state && event.state.knoop;
    if (!doel || mislukt || (laatste && doel === plaats(laatste))) return;
    sessie("ga_naar", doel).then((state) => toon(state, "vervang"), fouten);
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
    const vroeg = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name=antwoord][value="${form.dataset.vroeg}"]`));
    if (vroeg) vroeg.checked = true;
    delete form.dataset.vroeg;
    form.requestSubmit();
  }

  history.scrollRestoration = "manual"; // the helper scrolls to the question itself
  history.replaceState({ knoop: form.querySelector("fieldset").dataset.knoop }, "");

  start();
})();
