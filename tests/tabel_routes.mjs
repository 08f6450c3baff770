// Walks given sequences of steps with the page's table walker (hulp-tabel.js) under Node.
// Usage: node tests/tabel_routes.mjs < {"tabel": …, "reeksen": [[["answer", "vraag-1", "ja", ""], …], …]}
// Prints, per sequence, the state after every step, as JSON.
import { readFileSync } from "node:fs";

import { tabelSessie } from "../site_overrides/assets/javascripts/hulp-tabel.js";

const { tabel, reeksen } = JSON.parse(readFileSync(0, "utf-8"));
const uit = reeksen.map((reeks) => {
  const sessie = tabelSessie(tabel);
  return [sessie.state(), ...reeks.map(([method, ...args]) => sessie[method](...args))];
});
process.stdout.write(JSON.stringify(uit));
