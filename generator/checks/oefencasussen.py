"""Checks for the oefencasussen: each case walks the afwegingskader with the engine the
helper uses, so a case that no longer fits after an edit is an error with file and line.

Runs after the other checks passed (the export and the engine need a sound graph);
the inline references of the cases are checked there already, with every other text.
"""

from __future__ import annotations

from generator.afwegingskader.walk import kader_data, walk
from generator.errors import ProtocolError, SourceError
from generator.source.load import Loaded

PART = "oefencasussen"


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


__all__ = ["check_oefencasussen", "coverage_warnings"]
