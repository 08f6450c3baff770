"""Checks for the oefencasussen: each case walks the afwegingskader with the engine the
helper uses, so a case that no longer fits after an edit is an error with file and line.

Runs after the other checks passed (the export and the engine need a sound graph);
the inline references of the cases are checked there already, with every other text.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.afwegingskader.export import afwegingskader_data
from generator.errors import ProtocolError, SourceError
from generator.source.load import Loaded
from generator.source.model import Oefencasus, Protocol

# The engine is its own package (its own wheel for Pyodide), not installed in this
# environment; the generator imports it from source, as pytest does (pythonpath).
_ENGINE = str(Path(__file__).resolve().parents[1] / "engine")
if _ENGINE not in sys.path:
    sys.path.insert(0, _ENGINE)

from meldcode_engine import OngeldigAntwoord, Sessie  # noqa: E402

PART = "oefencasussen"


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


def check_oefencasussen(loaded: Loaded) -> list[str]:
    """Raise ProtocolError for a case that does not fit; return coverage warnings."""
    p = loaded.protocol
    casussen = p.oefencasussen.casussen
    errors: list[SourceError] = []

    def err(loc: tuple[str | int, ...], message: str) -> None:
        errors.append(loaded.error(PART, loc, message))

    seen: set[str] = set()
    for i, casus in enumerate(casussen):
        if casus.id in seen:
            err(("casussen", i, "id"), f"id '{casus.id}' komt twee keer voor; geef elke casus een eigen id")
        seen.add(casus.id)

    uitspraken = {n for advies in p.adviezen_lkc.adviezen for n in advies.uitspraken}
    uitkomsten = {u.id: u for u in p.afwegingskader.uitkomsten}
    kader = kader_data(p)
    bereikt: dict[str, str] = {}  # case id → uitkomst id
    for i, casus in enumerate(casussen):
        for j, stap in enumerate(casus.route):
            for k, nummer in enumerate(stap.lkc):
                if nummer not in uitspraken:
                    err(
                        ("casussen", i, "route", j, "lkc", k),
                        f"LKC-uitspraak {nummer} staat bij geen advies in protocol/adviezen-lkc.yaml; "
                        "corrigeer het nummer of haal het weg",
                    )
        if casus.uitkomst not in uitkomsten:
            err(
                ("casussen", i, "uitkomst"),
                f"uitkomst '{casus.uitkomst}' bestaat niet (bekende uitkomsten: {', '.join(uitkomsten)}); "
                "corrigeer de id",
            )
            continue
        result = walk(kader, casus)
        if result.fout is not None:
            loc, message = result.fout
            err(("casussen", i, *loc), message)
        elif result.uitkomst != casus.uitkomst:
            err(
                ("casussen", i, "uitkomst"),
                f"de verwachte antwoorden leiden naar {result.uitkomst}, niet naar {casus.uitkomst}; "
                "corrigeer de uitkomst of de antwoorden",
            )
        else:
            bereikt[casus.id] = casus.uitkomst
    if errors:
        raise ProtocolError(errors)
    return coverage_warnings(loaded, bereikt)


def coverage_warnings(loaded: Loaded, bereikt: dict[str, str]) -> list[str]:
    """What the cases together do not practise yet: an uitkomst, a meldnorm, twijfel, not reporting."""
    p = loaded.protocol
    naam = loaded.sources[PART].name
    uitkomsten = {u.id: u for u in p.afwegingskader.uitkomsten}
    warnings: list[str] = []
    for uitkomst in uitkomsten.values():
        if uitkomst.id not in bereikt.values():
            warnings.append(f"{naam}: geen oefencasus eindigt in {uitkomst.id} ({uitkomst.titel}); voeg er een toe")
    normen = {uitkomsten[u].meldnorm for u in bereikt.values()}
    for norm in p.bijlage_2.meldnormen:
        if norm.id not in normen:
            warnings.append(f"{naam}: geen oefencasus oefent meldnorm {norm.id}; voeg er een toe")
    antwoorden = {(s.knoop, s.antwoord) for c in p.oefencasussen.casussen for s in c.route}
    knopen = [*p.afwegingskader.vragen, *p.afwegingskader.beslissingen]
    twijfel = [k.id for k in knopen if any(a.id == "twijfel" for a in k.antwoorden)]
    if twijfel and not any(a == "twijfel" for _, a in antwoorden):
        warnings.append(
            f"{naam}: geen oefencasus heeft 'twijfel' als antwoord (kan bij {', '.join(twijfel)}); voeg er een toe"
        )
    niet_melden = [c for c, u in bereikt.items() if not uitkomsten[u].melden]
    if len(niet_melden) < 2:
        warnings.append(
            f"{naam}: {len(niet_melden)} oefencasus(sen) waarin niet melden het goede antwoord is; "
            "zorg voor minstens twee"
        )
    return warnings


__all__ = ["Walk", "check_oefencasussen", "coverage_warnings", "kader_data", "walk"]
