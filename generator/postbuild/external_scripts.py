"""Every inline script of the built site moved into a file of its own, so the site runs under
any strict Content-Security-Policy a school's server sends (`script-src 'self'`), without
hashes to copy into the server's configuration.

Runs after the builder, on mkdocs-material's and Zensical's pages alike: the theme's own
bootstrap scripts (`__md_get`, the palette, the tabs) and ours. Each `<script>…</script>` that
the browser would run becomes `<script src="…"></script>` at the same place, a classic script
that blocks the parser as the inline one did, so the order and the moment of running stay as
they were. Identical scripts share one file, named by their content (a page's depth changes
the theme's first script, so there are a few). JSON data blocks stay where they are: a
browser never runs them.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

from generator.pages.csp import SCRIPT, runs_inline

FOLDER = "assets/javascripts/inline"
# where the page finds the site's own assets: the theme's bundle is on every page, with the
# prefix the builder chose for it (relative "../", or absolute "/" on the 404 page)
_ASSETS = re.compile(r'<script[^>]*\bsrc="(?P<prefix>[^"]*?)assets/javascripts/', re.I)


def _prefix(page: Path, site_dir: Path, html: str) -> str:
    found = _ASSETS.search(html)
    if found:
        return found.group("prefix")
    depth = len(page.relative_to(site_dir).parts) - 1
    return "../" * depth


def _move(match: re.Match[str], prefix: str, folder: Path, written: set[str]) -> str:
    """One script element: a running inline script as a reference to its file."""
    attrs, body = match.group("attrs"), match.group("body")
    if not runs_inline(attrs) or not body.strip():
        return match.group(0)
    name = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16] + ".js"
    if name not in written:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(body, encoding="utf-8")
        written.add(name)
    return f'<script{attrs} src="{prefix}{FOLDER}/{name}"></script>'


def externalize(site_dir: Path) -> int:
    """Move every running inline script of every page into FOLDER; returns the files written."""
    folder = site_dir / FOLDER
    written: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        prefix = _prefix(page, site_dir, html)
        moved = SCRIPT.sub(functools.partial(_move, prefix=prefix, folder=folder, written=written), html)
        if moved != html:
            page.write_text(moved, encoding="utf-8")
    return len(written)


__all__ = ["FOLDER", "externalize"]
