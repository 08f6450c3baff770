"""The syntax of a reference in protocol text: `{soort:id}` or `{soort:id|tekst}`.

Standard library only: the editor in the browser checks references with it too.
"""

from __future__ import annotations

import re

REFERENCE = re.compile(r"\{([a-z]+):([^}|]*)(?:\|([^}]*))?\}")
REFERENCE_KINDS = ("rol", "invulling", "contact", "telefoon", "termijn", "bijlage", "stap", "anker")


def stap_id(nummer: int) -> str:
    """A stap's id and anchor, as `{stap:stap-3}` names it: the model's and the raw view's."""
    return f"stap-{nummer}"


__all__ = ["REFERENCE", "REFERENCE_KINDS", "stap_id"]
