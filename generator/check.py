"""Checks across files: the afwegingskader graph and every reference by id.

Runs after loading, before anything is written (Pelican's `run()` order), and
collects every problem so the editor can fix them in one go.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .adressen import anchors
from .check_oefencasussen import check_oefencasussen
from .errors import ProtocolError, SourceError
from .load import Loaded, Loc, load
from .model import Knoop, Protocol
from .telefoon import phone_warnings
from .verwijzingen import REFERENCE, REFERENCE_KINDS


@dataclass(frozen=True)
class Graph:
    """The afwegingskader as nodes and edges, shared by pages, charts and engine."""

    start: str
    knopen: dict[str, Knoop]  # vragen and beslissingen by id
    uitkomsten: frozenset[str]

    @classmethod
    def of(cls, protocol: Protocol) -> Graph:
        kader = protocol.afwegingskader
        knopen = {k.id: k for k in [*kader.vragen, *kader.beslissingen]}
        return cls(kader.start, knopen, frozenset(u.id for u in kader.uitkomsten))

    def routes(self) -> list[list[tuple[str, str]]]:
        """Every route from start to an uitkomst as [(knoop, antwoord), ...]."""
        found: list[list[tuple[str, str]]] = []

        def walk(node: str, route: list[tuple[str, str]]) -> None:
            if node in self.uitkomsten:
                found.append(route)
                return
            for antwoord in self.knopen[node].antwoorden:
                walk(antwoord.volgende, [*route, (node, antwoord.id)])

        walk(self.start, [])
        return found


def _strings(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string in a raw YAML tree with its location."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*loc, i))
    elif isinstance(data, str):
        yield loc, data


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


def _known(ids: list[str], wat: str, value: str | None = None) -> str:
    """The ids an editor could have meant, with the closest one first."""
    if not ids:
        return f"er zijn geen {wat}"
    close = difflib.get_close_matches(value, ids, n=1) if value else []
    hint = f"bedoelt u '{close[0]}'? " if close else ""
    if len(ids) > 15:
        return f"{hint}bekende {wat}: {', '.join(ids[:3])} … {ids[-1]}"
    return f"{hint}bekende {wat}: {', '.join(ids)}"


def _stray_brace(text: str) -> str | None:
    """The word around the first '{' or '}' that is not part of a reference, if any."""
    inside = {i for m in REFERENCE.finditer(text) for i in range(*m.span())}
    for i, char in enumerate(text):
        if char in "{}" and i not in inside:
            before = re.search(r"\S*$", text[:i])
            after = re.match(r"\S*", text[i:])
            return (before.group() if before else "") + (after.group() if after else "")
    return None


def _duplicates(items: list[tuple[Loc, str]]) -> Iterator[tuple[Loc, str]]:
    seen: set[str] = set()
    for loc, value in items:
        if value in seen:
            yield loc, value
        seen.add(value)


def check(loaded: Loaded, today: dt.date | None = None, casussen: bool = True) -> list[str]:
    """Raise ProtocolError on any broken link between parts; return warnings.

    `casussen=False` leaves out the oefencasussen, for `meldcode diff`: a route change
    that leaves a case behind is for `meldcode check` to report, the diff still shows it."""
    # A duplicate id makes every reference to the id it replaced fail too; those follow
    # from the one mistake, so references into an ambiguous list are checked only once
    # the duplicate is fixed (one message per mistake, not a cascade). The id rules add
    # such a list's name to `ambiguous`, the reference rules after them skip it.
    ambiguous: set[str] = set()
    errors = _unique_ids(loaded, ambiguous)
    errors += _stap_nummers(loaded, ambiguous)
    errors += _knoop_ids(loaded, ambiguous)
    errors += _routes(loaded, ambiguous)
    errors += _momenten(loaded, ambiguous)
    errors += _answer_order(loaded)
    errors += _begrippen(loaded, ambiguous)
    errors += _uitkomst_references(loaded, ambiguous)
    errors += _contact_lists(loaded, ambiguous)
    errors += _spoed_contacten(loaded, ambiguous)
    errors += _unique_anchors(loaded)
    errors += _inline_references(loaded, ambiguous)
    if errors:
        raise ProtocolError(errors)
    errors = _wijzigingen_order(loaded)
    if errors:
        raise ProtocolError(errors)

    warnings: list[str] = [str(w) for w in phone_warnings(loaded)]
    if casussen:
        warnings += check_oefencasussen(loaded)  # raises on a case that no longer fits
    warnings += _versie_warnings(loaded)
    warnings += _evaluatie_warnings(loaded, today or dt.date.today())
    return warnings


def _node_lists(loaded: Loaded) -> dict[str, list[Any]]:
    """The afwegingskader's lists of nodes, by their key in afwegingskader.yaml."""
    kader = loaded.protocol.afwegingskader
    return {"vragen": kader.vragen, "beslissingen": kader.beslissingen, "uitkomsten": kader.uitkomsten}


def _unique_ids(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Ids unique within each list of the protocol (stappen: their nummer)."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []

    def unique(part: str, key: str, values: list[Any], attr: str = "id") -> None:
        items = [((key, i, attr), str(getattr(v, attr))) for i, v in enumerate(values)]
        for loc, value in _duplicates(items):
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


def _knoop_ids(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Ids of vragen, beslissingen and uitkomsten: unique, matching their nummer, answers unique."""
    err = loaded.error
    errors: list[SourceError] = []
    kader = loaded.protocol.afwegingskader
    node_lists = _node_lists(loaded)
    all_ids: list[tuple[Loc, str]] = [
        ((key, i, "id"), node.id) for key, nodes in node_lists.items() for i, node in enumerate(nodes)
    ]
    prefixes = {"vragen": "vraag", "beslissingen": "beslissing"}
    duplicate_locs: set[Loc] = set()
    for loc, value in _duplicates(all_ids):
        ambiguous.add("knopen")
        duplicate_locs.add(loc)
        key, i = loc[0], loc[1]
        node = node_lists[str(key)][int(i)]
        expected = f"{prefixes[str(key)]}-{node.nummer}" if key in prefixes else None
        hint = (
            f"deze heeft nummer {node.nummer}: gebruik '{expected}'"
            if expected and expected != value
            else "geef elke vraag, beslissing en uitkomst een eigen id"
        )
        errors.append(err("afwegingskader", loc, f"id '{value}' komt twee keer voor; {hint}"))
    for key, prefix in prefixes.items():
        for i, node in enumerate(node_lists[key]):
            if (key, i, "id") in duplicate_locs:
                continue  # already said, with the right id, in the duplicate message
            if node.id != f"{prefix}-{node.nummer}":
                errors.append(
                    err(
                        "afwegingskader",
                        (key, i, "id"),
                        f"id '{node.id}' past niet bij nummer {node.nummer}; gebruik '{prefix}-{node.nummer}' "
                        "(de ids zijn vaste ankers van de site)",
                    )
                )
            for loc, value in _duplicates(
                [((key, i, "antwoorden", j, "id"), a.id) for j, a in enumerate(node.antwoorden)]
            ):
                errors.append(err("afwegingskader", loc, f"antwoord '{value}' staat twee keer bij deze vraag"))
    for i, uitkomst in enumerate(kader.uitkomsten):
        if not uitkomst.id.startswith("uitkomst-"):
            errors.append(
                err(
                    "afwegingskader",
                    ("uitkomsten", i, "id"),
                    f"id '{uitkomst.id}' begint niet met 'uitkomst-'",
                )
            )
    return errors


def _routes(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """The start and every answer's `volgende` exist; then no loops and nothing unreachable."""
    err = loaded.error
    errors: list[SourceError] = []
    kader = loaded.protocol.afwegingskader
    node_lists = _node_lists(loaded)
    knopen = {n.id: n for n in [*kader.vragen, *kader.beslissingen]}
    uitkomsten = {u.id for u in kader.uitkomsten}
    vraag_ids = [n.id for n in kader.vragen]
    targets_ok = "knopen" not in ambiguous
    if targets_ok and kader.start not in knopen:
        targets_ok = False
        errors.append(
            err(
                "afwegingskader",
                ("start",),
                f"'{kader.start}' bestaat niet; zet hier de id van de eerste vraag "
                f"({_known(vraag_ids, 'vragen', kader.start)})",
            )
        )
    missing: dict[str, list[Loc]] = {}
    if targets_ok:
        for key in ("vragen", "beslissingen"):
            for i, node in enumerate(node_lists[key]):
                for j, antwoord in enumerate(node.antwoorden):
                    if antwoord.volgende not in knopen and antwoord.volgende not in uitkomsten:
                        missing.setdefault(antwoord.volgende, []).append((key, i, "antwoorden", j, "volgende"))
    for target, locs in missing.items():
        targets_ok = False
        bekend = (
            f"{_known(vraag_ids, 'vragen')}; beslissingen: "
            f"{', '.join(n.id for n in kader.beslissingen)}; uitkomsten: {', '.join(sorted(uitkomsten))}"
        )
        # a removed question is usually referenced from more than one answer: say it once
        ook = [loaded.error("afwegingskader", loc, "") for loc in locs[1:]]
        elders = "; ook bij " + ", ".join(f"{e.path} (regel {e.line})" for e in ook) if ook else ""
        errors.append(
            err(
                "afwegingskader",
                locs[0],
                f"'{target}' bestaat niet; verwijs naar een bestaande vraag, beslissing of uitkomst ({bekend}){elders}",
            )
        )
    if targets_ok:
        errors += _graph_shape(loaded, knopen, uitkomsten, node_lists)
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
                    f"moment '{termijn.vanaf}' bestaat niet ({_known(sorted(momenten), 'momenten', termijn.vanaf)}); "
                    "voeg het toe onder momenten of corrigeer de id",
                )
            )
    return errors


def _begrippen(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """The begrippen a vraag or beslissing names exist in bijlage 2."""
    err = loaded.error
    errors: list[SourceError] = []
    node_lists = _node_lists(loaded)
    begrippen = {b.id for b in loaded.protocol.bijlage_2.begrippen}
    for key in ("vragen", "beslissingen"):
        for i, node in enumerate(node_lists[key]):
            for j, begrip in enumerate(node.begrippen):
                if begrip not in begrippen and "begrippen" not in ambiguous:
                    errors.append(
                        err(
                            "afwegingskader",
                            (key, i, "begrippen", j),
                            f"begrip '{begrip}' bestaat niet in bijlage 2 "
                            f"({_known(sorted(begrippen), 'begrippen', begrip)}); corrigeer de id",
                        )
                    )
    return errors


def _uitkomst_references(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Each uitkomst's meldnorm and the rollen, termijnen and contacten of its acties exist."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []
    kader = p.afwegingskader
    rollen = {r.id for r in p.rollen.rollen}
    contacten = {c.id: c for c in p.contacten.contacten}
    termijnen = {t.id for t in p.termijnen.termijnen}
    meldnormen = {m.id for m in p.bijlage_2.meldnormen}
    for i, uitkomst in enumerate(kader.uitkomsten):
        if uitkomst.meldnorm and uitkomst.meldnorm not in meldnormen and "meldnormen" not in ambiguous:
            errors.append(
                err(
                    "afwegingskader",
                    ("uitkomsten", i, "meldnorm"),
                    f"meldnorm {uitkomst.meldnorm} staat niet in bijlage 2; voeg hem daar toe of kies "
                    f"een andere ({', '.join(sorted(meldnormen))})",
                )
            )
        for j, actie in enumerate(uitkomst.acties):
            for veld, bekend, wat in (
                ("rol", rollen, "rollen"),
                ("termijn", termijnen, "termijnen"),
                ("contact", set(contacten), "contacten"),
                ("door", set(contacten), "contacten"),
            ):
                value = getattr(actie, veld)
                if value is not None and value not in bekend and wat not in ambiguous:
                    errors.append(
                        err(
                            "afwegingskader",
                            ("uitkomsten", i, "acties", j, veld),
                            f"{veld} '{value}' bestaat niet ({_known(sorted(bekend), wat, value)}); "
                            f"voeg hem toe in protocol/{wat}.yaml of corrigeer de id",
                        )
                    )
    return errors


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
                        f"contact '{cid}' bestaat niet ({_known(sorted(contacten), 'contacten', cid)}); "
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
                    f"({_known(sorted(contacten), 'contacten', spoed.contact)}); "
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


def _inline_references(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
    """Every {soort:id} in every text points at something that exists; no stray braces."""
    p = loaded.protocol
    err = loaded.error
    errors: list[SourceError] = []
    rollen = {r.id for r in p.rollen.rollen}
    contacten = {c.id: c for c in p.contacten.contacten}
    termijnen = {t.id for t in p.termijnen.termijnen}
    site_anchors = anchors(p)
    targets: dict[str, set[str]] = {
        "rol": rollen,
        "invulling": {r.id for r in p.rollen.rollen if r.invulling},
        "contact": set(contacten),
        "telefoon": {c.id for c in p.contacten.contacten if c.telefoon},
        "termijn": termijnen,
        "bijlage": {"1", "2", "3", "4"},
        "stap": {str(s.nummer) for s in p.stappen.stappen},
        "anker": set(site_anchors),
    }
    # which id lists each kind points into: skipped while such a list has a duplicate
    depends = {
        "rol": {"rollen"},
        "invulling": {"rollen"},
        "contact": {"contacten"},
        "telefoon": {"contacten"},
        "termijn": {"termijnen"},
        "stap": {"stappen"},
        "anker": {"stappen", "knopen", "categorieen", "begrippen"},
    }
    for part, source in loaded.sources.items():
        for loc, text in _strings(source.data):
            for match in REFERENCE.finditer(text):
                kind, target = match.group(1), match.group(2).strip()
                if kind not in targets:
                    errors.append(
                        err(
                            part,
                            loc,
                            f"onbekende verwijzing '{match.group(0)}'; gebruik een van: "
                            + ", ".join(f"{{{k}:…}}" for k in REFERENCE_KINDS),
                            match.group(0),
                        )
                    )
                elif kind == "telefoon" and target in contacten and target not in targets[kind]:
                    errors.append(
                        err(
                            part,
                            loc,
                            f"verwijzing '{match.group(0)}': contact '{target}' heeft geen telefoonnummer; "
                            "vul het telefoonnummer in bij dit contact in protocol/contacten.yaml",
                            match.group(0),
                        )
                    )
                elif target not in targets[kind] and not depends.get(kind, set()) & ambiguous:
                    errors.append(
                        err(
                            part,
                            loc,
                            f"verwijzing '{match.group(0)}': '{target}' bestaat niet "
                            f"({_known(sorted(targets[kind]), kind + '-ids', target)}); corrigeer de id",
                            match.group(0),
                        )
                    )
            word = _stray_brace(text)
            if word is not None:
                errors.append(
                    err(
                        part,
                        loc,
                        f"losse accolade in '{word}'; een verwijzing ziet eruit als {{termijn:binnen-een-week}}: "
                        "maak hem af of haal de accolade weg",
                        word,  # the word is on one line, also in a folded text block
                    )
                )
    return errors


def _wijzigingen_order(loaded: Loaded) -> list[SourceError]:
    """The version history newest first."""
    err = loaded.error
    errors: list[SourceError] = []
    wijzigingen = loaded.protocol.wijzigingen.wijzigingen
    for i in range(1, len(wijzigingen)):
        if wijzigingen[i].datum > wijzigingen[i - 1].datum:
            errors.append(
                err(
                    "wijzigingen",
                    ("wijzigingen", i, "datum"),
                    f"{wijzigingen[i].datum:%d-%m-%Y} is nieuwer dan de wijziging erboven; zet de nieuwste bovenaan",
                )
            )
    return errors


def _versie_warnings(loaded: Loaded) -> list[str]:
    """The version in metadata.yaml and the newest entry of wijzigingen.yaml agree."""
    p = loaded.protocol
    wijzigingen = p.wijzigingen.wijzigingen
    warnings: list[str] = []
    if wijzigingen[0].versie != p.metadata.versie:
        nieuwste, vastgesteld = wijzigingen[0].versie, p.metadata.versie
        if _versie_key(nieuwste) > _versie_key(vastgesteld):
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


def _evaluatie_warnings(loaded: Loaded, today: dt.date) -> list[str]:
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


def _versie_key(versie: str) -> tuple[tuple[int, str], ...]:
    """'2027.1' > '2026.10' > '2026.9': numbers compared as numbers, anything else as text."""
    return tuple((int(deel), "") if deel.isdigit() else (-1, deel) for deel in re.split(r"[.\-]", versie))


ANSWER_ORDER = ("ja", "nee", "twijfel")


def _answer_order(loaded: Loaded) -> list[SourceError]:
    """One answer order everywhere (Ja, Nee, Twijfel): every presenter follows the source order,
    so a person in a hurry always finds Ja in the same place."""
    errors: list[SourceError] = []
    node_lists = _node_lists(loaded)
    for key in ("vragen", "beslissingen"):
        for i, node in enumerate(node_lists[key]):
            ids = [a.id for a in node.antwoorden]
            expected = sorted(ids, key=ANSWER_ORDER.index)
            if ids != expected:
                errors.append(
                    loaded.error(
                        "afwegingskader",
                        (key, i, "antwoorden"),
                        f"de antwoorden staan in de volgorde {', '.join(ids)}; zet ze in de volgorde "
                        f"{', '.join(expected)} (overal op de site dezelfde volgorde)",
                    )
                )
    return errors


def _graph_shape(
    loaded: Loaded, knopen: dict[str, Knoop], uitkomsten: set[str], node_lists: dict[str, list[Any]]
) -> list[SourceError]:
    """Reachability and cycles; only meaningful once every `volgende` exists."""
    errors: list[SourceError] = []
    start = loaded.protocol.afwegingskader.start
    where = {node.id: (key, i) for key, nodes in node_lists.items() for i, node in enumerate(nodes)}

    # cycles: depth-first with colours; report the edge that closes the loop
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for j, antwoord in enumerate(knopen[node].antwoorden):
            nxt = antwoord.volgende
            if nxt in uitkomsten:
                continue
            if state.get(nxt) == 1:
                key, i = where[node]
                kring = " → ".join([*trail[trail.index(nxt) :], node, nxt])
                errors.append(
                    loaded.error(
                        "afwegingskader",
                        (key, i, "antwoorden", j, "volgende"),
                        f"deze verwijzing maakt een kringloop ({kring}); elke route moet eindigen in een uitkomst",
                    )
                )
            elif nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    if start in knopen:
        visit(start, [])
    if errors:
        return errors  # what the loop cuts off follows from it; report it once the loop is fixed
    reached = set(state)
    targets = {a.volgende for n in reached for a in knopen[n].antwoorden}
    unreachable = [n for n in knopen if n not in reached] + [u for u in sorted(uitkomsten) if u not in targets]
    for node in unreachable:
        key, i = where[node]
        errors.append(
            loaded.error(
                "afwegingskader",
                (key, i, "id"),
                f"'{node}' is niet bereikbaar vanaf {start}; laat een antwoord ernaar verwijzen of verwijder hem",
            )
        )
    return errors


def load_and_check(root: Any, today: dt.date | None = None, casussen: bool = True) -> tuple[Loaded, list[str]]:
    """The one entry the CLI, the mkdocs hook and the tests share."""
    loaded = load(Path(root))
    return loaded, check(loaded, today, casussen)


__all__ = ["Graph", "ProtocolError", "check", "load_and_check"]
