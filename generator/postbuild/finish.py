"""The post-build step, the same for every builder: it works on the built HTML and files.

In order: the themes' HTML fixes, our style sheets and scripts minified, each page's inline scripts
allowed by hash (strict CSP), the service worker (it precaches the final pages), the PDF
of the whole protocol (printed from the final site), the pages' text for the editor and
pre-compressed copies of the final files.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from generator.errors import ToolError
from generator.hulp.assets import ROOT
from generator.pages import csp
from generator.pages.modules import JAVASCRIPTS
from generator.postbuild import precompress
from generator.postbuild.external_scripts import externalize
from generator.postbuild.offline import write_service_worker, write_service_worker_off
from generator.postbuild.pdf import write_pdf
from generator.redactie import page_texts

MINIFY_SCRIPT = Path(__file__).with_name("minify.mjs")

# Two HTML errors of the themes (Nu Html Checker): mkdocs-material puts autocomplete="off"
# on its checkbox and radio toggles, which HTML does not allow there (text fields keep
# theirs); Zensical puts aria-hidden on the drawer's overlay label, which HTML does not allow
# on a label for a form control (it has no text, so nothing is read out either way). And
# mkdocs-material's search dialog has no name for a screen reader (axe's aria-dialog-name);
# Zensical calls it "Zoeken", and so does this.
_THEME_FIXES = (
    (re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"'), r"\1"),
    (re.compile(r'(<label class="md-overlay" for="__drawer")\s+aria-hidden="true"'), r"\1"),
    (re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>'), r'\1 aria-label="Zoeken">'),
)


# a CSS string ("…" or '…'): left exactly as written
_CSS_STRING = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")
# white space beside these never counts in CSS (unlike beside ':' or '+', which it can)
_CSS_AROUND = re.compile(r"\s*([{};,>])\s*")


def minify_css(path: Path) -> None:
    """Our own stylesheets without comments, indentation and the spaces around braces,
    semicolons, commas and '>': every page loads them. Strings are left as written."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    parts = _CSS_STRING.split(text)
    text = "".join(part if i % 2 else _CSS_AROUND.sub(r"\1", part) for i, part in enumerate(parts))
    path.write_text(text + "\n", encoding="utf-8")


def minify_js(site_dir: Path) -> dict[str, int]:
    """Our own ES modules (site_overrides/assets/javascripts/) minified in the built site with
    esbuild: every page loads some, and comments cost a phone as much as code. The theme's
    scripts come minified already. Returns the bytes before and after."""
    folder = site_dir / "assets" / "javascripts"
    files = sorted(str(folder / p.name) for p in JAVASCRIPTS.iterdir() if (folder / p.name).is_file())
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "esbuild").exists():
        raise ToolError("esbuild of Node.js ontbreekt; voer 'make setup' uit", "scripts verkleinen")
    result = subprocess.run([node, str(MINIFY_SCRIPT), *files], capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise ToolError(f"esbuild mislukte: {result.stderr.strip()[-400:]}", "scripts verkleinen")
    return json.loads(result.stdout)


def fix_theme_html(site_dir: Path) -> None:
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = html
        for pattern, replacement in _THEME_FIXES:
            fixed = pattern.sub(replacement, fixed)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")


def finish(
    site_dir: Path,
    *,
    versie: str,
    extra_css: list[str],
    offline: bool,
    met_pdf: bool,
    bronpaginas: tuple[str, ...] = (),
) -> None:
    fix_theme_html(site_dir)
    for css in extra_css:
        minify_css(site_dir / css)
    minify_js(site_dir)
    # no inline script left, so any strict CSP works; the hashes below then find none
    externalize(site_dir)
    csp.apply(site_dir)
    if offline:
        write_service_worker(site_dir, versie)
    else:
        write_service_worker_off(site_dir)
    if met_pdf:
        write_pdf(site_dir)
    page_texts.write(site_dir, bronpaginas)  # for the editor: where a text stands now
    # after everything that writes files: compressed copies of the final files, for hosts
    # that serve them
    precompress.apply(site_dir)
