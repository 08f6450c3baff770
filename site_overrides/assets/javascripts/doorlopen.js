/* Afwegingskader doorlopen: one question at a time, decided by the Python engine in a
 * Web Worker (Pyodide). This file only draws what the engine returns; every question,
 * answer, route and text comes from the engine's state, built from protocol/.
 * Nothing is stored or sent: answers live in memory and are gone with the tab. */
"use strict";

(() => {
  const root = document.getElementById("doorlopen-hulp");
  if (!root) return;

  const script = document.currentScript;
  const assets = new URL(root.dataset.assets, location.href).href;
  const workerUrl = new URL("doorlopen-worker.mjs", script ? script.src : location.href).href;
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

  const el = window.meldcodeEl; // dom.js

  function vandaag() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

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
    const vroeg = window.meldcodeDoorlopen; // started from the head by doorlopen-start.js
    if (vroeg) {
      worker = vroeg.worker;
      worker.removeEventListener("message", vroeg.bewaar);
      worker.removeEventListener("error", vroeg.bewaar);
      worker.onerror = onFout;
      worker.onmessage = onBericht;
      // what the worker said before this script listened, in order
      for (const event of vroeg.vroeg.splice(0)) (event.type === "error" ? onFout : onBericht)(event);
      return;
    }
    try {
      // a module worker from the site's own origin: the only kind Pyodide 314 supports
      worker = new Worker(workerUrl, { type: "module" });
    } catch (error) {
      faal(error);
      return;
    }
    window.meldcodeDoorlopen = { worker, vroeg: [], bewaar: () => {} };
    worker.onerror = onFout;
    worker.onmessage = onBericht;
    worker.postMessage({ method: "init", assets });
  }

  // --- drawing a question --------------------------------------------------------------
  function begripBlok(begrip) {
    return el(
      "details",
      { class: "doorlopen-begrip" },
      el("summary", { text: `Wat is ${begrip.naam.toLowerCase()}?` }),
      el("p", {}, el("strong", { text: "Definitie: " }), begrip.definitie),
      (begrip.toelichting || []).map((t) => el("p", { text: t })),
      begrip.voorbeelden && begrip.voorbeelden.length
        ? [el("p", {}, el("strong", { text: "Voorbeelden:" })), el("ul", {}, begrip.voorbeelden.map((v) => el("li", { text: v })))]
        : null,
    );
  }

  function tekenVraag(knoop) {
    const onthouden = knoop.onthouden || {};
    const soort = knoop.soort === "beslissing" ? "Beslissing" : "Afwegingsvraag";
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
          a.gevolg ? el("span", { class: "doorlopen-gevolg", text: `Dan: ${a.gevolg}` }) : null,
        ),
      ),
    );
    const veld = el(
      "fieldset",
      { class: "doorlopen-fieldset", "data-knoop": knoop.id },
      el("legend", {}, el("span", { class: "doorlopen-kop", text: `${soort} ${knoop.nummer}: ${knoop.titel}` }), vraagtekst),
      (knoop.toelichting || []).map((t) => el("p", { class: "doorlopen-toelichting", text: t })),
      knoop.criteria && knoop.criteria.length
        ? el("ul", { class: "doorlopen-criteria" }, knoop.criteria.map((c) => el("li", { text: c })))
        : null,
      (knoop.begrippen || []).map(begripBlok),
      el("div", { class: "doorlopen-opties" }, opties),
      el("label", {
        class: "doorlopen-onderbouwing-label",
        for: "onderbouwing",
        text: "Onderbouwing (niet verplicht): waarom dit antwoord?",
      }),
      el("textarea", { id: "onderbouwing", name: "onderbouwing", rows: "3", autocomplete: "off", spellcheck: "false" }),
    );
    veld.querySelector("textarea").value = onthouden.onderbouwing || "";
    form.querySelector("fieldset").replaceWith(veld);
    return vraagtekst;
  }

  // --- drawing the uitkomst and the verslag ------------------------------------------------
  function telefoon(contact) {
    return [el("a", { href: contact.href, text: contact.telefoon })];
  }

  const hoofdletter = (tekst) => tekst.charAt(0).toUpperCase() + tekst.slice(1);

  function actieBlok(actie) {
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

  function codeRef(stap) {
    return stap.code ? el("small", { class: "doorlopen-code", text: ` (in het protocol: ${stap.code})` }) : null;
  }

  function antwoordRegel(stap) {
    return el(
      "li",
      {},
      el("span", { class: "doorlopen-kop", text: `${stap.soort === "beslissing" ? "Beslissing" : "Afwegingsvraag"} ${stap.nummer}: ${stap.vraag}` }),
      el("span", {}, el("strong", { text: `${stap.label}` }), stap.betekenis ? `, ${stap.betekenis}` : "", stap.herkomst === "afgeleid" ? " (volgt uit de afwegingsvragen)" : "", codeRef(stap)),
      stap.onderbouwing ? el("span", { class: "doorlopen-onderbouwing" }, el("strong", { text: "Onderbouwing: " }), stap.onderbouwing) : null,
    );
  }

  function datumVeld(id, label, waarde, onChange) {
    const veld = el("input", { type: "date", id, value: waarde || "", autocomplete: "off" });
    veld.addEventListener("change", () => onChange(veld.value));
    return el("p", { class: "doorlopen-datum" }, el("label", { for: id, text: label }), veld);
  }

  function herteken(focusId) {
    engine("verslag", startdatum, momenten).then((v) => {
      tekenUitkomst(v);
      const veld = document.getElementById(focusId);
      if (veld) veld.focus();
    }, fouten);
  }

  function tekenUitkomst(verslag) {
    const u = verslag.uitkomst;
    const kop = el("h2", { id: "uitkomst-kop", tabindex: "-1", text: u.titel });
    const datums = [
      datumVeld("startdatum", "Datum van dit verslag", verslag.startdatum.iso, (waarde) => {
        if (!waarde) return;
        startdatum = waarde;
        herteken("startdatum");
      }),
      verslag.momenten.map((m) =>
        datumVeld(`moment-${m.id}`, hoofdletter(m.label), m.datum && m.datum.iso, (waarde) => {
          if (waarde) momenten[m.id] = waarde;
          else delete momenten[m.id];
          herteken(`moment-${m.id}`);
        }),
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
        window.meldcodeOpslaanVoorOverleg
          ? el("button", { type: "button", class: "md-button", "data-actie": "overlegformulier", text: "Opslaan voor het overlegformulier" })
          : null,
      ),
    ];
    uitkomstPaneel.replaceChildren(...inhoud.flat(Infinity).filter(Boolean));
    const overleg = uitkomstPaneel.querySelector("[data-actie=overlegformulier]");
    if (overleg) overleg.addEventListener("click", () => window.meldcodeOpslaanVoorOverleg(verslag, overleg));
    uitkomstPaneel.classList.toggle("doorlopen-uitkomst--melden", u.melden);
    uitkomstPaneel.hidden = false;
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
      tekenUitkomst(verslag).focus();
      return;
    }
    uitkomstPaneel.hidden = true;
    uitkomstPaneel.replaceChildren();
    document.body.classList.remove("doorlopen-verslag");
    form.hidden = false;
    const focus = tekenVraag(state.huidig);
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
