/* Loaded by sw.js beside Workbox's own code: removes the caches of earlier versions of this
 * site when this version activates, and keeps the helper's runtime when the helper page asks.
 * `meldcode build` fills in CONFIG (generator/postbuild/offline.py). */
/** @typedef {{current: string, runtimeCache: string, runtime: string[], decoder: string[]}} Config */
const CONFIG = /** @type {Config} */ ({}); // filled in by the build

self.addEventListener("activate", (/** @type {ExtendableEvent} */ event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(
        names
          .filter((name) => name.startsWith("meldcode-") && !name.startsWith(CONFIG.current))
          .map((name) => caches.delete(name)),
      ),
    ),
  );
});

/* What to keep, by the addresses the helper's worker fetched (`used`): each runtime file as it
 * fetched it (its .br or .gz copy, or the file itself), and the brotli decoder only if used. */
function toKeep(config, scope, used) {
  const full = (path) => new URL(path, scope).href;
  const asFetched = (url) => (used.has(url) ? url : [`${url}.br`, `${url}.gz`].find((copy) => used.has(copy)) || url);
  const runtime = config.runtime.map(full).map(asFetched);
  const decoder = config.decoder.map(full).flatMap((url) => [url, `${url}.gz`].filter((u) => used.has(u)));
  return [...runtime, ...decoder];
}

self.addEventListener("message", (/** @type {ExtendableMessageEvent} */ event) => {
  if (!event.data || event.data.type !== "HULP_BEWAREN") return;
  const { scope } = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self)).registration;
  const urls = toKeep(CONFIG, scope, new Set(event.data.bestanden || []));
  event.waitUntil(
    caches.open(CONFIG.runtimeCache).then(async (cache) => {
      const present = await Promise.all(urls.map((url) => cache.match(url)));
      await cache.addAll(urls.filter((_, i) => !present[i]));
    }),
  );
});
