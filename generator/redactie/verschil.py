"""What a save changes, in words, for the editor's check panel ("Wat verandert er"): each
value that differs with its key path as `meldcode check` names it, an item added or removed.
Standard library and ruamel.yaml only (it runs in the browser)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.redactie.formulier import als_data, uitlijning
from generator.redactie.yamlbestand import lees
from generator.source.positions import Loc, key_path

KORT = 80  # a changed text is shown up to this many characters


def _kort(waarde: Any) -> str:
    tekst = " ".join(str(waarde).split())
    return f"'{tekst[:KORT]}…'" if len(tekst) > KORT else f"'{tekst}'"


def _naam(item: Any) -> str:
    if isinstance(item, dict):
        for key in ("id", "naam", "titel", "versie"):
            if item.get(key):
                return f"'{item[key]}'"
    return _kort(item)


def _verschillen(tree: Any, oud: Any, nieuw: Any, loc: Loc) -> Iterator[str]:
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        for key, waarde in nieuw.items():
            if key in oud:
                yield from _verschillen(tree, oud[key], waarde, (*loc, key))
            elif waarde not in (None, "", [], {}):
                yield f"{key_path(tree, (*loc, key))}: nieuw {_kort(waarde)}"
    elif isinstance(oud, list) and isinstance(nieuw, list):
        # items matched as saving matches them (by id or content): an added item is one line
        for i1, i2, j1, j2, paren in uitlijning(oud, nieuw):
            for k in range(paren):
                yield from _verschillen(tree, oud[i1 + k], nieuw[j1 + k], (*loc, i1 + k))
            plek = key_path(tree, loc)
            yield from (f"{plek}: {_naam(i)} toegevoegd" for i in nieuw[j1 + paren : j2])
            yield from (f"{plek}: {_naam(i)} weggehaald" for i in oud[i1 + paren : i2])
    elif oud != nieuw and not (oud in (None, "") and nieuw in (None, "")):
        yield f"{key_path(tree, loc)}: {_kort(oud)} wordt {_kort(nieuw)}"


def veranderingen(bron: str, data: Any) -> list[str]:
    """The changes from the file's text `bron` to the form's data, one line each."""
    tree = lees(bron)
    return list(_verschillen(tree, als_data(tree), data, ()))


__all__ = ["veranderingen"]
