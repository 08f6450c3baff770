// ESLint for the site's JavaScript (site_overrides/assets/javascripts/), the build-time Node
// scripts and the node tests. `make lint` runs it after ruff.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", ".venv/", ".bouw/", "site/", "site-*/", "screenshots/"] },
  js.configs.recommended,
  {
    // beyond the recommended set: rules that catch real slips (a name hiding another, a value
    // never used, == where === was meant, a callback that forgets to return)
    rules: {
      "no-shadow": ["error", { builtinGlobals: false, hoist: "functions" }],
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      "no-var": "error",
      "array-callback-return": "error",
      "no-self-compare": "error",
      "no-template-curly-in-string": "error",
      "no-unmodified-loop-condition": "error",
      "no-unreachable-loop": "error",
      "no-promise-executor-return": "error",
      "no-unused-private-class-members": "error",
      "no-implicit-coercion": ["error", { allow: ["!!"] }],
      "no-useless-return": "error",
      "no-param-reassign": "error",
    },
  },
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
