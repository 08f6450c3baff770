"""Compare two loaded protocols: every difference, per part, as a readable place, a kind
and the old and new value as text.

The walk over the model is generic (fields, lists matched by id, other lists aligned like
a text diff), so a new field shows up without code here. It walks the raw files read as
typed items (`soorten`), not the pydantic model, so the browser editor runs it too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from meldcode_engine.woorden import kop

from generator.afwegingskader.graph import Graph
from generator.source.soorten import Item, Soorten

Soort = Literal["gewijzigd", "toegevoegd", "verwijderd", "volgorde", "verplaatst"]

# fields that decide where a route goes; everything else in the afwegingskader is text
ROUTE_FIELDS = {"start", "volgende", "melden", "meldnorm"}
ROUTE_ITEMS = {"Knoop", "Uitkomst", "Antwoord"}
# items named by their position ("2e alinea"), not by a text of their own
POSITIONAL = {"Blok", "Advies", "Actie"}
# list fields whose items carry their own name (an id, a title): the field name is noise
HIDDEN = {
    "inhoud",
    "secties",
    "stappen",
    "vragen",
    "beslissingen",
    "uitkomsten",
    "contacten",
    "rollen",
    "termijnen",
    "antwoorden",
    "categorieen",
    "meldnormen",
    "onderdelen",
    "rijen",
    "adviezen",
    # a Blok's one field: "2e alinea" already says it
    "alinea",
    "lijst",
    "genummerd",
    "tussenkop",
}
FIELD_LABELS = {"volgende": "gaat naar"}
TITELS = {
    "metadata": "Versie en data",
    "rollen": "Rollen",
    "contacten": "Contacten",
    "termijnen": "Termijnen",
    "inleiding": "Inleiding",
    "stappen": "Stappen",
    "afwegingskader": "Afwegingskader",
    "melding": "Melding bij Veilig Thuis",
    "achtergrond": "Achtergrond",
    "adviezen_lkc": "Adviezen van de LKC",
}


@dataclass(frozen=True)
class Wijziging:
    """One difference: where (readable path), what kind, old and new value as text."""

    plaats: tuple[str, ...]
    soort: Soort
    oud: str | None = None
    nieuw: str | None = None
    route: bool = False


@dataclass(frozen=True)
class Hoofdstuk:
    """The differences in one part of the protocol (one source file)."""

    titel: str
    wijzigingen: list[Wijziging]


def compare(old: Item, new: Item, soorten: Soorten) -> list[Hoofdstuk]:
    """Every difference between two protocols (`Soorten.protocol`), per part in the order of
    the source files; parts without any are left out."""
    hoofdstukken: list[Hoofdstuk] = []
    for part, bestand in soorten.bestanden.items():
        found: list[Wijziging] = []
        _walk(getattr(old, part), getattr(new, part), (), found, False)
        titel = f"{_titel(part, new)} ({bestand})"
        if part == "afwegingskader":
            routes = [w for w in found if w.route]
            # Graph reads the raw tree (Item) as it reads a Protocol: the same fields by name
            voor, na = (len(Graph.of(p).routes()) if routes else 0 for p in (old, new))  # type: ignore[arg-type]
            if voor != na:
                wat = f"aantal routes van {new.afwegingskader.start} tot een uitkomst"
                routes.append(Wijziging((wat,), "gewijzigd", str(voor), str(na)))
            hoofdstukken.append(Hoofdstuk(f"{_titel(part, new)}: routes ({bestand})", routes))
            hoofdstukken.append(
                Hoofdstuk(f"{_titel(part, new)}: teksten ({bestand})", [w for w in found if not w.route])
            )
        else:
            hoofdstukken.append(Hoofdstuk(titel, found))
    return [h for h in hoofdstukken if h.wijzigingen]


def _titel(part: str, protocol: Item) -> str:
    if part.startswith("bijlage_"):
        return kop(f"Bijlage {part.removeprefix('bijlage_')}", getattr(protocol, part).titel)
    return TITELS.get(part, part.replace("_", " ").capitalize())


def _walk(old: Any, new: Any, plaats: tuple[str, ...], out: list[Wijziging], route: bool) -> None:
    if old == new:
        return
    if isinstance(old, Item) and isinstance(new, Item) and old.soort == new.soort:
        for name in old.velden:
            sub = plaats if name in HIDDEN else (*plaats, FIELD_LABELS.get(name, name.replace("_", " ")))
            _walk(getattr(old, name), getattr(new, name), sub, out, route or name in ROUTE_FIELDS)
    elif isinstance(old, list) and isinstance(new, list):
        _walk_list(old, new, plaats, out, route)
    elif old is None:
        out.append(Wijziging(plaats, "toegevoegd", nieuw=_tekst(new), route=route))
    elif new is None:
        out.append(Wijziging(plaats, "verwijderd", oud=_tekst(old), route=route))
    else:
        out.append(Wijziging(plaats, "gewijzigd", _tekst(old), _tekst(new), route))


def _key(item: Any) -> str | None:
    """What identifies a list item across versions, if anything does."""
    if not isinstance(item, Item):
        return None
    match item.soort:
        case "Stap":
            return str(item.nummer)
        case "StructuurRij":
            return str(item.stap)
        case "SpoedContact":
            return str(item.contact)
        case "FormVraag":
            return None if item.nummer is None else str(item.nummer)
    value = item.velden.get("id")
    return value if isinstance(value, str) else None


def _keys(items: list[Any]) -> list[str] | None:
    keys = [_key(item) for item in items]
    if any(k is None for k in keys) or len(set(keys)) != len(keys):
        return None
    return [str(k) for k in keys]


def _walk_list(old: list[Any], new: list[Any], plaats: tuple[str, ...], out: list[Wijziging], route: bool) -> None:
    old_keys, new_keys = _keys(old), _keys(new)
    if old_keys is not None and new_keys is not None and (old or new) and _is_models(old + new):
        # matched by id; a changed id reads as removed + added, as it is for the anchors built on it
        before = dict(zip(old_keys, old, strict=True))
        after = dict(zip(new_keys, new, strict=True))
        for i, (key, item) in enumerate(after.items()):
            here = (*plaats, _naam(item, i, new))
            if key in before:
                _walk(before[key], item, here, out, route)
            else:  # the summary names the item: no label in the place
                out.append(Wijziging(plaats, "toegevoegd", nieuw=_tekst(item), route=route or _is_route(item)))
        for key, item in before.items():
            if key not in after:
                out.append(Wijziging(plaats, "verwijderd", oud=_tekst(item), route=route or _is_route(item)))
        common_old = [k for k in old_keys if k in after]
        common_new = [k for k in new_keys if k in before]
        if common_old != common_new:
            namen = {k: _naam(v, i, new) for i, (k, v) in enumerate(after.items())}
            out.append(
                Wijziging(
                    plaats or ("volgorde",),
                    "volgorde",
                    ", ".join(namen[k] for k in common_old),
                    ", ".join(namen[k] for k in common_new),
                    route,
                )
            )
        return
    # no ids: align like a text diff, so one inserted paragraph is one change
    old_sigs, new_sigs = [_signature(x) for x in old], [_signature(x) for x in new]
    removed: list[int] = []
    added: list[int] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_sigs, new_sigs, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            a, b = old[i1 + k], new[j1 + k]
            if isinstance(a, Item) and isinstance(b, Item) and a.soort == b.soort and not _is_blok_kind_change(a, b):
                _walk(a, b, (*plaats, _naam(b, j1 + k, new)), out, route)
            else:
                out.append(Wijziging(_where(plaats, b, j1 + k, new), "gewijzigd", _tekst(a), _tekst(b), route))
        removed += range(i1 + paired, i2)
        added += range(j1 + paired, j2)
    # taken out in one place and put back unchanged in another: moved, not removed and added
    for i in list(removed):
        j = next((j for j in added if new_sigs[j] == old_sigs[i]), None)
        if j is not None:
            removed.remove(i)
            added.remove(j)
            out.append(Wijziging(plaats, "verplaatst", _tekst(old[i]), f"van plek {i + 1} naar plek {j + 1}", route))
    for i in removed:
        out.append(Wijziging(_where(plaats, old[i], i, old), "verwijderd", oud=_tekst(old[i]), route=route))
    for j in added:
        out.append(Wijziging(_where(plaats, new[j], j, new), "toegevoegd", nieuw=_tekst(new[j]), route=route))


def _where(plaats: tuple[str, ...], item: Any, index: int, items: list[Any]) -> tuple[str, ...]:
    """Where an added or removed item sits: by position when its text does not name it."""
    return (*plaats, _naam(item, index, items)) if _soort(item) in POSITIONAL else plaats


def _soort(item: Any) -> str | None:
    return item.soort if isinstance(item, Item) else None


def _is_models(items: list[Any]) -> bool:
    return all(isinstance(item, Item) for item in items)


def _is_route(item: Any) -> bool:
    return _soort(item) in ROUTE_ITEMS


def _is_blok_kind_change(a: Item, b: Item) -> bool:
    """An alinea that became a lijst is one changed block, not 'alinea removed, lijst added'."""
    return a.soort == b.soort == "Blok" and _blok_soort(a) != _blok_soort(b)


def _signature(item: Any) -> str:
    return item.handtekening() if isinstance(item, Item) else repr(item)


def _blok_soort(blok: Item) -> str:
    # "onderdeel" for a block the form holds still empty (a new one, nothing typed yet)
    return next((k for k in ("alinea", "lijst", "genummerd", "tussenkop") if getattr(blok, k) is not None), "onderdeel")


def _rangtelwoord(item: Any, index: int, items: list[Any], woord: str) -> str:
    """'2e alinea': the position among items of the same kind, as a reader counts."""
    same = [x for x in items[: index + 1] if _soort(x) == _soort(item)]
    if _soort(item) == "Blok":
        same = [x for x in same if _blok_soort(x) == woord]
    return f"{len(same)}e {woord}"


def _naam(item: Any, index: int, items: list[Any]) -> str:
    """How a list item is named in the report."""
    match _soort(item):
        case "Stap":
            return f"stap {item.nummer} ({item.kort})"
        case "Sectie":
            return f"‘{item.titel}’"
        case "Knoop":
            return f"{item.id} ({item.titel})"
        case "Antwoord":
            return f"antwoord {item.label}"
        case "Uitkomst":
            return item.id
        case "Contact" | "Rol" | "Persoon":
            return item.naam
        case "Termijn":
            return f"termijn ‘{item.tekst}’"
        case "Categorie":
            return item.titel
        case "Begrip":
            return item.naam
        case "Meldnorm":
            return f"meldnorm {item.id}"
        case "Onderdeel":
            return f"onderdeel {item.id}"
        case "FormVraag" if item.nummer is not None:
            return f"vraag {item.nummer}"
        case "Invulveld":
            return f"veld ‘{item.label}’"
        case "Link":
            return f"link ‘{item.tekst}’"
        case "Uitspraakbron":
            return f"bron ‘{item.titel}’"
        case "SpoedContact":
            return f"spoed: {item.contact}"
        case "StructuurRij":
            return f"rij stap {item.stap}"
        case "Blok":
            return _rangtelwoord(item, index, items, _blok_soort(item))
        case "Advies":
            return _rangtelwoord(item, index, items, "advies")
        case "Actie":
            return _rangtelwoord(item, index, items, "actie")
    return _rangtelwoord(item, index, items, "onderdeel")


def _tekst(value: Any) -> str:
    """A value as the report shows it."""
    match value:
        case None:
            return "(leeg)"
        case bool():
            return "ja" if value else "nee"
        case dt.date():
            return f"{value:%d-%m-%Y}"
        case list():
            return "; ".join(_tekst(v) for v in value) or "(geen)"
        case Item():
            return _samenvatting(value)
    return str(value)


def _samenvatting(item: Item) -> str:
    """An added or removed item in one line, with what a reader needs to check it."""
    match item.soort:
        case "Contact":
            delen = {
                "telefoon": item.telefoon,
                "bereikbaar": item.bereikbaar,
                "adres": ", ".join(map(str, item.adres or [])),
                "e-mail": item.email,
                "website": item.website,
            }
            return "; ".join([_tekst(item.naam), *(f"{k} {v}" for k, v in delen.items() if v)])
        case "Rol":
            return _tekst(item.naam) + (f" (invulling: {item.invulling})" if item.invulling else "")
        case "Persoon":
            delen = {"telefoon": item.telefoon, "e-mail": item.email, "bereikbaar": item.bereikbaar}
            return "; ".join([_tekst(item.naam), *(f"{k} {v}" for k, v in delen.items() if v)])
        case "Termijn":
            duur = f", {item.duur.aantal} {item.duur.eenheid}" if item.duur else ""
            return f"{item.wanneer} ({item.soort}{duur}): {item.waarvoor}"
        case "Wijziging":
            versie, datum, wat, waarom = (_tekst(v) for v in (item.versie, item.datum, item.wat, item.waarom))
            return f"versie {versie} van {datum}: {wat} Waarom: {waarom}"
        case "Blok":
            return _tekst(getattr(item, _blok_soort(item), None))
        case "Knoop":
            routes = ", ".join(f"{a.label} → {a.volgende}" for a in item.antwoorden)
            return f"{item.id}: {item.vraag} ({routes})"
        case "Antwoord":
            return f"{item.label} → {item.volgende}"
        case "Uitkomst":
            melden = f"melden, meldnorm {item.meldnorm}" if item.melden else "niet melden"
            return f"{kop(item.id, item.titel)} ({melden})"
        case "Stap":
            return kop(f"stap {item.nummer}", item.titel)
        case "Link":
            return f"{item.tekst} ({item.url})" if item.url else item.tekst
        case "SpoedContact":
            return item.contact + (f": {item.toelichting}" if item.toelichting else "")
        case "Actie":
            bij = [f"{k} {v}" for k in ("rol", "door", "termijn", "contact") if (v := getattr(item, k))]
            return item.tekst + (f" ({', '.join(bij)})" if bij else "")
    for name in ("naam", "titel", "tekst", "label", "definitie"):
        value = getattr(item, name, None)
        if isinstance(value, str):
            return value
    return item.handtekening()
