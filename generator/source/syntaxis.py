"""The syntax of a reference in protocol text: `{soort:id}` or `{soort:id|tekst}`.

Standard library only: the editor in the browser checks references with it too.
"""

from __future__ import annotations

import re

REFERENCE = re.compile(r"\{([a-z]+):([^}|]*)(?:\|([^}]*))?\}")
REFERENCE_KINDS = ("rol", "invulling", "contact", "telefoon", "termijn", "bijlage", "stap", "anker")

__all__ = ["REFERENCE", "REFERENCE_KINDS"]
