"""The ids the site names itself (`generator.source.required`) exist in the source."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.errors import SourceError
from generator.source.loaded import Loaded
from generator.source.required import CONTACTEN, INLEIDING_SECTIES, ROLLEN


def _missing(
    loaded: Loaded, part: str, key: str, present: set[str], named: dict[str, str], message: Callable[[str, str], str]
) -> list[SourceError]:
    """An error at the list `key` of `part` for every id the site names that is not there."""
    return [loaded.error(part, (key,), message(i, waar)) for i, waar in named.items() if i not in present]


def required_ids(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Every contact, rol and inleiding section the site names by its id is there."""
    p = loaded.protocol
    errors: list[SourceError] = []
    if "contacten" not in ambiguous:
        errors += _missing(
            loaded,
            "contacten",
            "contacten",
            {c.id for c in p.contacten.contacten},
            CONTACTEN,
            lambda i, waar: (
                f"contact '{i}' ontbreekt; de site toont dit contact op {waar}; "
                f"geef het contact weer de id '{i}' of voeg het toe"
            ),
        )
    if "rollen" not in ambiguous:
        errors += _missing(
            loaded,
            "rollen",
            "rollen",
            {r.id for r in p.rollen.rollen},
            ROLLEN,
            lambda i, waar: (
                f"rol '{i}' ontbreekt; de site noemt deze rol {waar}; geef de rol weer de id '{i}' of voeg hem toe"
            ),
        )
    errors += _missing(
        loaded,
        "inleiding",
        "secties",
        {s.id for s in p.inleiding.secties},
        INLEIDING_SECTIES,
        lambda i, waar: (
            f"onderdeel '{i}' ontbreekt; de site linkt ernaar vanaf {waar}; "
            f"geef het onderdeel weer de id '{i}' of zet het terug"
        ),
    )
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


# a person's name: capitalised words, with the Dutch words between first and last name
_PERSOON = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ'-]+(?: (?:van|de|der|den|ter|ten|te|het|'t|v\.d\.))* [A-ZÀ-Ý][a-zà-ÿ'-]+"
    r"(?:-[A-ZÀ-Ý][a-zà-ÿ'-]+)?$"
)


def invulling_warnings(loaded: Loaded) -> list[SourceError]:
    """A person's name in a rol's `invulling` (the function that fills the role, "intern
    begeleider"): who it is now belongs under `personen`, where the site shows a name with a
    number and the role's wording stays right when the person leaves."""
    warnings: list[SourceError] = []
    for i, rol in enumerate(loaded.protocol.rollen.rollen):
        invulling = " ".join(str(rol.invulling or "").split())
        if _PERSOON.match(invulling):
            message = (
                f"'{invulling}' lijkt de naam van een persoon; bij invulling staat de functie die de rol "
                "vervult (bijvoorbeeld intern begeleider); zet wie het nu is onder personen, met telefoon en "
                "e-mail, in protocol/rollen.yaml"
            )
            warnings.append(loaded.error("rollen", ("rollen", i, "invulling"), message))
    return warnings
