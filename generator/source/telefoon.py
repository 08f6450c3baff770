"""Phone numbers: checked with libphonenumber (`phonenumbers`) for the Netherlands.

The site shows a number as the school wrote it; the `tel:` link dials it from a Dutch
phone: national digits, never "+31112" for a short or special number.
"""

from __future__ import annotations

import re

import phonenumbers

from generator.errors import SourceError
from generator.source.load import Loaded

REGION = "NL"


def tel_href(nummer: str) -> str:
    """`tel:` link for a number as written: the digits a Dutch phone dials (0800-2000 → tel:08002000)."""
    return f"tel:{re.sub(r'[^\d+]', '', nummer)}"


def is_dutch_number(nummer: str) -> bool:
    """A number that exists in the Dutch numbering plan: a full number or a short one (112, 116 111)."""
    try:
        parsed = phonenumbers.parse(nummer, REGION)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) or phonenumbers.is_valid_short_number(parsed)


def phone_warnings(loaded: Loaded) -> list[SourceError]:
    """A number that is no valid Dutch number is a warning, not an error: the school's own
    document may hold it, and only the school can find the right one (at the evaluation)."""
    found: list[SourceError] = []
    for i, contact in enumerate(loaded.protocol.contacten.contacten):
        if contact.telefoon is not None and not is_dutch_number(contact.telefoon):
            found.append(
                loaded.error(
                    "contacten",
                    ("contacten", i, "telefoon"),
                    f"'{contact.telefoon}' is geen geldig Nederlands telefoonnummer (volgens het nummerplan); "
                    "controleer het nummer bij de evaluatie en pas het aan in protocol/contacten.yaml",
                )
            )
    for i, rol in enumerate(loaded.protocol.rollen.rollen):
        for j, persoon in enumerate(rol.personen or []):
            if persoon.telefoon is not None and not is_dutch_number(persoon.telefoon):
                found.append(
                    loaded.error(
                        "rollen",
                        ("rollen", i, "personen", j, "telefoon"),
                        f"'{persoon.telefoon}' is geen geldig Nederlands telefoonnummer (volgens het nummerplan); "
                        "controleer het nummer en pas het aan in protocol/rollen.yaml",
                    )
                )
    return found


__all__ = ["is_dutch_number", "phone_warnings", "tel_href"]
