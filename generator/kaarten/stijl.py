"""How the charts look: `flowcharts/stijl.toml` (attribute sets, colours, fonts, paper).

What a chart says comes from the model (routekaart, afwegingskader); the
theme colours of the inline SVG are in `flowcharts/routekaart.css`.
"""

from __future__ import annotations

import html
import re
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.paths import PROJECT

FLOWCHARTS = PROJECT / "flowcharts"
STIJL = FLOWCHARTS / "stijl.toml"
CSS = FLOWCHARTS / "routekaart.css"

MM_PER_INCH = 25.4
_BEFORE_NUMBER = re.compile(r" (?=\d+\b)")


@dataclass(frozen=True)
class Papier:
    naam: str
    breedte_mm: float
    hoogte_mm: float
    marge_mm: float

    @property
    def points(self) -> tuple[float, float]:
        """Page size in PostScript points, as a PDF MediaBox states it."""
        return self.breedte_mm / MM_PER_INCH * 72, self.hoogte_mm / MM_PER_INCH * 72


@dataclass(frozen=True)
class Stijl:
    """`flowcharts/stijl.toml`, with colour names resolved."""

    data: dict[str, Any]

    @classmethod
    def load(cls, path: Path = STIJL) -> Stijl:
        with path.open("rb") as f:
            return cls(tomllib.load(f))

    @property
    def kleuren(self) -> dict[str, str]:
        return dict(self.data["kleuren"])

    def attrs(self, section: str, *kinds: str) -> dict[str, str]:
        """Attribute set `section` (graaf, knoop, rand, …) with the sub-sets of `kinds` on top.

        A kind without its own sub-set is fine: it is still a CSS class.
        """
        base = self.data[section]
        merged = {k: v for k, v in base.items() if not isinstance(v, dict)}
        for kind in kinds:
            merged.update(base.get(kind, {}))
        kleuren = self.kleuren
        return {k: kleuren.get(str(v), str(v)) for k, v in merged.items()}

    def woord(self, key: str, **values: Any) -> str:
        return str(self.data["woorden"][key]).format(**values)

    def papier(self, naam: str) -> Papier:
        p = self.data["papier"][naam]
        return Papier(naam, p["breedte_mm"], p["hoogte_mm"], p["marge_mm"])

    def label(self, *parts: tuple[str, str | None], smal: bool = False) -> str:
        """An HTML-like Graphviz label from (text role, text) parts, each wrapped to its role's width.

        `smal`: the phone layout's sizes and widths ([tekst-smal]) where it has them."""
        lines: list[str] = []
        for soort, text in parts:
            if not text:
                continue
            spec = self.data["tekst"][soort]
            if smal:
                spec = {**spec, **self.data["tekst-smal"].get(soort, {})}
            for line in _wrap(text, spec["breedte"]):
                escaped = html.escape(line, quote=False)
                if spec["vet"]:
                    escaped = f"<B>{escaped}</B>"
                lines.append(f'<FONT POINT-SIZE="{spec["grootte"]}">{escaped}</FONT>')
        return "<" + "<BR/>".join(lines) + ">"


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, balanced: the narrowest width that needs no
    more lines than `width` does, so no line ends up holding one lonely word."""
    # a number stays with the word before it ("stap 1", "t/m 3"): textwrap does not split at U+00A0
    glued = _BEFORE_NUMBER.sub("\u00a0", text)
    lines = textwrap.wrap(glued, width, break_long_words=False, break_on_hyphens=False)
    while width > 1 and len(lines) > 1:
        narrower = textwrap.wrap(glued, width - 1, break_long_words=False, break_on_hyphens=False)
        if len(narrower) != len(lines):
            break
        lines, width = narrower, width - 1
    return [line.replace("\u00a0", " ") for line in lines]


def stijl() -> Stijl:
    # read on every use (a millisecond): `mkdocs serve` then picks up style edits too
    return Stijl.load()
