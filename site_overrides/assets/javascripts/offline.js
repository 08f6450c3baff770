/* Offline use: registers the site's service worker (sw.js, at the site's root), and says
 * so when a new version is waiting. The worker caches only the site's own files; nothing a
 * user types or answers is ever in it. With offline switched off (mkdocs.yml), any worker
 * left from before is removed, with its caches. Started by meldcode.js. */
import { woorden } from "./woorden.js";

const w = woorden("offline.js");

// the site's root, from this module's own place (assets/javascripts/)
const ROOT = new URL("../../", import.meta.url);

export function startOffline() {
  if (!("serviceWorker" in navigator)) return;
  // the editor's page (/redactie/) is not for offline use: it registers no worker
  if (document.getElementById("nc-root")) return;
  const root = ROOT;
  const aan = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="meldcode-offline"]'));

  if (!aan || aan.content !== "aan") {
    navigator.serviceWorker.getRegistrations().then((lijst) => lijst.forEach((r) => r.unregister()));
    if (window.caches) caches.keys().then((namen) => namen.filter((n) => n.startsWith("meldcode-")).forEach((n) => caches.delete(n)));
    return;
  }

  function meldNieuweVersie(registratie) {
    if (document.querySelector(".nieuwe-versie")) return;
    const balk = document.createElement("div");
    balk.className = "nieuwe-versie";
    balk.setAttribute("role", "status");
    const tekst = document.createElement("span");
    tekst.textContent = w("nieuwe_versie");
    const knop = document.createElement("button");
    knop.type = "button";
    knop.className = "md-button md-button--primary";
    knop.textContent = w("vernieuwen");
    knop.addEventListener("click", () => {
      knop.disabled = true;
      vernieuwen = true;
      if (registratie.waiting) registratie.waiting.postMessage({ type: "SKIP_WAITING" });
      else location.reload();
    });
    balk.append(tekst, knop);
    document.body.append(balk);
  }

  let vernieuwen = false; // set when the user chose "Vernieuwen"
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // the new version took over at the user's request: show it, once
    if (!vernieuwen) return;
    vernieuwen = false;
    location.reload();
  });

  function registreer() {
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.pathname })
      .then((registratie) => {
        if (registratie.waiting && navigator.serviceWorker.controller) meldNieuweVersie(registratie);
        registratie.addEventListener("updatefound", () => {
          const nieuw = registratie.installing;
          if (!nieuw) return;
          nieuw.addEventListener("statechange", () => {
            if (nieuw.state === "installed" && navigator.serviceWorker.controller) meldNieuweVersie(registratie);
          });
        });
      })
      .catch(() => {}); // without a service worker the site works as before, online
  }

  const naLaden = (doe) => (document.readyState === "complete" ? doe() : window.addEventListener("load", doe, { once: true }));
  const hulp = document.getElementById("doorlopen-hulp");
  if (!hulp) {
    naLaden(registreer);
    return;
  }
  // The helper's page: the worker and its copy of the site wait until the helper has loaded
  // its runtime, so they do not share a slow link with it; then the worker keeps the runtime
  // for offline use, from the browser's cache instead of a second download.
  const naHulp = (doe) => (hulp.dataset.klaar ? doe() : hulp.addEventListener("hulp-klaar", doe, { once: true }));
  naHulp(() =>
    naLaden(() => {
      registreer();
      navigator.serviceWorker.ready.then((registratie) => {
        // the runtime's files as the worker fetched them: a file, or its .gz copy where the server
        // compresses nothing (compressed-fetch.js), so the worker keeps what is in the cache already
        const bestanden = JSON.parse(hulp.dataset.bestanden || "[]");
        if (registratie.active) registratie.active.postMessage({ type: "HULP_BEWAREN", bestanden });
      });
    }),
  );
}
