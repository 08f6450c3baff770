import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { brotliTransform, compressed, isGzip, loadBrotli, startRuntime } from "../../site_overrides/assets/javascripts/compressed-fetch.js";

const BASE = "https://school.example/meldcode/assets/hulp/";
const WASM = new Uint8Array(200_000).map((_, i) => (i * i) % 251); // compressible, as the runtime is
const GZ = gzipSync(WASM);
const BR = brotliCompressSync(WASM);
const MODULE = new TextEncoder().encode("export default function createPyodideModule() {}\n".repeat(50));
const P = "/meldcode/assets/hulp/";
const FILES = {
  [P + "pyodide.asm.wasm"]: WASM,
  [P + "pyodide.asm.wasm.gz"]: GZ,
  [P + "pyodide.asm.wasm.br"]: BR,
  [P + "pyodide.asm.js"]: MODULE,
  [P + "pyodide.asm.js.br"]: brotliCompressSync(MODULE),
  [P + "pyodide.asm.js.gz"]: gzipSync(MODULE),
};

// brotli-dec-wasm itself, as the worker loads it (its module, its .wasm)
const PKG = new URL("../../node_modules/brotli-dec-wasm/pkg/brotli_dec_wasm.js", import.meta.url).href;
const glue = await import(PKG);
glue.initSync({ module: readFileSync(new URL(PKG.replace(/\.js$/, "_bg.wasm"))) });
const decoder = brotliTransform(glue);
const brotli = async () => decoder;

/* A fake server: `files` by path; `compresses` whether it sends Content-Encoding itself;
 * `headers` more headers on every answer. Records each request and whether it was aborted. */
function server({ compresses = false, files = FILES, headers: extra = {}, encodedCopies = false } = {}) {
  const log = [];
  const fetch = async (input, init = {}) => {
    const url = new URL(String(input), BASE); // as a browser resolves it against the worker
    const entry = { path: url.pathname, method: init.method || "GET", aborted: false };
    log.push(entry);
    if (init.signal) init.signal.addEventListener("abort", () => (entry.aborted = true));
    const body = files[url.pathname];
    if (!body) return new Response("niet gevonden", { status: 404 });
    const headers = { "Content-Type": "application/octet-stream", ...extra };
    if (compresses && !/\.(gz|br)$/.test(url.pathname)) headers["Content-Encoding"] = "br";
    // a server that marks a copy as encoded: the browser would have unpacked it already
    if (encodedCopies && /\.(gz|br)$/.test(url.pathname)) {
      headers["Content-Encoding"] = url.pathname.endsWith(".gz") ? "gzip" : "br";
      return new Response(files[url.pathname.replace(/\.(gz|br)$/, "")], { headers });
    }
    return new Response(init.method === "HEAD" ? null : body, { headers });
  };
  return { fetch, log };
}

const bytes = async (response) => new Uint8Array(await response.arrayBuffer());
const paths = (log) => log.map((e) => e.path.replace(P, ""));

test("isGzip looks at the magic bytes", () => {
  assert.equal(isGzip(GZ), true);
  assert.equal(isGzip(WASM), false);
  assert.equal(isGzip(new Uint8Array([0x1f])), false);
});

test("the brotli decoder unpacks a copy that arrives in small pieces of any size", async () => {
  const pieces = [];
  for (let i = 0; i < BR.length; i += 333) pieces.push(BR.subarray(i, i + 333));
  const stream = new ReadableStream({
    pull(controller) {
      if (pieces.length) controller.enqueue(pieces.shift());
      else controller.close();
    },
  });
  assert.deepEqual(await bytes(new Response(stream.pipeThrough(decoder()))), WASM);
});

test("a cut-off brotli copy is an error, not a shorter file", async () => {
  const cut = new Response(new Blob([BR.subarray(0, BR.length - 10)]).stream().pipeThrough(decoder()));
  await assert.rejects(cut.arrayBuffer());
});

test("a server that compresses: its answer as it came, no copy asked for", async () => {
  const { fetch, log } = server({ compresses: true });
  const { fetch: get, used } = compressed(fetch, { base: BASE, brotli });
  const response = await get("pyodide.asm.wasm");
  assert.equal(response.headers.get("content-encoding"), "br");
  assert.deepEqual(paths(log), ["pyodide.asm.wasm"]);
  assert.deepEqual([...used], [BASE + "pyodide.asm.wasm"]);
});

test("a server that compresses nothing: the file stopped, its .br copy unpacked here", async () => {
  const { fetch, log } = server();
  const { fetch: get, used } = compressed(fetch, { base: BASE, brotli });
  const response = await get("pyodide.asm.wasm");
  assert.equal(response.headers.get("content-type"), "application/wasm"); // streaming compile needs it
  assert.deepEqual(await bytes(response), WASM);
  assert.deepEqual(log.map((e) => [e.path.replace(P, ""), e.aborted]), [
    ["pyodide.asm.wasm", true],
    ["pyodide.asm.wasm.br", false],
  ]);
  assert.deepEqual([...used], [BASE + "pyodide.asm.wasm.br"]);
});

test("without a brotli decoder: the .gz copy, unpacked by the browser's own DecompressionStream", async () => {
  for (const noDecoder of [null, async () => Promise.reject(new Error("no WebAssembly"))]) {
    const { fetch, log } = server();
    const { fetch: get, used } = compressed(fetch, { base: BASE, brotli: noDecoder });
    assert.deepEqual(await bytes(await get("pyodide.asm.wasm")), WASM);
    assert.equal(log.at(-1).path, P + "pyodide.asm.wasm.gz");
    assert.deepEqual([...used], [BASE + "pyodide.asm.wasm.gz"]);
  }
});

test("a copy the server already unpacked (Content-Encoding on it) is not unpacked twice", async () => {
  for (const decoderOrNot of [brotli, null]) {
    const { fetch } = server({ encodedCopies: true });
    const { fetch: get } = compressed(fetch, { base: BASE, brotli: decoderOrNot });
    assert.deepEqual(await bytes(await get("pyodide.asm.wasm")), WASM);
  }
});

test("no copy at all: the file itself", async () => {
  const { fetch, log } = server({ files: { [P + "pyodide.asm.wasm"]: WASM } });
  const { fetch: get } = compressed(fetch, { base: BASE, brotli });
  assert.deepEqual(await bytes(await get("pyodide.asm.wasm")), WASM);
  assert.equal(log.at(-1).path, P + "pyodide.asm.wasm");
});

test("offline: the copy the service worker kept, the file, its .br or its .gz", async () => {
  const kept = { ".br": BR, ".gz": GZ, "": WASM };
  for (const [suffix, body] of Object.entries(kept)) {
    const { fetch, log } = server();
    const cached = async (url) => (url === BASE + "pyodide.asm.wasm" + suffix ? new Response(body) : undefined);
    const { fetch: get } = compressed(fetch, { base: BASE, cached, brotli });
    assert.deepEqual(await bytes(await get("pyodide.asm.wasm")), WASM, suffix);
    assert.deepEqual(log, []); // nothing asked of the network
  }
});

test("small files and files with an integrity check go as they were", async () => {
  const { fetch, log } = server({ files: { [P + "pyodide-lock.json"]: new TextEncoder().encode("{}") } });
  const { fetch: get } = compressed(fetch, { base: BASE, brotli });
  assert.equal(await (await get("pyodide-lock.json")).text(), "{}");
  await get("pyodide.asm.wasm", { integrity: "sha256-x" });
  assert.deepEqual(paths(log), ["pyodide-lock.json", "pyodide.asm.wasm"]);
});

test("a prefetched file is fetched once: the first fetch of it gets that response", async () => {
  const { fetch, log } = server();
  const { fetch: get, prefetch } = compressed(fetch, { base: BASE, brotli });
  prefetch(new URL("pyodide.asm.wasm", BASE));
  assert.deepEqual(await bytes(await get(BASE + "pyodide.asm.wasm")), WASM);
  assert.deepEqual(paths(log), ["pyodide.asm.wasm", "pyodide.asm.wasm.br"]);
  await get("pyodide.asm.wasm"); // a second fetch asks again
  assert.equal(log.length, 4);
});

/* importModule with a recording loader: what it was asked to import, and the text of a blob. */
function loader() {
  const loaded = [];
  const load = async (address) => {
    loaded.push(address.startsWith("blob:") ? await (await fetch(address)).text() : address);
    return { default: "createPyodideModule" };
  };
  return { loaded, load };
}

test("the runtime module from a server that compresses nothing: its .br copy, imported as a blob", async () => {
  const { fetch, log } = server();
  const { importModule, used } = compressed(fetch, { base: BASE, brotli });
  const { loaded, load } = loader();
  assert.deepEqual(await importModule("pyodide.asm.js", load), { default: "createPyodideModule" });
  assert.deepEqual(loaded, [new TextDecoder().decode(MODULE)]);
  assert.deepEqual(log.map((e) => [e.path.replace(P, ""), e.method]), [
    ["pyodide.asm.js", "HEAD"],
    ["pyodide.asm.js.br", "GET"],
  ]);
  assert.deepEqual([...used], [BASE + "pyodide.asm.js.br"]);
});

test("the runtime module by its address where the server compresses, or sends its own CSP", async () => {
  for (const options of [{ compresses: true }, { headers: { "Content-Security-Policy": "script-src 'self'" } }]) {
    const { fetch, log } = server(options);
    const { importModule } = compressed(fetch, { base: BASE, brotli });
    const { loaded, load } = loader();
    await importModule("pyodide.asm.js", load);
    assert.deepEqual(loaded, [BASE + "pyodide.asm.js"]);
    assert.deepEqual(paths(log), ["pyodide.asm.js"]); // the HEAD only
  }
});

test("a blob the worker may not import (a CSP): the module by its address after all", async () => {
  const { fetch } = server();
  const { importModule } = compressed(fetch, { base: BASE, brotli });
  const loaded = [];
  const load = async (address) => {
    loaded.push(address.slice(0, 5));
    if (address.startsWith("blob:")) throw new TypeError("refused by Content-Security-Policy");
    return { default: 1 };
  };
  assert.deepEqual(await importModule("pyodide.asm.js", load), { default: 1 });
  assert.deepEqual(loaded, ["blob:", "https"]);
});

test("the runtime module offline: kept as a file it is imported by address, kept as a copy as a blob", async () => {
  const offline = async () => Promise.reject(new TypeError("Failed to fetch"));
  const asFile = compressed(offline, { base: BASE, brotli, cached: async (url) => (url === BASE + "pyodide.asm.js" ? new Response(MODULE) : undefined) });
  const first = loader();
  await asFile.importModule("pyodide.asm.js", first.load);
  assert.deepEqual(first.loaded, [BASE + "pyodide.asm.js"]);
  const asCopy = compressed(offline, { base: BASE, brotli, cached: async (url) => (url.endsWith(".asm.js.br") ? new Response(FILES[P + "pyodide.asm.js.br"]) : undefined) });
  const second = loader();
  await asCopy.importModule("pyodide.asm.js", second.load);
  assert.deepEqual(second.loaded, [new TextDecoder().decode(MODULE)]);
});

test("loadBrotli: the decoder's module and its .wasm as .gz, noted for the service worker", async () => {
  const wasm = readFileSync(new URL(PKG.replace(/\.js$/, "_bg.wasm")));
  const folder = "https://school.example/meldcode/assets/hulp/brotli/";
  const asked = [];
  const fetchFile = async (href) => {
    asked.push(href);
    return href.endsWith(".wasm.gz") ? new Response(gzipSync(wasm)) : new Response("", { status: 404 });
  };
  // a fresh copy of the module: the one above is initialised already
  const load = async (href) => {
    assert.equal(href, folder + "brotli-dec.js");
    return import(`${PKG}?vers`);
  };
  const used = new Set();
  const transform = await loadBrotli(fetchFile, folder, { used, load });
  assert.deepEqual(asked, [folder + "brotli-dec.wasm.gz"]);
  assert.deepEqual([...used], [folder + "brotli-dec.wasm.gz"]);
  const out = new Response(new Blob([BR]).stream().pipeThrough(transform()));
  assert.deepEqual(new Uint8Array(await out.arrayBuffer()), WASM);
});

test("startRuntime: what both workers take from it, and the large files begun at once", async () => {
  const asked = [];
  const scope = {
    location: { href: "https://school.example/assets/javascripts/hulp-worker.js" },
    fetch: async (url) => {
      asked.push(String(url));
      return new Response("x", { headers: { "Content-Encoding": "br" } });
    },
  };
  const { compressed: fetching, large, module } = startRuntime(null, scope);
  module.catch(() => {}); // there is no runtime module here to import
  assert.equal(scope.fetch, fetching.fetch, "the worker's fetch goes through it");
  assert.ok(fetching.used instanceof Set);
  assert.deepEqual(large.map(([name]) => name), ["pyodide.asm.wasm", "python_stdlib.zip"]);
  await Promise.all(large.map(([, response]) => response));
  assert.ok(asked.some((url) => url.endsWith("/hulp/pyodide/pyodide.asm.wasm")), asked.join(" "));
});
