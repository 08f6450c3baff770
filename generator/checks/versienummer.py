"""Version numbers as the school writes them ('2026.1', '2026.10', '2027-beta'): compared
as a reader compares them, and the next one proposed. Standard library only (the browser
editor proposes the next version too)."""

from __future__ import annotations

import re


def versie_key(versie: str) -> tuple[tuple[int, str], ...]:
    """'2027.1' > '2026.10' > '2026.9': numbers compared as numbers, anything else as text."""
    return tuple((int(deel), "") if deel.isdigit() else (-1, deel) for deel in re.split(r"[.\-]", versie))


def volgende_versie(versie: str) -> str:
    """The version after `versie`: its last number one higher ('2026.1' → '2026.2'); a
    version without a number gets '.1' added."""
    getallen = list(re.finditer(r"\d+", versie))
    if not getallen:
        return f"{versie}.1"
    laatste = getallen[-1]
    return f"{versie[: laatste.start()]}{int(laatste.group()) + 1}{versie[laatste.end() :]}"


__all__ = ["versie_key", "volgende_versie"]
