"""The verslag as plain Dutch text: for printing, and as the golden files in review.

A presenter only: every word comes from `weergave.blokken`, the same blocks the helper's
page places as elements, so the golden files pin what a user reads in the browser.
"""

from __future__ import annotations

import textwrap
from typing import Any

from .weergave import blokken, platte_tekst

WIDTH = 78
INDENT = "  "


class _Text:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, text: str = "") -> None:
        self.lines.append(text)

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.line()

    def para(self, text: str, first: str = "", rest: str | None = None) -> None:
        """Wrapped text; phone numbers and 't/m' never break (no hyphen or long-word breaks)."""
        for i, regel in enumerate(text.splitlines() or [""]):
            wrapped = textwrap.wrap(
                regel,
                width=WIDTH,
                initial_indent=first if i == 0 else (first if rest is None else rest),
                subsequent_indent=first if rest is None else rest,
                break_long_words=False,
                break_on_hyphens=False,
            )
            self.lines += wrapped or [first.rstrip()]

    def __str__(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines).strip("\n") + "\n"


def _blok(out: _Text, blok: dict[str, Any]) -> None:
    soort = blok["soort"]
    if soort == "kop":
        out.blank()
        out.line(blok["tekst"])
        if blok["niveau"] < 3:
            out.line(("=" if blok["niveau"] == 1 else "-") * len(blok["tekst"]))
    elif soort == "alinea":
        if blok["rol"] not in ("bron", "startdatum", "besluit"):
            out.blank()
        out.para(platte_tekst(blok["delen"]))
    elif soort == "lijst":
        for item in blok["items"]:
            out.blank()
            out.para(platte_tekst(item["delen"]), "- ", INDENT)
            for regel in item["regels"]:
                label = f"{INDENT}{regel['label']}: " if regel["label"] else INDENT
                out.para(platte_tekst(regel["delen"]), label, INDENT * 2 if regel["label"] else INDENT)
    elif soort == "meer":  # on paper everything shows: the disclosure's kop as a heading
        _blok(out, {"soort": "kop", "niveau": 2, "tekst": blok["kop"]})
        for binnen in blok["blokken"]:
            _blok(out, binnen)
    # "datums" and "knoppen": the page's date fields and buttons; on paper the startdatum
    # at the top says the date


def blokken_tekst(items: list[dict[str, Any]]) -> str:
    """Blocks of `weergave` as plain text."""
    out = _Text()
    for blok in items:
        _blok(out, blok)
    return str(out)


def tekst(verslag: dict[str, Any]) -> str:
    """Render a verslag dict (from Sessie.verslag) as plain text."""
    return blokken_tekst(verslag.get("weergave") or blokken(verslag))
