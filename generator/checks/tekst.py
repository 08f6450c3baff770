"""Rules over the text of the source as read (raw YAML trees with their lines): every
`{soort:id}` points at something that exists, no stray braces, no HTML (the model's rule,
from `source.waarden`), no runaway length.

`meldcode check` runs them, and so does the editor in the browser (Pyodide), where pydantic
is not available: this module uses only the standard library and the positions of the raw
trees, so both give the same messages with the same file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.checks.ids import known
from generator.errors import SourceError
from generator.source.positions import Source, strings
from generator.source.syntaxis import REFERENCE, REFERENCE_KINDS
from generator.source.values import html_problem

# which id lists each kind of reference points into: skipped while such a list has a duplicate
DEPENDS = {
    "rol": {"rollen"},
    "invulling": {"rollen"},
    "contact": {"contacten"},
    "telefoon": {"contacten"},
    "termijn": {"termijnen"},
    "stap": {"stappen"},
    "anker": {"stappen", "knopen", "categorieen", "begrippen"},
}
# The longest text in the protocol is about 2,000 characters; a text far longer is a paste
# gone wrong (a whole document, an image as text), not a sentence of the werkinstructie.
MAX_TEKST = 20_000
_SKIP = {("evaluatie", "patroon")}  # regular expressions, not text: braces and < are syntax there


def _items(data: Any, *keys: str) -> list[dict[str, Any]]:
    node = data
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return [i for i in node if isinstance(i, dict)] if isinstance(node, list) else []


def _ids(items: list[dict[str, Any]], key: str = "id", when: str | None = None) -> set[str]:
    return {str(i[key]) for i in items if key in i and (when is None or i.get(when))}


def targets(sources: Mapping[str, Source], ankers: set[str]) -> dict[str, set[str]]:
    """The ids each kind of reference may point at, from the raw trees; `ankers` are the
    anchors of the site's pages (from the typed model, or as the build exported them)."""

    def data(part: str) -> Any:
        return sources[part].data if part in sources else None

    rollen = _items(data("rollen"), "rollen")
    contacten = _items(data("contacten"), "contacten")
    return {
        "rol": _ids(rollen),
        "invulling": _ids(rollen, when="invulling"),
        "contact": _ids(contacten),
        "telefoon": _ids(contacten, when="telefoon"),
        "termijn": _ids(_items(data("termijnen"), "termijnen")),
        "bijlage": {"1", "2", "3", "4"},
        "stap": _ids(_items(data("stappen"), "stappen"), "nummer"),
        "anker": set(ankers),
    }


def too_long(text: str) -> str:
    """The message for a text longer than MAX_TEKST."""
    return (
        f"deze tekst is {len(text):,} tekens lang (meer dan {MAX_TEKST:,}); ".replace(",", ".")
        + "plak hier alleen de tekst van dit onderdeel"
    )


def stray_brace(text: str) -> str | None:
    """The word around the first '{' or '}' that is not part of a reference, if any."""
    inside = {i for m in REFERENCE.finditer(text) for i in range(*m.span())}
    for i, char in enumerate(text):
        if char in "{}" and i not in inside:
            before = re.search(r"\S*$", text[:i])
            after = re.match(r"\S*", text[i:])
            return (before.group() if before else "") + (after.group() if after else "")
    return None


def reference_problem(match: re.Match[str], found: dict[str, set[str]], ambiguous: set[str]) -> str | None:
    """What is wrong with one {soort:id}, in Dutch, or None."""
    kind, target = match.group(1), match.group(2).strip()
    if kind not in found:
        return f"onbekende verwijzing '{match.group(0)}'; gebruik een van: " + ", ".join(
            f"{{{k}:…}}" for k in REFERENCE_KINDS
        )
    if kind == "telefoon" and target in found["contact"] and target not in found[kind]:
        return (
            f"verwijzing '{match.group(0)}': contact '{target}' heeft geen telefoonnummer; "
            "vul het telefoonnummer in bij dit contact in protocol/contacten.yaml"
        )
    if target not in found[kind] and not DEPENDS.get(kind, set()) & ambiguous:
        return (
            f"verwijzing '{match.group(0)}': '{target}' bestaat niet "
            f"({known(sorted(found[kind]), kind + '-ids', target)}); corrigeer de id"
        )
    return None


def _text_errors(
    source: Source, loc: Any, text: str, found: dict[str, set[str]], ambiguous: set[str]
) -> list[SourceError]:
    if len(text) > MAX_TEKST:  # one message, not one per reference in a pasted document
        return [source.error(loc, too_long(text))]
    errors = [
        source.error(loc, problem, match.group(0))
        for match in REFERENCE.finditer(text)
        if (problem := reference_problem(match, found, ambiguous)) is not None
    ]
    word = stray_brace(text)
    if word is not None:
        errors.append(
            source.error(
                loc,
                f"losse accolade in '{word}'; een verwijzing ziet eruit als {{termijn:binnen-een-week}}: "
                "maak hem af of haal de accolade weg",
                word,  # the word is on one line, also in a folded text block
            )
        )
    # the model's own rule for a text (on the desktop it stops the load before this runs)
    if (problem := html_problem(text)) is not None:
        errors.append(source.error(loc, problem))
    return errors


def text_errors(sources: Mapping[str, Source], found: dict[str, set[str]], ambiguous: set[str]) -> list[SourceError]:
    """Every text of every file: references that exist, no stray braces, no HTML, not too long."""
    errors: list[SourceError] = []
    for part, source in sources.items():
        for loc, text in strings(source.data):
            if (part, loc[-1] if loc else "") in _SKIP:
                continue
            errors += _text_errors(source, loc, text, found, ambiguous)
    return errors


__all__ = ["DEPENDS", "MAX_TEKST", "reference_problem", "stray_brace", "targets", "text_errors", "too_long"]
