// Our own ES modules in the built site, minified in place with esbuild (no bundling: each
// module stays its own file, imports and exports as they were). Run by finish.py.
// Usage: node generator/postbuild/minify.mjs <file>…   prints the bytes before and after.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

// esbuild from the project's node_modules/ (finish.py runs this in the project), also when the
// generator itself is installed elsewhere (generator/paths.py)
const { transformSync } = createRequire(pathToFileURL(`${process.cwd()}/`))("esbuild");

let voor = 0;
let na = 0;
for (const pad of process.argv.slice(2)) {
  const bron = readFileSync(pad, "utf-8");
  const { code } = transformSync(bron, { loader: "js", format: "esm", minify: true, sourcefile: pad });
  writeFileSync(pad, code);
  voor += Buffer.byteLength(bron);
  na += Buffer.byteLength(code);
}
process.stdout.write(JSON.stringify({ voor, na }));
