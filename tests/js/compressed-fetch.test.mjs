import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { compressedFetch, isGzip } from "../../site_overrides/assets/javascripts/compressed-fetch.js";

const BASIS = "https://school.example/meldcode/assets/hulp/";
const WASM = new Uint8Array(200_000).map((_, i) => i % 7); // compressible, as the runtime is
const GZ = gzipSync(WASM);

/* A fake server: `files` by path; `compresses` whether it sends Content-Encoding itself.
 * Records each request and whether it was aborted. */
function server({ compresses = false, files = { "/meldcode/assets/hulp/pyodide.asm.wasm": WASM, "/meldcode/assets/hulp/pyodide.asm.wasm.gz": GZ }, gzipHeaderOnGz = false } = {}) {
  const log = [];
  const fetch = async (input, init = {}) => {
    const url = new URL(String(input), BASIS); // as a browser resolves it against the worker
    const entry = { path: url.pathname, aborted: false };
    log.push(entry);
    if (init.signal) init.signal.addEventListener("abort", () => (entry.aborted = true));
    const body = files[url.pathname];
    if (!body) return new Response("niet gevonden", { status: 404 });
    const headers = { "Content-Type": url.pathname.endsWith(".wasm") ? "application/wasm" : "application/gzip" };
    if (compresses && url.pathname.endsWith(".wasm")) headers["Content-Encoding"] = "br";
    // a server that marks the .gz copy as gzip-encoded: the browser would have unpacked it
    if (gzipHeaderOnGz && url.pathname.endsWith(".gz")) return new Response(WASM, { headers: { ...headers, "Content-Encoding": "gzip" } });
    return new Response(body, { headers });
  };
  return { fetch, log };
}

const bytes = async (response) => new Uint8Array(await response.arrayBuffer());

test("isGzip looks at the magic bytes", () => {
  assert.equal(isGzip(GZ), true);
  assert.equal(isGzip(WASM), false);
  assert.equal(isGzip(new Uint8Array([0x1f])), false);
});

test("a server that compresses: its answer as it came, no .gz asked for", async () => {
  const { fetch, log } = server({ compresses: true });
  const gebruikt = new Set();
  const response = await compressedFetch(fetch, { basis: BASIS, gebruikt })("pyodide.asm.wasm");
  assert.equal(response.headers.get("content-encoding"), "br");
  assert.deepEqual(log.map((e) => e.path), ["/meldcode/assets/hulp/pyodide.asm.wasm"]);
  assert.deepEqual([...gebruikt], [BASIS + "pyodide.asm.wasm"]);
});

test("a server that compresses nothing: the file stopped, its .gz copy unpacked here", async () => {
  const { fetch, log } = server();
  const gebruikt = new Set();
  const response = await compressedFetch(fetch, { basis: BASIS, gebruikt })("pyodide.asm.wasm");
  assert.equal(response.headers.get("content-type"), "application/wasm"); // streaming compile needs it
  assert.deepEqual(await bytes(response), WASM);
  assert.deepEqual(log.map((e) => [e.path, e.aborted]), [
    ["/meldcode/assets/hulp/pyodide.asm.wasm", true],
    ["/meldcode/assets/hulp/pyodide.asm.wasm.gz", false],
  ]);
  assert.deepEqual([...gebruikt], [BASIS + "pyodide.asm.wasm.gz"]);
});

test("a .gz copy the server already unpacked is not unpacked twice", async () => {
  const { fetch } = server({ gzipHeaderOnGz: true });
  const response = await compressedFetch(fetch, { basis: BASIS })("pyodide.asm.wasm");
  assert.deepEqual(await bytes(response), WASM);
});

test("no .gz copy: the file itself", async () => {
  const { fetch, log } = server({ files: { "/meldcode/assets/hulp/pyodide.asm.wasm": WASM } });
  const response = await compressedFetch(fetch, { basis: BASIS })("pyodide.asm.wasm");
  assert.deepEqual(await bytes(response), WASM);
  assert.equal(log.at(-1).path, "/meldcode/assets/hulp/pyodide.asm.wasm");
});

test("offline: the copy the service worker kept, the file or its .gz", async () => {
  const { fetch, log } = server();
  const bewaard = async (url) => (url.endsWith(".gz") ? new Response(GZ) : undefined);
  const response = await compressedFetch(fetch, { basis: BASIS, bewaard })("pyodide.asm.wasm");
  assert.deepEqual(await bytes(response), WASM);
  assert.deepEqual(log, []); // nothing asked of the network
});

test("small files and files with an integrity check go as they were", async () => {
  const { fetch, log } = server({ files: { "/meldcode/assets/hulp/pyodide-lock.json": new TextEncoder().encode("{}") } });
  const klein = compressedFetch(fetch, { basis: BASIS });
  assert.equal(await (await klein("pyodide-lock.json")).text(), "{}");
  await klein("pyodide.asm.wasm", { integrity: "sha256-x" });
  assert.deepEqual(log.map((e) => e.path), ["/meldcode/assets/hulp/pyodide-lock.json", "/meldcode/assets/hulp/pyodide.asm.wasm"]);
});
