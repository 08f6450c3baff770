"""The golden files: the words a user reads, pinned per route and per oefencasus.

Each is written by the engine's plain-text presenter (`meldcode_engine.verslag`), and the
browser tests compare what the pages show with the same files, so a wording change shows
up here once, for every place that shows it. Update after an intended change with
`MELDCODE_GOLDEN=update .venv/bin/pytest tests/unit/test_engine.py tests/browser/test_oefencasussen.py`,
then read the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
STARTDATUM = dt.date(2026, 12, 4)  # a Friday: the date every golden verslag is made for
UPDATE = os.environ.get("MELDCODE_GOLDEN") == "update"
# layout of the plain text only: heading underlines and list bullets
_LAYOUT = re.compile(r"^\s*(?:[=-]+\s*$|- )")


def route_name(route: list[tuple[str, str]]) -> str:
    return "__".join(f"{knoop}-{antwoord}" for knoop, antwoord in route)


def path(kind: str, name: str) -> Path:
    return GOLDEN / kind / f"{name}.txt"


def check(kind: str, name: str, text: str) -> None:
    """`text` equals the golden file (written first when MELDCODE_GOLDEN=update)."""
    golden = path(kind, name)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden.name} ontbreekt; maak hem met MELDCODE_GOLDEN=update"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{kind}/{golden.name} wijkt af; bedoeld? MELDCODE_GOLDEN=update .venv/bin/pytest tests/"
    )


def stale(kind: str, names: set[str]) -> set[str]:
    """Golden files of `kind` that no longer belong to a route or case (removed on update)."""
    found = {p.stem for p in (GOLDEN / kind).glob("*.txt")} - names
    if UPDATE:
        for name in found:
            path(kind, name).unlink()
        return set()
    return found


def words(text: str) -> list[str]:
    """The words of a golden text as a reader sees them: without underlines and bullets,
    line wrapping undone. A page's text compares equal when it shows the same words."""
    return " ".join(_LAYOUT.sub("", line) for line in text.splitlines()).split()


def golden_words(kind: str, name: str) -> list[str]:
    return words(path(kind, name).read_text(encoding="utf-8"))
