/* The one place that makes the helper's worker. Loaded as a module, async, from the head of
 * the helper's page, so the worker (which the phone's busy main thread does not slow) loads
 * Pyodide while the theme's scripts still run. hulp.js imports this same module (one URL, one
 * instance) and takes the worker over with neemOver(), with the messages that came before it
 * listened. Should the head not have loaded it, hulp.js's import starts it there. */

// the helper's runtime (Pyodide, the engine, afwegingskader.json), beside assets/javascripts/
const ASSETS = new URL("../hulp/", import.meta.url).href;

function maak() {
  if (typeof Worker !== "function" || typeof WebAssembly !== "object") return { fout: "no WebAssembly or Web Worker" };
  try {
    // a module worker from the site's own origin: the only kind Pyodide 314 supports
    const worker = new Worker(new URL("hulp-worker.js", import.meta.url), { type: "module" });
    const vroeg = []; // messages and errors before hulp.js listens
    const bewaar = (event) => vroeg.push(event);
    worker.addEventListener("message", bewaar);
    worker.addEventListener("error", bewaar);
    worker.postMessage({ method: "init", assets: ASSETS });
    return { worker, vroeg, bewaar };
  } catch (error) {
    return { fout: error }; // hulp.js shows the fallback
  }
}

/* The started worker and what it said so far ({worker, vroeg}), or {fout} when it could not
 * start. Exported for tests and the benchmark; hulp.js uses neemOver(). */
export const hulp = maak();

/* Hand the worker to the page: from now on its messages and errors go to the handlers.
 * Returns the worker and what it said before (`eerder`, in order, for the page to handle
 * first), or throws what stopped it from starting. */
export function neemOver(onBericht, onFout) {
  if (hulp.fout) throw hulp.fout;
  const { worker, vroeg, bewaar } = hulp;
  worker.removeEventListener("message", bewaar);
  worker.removeEventListener("error", bewaar);
  worker.onerror = onFout;
  worker.onmessage = onBericht;
  return { worker, eerder: vroeg.splice(0) };
}
