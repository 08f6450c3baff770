"""The ids the site names itself (`generator.source.required`) exist in the source."""

from __future__ import annotations

from generator.errors import SourceError
from generator.source.load import Loaded
from generator.source.required import CONTACTEN, INLEIDING_SECTIES


def required_ids(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Every contact and inleiding section the site names by its id is there."""
    p = loaded.protocol
    errors: list[SourceError] = []
    if "contacten" not in ambiguous:
        contacten = {c.id for c in p.contacten.contacten}
        for cid, waar in CONTACTEN.items():
            if cid not in contacten:
                message = (
                    f"contact '{cid}' ontbreekt; de site toont dit contact op {waar}; "
                    f"geef het contact weer de id '{cid}' of voeg het toe"
                )
                errors.append(loaded.error("contacten", ("contacten",), message))
    secties = {s.id for s in p.inleiding.secties}
    for sid, waar in INLEIDING_SECTIES.items():
        if sid not in secties:
            message = (
                f"onderdeel '{sid}' ontbreekt; de site linkt ernaar vanaf {waar}; "
                f"geef het onderdeel weer de id '{sid}' of zet het terug"
            )
            errors.append(loaded.error("inleiding", ("secties",), message))
    return errors
