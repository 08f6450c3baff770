"""The first-minutes page quotes the stappen: every citaat stands word for word in its stap,
so the page can never say something the protocol does not."""

from __future__ import annotations

from typing import Any

from generator.errors import SourceError
from generator.source.loaded import Loaded


def _texts(data: Any) -> list[str]:
    """Every string in a raw YAML tree, whitespace collapsed (folded text wraps anywhere)."""
    if isinstance(data, dict):
        return [t for value in data.values() for t in _texts(value)]
    if isinstance(data, list):
        return [t for value in data for t in _texts(value)]
    return [" ".join(data.split())] if isinstance(data, str) else []


def eerste_minuten(loaded: Loaded) -> list[SourceError]:
    """Each citaat is in the text of its stap; each rol exists; each contact exists with a number."""
    stappen = loaded.protocol.stappen
    raw = loaded.sources["stappen"].data
    teksten: dict[int, list[str]] = {}
    for i, stap in enumerate(stappen.stappen):  # a doubled nummer is its own error: search both
        teksten.setdefault(stap.nummer, []).extend(_texts(raw["stappen"][i]))
    rollen = {r.id for r in loaded.protocol.rollen.rollen}
    contacten = {c.id: c.telefoon for c in loaded.protocol.contacten.contacten}  # to call: a number
    errors: list[SourceError] = []
    for i, actie in enumerate(stappen.eerste_minuten.acties):
        loc = ("eerste_minuten", "acties", i)
        for j, citaat in enumerate(actie.citaten):
            zin = " ".join(citaat.split())
            if not any(zin in tekst for tekst in teksten.get(actie.stap, [])):
                message = (
                    f"dit citaat staat niet letterlijk in stap {actie.stap}; neem de zin woord voor woord over "
                    f"uit stap {actie.stap} (of pas stap aan als het citaat uit een andere stap komt)"
                )
                errors.append(loaded.error("stappen", (*loc, "citaten", j), message))
        if actie.rol is not None and actie.rol not in rollen:
            message = f"rol '{actie.rol}' bestaat niet; gebruik een id uit protocol/rollen.yaml"
            errors.append(loaded.error("stappen", (*loc, "rol"), message))
        if actie.contact is not None and not contacten.get(actie.contact):
            bestaat = actie.contact in contacten
            message = (
                f"contact '{actie.contact}' heeft geen telefoonnummer; vul het in protocol/contacten.yaml in"
                if bestaat
                else f"contact '{actie.contact}' bestaat niet; gebruik een id uit protocol/contacten.yaml"
            )
            errors.append(loaded.error("stappen", (*loc, "contact"), message))
    return errors
