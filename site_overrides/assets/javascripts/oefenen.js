/* Oefenen op de kaart: walk the afwegingskader on the chart itself. Questions, answers
 * and where they lead come from the exported afwegingskader (the same file the engine
 * reads); this module only follows them. The route lives in memory only. The oefenen page's
 * entry module: it also loads the oefencasussen when a trainee picks one. */
import "./oefencasussen-laden.js";
import { kaartKnoop } from "./kaart.js";
import { closestTo, el } from "./dom.js";
import { huidige as volgendeKnoop, knopenVan, kop } from "./oefenen-tekst.js";
import { woorden } from "./woorden.js";

const w = woorden("oefenen.js");

(() => {
  const root = document.getElementById("oefenen-kaart");
  if (!root) return;
  const paneel = root.querySelector(".oefenen-knoop");
  const status = root.querySelector(".oefenen-status");
  const routeLijst = root.querySelector(".oefenen-route");
  const knopTerug = /** @type {HTMLButtonElement} */ (root.querySelector("[data-actie=terug]"));

  let kader = null;
  let knopen = new Map();
  let route = []; // [{knoop, antwoord}]

  const huidige = () => volgendeKnoop(kader, knopen, route);

  function markeer(huidig) {
    root.querySelectorAll(".is-actief, .is-bezocht, .is-gekozen").forEach((n) => n.classList.remove("is-actief", "is-bezocht", "is-gekozen"));
    for (const stap of route) {
      const knoop = document.getElementById(`kaart-${stap.knoop}`);
      const rand = document.getElementById(`kaart-rand-${stap.knoop}-${stap.antwoord}`);
      if (knoop) knoop.classList.add("is-bezocht");
      if (rand) rand.classList.add("is-gekozen");
    }
    const actief = document.getElementById(`kaart-${huidig}`);
    if (actief) actief.classList.add("is-actief");
  }

  // After an answer the new question and the node it is about are both in view. On a
  // wide screen the panel is sticky beside the chart, so the node is scrolled into the
  // part of the screen the header and the spoedbalk leave free. On a narrow screen the
  // panel scrolls with the page, above the chart: the question and its answers come into
  // view; the chart follows below them.
  function inBeeld(id) {
    const paneelVak = root.querySelector(".oefenen-paneel");
    paneelVak.scrollTop = 0;
    if (getComputedStyle(paneelVak).position !== "sticky") {
      paneel.querySelector("#oefenen-vraag").scrollIntoView({ block: "start" });
      return;
    }
    const knoop = kaartKnoop(id) || document.getElementById(`kaart-${id}`);
    if (!knoop) return;
    knoop.scrollIntoView({ block: "nearest", inline: "nearest" }); // sideways in a wide chart
    const header = document.querySelector(".md-header");
    const balk = document.querySelector(".md-banner");
    const vak = knoop.getBoundingClientRect();
    const top = (header ? header.getBoundingClientRect().bottom : 0) + 8;
    const bottom = (balk ? balk.getBoundingClientRect().top : innerHeight) - 8;
    // as little as needed: the sticky panel stays where it is
    if (vak.top < top) window.scrollBy({ top: vak.top - top });
    else if (vak.bottom > bottom) window.scrollBy({ top: Math.min(vak.bottom - bottom, vak.top - top) });
  }

  function teken(focus) {
    const id = huidige();
    const knoop = knopen.get(id);
    let inhoud;
    if (knoop) {
      inhoud = [
        el("p", { class: "oefenen-soort", text: kop(knoop) }),
        el("h2", { class: "oefenen-vraag", id: "oefenen-vraag", tabindex: "-1", text: knoop.vraag }),
        knoop.toelichting.map((t) => el("p", { text: t })),
        knoop.criteria.length ? el("ul", {}, knoop.criteria.map((c) => el("li", { text: c }))) : null,
        el(
          "div",
          { class: "oefenen-antwoorden", role: "group", "aria-labelledby": "oefenen-vraag" },
          knoop.antwoorden.map((a) =>
            el(
              "button",
              { type: "button", class: "md-button oefenen-antwoord", "data-antwoord": a.id },
              el("strong", { text: a.label }),
              el("span", { text: `, ${a.betekenis}` }),
            ),
          ),
        ),
      ];
      status.textContent = w("bij", { knoop: kop(knoop).toLowerCase() });
    } else {
      const u = kader.uitkomsten.find((x) => x.id === id);
      inhoud = [
        el("p", { class: "oefenen-soort", text: w("uitkomst") }),
        el("h2", { class: "oefenen-vraag", id: "oefenen-vraag", tabindex: "-1", text: u.titel }),
        el("p", { class: u.melden ? "oefenen-melden" : "oefenen-niet-melden", text: u.besluit }),
        u.meldnorm ? el("p", { text: u.meldnorm.regel }) : null,
        el("p", { text: w("einde_uitleg") }),
      ];
      status.textContent = w("einde", { titel: u.titel });
    }
    paneel.replaceChildren(...inhoud.flat(Infinity).filter(Boolean));
    routeLijst.replaceChildren(
      ...route.map((stap) => {
        const k = knopen.get(stap.knoop);
        const a = k.antwoorden.find((x) => x.id === stap.antwoord);
        return el("li", {}, `${kop(k)}: `, el("strong", { text: a.label }));
      }),
    );
    knopTerug.disabled = route.length === 0;
    markeer(id);
    if (focus) {
      /** @type {HTMLElement} */ (paneel.querySelector("#oefenen-vraag")).focus({ preventScroll: true });
      inBeeld(id);
    }
  }

  root.addEventListener("click", (event) => {
    if (!kader) return;
    const antwoord = closestTo(event, "[data-antwoord]");
    const knop = closestTo(event, "[data-actie]");
    if (antwoord) {
      route.push({ knoop: huidige(), antwoord: antwoord.dataset.antwoord });
      teken(true);
    } else if (knop && knop.dataset.actie === "terug" && route.length) {
      route.pop();
      teken(true);
    } else if (knop && knop.dataset.actie === "opnieuw") {
      route = [];
      teken(true);
    }
  });

  fetch(root.dataset.kader)
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then((data) => {
      kader = data;
      knopen = knopenVan(data);
      teken(false);
    })
    .catch(() => {
      status.textContent = w("niet_gestart");
    });
})();
