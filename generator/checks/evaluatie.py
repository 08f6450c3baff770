"""Out-of-date references: the controles of `protocol/evaluatie.yaml` matched against the
text of every other source file, each match a warning with its file and line.

The text stays as the school wrote it; the site only says where to look at the evaluatie.
The matching works on plain data (the raw YAML trees, strings and the file's lines), not on
the typed model, so that the same functions can run in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from generator.errors import SourceError
from generator.source.positions import Loc, Source, key_path, locate, strings

PART = "evaluatie"  # the rule file: never matched against itself
# nor the version history: it quotes the old wording of each correction on purpose
NOT_MATCHED = (PART, "wijzigingen")
KEY = "controles"


@dataclass(frozen=True)
class Controle:
    """One rule as the matching needs it: plain values and its compiled pattern."""

    id: str
    patroon: re.Pattern[str]
    waarom: str
    controleer: str
    bron: str | None = None


@dataclass(frozen=True)
class Treffer:
    """One place where a controle's pattern matches the text."""

    bestand: str  # e.g. protocol/bijlagen/bijlage-3-overlegformulier.yaml
    regel: int  # 1-based line of the matched words
    sleutel: str  # key path, e.g. "onderdelen › F › toelichting"
    gevonden: str  # the matched words, as in the text
    controle: Controle
    loc: Loc = ()  # the text's place as keys and indexes


def compile_controles(raw: Any) -> tuple[list[Controle], list[tuple[Loc, str]]]:
    """The controles of a raw evaluatie tree, and each bad pattern as (location, Dutch message)."""
    controles: list[Controle] = []
    problems: list[tuple[Loc, str]] = []
    items = raw.get(KEY) if isinstance(raw, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        patroon = str(item.get("patroon", ""))
        try:
            compiled = re.compile(patroon, re.IGNORECASE)
        except re.error as exc:
            problems.append(((KEY, i, "patroon"), _bad_pattern(patroon, exc)))
            continue
        if compiled.search(""):
            problems.append(
                (
                    (KEY, i, "patroon"),
                    f"het patroon '{patroon}' past ook op lege tekst en zou overal een melding geven; "
                    "maak het specifieker (haal bijvoorbeeld een losse | of een * weg)",
                )
            )
            continue
        bron = item.get("bron")
        controles.append(
            Controle(
                str(item["id"]),
                compiled,
                " ".join(str(item["waarom"]).split()),
                " ".join(str(item["controleer"]).split()),
                str(bron) if bron else None,
            )
        )
    return controles, problems


def _bad_pattern(patroon: str, exc: re.error) -> str:
    waar = f" bij teken {exc.pos + 1}" if exc.pos is not None else ""
    return (
        f"het patroon '{patroon}' is geen geldige reguliere expressie ({exc.msg}{waar}); controleer de haakjes "
        "en zet een \\ voor ( ) [ ] . * + ? als u het teken zelf bedoelt, bijvoorbeeld \\(anoniem\\)"
    )


def match_line(lines: list[str], start: int, pattern: re.Pattern[str], nth: int) -> int:
    """The line of the `nth` match (0-based) of `pattern` in the file from line `start` on.

    A folded YAML text joins its lines with a space, so the file's lines are read the same
    way (whitespace collapsed, lines joined by one space): words split over two lines are
    found on the line where they begin. Not found: `start`."""
    starts: list[tuple[int, int]] = []  # (offset in the joined text, line number)
    parts: list[str] = []
    offset = 0
    for number in range(start, len(lines) + 1):
        text = " ".join(lines[number - 1].split())
        starts.append((offset, number))
        parts.append(text)
        offset += len(text) + 1
    found = list(islice(pattern.finditer(" ".join(parts)), nth + 1))
    if len(found) <= nth:
        return start
    at = found[nth].start()
    return max(number for offset, number in starts if offset <= at)


def find(controles: Iterable[Controle], bronnen: Mapping[str, Source]) -> Iterator[Treffer]:
    """Every match of every controle in every string of every file but the rule file and the
    version history."""
    controles = list(controles)
    for part, bron in bronnen.items():
        if part in NOT_MATCHED:
            continue
        for loc, text in strings(bron.data):
            for controle in controles:
                for nth, match in enumerate(controle.patroon.finditer(text)):
                    start = locate(bron.data, loc)
                    yield Treffer(
                        bron.name,
                        match_line(bron.lines, start, controle.patroon, nth),
                        key_path(bron.data, loc),
                        " ".join(match.group(0).split()),
                        controle,
                        loc,
                    )


def message(treffer: Treffer, regels: str) -> str:
    """The Dutch warning for one match: what, why, what to check, where to change it."""
    c = treffer.controle
    return (
        f"'{treffer.gevonden}' is mogelijk verouderd: {c.waarom} {c.controleer} Pas de tekst zo nodig aan in "
        f"{treffer.bestand} (regel {treffer.regel}); klopt hij toch, haal dan de controle '{c.id}' weg "
        f"uit {regels}"
    )


# --- the files as read ------------------------------------------------------------------


def patroon_errors(sources: Mapping[str, Source]) -> list[SourceError]:
    """A pattern that is no regular expression (or matches nothing but empty text) is an error."""
    if PART not in sources:
        return []
    _, problems = compile_controles(sources[PART].data)
    return [sources[PART].error(loc, text) for loc, text in problems]


def verouderde_verwijzingen(sources: Mapping[str, Source]) -> list[Treffer]:
    """Every match, in file order (the order of BRONNEN), then line."""
    if PART not in sources:
        return []
    controles, _ = compile_controles(sources[PART].data)
    volgorde = {src.name: i for i, src in enumerate(sources.values())}
    return sorted(find(controles, sources), key=lambda t: (volgorde[t.bestand], t.regel))


def verouderd_problems(sources: Mapping[str, Source]) -> list[SourceError]:
    """One warning per match, naming file, line and key path."""
    regels = sources[PART].name if PART in sources else "protocol/evaluatie.yaml"
    return [
        SourceError(t.bestand, t.regel, t.sleutel, message(t, regels), t.loc) for t in verouderde_verwijzingen(sources)
    ]


def verouderd_warnings(sources: Mapping[str, Source]) -> list[str]:
    return [str(p) for p in verouderd_problems(sources)]


__all__ = [
    "Controle",
    "Treffer",
    "compile_controles",
    "find",
    "match_line",
    "patroon_errors",
    "verouderd_problems",
    "verouderd_warnings",
    "verouderde_verwijzingen",
]
