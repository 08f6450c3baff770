// The site's own words for the node tests, as the build puts them in a page: the catalogue
// (generator/pages/woorden.py) read once through Python, so the tests see the real sentences.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { useWords } from "../../site_overrides/assets/javascripts/woorden.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const json = execFileSync(`${ROOT}.venv/bin/python`, ["-m", "generator.pages.woorden"], { cwd: ROOT, encoding: "utf-8" });
export const WOORDEN = JSON.parse(json);
useWords(WOORDEN);
