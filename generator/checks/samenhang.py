"""The rules across files: unique ids and anchors, every reference by id or in a text,
the routes of the afwegingskader, the required ids. `fouten()` runs them in one order.

Standard library only and on the protocol's parts by attribute: `meldcode check` runs them
on the validated model, the browser editor on the raw files read with the model's table
(`source.soorten`), so both say the same with the same words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.checks.afwegingskader import answer_order, begrip_references, knoop_ids, routes, uitkomst_references
from generator.checks.eerste_minuten import eerste_minuten
from generator.checks.evaluatie import patroon_errors
from generator.checks.ids import duplicates, known
from generator.checks.required import required_ids
from generator.checks.tekst import targets, text_errors
from generator.checks.versie import wijzigingen_order
from generator.errors import SourceError
from generator.links.adressen import anchors, stap_secties
from generator.source.loaded import Loaded
from generator.source.positions import Loc


def _section_locs(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Locations of every `secties` item id in a raw tree (for duplicate ids)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "secties" and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        yield (*loc, key, i, "id"), item["id"]
            yield from _section_locs(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _section_locs(value, (*loc, i))


def errors(loaded: Loaded) -> list[SourceError]:
    """Every broken link between parts; then, once there are none, the version history's order."""
    # A duplicate id makes every reference to the id it replaced fail too; those follow
    # from the one mistake, so references into an ambiguous list are checked only once
    # the duplicate is fixed (one message per mistake, not a cascade). The id rules add
    # such a list's name to `ambiguous`, the reference rules after them skip it.
    ambiguous: set[str] = set()
    errors = _unique_ids(loaded, ambiguous)
    errors += _stap_nummers(loaded, ambiguous)
    errors += knoop_ids(loaded, ambiguous)
    errors += routes(loaded, ambiguous)
    errors += _momenten(loaded, ambiguous)
    errors += _uitzonderingen(loaded)
    errors += answer_order(loaded)
    errors += begrip_references(loaded, ambiguous)
    errors += uitkomst_references(loaded, ambiguous)
    errors += _contact_lists(loaded, ambiguous)
    errors += _spoed_contacten(loaded, ambiguous)
    errors += _unique_anchors(loaded)
    ankers = set(anchors(loaded.protocol))
    errors += text_errors(loaded.sources, targets(loaded.sources, ankers), ambiguous)
    errors += required_ids(loaded, ambiguous)
    errors += eerste_minuten(loaded)
    errors += patroon_errors(loaded.sources)
    if errors:
        return errors
    return wijzigingen_order(loaded)


def _unique_ids(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Ids unique within each list of the protocol (stappen: their nummer)."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []

    def unique(part: str, key: str, values: list[Any], attr: str = "id") -> None:
        items = [((key, i, attr), str(getattr(v, attr))) for i, v in enumerate(values)]
        for loc, value in duplicates(items):
            ambiguous.add(key)
            errors.append(
                err(part, loc, f"{attr} '{value}' komt twee keer voor; geef elk item in {key} een eigen {attr}")
            )

    unique("rollen", "rollen", p.rollen.rollen)
    unique("contacten", "contacten", p.contacten.contacten)
    unique("termijnen", "termijnen", p.termijnen.termijnen)
    unique("termijnen", "momenten", p.termijnen.momenten)
    unique("stappen", "stappen", p.stappen.stappen, "nummer")
    unique("bijlage_1", "categorieen", p.bijlage_1.categorieen)
    unique("bijlage_2", "meldnormen", p.bijlage_2.meldnormen)
    unique("bijlage_2", "begrippen", p.bijlage_2.begrippen)
    unique("bijlage_3", "onderdelen", p.bijlage_3.onderdelen)
    return errors


def _stap_nummers(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Exactly stap 1 to 6."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []
    stapnummers = sorted(s.nummer for s in p.stappen.stappen)
    if stapnummers != list(range(1, 7)) and "stappen" not in ambiguous:
        errors.append(
            err(
                "stappen",
                ("stappen",),
                f"de stappen moeten 1 tot en met 6 zijn (gevonden: {stapnummers}); vul de ontbrekende stap aan",
            )
        )
    return errors


def _momenten(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """A termijn counted from a moment names a moment that exists."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []
    momenten = [m.id for m in p.termijnen.momenten]
    for i, termijn in enumerate(p.termijnen.termijnen):
        if termijn.vanaf is not None and termijn.vanaf not in momenten and "momenten" not in ambiguous:
            errors.append(
                err(
                    "termijnen",
                    ("termijnen", i, "vanaf"),
                    f"moment '{termijn.vanaf}' bestaat niet ({known(sorted(momenten), 'momenten', termijn.vanaf)}); "
                    "voeg het toe onder momenten of corrigeer de id",
                )
            )
    return errors


def _uitzonderingen(loaded: Loaded) -> list[SourceError]:
    """The uitzondering of a melding section or of an action names a section of a stap."""
    bekend = stap_secties(loaded.protocol)
    plekken: list[tuple[str, tuple[str | int, ...], str | None]] = [
        ("melding", ("secties", i, "uitzondering"), sectie.uitzondering)
        for i, sectie in enumerate(loaded.protocol.melding.secties)
    ]
    plekken += [
        ("afwegingskader", ("uitkomsten", u, "acties", a, "uitzondering"), actie.uitzondering)
        for u, uitkomst in enumerate(loaded.protocol.afwegingskader.uitkomsten)
        for a, actie in enumerate(uitkomst.acties)
    ]
    return [
        loaded.error(
            deel,
            loc,
            f"onderdeel '{waarde}' bestaat niet in een stap "
            f"({known(sorted(bekend), 'onderdelen van de stappen', waarde)}); corrigeer de id",
        )
        for deel, loc, waarde in plekken
        if waarde is not None and waarde not in bekend
    ]


def _contact_lists(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """The spoedbalk and the other addresses name contacten that exist; the spoedbalk's can be called."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []
    contacten = {c.id: c for c in p.contacten.contacten}
    lists = [("spoedbalk", p.contacten.spoedbalk), ("overige_adressen", p.contacten.overige_adressen)]
    for key, ids in lists:
        for i, cid in enumerate(ids):
            if "contacten" in ambiguous:
                break
            if cid not in contacten:
                errors.append(
                    err(
                        "contacten",
                        (key, i),
                        f"contact '{cid}' bestaat niet ({known(sorted(contacten), 'contacten', cid)}); "
                        "corrigeer de id of voeg het contact toe onder contacten",
                    )
                )
            elif key == "spoedbalk" and contacten[cid].telefoon is None:
                errors.append(
                    err(
                        "contacten",
                        (key, i),
                        f"contact '{cid}' heeft geen telefoonnummer voor de spoedbalk; "
                        "geef het een telefoon of haal het uit de spoedbalk",
                    )
                )
    return errors


def _spoed_contacten(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """The contacten to call in an emergency exist and have a number."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []
    contacten = {c.id: c for c in p.contacten.contacten}
    for i, spoed in enumerate(p.contacten.spoed):
        if spoed.contact not in contacten and "contacten" not in ambiguous:
            errors.append(
                err(
                    "contacten",
                    ("spoed", i, "contact"),
                    f"contact '{spoed.contact}' bestaat niet "
                    f"({known(sorted(contacten), 'contacten', spoed.contact)}); "
                    "corrigeer de id of voeg het contact toe onder contacten",
                )
            )
        elif spoed.contact in contacten and contacten[spoed.contact].telefoon is None:
            errors.append(
                err(
                    "contacten",
                    ("spoed", i, "contact"),
                    f"contact '{spoed.contact}' staat in de lijst bij spoed maar heeft geen telefoonnummer; "
                    "vul het telefoonnummer in bij dit contact of haal het uit de lijst",
                )
            )
    return errors


def _unique_anchors(loaded: Loaded) -> list[SourceError]:
    """A section id is an anchor on the site: unique across all parts and the fixed anchors."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []
    kader = p.afwegingskader
    knopen = {n.id for n in [*kader.vragen, *kader.beslissingen]}
    uitkomsten = {u.id for u in kader.uitkomsten}
    begrippen = {b.id for b in p.bijlage_2.begrippen}
    seen_sections: dict[str, str] = {}
    fixed = {
        *(s.id for s in p.stappen.stappen),
        *knopen,
        *uitkomsten,
        *(f"bijlage-{n}" for n in range(1, 5)),
        *begrippen,
        *(c.id for c in p.bijlage_1.categorieen),
    }
    for part, source in loaded.sources.items():
        for loc, value in _section_locs(source.data):
            if value in seen_sections or value in fixed:
                errors.append(
                    err(part, loc, f"id '{value}' wordt al gebruikt als anker op de site; kies een andere id")
                )
            seen_sections[value] = part
    return errors


__all__ = ["errors"]
