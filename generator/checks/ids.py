"""Helpers the checks share for lists of ids: the duplicates in a list, and the ids an
editor could have meant when a reference points at nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

from generator.source.positions import Loc


def duplicates(items: Sequence[tuple[Loc, str]]) -> Iterator[tuple[Loc, str]]:
    """Every item whose value an earlier item already has."""
    seen: set[str] = set()
    for loc, value in items:
        if value in seen:
            yield loc, value
        seen.add(value)


def known(ids: list[str], wat: str, value: str | None = None) -> str:
    """The ids an editor could have meant, with the closest one first."""
    if not ids:
        return f"er zijn geen {wat}"
    close = difflib.get_close_matches(value, ids, n=1) if value else []
    hint = f"bedoelt u '{close[0]}'? " if close else ""
    if len(ids) > 15:
        return f"{hint}bekende {wat}: {', '.join(ids[:3])} … {ids[-1]}"
    return f"{hint}bekende {wat}: {', '.join(ids)}"


__all__ = ["duplicates", "known"]
