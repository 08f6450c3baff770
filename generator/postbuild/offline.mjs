// The service worker, generated with workbox-build after the site is built.
// Usage: node generator/postbuild/offline.mjs <site> <key>   (key: protocol version, Pyodide version, hash)
// Precaches the pages and assets of the site; the Pyodide runtime and the engine are cached
// when the helper page is first visited (they are large, and only that page needs them):
// the page asks sw-extra.js to keep them (the large ones as the helper fetched them: the file
// or its .br or .gz copy), the rule below serves the small ones from that cache, and the helper's
// worker takes the large ones from it itself (compressed-fetch.js).
// Of the search's language files only the Dutch ones are precached (the site is Dutch).
// The editor (/redactie/ and the CMS bundle) is never cached: not precached, no rule, so a
// request for it goes to the network as if there were no worker.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// workbox-build from the project's node_modules/ (offline.py runs this in the project), also
// when the generator itself is installed elsewhere (generator/paths.py)
const { generateSW } = createRequire(pathToFileURL(`${process.cwd()}/`))("workbox-build");

const [site, key] = process.argv.slice(2);
const { count, size, warnings } = await generateSW({
  globDirectory: site,
  globPatterns: ["**/*.{html,css,js,mjs,svg,json,png,ico,webmanifest}"],
  globIgnores: [
    "sw.js", "sw-extra.js", "assets/hulp/pyodide/**", "redactie/**", "assets/redactie/**",
    // the search (mkdocs-material's lunr) needs only its Dutch stemmer offline, not the other 30
    // languages nor the Japanese and Thai word splitters
    "assets/javascripts/lunr/*.js", "assets/javascripts/lunr/min/!(lunr.stemmer.support|lunr.nl).min.js",
  ],
  swDest: path.join(site, "sw.js"),
  cacheId: `meldcode-${key}`,
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  cleanupOutdatedCaches: true,
  // a new version waits until the user chooses "Vernieuwen", so a page never changes under them
  skipWaiting: false,
  clientsClaim: false,
  directoryIndex: "index.html",
  ignoreURLParametersMatching: [/.*/],
  // files with a content hash in their name (the theme's bundle and styles) are fetched
  // without a revision parameter, so the page's own copy in the browser's cache serves
  dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  importScripts: ["sw-extra.js"],
  runtimeCaching: [
    {
      // not the large files: the helper's worker takes those from the cache itself, the file or
      // a copy (compressed-fetch.js), and a request it stops must not go on here
      urlPattern: ({ url }) => url.pathname.includes("/assets/hulp/pyodide/") && !/\.(wasm|zip|gz|br)$/.test(url.pathname),
      handler: "CacheFirst",
      options: { cacheName: `meldcode-${key}-hulp` },
    },
  ],
});
for (const warning of warnings) console.error(warning);
process.stdout.write(JSON.stringify({ count, size }));
