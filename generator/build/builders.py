"""The two builders of a generated project: mkdocs-material (the school's choice) and
Zensical (its successor by the same authors). Both read the generated mkdocs.yml."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

BUILDERS = ("mkdocs", "zensical")
DEFAULT = "mkdocs"
_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def _command(builder: str, action: str, config: Path, *, strict: bool = True) -> list[str]:
    if builder not in BUILDERS:
        raise ValueError(f"onbekende bouwer {builder!r}: kies uit {', '.join(BUILDERS)}")
    # strict: a broken link or a missing page stops the build instead of a warning
    return [sys.executable, "-m", builder, action, *(["--strict"] if strict else []), "-f", str(config)]


def build(builder: str, config: Path) -> subprocess.CompletedProcess[str]:
    """Build the project; its output is captured for the caller to show on failure."""
    return subprocess.run(
        _command(builder, "build", config),
        cwd=config.parent,
        env={**os.environ, **_ENV},
        capture_output=True,
        text=True,
        check=False,
    )


def serve(builder: str, config: Path, address: str) -> subprocess.Popen[bytes]:
    """The builder's own development server, with live reload of the project folder."""
    # Zensical's serve does not support strict mode yet
    command = [*_command(builder, "serve", config, strict=builder != "zensical"), "-a", address]
    return subprocess.Popen(command, cwd=config.parent, env={**os.environ, **_ENV})


# a relative URL in a raw HTML attribute (not xlink:href, not data-…): no scheme, no
# fragment-only, not from the site root
_RAW_URL = re.compile(r'(?<=\s)(href|src)="(?![#/]|[a-z][a-z0-9+.-]*:)([^"]*)"')

_NOSCRIPT = re.compile(r"(<noscript>.*?</noscript>)", re.S)


def page_folder(src: str) -> str:
    """The folder of the built page (directory URLs): stap-1.md → stap-1, x/index.md → x."""
    stem = src.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def for_builder(builder: str, src: str, markdown: str) -> str:
    """The Markdown of page `src` as `builder` needs it.

    Our pages write URLs in raw HTML (charts, forms) relative to the built page, as
    mkdocs-material leaves them. Zensical resolves them from the Markdown file's folder
    instead (as it does Markdown links), which for a page like routekaart.md is one folder
    up: for Zensical each such URL is re-based onto that folder, so both land on the same
    built file."""
    if builder != "zensical":
        return markdown
    built, source = page_folder(src), posixpath.dirname(src)
    if built == source:
        return markdown

    def rebase(match: re.Match[str]) -> str:
        url, hashmark, fragment = match.group(2).partition("#")
        if not url:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(built, url))
        rebased = posixpath.relpath(target, source or ".")
        if url.endswith("/") and not rebased.endswith("/"):
            rebased += "/"
        return f'{match.group(1)}="{rebased}{hashmark}{fragment}"'

    # inside <noscript> Zensical leaves URLs alone (to an HTML parser it is plain text there)
    parts = _NOSCRIPT.split(markdown)
    return "".join(part if i % 2 else _RAW_URL.sub(rebase, part) for i, part in enumerate(parts))
