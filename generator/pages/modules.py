"""Which of the site's ES modules a page's entry module imports, directly or through others.

Listed in the page's head as `<link rel="modulepreload">`: the browser asks for all of them at
once, instead of finding each import only when the module before it has arrived, one round
trip per level (on a slow phone link about 0.6 s each).
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.paths import PROJECT

JAVASCRIPTS = PROJECT / "site_overrides" / "assets" / "javascripts"
# `import … from "./x.js"` and `import "./x.js"`: the static imports of our own modules
_LATER_IMPORT = re.compile(r'\bimport\(\s*["\']\./([\w.-]+\.m?js)["\']\s*\)')
_IMPORT = re.compile(r'^\s*import\s+(?:[^;"\']*?\s+from\s+)?["\']\./([\w.-]+\.m?js)["\']', re.M)


def module_graph(entry: str, folder: Path = JAVASCRIPTS, later: bool = False) -> list[str]:
    """`entry` and every module it imports statically, in the order they are found; with
    `later`, also what they import when needed (`import("./x.js")`), whose words the page
    must carry as well (generator/pages/woorden.py)."""
    found: list[str] = []
    todo = [entry]
    while todo:
        name = todo.pop(0)
        if name in found:
            continue
        found.append(name)
        source = (folder / name).read_text(encoding="utf-8")
        todo.extend(_IMPORT.findall(source))
        if later:
            todo.extend(_LATER_IMPORT.findall(source))
    return found
