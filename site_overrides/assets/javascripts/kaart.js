/* The charts on a page. Each chart is there twice: the desktop layout (.kaart--breed,
 * ids `kaart-…`) and the phone layout (.kaart--smal, ids `kaart-smal-…`); the style sheet
 * shows one. Scripts that light up a route (oefenen, the helper) mark the desktop chart;
 * this module mirrors those marks onto the phone layout, so both always show the same.
 * The routekaart page's entry module; the helper and oefenen import it for kaartKnoop. */
const STATES = ["is-actief", "is-bezocht", "is-gekozen"];
const COPY = /--\d+$/; // the phone layout may draw an uitkomst once per question

// On a narrow screen a wide chart scrolls sideways; start it at its main column.
function beginBijMidden(houder) {
  const midden = houder.querySelector(`.kaart--breed #${CSS.escape(houder.dataset.midden)}`);
  if (!midden || houder.scrollWidth <= houder.clientWidth || !midden.getBoundingClientRect().width) return;
  const vak = midden.getBoundingClientRect();
  const kader = houder.getBoundingClientRect();
  houder.scrollLeft += vak.left + vak.width / 2 - (kader.left + kader.width / 2);
}

function sync(smal) {
  const twins = [...smal.querySelectorAll("[id^='kaart-smal-']")];
  for (const twin of twins) {
    const bron = document.getElementById(twin.id.replace("kaart-smal-", "kaart-").replace(COPY, ""));
    if (!bron) continue;
    for (const state of STATES) twin.classList.toggle(state, bron.classList.contains(state));
  }
  // an uitkomst drawn more than once: only the copy the chosen arrow points at is lit
  for (const twin of twins) {
    const naam = twin.id.replace("kaart-smal-", "");
    const kopieen = twins.filter((t) => t.id.replace("kaart-smal-", "").replace(COPY, "") === naam.replace(COPY, ""));
    if (kopieen.length < 2 || !twin.classList.contains("knoop")) continue;
    if (!smal.querySelector(`.rand.is-gekozen[data-naar="${CSS.escape(naam)}"]`)) {
      twin.classList.remove("is-actief", "is-bezocht");
    }
  }
}

function volg(smal) {
  const breed = smal.parentElement.querySelector(".kaart--breed");
  if (!breed) return;
  new MutationObserver(() => sync(smal)).observe(breed, { subtree: true, attributes: true, attributeFilter: ["class"] });
  sync(smal);
}

function richtIn() {
  document.querySelectorAll(".kaart-houder[data-midden]").forEach(beginBijMidden);
  document.querySelectorAll(".kaart--smal").forEach(volg);
}

// the helper imports this module while the page is still being read (the charts below it
// not yet there): then once the page is read
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", richtIn, { once: true });
else richtIn();

/* The node of the chart the reader sees now (desktop or phone layout), for scripts
 * that scroll it into view. */
export function kaartKnoop(id) {
  // the marks were just set: mirror them now, not after the observer's turn
  document.querySelectorAll(".kaart--smal").forEach(sync);
  const kandidaten = [
    document.querySelector(`.kaart--smal .knoop.is-actief[id^='kaart-smal-${CSS.escape(id)}']`),
    document.getElementById(`kaart-smal-${id}`),
    document.getElementById(`kaart-${id}`),
  ];
  return kandidaten.find((k) => k && k.getBoundingClientRect().width > 0) || null;
}
