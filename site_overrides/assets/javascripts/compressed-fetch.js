/* The large files of Python in the browser (the WebAssembly runtime, its JavaScript module,
 * the standard library, the editor's Python) compressed on the wire, also from a web server
 * that compresses nothing (Python's http.server, Apache without application/wasm in
 * mod_deflate). The site holds a .br and a .gz copy of each: when the server sent the file as
 * it is, this asks for the .br copy and unpacks it in the worker (a small brotli decoder,
 * itself fetched as .gz: browsers unpack only gzip themselves), or for the .gz copy
 * (DecompressionStream) where that decoder cannot run. Where the server did compress
 * (Content-Encoding), its answer is used as it came, so WebAssembly still compiles while it
 * streams in. Installed as the worker's fetch before Pyodide loads: Pyodide calls fetch. */

const LARGE = /\.(wasm|zip)$/; // the files fetched through here; the runtime module goes by importModule
const TYPES = { wasm: "application/wasm", zip: "application/zip", js: "text/javascript" };
const GZIP = [0x1f, 0x8b];
const BROTLI_OUT = 1 << 18; // bytes the decoder may write per call

/* Whether these are the first bytes of a gzip stream (a server may have unpacked the .gz
 * copy itself, with Content-Encoding: gzip on it: then it must not be unpacked twice). */
export function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === GZIP[0] && bytes[1] === GZIP[1];
}

function typeOf(url) {
  return TYPES[url.pathname.split(".").pop()] || "application/octet-stream";
}

function asFile(body, url) {
  return new Response(body, { status: 200, headers: { "Content-Type": typeOf(url) } });
}

/* A stream that starts with `first` and goes on with the rest of `reader`. */
function prepend(first, reader) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(first);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/* The .gz copy's response as the file itself: unpacked here unless it already is. */
async function gunzipped(response, url) {
  const reader = response.body.getReader();
  const { done, value } = await reader.read();
  const first = done ? new Uint8Array() : value;
  let body = prepend(first, reader);
  if (isGzip(first)) body = body.pipeThrough(new DecompressionStream("gzip"));
  return asFile(body, url);
}

/* The .br copy's response as the file itself. Brotli has no magic bytes to look at: a server
 * that unpacked it says so in Content-Encoding, and then it is left as it came. */
function unbrotlied(response, url, decoder) {
  if (response.headers.get("content-encoding")) return asFile(response.body, url);
  return asFile(response.body.pipeThrough(decoder()), url);
}

/* A TransformStream factory over brotli-dec-wasm's streaming decoder (its module's exports). */
export function brotliTransform({ DecompressStream, BrotliStreamResultCode: Code }) {
  return () => {
    const stream = new DecompressStream();
    let code = Code.NeedsMoreInput;
    return new TransformStream({
      transform(chunk, controller) {
        let offset = 0;
        do {
          const result = stream.decompress(chunk.subarray(offset), BROTLI_OUT);
          if (result.buf.length) controller.enqueue(result.buf);
          code = result.code;
          offset += result.input_offset;
        } while (code === Code.NeedsMoreOutput);
      },
      flush() {
        stream.free();
        if (code !== Code.ResultSuccess) throw new Error("brotli: the file is incomplete");
      },
    });
  };
}

/* The brotli decoder of brotli-dec-wasm from `folder` (its module, and its .wasm as .gz: a
 * decoder fetched as brotli would need itself). `fetchFile(href)` fetches or finds a kept copy;
 * `used` gets what was fetched. Resolves to a TransformStream factory. */
export async function loadBrotli(fetchFile, folder, { used = new Set(), load = (href) => import(href) } = {}) {
  const wasm = new URL("brotli-dec.wasm", folder);
  const [glue, gz] = await Promise.all([load(new URL("brotli-dec.js", folder).href), fetchFile(`${wasm.href}.gz`)]);
  used.add(gz.ok ? `${wasm.href}.gz` : wasm.href);
  const module = gz.ok ? await gunzipped(gz, wasm) : await fetchFile(wasm.href);
  await glue.default({ module_or_path: module });
  return brotliTransform(glue);
}

/** fetch for the large files by the rules above, and `importModule` for the runtime's module;
 * every other request goes to `original` as it was. `cached(url)` looks in the site's offline
 * cache (the service worker's), if any. `used` collects the addresses fetched, for the service
 * worker to keep. `brotli()` loads the decoder (see loadBrotli); without it, .gz copies.
 * @param {(input: string, init?: RequestInit) => Promise<Response>} original
 * @param {{base: string | URL, cached?: (href: string) => Promise<Response | undefined>, used?: Set<string>, brotli?: (() => Promise<any>) | null}} options */
export function compressed(original, { base, cached = async () => undefined, used = new Set(), brotli = null }) {
  let decoder = null; // one decoder per worker, loaded the first time a .br copy is wanted
  const getDecoder = () => (decoder ??= brotli ? brotli().catch(() => null) : Promise.resolve(null));
  const started = new Map(); // href → the response of a fetch begun early (prefetch)

  /* The copy the service worker kept, as the file; undefined if none. */
  async function keptCopy(url) {
    const br = await cached(`${url.href}.br`);
    const brotliDecoder = br && (await getDecoder());
    if (brotliDecoder) return unbrotlied(br, url, brotliDecoder);
    const gz = await cached(`${url.href}.gz`);
    return gz ? gunzipped(gz, url) : undefined;
  }

  /* The .br copy unpacked here, else the .gz copy; throws if the site holds neither. */
  async function fetchCopy(url, init) {
    const brHref = `${url.href}.br`;
    // the copy travels while the decoder loads; only asked for where a decoder can run
    const [brotliDecoder, br] = await Promise.all([
      getDecoder(),
      brotli ? original(brHref, init).catch(() => null) : null,
    ]);
    if (br && br.ok && brotliDecoder) {
      used.add(brHref);
      return unbrotlied(br, url, brotliDecoder);
    }
    if (br && br.body) br.body.cancel().catch(() => {});
    const gz = await original(`${url.href}.gz`, init);
    if (!gz.ok) throw new Error(String(gz.status));
    used.add(`${url.href}.gz`);
    return gunzipped(gz, url);
  }

  async function fetchLarge(url, init) {
    // offline, or again: what the service worker kept (the file, or a copy)
    const own = await cached(url.href);
    if (own) return own;
    const kept = await keptCopy(url);
    if (kept) return kept;
    const stop = new AbortController();
    const response = await original(url.href, { ...init, signal: stop.signal });
    if (!response.ok || response.headers.get("content-encoding")) {
      used.add(url.href);
      return response;
    }
    // sent as it is: stopped after its headers, a copy instead, and the file itself if none
    stop.abort();
    try {
      return await fetchCopy(url, init);
    } catch {
      used.add(url.href);
      return original(url.href, init);
    }
  }

  const resolve = (input) => new URL(input instanceof Request ? input.url : String(input), base);

  async function fetchSmall(input, init) {
    const url = resolve(input);
    if (!LARGE.test(url.pathname) || (init && init.integrity)) return original(input, init);
    const early = started.get(url.href);
    if (early) {
      started.delete(url.href);
      return early;
    }
    return fetchLarge(url, init);
  }

  /* Begin fetching a large file now; the first fetch of it later gets this response, which
   * is returned here too (a failure can then be reported at once). */
  function prefetch(input) {
    const url = resolve(input);
    if (!started.has(url.href)) {
      const response = fetchLarge(url);
      response.catch(() => {}); // reported to whoever fetches it
      started.set(url.href, response);
    }
    return started.get(url.href);
  }

  /* import() of a large JavaScript module (Pyodide's runtime, 1.2 MB): from a server that
   * compresses nothing, its copy unpacked here and imported as a blob; else by its address.
   * A server that sends its own Content-Security-Policy gets the address: such a header may
   * forbid blob: scripts, and a refused import would be reported as a violation. */
  async function importModule(href, load = (address) => import(address)) {
    const url = resolve(href);
    const byAddress = () => {
      used.add(url.href);
      return load(url.href);
    };
    if (await cached(url.href)) return byAddress(); // the service worker serves it
    let copy = await keptCopy(url);
    if (!copy) {
      try {
        const head = await original(url.href, { method: "HEAD" });
        if (!head.ok || head.headers.get("content-encoding") || head.headers.get("content-security-policy")) {
          return byAddress();
        }
        copy = await fetchCopy(url);
      } catch {
        return byAddress();
      }
    }
    const blob = URL.createObjectURL(new Blob([await copy.arrayBuffer()], { type: TYPES.js }));
    try {
      return await load(blob);
    } catch {
      return byAddress();
    } finally {
      URL.revokeObjectURL(blob);
    }
  }

  return { fetch: fetchSmall, prefetch, importModule, used };
}

/* The start both workers share: the compressed fetch installed, the runtime's .wasm and the
 * standard library `stdlib` (the runtime's own if not given) fetched at once, so they travel
 * while the runtime's module loads, and that module imported. Returns { compressed, large:
 * [[name, response promise]], module } (module: a promise, its failure left to loadPyodide). */
export function startRuntime(stdlib = null, scope = self) {
  const folder = new URL("../hulp/pyodide/", import.meta.url);
  const fetching = installCompressedFetch(scope);
  const large = [new URL("pyodide.asm.wasm", folder), stdlib || new URL("python_stdlib.zip", folder)].map((url) => [
    url.pathname.split("/").pop(),
    fetching.prefetch(url),
  ]);
  const module = fetching.importModule(new URL("pyodide.asm.js", folder).href);
  module.catch(() => {}); // reported by loadPyodide, in its turn
  return { compressed: fetching, large, module };
}

/* Make `scope.fetch` the compressed fetch, with the brotli decoder from assets/hulp/brotli/;
 * returns { prefetch, importModule, used } (used: the addresses fetched). */
export function installCompressedFetch(scope = self) {
  const original = scope.fetch.bind(scope);
  const cached = async (url) => (scope.caches ? scope.caches.match(url) : undefined);
  const used = new Set();
  const folder = new URL("../hulp/brotli/", import.meta.url);
  const fetchFile = async (href) => (await cached(href)) || original(href);
  const brotli = () => loadBrotli(fetchFile, folder, { used });
  const result = compressed(original, { base: scope.location.href, cached, used, brotli });
  scope.fetch = result.fetch;
  return result;
}
