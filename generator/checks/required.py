"""The ids the site names itself (`generator.source.required`) exist in the source."""

from __future__ import annotations

from generator.errors import SourceError
from generator.source.load import Loaded
from generator.source.required import CONTACTEN, INLEIDING_SECTIES, ROLLEN


def required_ids(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Every contact, rol and inleiding section the site names by its id is there."""
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
    if "rollen" not in ambiguous:
        rollen = {r.id for r in p.rollen.rollen}
        for rid, waar in ROLLEN.items():
            if rid not in rollen:
                message = (
                    f"rol '{rid}' ontbreekt; de site noemt deze rol {waar}; "
                    f"geef de rol weer de id '{rid}' of voeg hem toe"
                )
                errors.append(loaded.error("rollen", ("rollen",), message))
    secties = {s.id for s in p.inleiding.secties}
    for sid, waar in INLEIDING_SECTIES.items():
        if sid not in secties:
            message = (
                f"onderdeel '{sid}' ontbreekt; de site linkt ernaar vanaf {waar}; "
                f"geef het onderdeel weer de id '{sid}' of zet het terug"
            )
            errors.append(loaded.error("inleiding", ("secties",), message))
    return errors


def personen_warnings(loaded: Loaded) -> list[SourceError]:
    """A rol the site tells staff to go to (aandachtsfunctionaris, directeur) with nobody named:
    a warning, since the site still works ("vraag op school wie dit is"), but a worried
    teacher should find a name and a number."""
    warnings: list[SourceError] = []
    for i, rol in enumerate(loaded.protocol.rollen.rollen):
        if rol.id in ROLLEN and not rol.personen:
            message = (
                f"bij de rol '{rol.id}' staat niemand; de site zegt nu 'vraag op school wie dit is' {ROLLEN[rol.id]}; "
                f"vul onder personen de naam in, met telefoon en e-mail, in protocol/rollen.yaml"
            )
            where = ("rollen", i, "personen" if rol.personen is not None else "id")
            warnings.append(loaded.error("rollen", where, message))
    return warnings
