"""A case walked through the afwegingskader with the engine the helper uses, step by step:
where its answers lead, or the first step that does not fit. Used by the checks of the
oefencasussen and by their page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from meldcode_engine import OngeldigAntwoord, Sessie

from generator.afwegingskader.export import afwegingskader_data
from generator.source.model import Oefencasus, Protocol


@dataclass(frozen=True)
class Walk:
    """Where a case's expected answers lead: the uitkomst, or the first step that does not fit."""

    uitkomst: str | None  # the uitkomst reached after the last answer, if any
    sessie: Sessie
    fout: tuple[tuple[str | int, ...], str] | None = None  # (loc inside the case, Dutch message)


def kader_data(protocol: Protocol) -> dict[str, Any]:
    """The exported afwegingskader, the same data the helper's engine reads."""
    return afwegingskader_data(protocol)


def walk(kader: dict[str, Any], casus: Oefencasus) -> Walk:
    """Answer a case's route with the engine, step by step."""
    sessie = Sessie(kader)
    vorige = kader["start"]
    for j, stap in enumerate(casus.route):
        state = sessie.state()
        if state["uitkomst"] is not None:
            bereikt = state["uitkomst"]["id"]
            return Walk(
                None,
                sessie,
                (
                    ("route", j, "knoop"),
                    f"de route is hier al klaar: na {vorige} volgt {bereikt}; haal deze stap weg of pas "
                    "de antwoorden ervoor aan aan protocol/afwegingskader.yaml",
                ),
            )
        huidig = state["huidig"]["id"]
        if stap.knoop != huidig:
            waar = "de route begint bij" if j == 0 else f"na {vorige} volgt"
            return Walk(
                None,
                sessie,
                (
                    ("route", j, "knoop"),
                    f"deze route bestaat niet in het afwegingskader: {waar} {huidig}, niet {stap.knoop}; "
                    "pas de casus aan aan protocol/afwegingskader.yaml",
                ),
            )
        try:
            sessie.answer(stap.knoop, stap.antwoord)
        except OngeldigAntwoord:
            ids = [a["id"] for a in state["huidig"]["antwoorden"]]
            return Walk(
                None,
                sessie,
                (
                    ("route", j, "antwoord"),
                    f"{stap.knoop} heeft geen antwoord '{stap.antwoord}' (wel: {', '.join(ids)}); "
                    "kies een bestaand antwoord of pas de casus aan aan protocol/afwegingskader.yaml",
                ),
            )
        vorige = stap.knoop
    state = sessie.state()
    if state["uitkomst"] is None:
        huidig = state["huidig"]["id"]
        return Walk(
            None,
            sessie,
            (
                ("route", len(casus.route) - 1, "knoop"),
                f"de route stopt bij {huidig} zonder uitkomst; vul het verwachte antwoord op {huidig} aan",
            ),
        )
    return Walk(state["uitkomst"]["id"], sessie)


__all__ = ["Walk", "kader_data", "walk"]
