// The browser editor's entry module, bundled with the CMS by esbuild at build time
// (generator/redactie/bundel.py) into assets/redactie/ of the site: nothing is loaded from
// another origin. The configuration is written from the model next to the bundle
// (config.json); the CMS starts only here, with that object (its own config.yml is not
// fetched). The CMS does not start itself: it does so only for a classic script named
// sveltia-cms.js, and this is a module.
import CMS from "@sveltia/cms";

const response = await fetch(new URL("config.json", import.meta.url));
const config = await response.json();
await CMS.init({ config });
