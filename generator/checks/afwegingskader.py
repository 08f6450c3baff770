"""The afwegingskader's own checks (its graph is `generator.afwegingskader.graph`): the ids of vragen, beslissingen and
uitkomsten, every route ending in an uitkomst, one answer order, and the begrippen,
meldnormen, rollen, termijnen and contacten its nodes point at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.checks.ids import duplicates, known
from generator.errors import SourceError
from generator.source.loaded import Loaded
from generator.source.positions import Loc

if TYPE_CHECKING:
    from generator.source.model import Knoop


def _node_lists(loaded: Loaded) -> dict[str, list[Any]]:
    """The afwegingskader's lists of nodes, by their key in afwegingskader.yaml."""
    kader = loaded.protocol.afwegingskader
    return {"vragen": kader.vragen, "beslissingen": kader.beslissingen, "uitkomsten": kader.uitkomsten}


def knoop_ids(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
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
    for loc, value in duplicates(all_ids):
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
            for loc, value in duplicates(
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


def routes(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
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
                f"({known(vraag_ids, 'vragen', kader.start)})",
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
            f"{known(vraag_ids, 'vragen')}; beslissingen: "
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


ANSWER_ORDER = ("ja", "nee", "twijfel")


def answer_order(loaded: Loaded) -> list[SourceError]:
    """One answer order everywhere (Ja, Nee, Twijfel): every presenter follows the source order,
    so a person in a hurry always finds Ja in the same place."""
    errors: list[SourceError] = []
    node_lists = _node_lists(loaded)
    for key in ("vragen", "beslissingen"):
        for i, node in enumerate(node_lists[key]):
            # an answer without one of the three ids (a new one in the editor) is the model's to name
            ids = [a.id for a in node.antwoorden if a.id in ANSWER_ORDER]
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


def begrip_references(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
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
                            f"({known(sorted(begrippen), 'begrippen', begrip)}); corrigeer de id",
                        )
                    )
    return errors


def uitkomst_references(loaded: Loaded, ambiguous: set[str]) -> list[SourceError]:
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
                            f"{veld} '{value}' bestaat niet ({known(sorted(bekend), wat, value)}); "
                            f"voeg hem toe in protocol/{wat}.yaml of corrigeer de id",
                        )
                    )
    return errors


__all__ = ["ANSWER_ORDER", "answer_order", "begrip_references", "knoop_ids", "routes", "uitkomst_references"]
