"""Checks of the version history and the evaluation date: wijzigingen.yaml newest first,
its newest entry matching the version in metadata.yaml, the next evaluation not overdue.
"""

from __future__ import annotations

import datetime as dt

from generator.checks.versienummer import versie_key
from generator.errors import SourceError
from generator.source.loaded import Loaded


def wijzigingen_order(loaded: Loaded) -> list[SourceError]:
    """The version history newest first."""
    err = loaded.error
    errors: list[SourceError] = []
    wijzigingen = loaded.protocol.wijzigingen.wijzigingen
    for i in range(1, len(wijzigingen)):
        onder, boven = wijzigingen[i].datum, wijzigingen[i - 1].datum
        # a line without a date (a new one in the editor, before Vandaag) is the required rule's
        if onder is not None and boven is not None and onder > boven:
            errors.append(
                err(
                    "wijzigingen",
                    ("wijzigingen", i, "datum"),
                    f"{wijzigingen[i].datum:%d-%m-%Y} is nieuwer dan de wijziging erboven; zet de nieuwste bovenaan",
                )
            )
    return errors


def versie_warnings(loaded: Loaded) -> list[str]:
    """The version in metadata.yaml and the newest entry of wijzigingen.yaml agree."""
    p = loaded.protocol
    wijzigingen = p.wijzigingen.wijzigingen
    warnings: list[str] = []
    if wijzigingen[0].versie != p.metadata.versie:
        nieuwste, vastgesteld = wijzigingen[0].versie, p.metadata.versie
        if versie_key(nieuwste) > versie_key(vastgesteld):
            # the change was noted before the version was raised: the fix is in metadata.yaml
            warnings.append(
                f"{loaded.sources['metadata'].name}: de nieuwste wijziging in wijzigingen.yaml hoort bij "
                f"versie {nieuwste}, maar metadata.yaml noemt nog versie {vastgesteld}; zet versie in "
                f"metadata.yaml op '{nieuwste}' (of verbeter de versie van die wijziging)"
            )
        else:
            warnings.append(
                f"{loaded.sources['wijzigingen'].name}: metadata.yaml noemt versie {vastgesteld}, maar de "
                f"nieuwste wijziging hoort bij versie {nieuwste}; noteer bovenaan in wijzigingen.yaml wat er "
                f"in versie {vastgesteld} veranderde"
            )
    return warnings


def evaluatie_warnings(loaded: Loaded, today: dt.date) -> list[str]:
    """The next evaluation is not overdue."""
    p = loaded.protocol
    warnings: list[str] = []
    meta = p.metadata
    if meta.volgende_evaluatie < today:
        warnings.append(
            f"{loaded.sources['metadata'].name}: de volgende evaluatie "
            f"({meta.volgende_evaluatie:%d-%m-%Y}) is verstreken; evalueer het protocol en "
            "pas volgende_evaluatie aan"
        )
    return warnings


__all__ = ["evaluatie_warnings", "versie_warnings", "wijzigingen_order"]
