/* Starts the helper's engine as early as possible: loaded async from the page's head, so the
 * worker (which the phone's busy main thread does not slow) loads Pyodide while the theme's
 * scripts still run. doorlopen.js takes the worker over, with the messages that came before it
 * was there. Without this script doorlopen.js starts the worker itself. */
"use strict";

(() => {
  if (window.meldcodeDoorlopen || typeof Worker !== "function" || typeof WebAssembly !== "object") return;
  const hier = document.currentScript ? document.currentScript.src : location.href;
  try {
    const worker = new Worker(new URL("doorlopen-worker.mjs", hier), { type: "module" });
    const vroeg = []; // messages and errors before doorlopen.js listens
    const bewaar = (event) => vroeg.push(event);
    worker.addEventListener("message", bewaar);
    worker.addEventListener("error", bewaar);
    worker.postMessage({ method: "init", assets: new URL("../afwegingskader/", hier).href });
    window.meldcodeDoorlopen = { worker, vroeg, bewaar };
  } catch {
    // doorlopen.js tries again, and shows the fallback if it cannot start either
  }
})();
