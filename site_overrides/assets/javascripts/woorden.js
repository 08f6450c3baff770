/* The words a page's scripts show. They are decided once, in generator/pages/woorden.py, and
 * the page carries those of its modules as JSON (<script class="meldcode-woorden">, main.html);
 * no script types a sentence of its own. `woorden("werkblad.js")` gives that module's lookup:
 * w("geopend", {bestand}) is the text with each {naam} filled in; a key the page lacks is an
 * error, so a word missing from the catalogue fails the browser tests, not silently. */

/** @type {Record<string, Record<string, any>> | null} */
let catalogus = null;

/* Use these words instead of the page's (node tests, which have no page). */
export function useWords(woordenPerModule) {
  catalogus = woordenPerModule;
}

function load() {
  if (!catalogus) {
    const blok = typeof document === "undefined" ? null : document.querySelector("script.meldcode-woorden");
    catalogus = blok ? JSON.parse(blok.textContent) : {};
  }
  return catalogus;
}

/* Fill in `{naam}` from `waarden`; a placeholder without a value stays as it is. */
export function fill(tekst, waarden = {}) {
  return tekst.replace(/\{(\w+)\}/g, (heel, naam) => (naam in waarden ? String(waarden[naam]) : heel));
}

/* The lookup of one module's words: w(key, values) → the text (or, for a list of words such
 * as the werkbladen's names, the object itself). */
export function woorden(module) {
  return (sleutel, waarden = {}) => {
    const groep = load()[module];
    const tekst = groep ? groep[sleutel] : undefined;
    if (tekst === undefined) throw new Error(`no words for ${module} ${sleutel} on this page`);
    return typeof tekst === "string" ? fill(tekst, waarden) : tekst;
  };
}
