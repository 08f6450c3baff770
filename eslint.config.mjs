// ESLint for the site's JavaScript (site_overrides/assets/javascripts/), the build-time Node
// scripts and the node tests. `make lint` runs it after ruff.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", ".venv/", ".bouw/", "site/", "site-*/", "screenshots/"] },
  js.configs.recommended,
  {
    files: ["site_overrides/assets/javascripts/**/*.{js,mjs}"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    // the browser editor's entry module, bundled with the CMS at build time
    files: ["generator/redactie/start.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: [
      "site_overrides/assets/javascripts/hulp-worker.js",
      "site_overrides/assets/javascripts/redactie-worker.js",
      "site_overrides/assets/javascripts/compressed-fetch.js",
    ],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // the service worker's own part, a classic script Workbox's sw.js loads with importScripts
    files: ["generator/postbuild/sw-extra.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker } },
  },
  {
    files: ["generator/**/*.mjs", "tests/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
];
