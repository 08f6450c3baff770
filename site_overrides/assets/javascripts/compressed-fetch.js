/* The large files of Python in the browser (the WebAssembly runtime, the standard library,
 * the editor's Python) compressed on the wire, also from a web server that compresses
 * nothing (Python's http.server, Apache without application/wasm in mod_deflate): the site
 * holds a .gz copy of each, which this fetch asks for and unpacks in the worker
 * (DecompressionStream) when the server sent the file as it is. Where the server did compress
 * (Content-Encoding), its answer is used as it came, so WebAssembly still compiles while it
 * streams in. Installed as the worker's fetch before Pyodide loads: Pyodide calls fetch. */

const GROOT = /\.(wasm|zip)$/; // the files with a .gz copy worth asking for
const TYPES = { wasm: "application/wasm", zip: "application/zip" };
const GZIP = [0x1f, 0x8b];

/* Whether these are the first bytes of a gzip stream (a server may have unpacked the .gz
 * copy itself, with Content-Encoding: gzip on it: then it must not be unpacked twice). */
export function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === GZIP[0] && bytes[1] === GZIP[1];
}

function typeVan(url) {
  return TYPES[url.pathname.split(".").pop()] || "application/octet-stream";
}

/* A response whose body starts with `eerste` and goes on with the rest of `lezer`. */
function verder(eerste, lezer) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(eerste);
    },
    async pull(controller) {
      const { done, value } = await lezer.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reden) {
      return lezer.cancel(reden);
    },
  });
}

/* The .gz copy's response as the file itself: unpacked here unless it already is. */
async function uitgepakt(response, url) {
  const lezer = response.body.getReader();
  const { done, value } = await lezer.read();
  const eerste = done ? new Uint8Array() : value;
  let body = verder(eerste, lezer);
  if (isGzip(eerste)) body = body.pipeThrough(new DecompressionStream("gzip"));
  return new Response(body, { status: 200, headers: { "Content-Type": typeVan(url) } });
}

/* fetch for the large files, by the rules above; every other request goes to `origineel` as
 * it was. `bewaard(url)` looks in the site's offline cache (the service worker's), if any.
 * `gebruikt` collects the addresses it fetched, for the service worker to keep. */
export function compressedFetch(origineel, { basis, bewaard = async () => undefined, gebruikt = new Set() }) {
  return async function fetchKlein(input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input), basis);
    if (!GROOT.test(url.pathname) || (init && init.integrity)) return origineel(input, init);
    const gz = `${url.href}.gz`;
    // offline, or again: what the service worker kept (the file, or its .gz copy)
    const zelf = await bewaard(url.href);
    if (zelf) return zelf;
    const kopie = await bewaard(gz);
    if (kopie) return uitgepakt(kopie, url);
    const stop = new AbortController();
    const response = await origineel(url.href, { ...init, signal: stop.signal });
    if (!response.ok || response.headers.get("content-encoding")) {
      gebruikt.add(url.href);
      return response;
    }
    // sent as it is: take the .gz copy instead, and the file itself if there is none
    stop.abort();
    try {
      const ingepakt = await origineel(gz, init);
      if (!ingepakt.ok) throw new Error(String(ingepakt.status));
      gebruikt.add(gz);
      return await uitgepakt(ingepakt, url);
    } catch {
      gebruikt.add(url.href);
      return origineel(url.href, init);
    }
  };
}

/* Make `scope.fetch` the compressed fetch; returns the set of addresses it fetched. */
export function installCompressedFetch(scope = self) {
  const gebruikt = new Set();
  const bewaard = async (url) => (scope.caches ? scope.caches.match(url) : undefined);
  scope.fetch = compressedFetch(scope.fetch.bind(scope), { basis: scope.location.href, bewaard, gebruikt });
  return gebruikt;
}
