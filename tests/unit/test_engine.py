"""The engine (generator/engine, package meldcode_engine) walks the exported afwegingskader.

Smart-answers style: for every answer of every vraag and beslissing the next node;
every route from the start to an uitkomst with a golden verslag in
tests/golden/routes/<route>.txt (startdatum vrijdag 4 december 2026), so any change
in wording or dates shows in review. After an intended change, regenerate them with

    MELDCODE_GOLDEN=update .venv/bin/pytest tests/unit/test_engine.py

and read the diff before committing. Also: answers are checked, back() keeps later
answers, restart() forgets them, every result is plain JSON, the engine imports only
the standard library and builds to its own py3-none-any wheel.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import importlib.util
import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from typing import Any

import goldens
import meldcode_engine
import pytest
from conftest import PROTOCOL, ROOT
from goldens import STARTDATUM, route_name
from meldcode_engine import GeenUitkomst, OngeldigAntwoord, Sessie

from generator.afwegingskader.export import FORMAAT, afwegingskader_data
from generator.afwegingskader.graph import Graph
from generator.checks.run import load_and_check

ENGINE = ROOT / "generator" / "engine"

PROTOCOL_MODEL = load_and_check(PROTOCOL)[0].protocol
KADER = afwegingskader_data(PROTOCOL_MODEL)
GRAPH = Graph.of(PROTOCOL_MODEL)
ROUTES = GRAPH.routes()
EDGES = [(k.id, a.id, a.volgende) for k in GRAPH.knopen.values() for a in k.antwoorden]


def walk(route: list[tuple[str, str]], sessie: Sessie | None = None) -> Sessie:
    sessie = sessie or Sessie(KADER)
    for knoop, antwoord in route:
        sessie.answer(knoop, antwoord)
    return sessie


def where(state: dict[str, Any]) -> str:
    """The id of the current knoop or uitkomst."""
    return (state["huidig"] or state["uitkomst"])["id"]


def assert_plain_json(value: Any, path: str = "") -> None:
    """Only what crosses a Web Worker boundary unchanged: no dates, tuples or objects."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), f"{path}: key {key!r}"
            assert_plain_json(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            assert_plain_json(item, f"{path}[{i}]")
    else:
        assert value is None or type(value) in (str, bool, int), f"{path}: {type(value).__name__}"


# --- per node -------------------------------------------------------------------------


@pytest.mark.parametrize(("knoop", "antwoord", "volgende"), EDGES, ids=[f"{k}-{a}" for k, a, _ in EDGES])
def test_next_node(knoop, antwoord, volgende):
    exported = {k["id"]: k for k in [*KADER["vragen"], *KADER["beslissingen"]]}
    assert next(a["volgende"] for a in exported[knoop]["antwoorden"] if a["id"] == antwoord) == volgende
    # reach the knoop along the first route that passes it, then answer
    route = next(r for r in ROUTES if any(k == knoop for k, _ in r))
    sessie = walk(route[: [k for k, _ in route].index(knoop)])
    assert where(sessie.state()) == knoop
    assert where(sessie.answer(knoop, antwoord)) == volgende


def test_every_node_is_on_a_route():
    on_routes = {k for route in ROUTES for k, _ in route}
    assert on_routes == set(GRAPH.knopen)
    assert {walk(route).state()["uitkomst"]["id"] for route in ROUTES} == set(GRAPH.uitkomsten)


# --- every route, with a golden verslag ---------------------------------------------------


@pytest.mark.parametrize("route", ROUTES, ids=[route_name(r) for r in ROUTES])
def test_route_golden_verslag(route):
    sessie = walk(route)
    state = sessie.state()
    assert state["huidig"] is None
    assert [(r["knoop"], r["antwoord"]) for r in state["route"]] == route
    goldens.check("routes", route_name(route), sessie.verslag_tekst(STARTDATUM))


@pytest.mark.parametrize("route", ROUTES, ids=[route_name(r) for r in ROUTES])
def test_route_golden_overlegformulier(route):
    """Onderdeel F of the overlegformulier, as the helper's button writes it into the file."""
    goldens.check("overleg", route_name(route), walk(route).verslag(STARTDATUM)["overleg"] + "\n")


def test_no_stale_golden_files():
    names = {route_name(r) for r in ROUTES}
    for kind in ("routes", "overleg"):
        assert not goldens.stale(kind, names), f"golden files for routes that no longer exist in {kind}/"


# --- answering ------------------------------------------------------------------------------


def test_start_state():
    state = Sessie(KADER).start()
    assert state["huidig"]["id"] == KADER["start"]
    assert state["huidig"]["onthouden"] is None
    assert state["uitkomst"] is None
    assert state["route"] == []
    assert state["kan_terug"] is False


def test_answer_rejects_unknown_knoop():
    with pytest.raises(OngeldigAntwoord, match="Onbekende vraag 'vraag-9'"):
        Sessie(KADER).answer("vraag-9", "ja")


def test_answer_rejects_unknown_answer():
    with pytest.raises(OngeldigAntwoord, match="Onbekend antwoord 'misschien' bij vraag 1; kies ja of nee"):
        Sessie(KADER).answer("vraag-1", "misschien")
    # twijfel exists at vraag 2 but not at vraag 1
    with pytest.raises(OngeldigAntwoord, match="Onbekend antwoord 'twijfel'"):
        Sessie(KADER).answer("vraag-1", "twijfel")


def test_answer_rejects_out_of_turn():
    sessie = Sessie(KADER)
    with pytest.raises(OngeldigAntwoord, match="Vraag 3 is nu niet aan de beurt; beantwoord eerst vraag 1"):
        sessie.answer("vraag-3", "ja")
    sessie.answer("vraag-1", "ja")
    with pytest.raises(OngeldigAntwoord, match="Vraag 1 is nu niet aan de beurt; beantwoord eerst vraag 2"):
        sessie.answer("vraag-1", "ja")
    sessie.answer("vraag-2", "twijfel")
    with pytest.raises(OngeldigAntwoord, match="de route heeft al een uitkomst"):
        sessie.answer("vraag-3", "ja")


def test_rejected_answer_changes_nothing():
    sessie = walk([("vraag-1", "ja")])
    before = sessie.state()
    for args in (("vraag-9", "ja"), ("vraag-2", "misschien"), ("vraag-3", "ja")):
        with pytest.raises(OngeldigAntwoord):
            sessie.answer(*args)
    assert sessie.state() == before


def test_twijfel_at_vraag_2_means_direct_melden():
    state = walk([("vraag-1", "ja"), ("vraag-2", "twijfel")]).state()
    uitkomst = state["uitkomst"]
    assert uitkomst["id"] == "uitkomst-direct-melden"
    assert uitkomst["melden"] is True
    assert uitkomst["meldnorm"]["id"] == "A"
    assert uitkomst["melding"] == KADER["melding"]


def test_melding_only_with_melden():
    for route in ROUTES:
        uitkomst = walk(route).state()["uitkomst"]
        assert (uitkomst["melding"] is not None) is uitkomst["melden"], route_name(route)


def test_onderbouwing_is_kept_and_stripped():
    sessie = Sessie(KADER)
    sessie.answer("vraag-1", "ja", "  Blauwe plekken, drie keer.\nGesprek met moeder.  ")
    assert sessie.state()["route"] == [
        {
            "knoop": "vraag-1",
            "antwoord": "ja",
            "label": "Ja",
            "onderbouwing": "Blauwe plekken, drie keer.\nGesprek met moeder.",
        }
    ]
    sessie.answer("vraag-2", "ja", None)
    assert sessie.state()["route"][1]["onderbouwing"] == ""
    sessie.back()
    with pytest.raises(OngeldigAntwoord, match="onderbouwing moet tekst zijn"):
        sessie.answer("vraag-2", "ja", 42)  # type: ignore[arg-type]


# --- back, start, restart ---------------------------------------------------------------------


def test_back_keeps_later_answers():
    sessie = walk([("vraag-1", "ja"), ("vraag-2", "nee"), ("vraag-3", "ja")])
    sessie.back()
    state = sessie.back()
    assert state["huidig"]["id"] == "vraag-2"
    assert state["huidig"]["onthouden"] == {"antwoord": "nee", "onderbouwing": ""}
    assert [r["knoop"] for r in state["route"]] == ["vraag-1"]
    # the same answer again: the next question has its answer pre-selected, not yet on the route
    state = sessie.answer("vraag-2", "nee")
    assert state["huidig"]["id"] == "vraag-3"
    assert state["huidig"]["onthouden"] == {"antwoord": "ja", "onderbouwing": ""}
    assert [r["knoop"] for r in state["route"]] == ["vraag-1", "vraag-2"]


def test_back_keeps_onderbouwing():
    sessie = Sessie(KADER)
    sessie.answer("vraag-1", "ja", "Zorgen van de leerkracht.")
    state = sessie.back()
    assert state["huidig"]["onthouden"] == {"antwoord": "ja", "onderbouwing": "Zorgen van de leerkracht."}
    assert state["route"] == []


def test_changed_answer_drops_later_answers_from_the_route_but_remembers_them():
    sessie = walk([("vraag-1", "ja"), ("vraag-2", "nee"), ("vraag-3", "ja"), ("vraag-4", "ja")])
    sessie.back()
    sessie.back()
    sessie.back()
    state = sessie.answer("vraag-2", "twijfel")  # leads elsewhere: straight to an uitkomst
    assert state["uitkomst"]["id"] == "uitkomst-direct-melden"
    assert [r["knoop"] for r in state["route"]] == ["vraag-1", "vraag-2"]
    verslag = sessie.verslag(STARTDATUM)
    assert [r["knoop"] for r in verslag["route"]] == ["vraag-1", "vraag-2"]
    # changing back to the first answer finds the old answers again, pre-selected
    sessie.back()
    state = sessie.answer("vraag-2", "nee")
    assert state["huidig"]["onthouden"] == {"antwoord": "ja", "onderbouwing": ""}
    state = sessie.answer("vraag-3", "ja")
    assert state["huidig"]["onthouden"]["antwoord"] == "ja"


def test_back_at_the_start_does_nothing():
    sessie = Sessie(KADER)
    assert sessie.back() == sessie.start()
    assert sessie.back()["kan_terug"] is False
    assert walk([("vraag-1", "ja")], sessie).state()["kan_terug"] is True


def test_back_from_an_uitkomst():
    sessie = walk([("vraag-1", "nee")])
    state = sessie.back()
    assert state["uitkomst"] is None
    assert state["huidig"]["id"] == "vraag-1"
    assert state["huidig"]["onthouden"]["antwoord"] == "nee"


def test_start_goes_to_the_first_question_and_keeps_answers():
    sessie = walk([("vraag-1", "ja"), ("vraag-2", "nee")])
    state = sessie.start()
    assert state["route"] == []
    assert state["huidig"]["onthouden"]["antwoord"] == "ja"


def test_restart_clears_everything():
    sessie = Sessie(KADER)
    sessie.answer("vraag-1", "ja", "tekst")
    sessie.answer("vraag-2", "nee")
    state = sessie.restart()
    assert state == Sessie(KADER).state()
    assert state["huidig"]["onthouden"] is None
    assert sessie.answer("vraag-1", "ja")["huidig"]["onthouden"] is None


# --- verslag ------------------------------------------------------------------------------------


def test_verslag_needs_an_uitkomst():
    with pytest.raises(GeenUitkomst, match="nog geen uitkomst"):
        walk([("vraag-1", "ja")]).verslag(STARTDATUM)


def test_verslag_direct_melden():
    sessie = walk([("vraag-1", "ja"), ("vraag-2", "twijfel")])
    verslag = sessie.verslag(dt.date(2026, 12, 18))
    assert verslag["startdatum"] == {"iso": "2026-12-18", "tekst": "vrijdag 18 december 2026"}
    assert verslag["uitkomst"]["melden"] is True
    assert verslag["uitkomst"]["meldnorm"]["id"] == "A"
    b1, b2 = verslag["beslissingen"]
    assert (b1["herkomst"], b1["antwoord"]) == ("afgeleid", "ja")
    assert (b2["herkomst"], b2["antwoord"], b2["label"]) == ("niet bereikt", None, "n.v.t.")
    # first the parents, before the melding, with the protocol's exception (stap 3) beside it
    ouders, melding = verslag["acties"][:2]
    assert (ouders["rol"]["id"], ouders["wanneer"]["tekst"]) == (
        "aandachtsfunctionaris",
        "voordat de school de melding doet",
    )
    assert ouders["uitzondering"]["titel"] == "Geen gesprek met de ouders als"
    assert any("veiligheid" in a for a in ouders["uitzondering"]["alineas"])
    # then the directeur calls Veilig Thuis, and the protocol says: direct
    assert (melding["rol"]["id"], melding["contact"]["id"], melding["wanneer"]["tekst"]) == (
        "directeur",
        "veilig-thuis",
        "direct",
    )
    # Veilig Thuis' besluit is what the school can expect, counted from the melding, not from today
    [vt] = verslag["verwachten"]
    assert vt["door"]["id"] == "veilig-thuis" and vt["wanneer"]["tekst"] == "binnen 5 werkdagen na de melding"
    assert vt["wanneer"]["datum"] is None
    assert {m["id"] for m in verslag["momenten"]} == {"melding", "evaluatie"}
    assert verslag["melding"] == KADER["melding"]


def test_termijn_dates_only_from_their_own_moment():
    sessie = walk([("vraag-1", "ja"), ("vraag-2", "ja")])
    verslag = sessie.verslag(dt.date(2026, 12, 1), {"melding": "2026-12-18", "evaluatie": dt.date(2026, 11, 30)})
    by_id = {a["termijn"]["id"]: a["wanneer"] for a in [*verslag["acties"], *verslag["verwachten"]]}
    # five working days from the melding: weekend and both Kerstdagen skipped
    assert by_id["binnen-vijf-werkdagen"]["datum"]["iso"] == "2026-12-28"
    assert by_id["binnen-vijf-werkdagen"]["datum_tekst"] == "uiterlijk maandag 28 december 2026"
    # a minimum, counted from the evaluatie: never "uiterlijk"
    vier = by_id["vier-maanden"]
    assert vier["tekst"] == "vanaf de evaluatie, zeker vier maanden lang"
    assert vier["datum_tekst"] == "minstens tot en met dinsdag 30 maart 2027"
    momenten = {m["id"]: m["datum"] for m in verslag["momenten"]}
    assert momenten["melding"]["iso"] == "2026-12-18"


@pytest.mark.parametrize("uitkomst", [u["id"] for u in KADER["uitkomsten"]])
def test_every_actie_says_when_and_no_minimum_reads_as_a_deadline(uitkomst):
    route = next(r for r in ROUTES if walk(r).state()["uitkomst"]["id"] == uitkomst)
    sessie = walk(route)
    for momenten in ({}, {"melding": "2027-01-04", "evaluatie": "2027-01-04", "gesprek-ouders": "2027-01-04"}):
        verslag = sessie.verslag(STARTDATUM, momenten)
        acties = [*verslag["acties"], *verslag["verwachten"]]
        assert acties, uitkomst
        for actie in acties:
            wanneer = actie["wanneer"]
            assert wanneer["tekst"].strip(), f"{uitkomst}: '{actie['tekst']}' zegt niet wanneer"
            if wanneer["soort"] == "minimaal":
                assert "uiterlijk" not in (wanneer["datum_tekst"] or "") + wanneer["tekst"]
            if wanneer["datum_tekst"]:
                assert actie["termijn"]["vanaf"]["id"] in {"besluit", *momenten}
        text = sessie.verslag_tekst(STARTDATUM, momenten)
        for regel in text.splitlines():
            if "minstens" in regel or "zeker" in regel:
                assert "uiterlijk" not in regel


def test_verslag_repeats_no_answer_and_puts_what_now_first():
    route = [("vraag-1", "ja"), ("vraag-2", "nee"), ("vraag-3", "ja"), ("vraag-4", "ja"), ("vraag-5", "ja")]
    sessie = walk([*route, ("beslissing-1", "nee"), ("beslissing-2", "ja")])
    verslag = sessie.verslag(STARTDATUM)
    assert verslag["beslissingen"] == []  # both answered: they are among the answers, not repeated
    text = sessie.verslag_tekst(STARTDATUM)
    lines = [regel for regel in text.splitlines() if regel.strip()]
    assert len([regel for regel in lines if regel.startswith("- Beslissing 2:")]) == 1
    assert text.index("Wat nu: wie doet wat en wanneer") < text.index("Uw antwoorden")
    # the letter codes are a small reference, never the text
    assert "(in het protocol: B1 NEE en B2 JA)" not in text and "Indien B1" not in text.split("Waarom")[0]


def test_verslag_dossier_sluiten_derives_beslissing_1_nee():
    verslag = walk([("vraag-1", "nee")]).verslag(STARTDATUM)
    b1, b2 = verslag["beslissingen"]
    assert (b1["herkomst"], b1["antwoord"]) == ("afgeleid", "nee")
    assert b2["herkomst"] == "niet bereikt"
    assert verslag["uitkomst"]["melden"] is False
    assert verslag["melding"] is None
    assert verslag["momenten"] == [] and verslag["verwachten"] == []


def test_verslag_answered_beslissingen():
    route = [("vraag-1", "ja"), ("vraag-2", "nee"), ("vraag-3", "ja"), ("vraag-4", "ja"), ("vraag-5", "ja")]
    sessie = walk([*route, ("beslissing-1", "nee")])
    sessie.answer("beslissing-2", "ja", "Hulp via het ondersteuningsteam.")
    b1, b2 = [r for r in sessie.verslag(STARTDATUM)["route"] if r["soort"] == "beslissing"]
    assert (b1["knoop"], b1["antwoord"]) == ("beslissing-1", "nee")
    assert (b2["knoop"], b2["antwoord"], b2["onderbouwing"]) == (
        "beslissing-2",
        "ja",
        "Hulp via het ondersteuningsteam.",
    )


def test_verslag_takes_an_iso_date():
    sessie = walk(ROUTES[-1])
    assert sessie.verslag("2026-12-04") == sessie.verslag(STARTDATUM)
    with pytest.raises(ValueError, match="'4 december' is geen datum"):
        sessie.verslag("4 december")
    assert sessie.verslag(dt.datetime(2026, 12, 4, 15, 30)) == sessie.verslag(STARTDATUM)


def test_verslag_tekst_shows_onderbouwing():
    sessie = Sessie(KADER)
    sessie.answer("vraag-1", "ja", "Blauwe plekken.\nGesprek met moeder op 1 december.")
    sessie.answer("vraag-2", "ja")
    text = sessie.verslag_tekst(STARTDATUM)
    assert "Onderbouwing: Blauwe plekken.\n" in text
    assert "Gesprek met moeder op 1 december." in text
    assert "Onderbouwing: (niet ingevuld)" in text


# --- plain data ---------------------------------------------------------------------------------


def test_results_are_plain_json():
    for route in ROUTES:
        sessie = Sessie(KADER)
        assert_plain_json(sessie.state())
        for knoop, antwoord in route:
            state = sessie.answer(knoop, antwoord, "x")
            assert_plain_json(state)
            assert json.loads(json.dumps(state)) == state
        verslag = sessie.verslag(STARTDATUM)
        assert_plain_json(verslag)
        assert json.loads(json.dumps(verslag)) == verslag


def test_engine_does_not_change_the_kader():
    kader = copy.deepcopy(KADER)
    sessie = Sessie(kader)
    for route in ROUTES:
        sessie.restart()
        state = walk(route, sessie).state()
        state["uitkomst"]["titel"] = "veranderd"
        if state["uitkomst"]["melding"]:
            state["uitkomst"]["melding"]["secties"].clear()
        sessie.verslag(STARTDATUM)["acties"].clear()
    assert kader == KADER


def test_refuses_another_export_format():
    with pytest.raises(ValueError, match="formaat"):
        Sessie({**KADER, "formaat": FORMAAT + 1})
    assert meldcode_engine.FORMAAT == FORMAAT


# --- the package ---------------------------------------------------------------------------------


def test_engine_imports_only_the_standard_library():
    for path in sorted((ENGINE / "meldcode_engine").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", f"{path.name}: import {name}"


def test_engine_holds_no_protocol_wording():
    """The questions, answers and uitkomsten live in protocol/, never in the engine's code."""
    texts = {
        text
        for knoop in [*KADER["vragen"], *KADER["beslissingen"]]
        for text in [knoop["titel"], knoop["vraag"], *(a["betekenis"] for a in knoop["antwoorden"])]
    } | {u["titel"] for u in KADER["uitkomsten"]}
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ENGINE / "meldcode_engine").glob("*.py"))
    assert not [t for t in texts if len(t) > 12 and t in source]


def test_engine_version_is_the_site_version():
    site = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert meldcode_engine.__version__ == site


def test_wheel_builds(tmp_path):
    # build from a copy: setuptools writes build/ and *.egg-info next to the source
    source = tmp_path / "engine"
    shutil.copytree(ENGINE, source, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    isolation = [] if importlib.util.find_spec("setuptools") is None else ["--no-build-isolation"]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list((tmp_path / "dist").glob("*.whl"))
    assert [w.name for w in wheels] == [f"meldcode_engine-{meldcode_engine.__version__}-py3-none-any.whl"]
    names = zipfile.ZipFile(wheels[0]).namelist()
    modules = sorted(n for n in names if n.startswith("meldcode_engine/"))
    assert modules == sorted(f"meldcode_engine/{p.name}" for p in (ENGINE / "meldcode_engine").glob("*.py"))


def test_the_worker_bridge_answers_in_json_and_reaches_only_the_session_s_methods() -> None:
    """What hulp-worker.js calls: method and arguments as JSON text, one JSON text back; a
    wrong answer is a Dutch message, and nothing but the session's public methods is reachable."""
    from meldcode_engine.worker import bridge

    call = bridge(json.dumps(KADER))
    start = json.loads(call("start", "[]"))["ok"]
    assert start["huidig"]["id"] == "vraag-1" and start["uitkomst"] is None
    after = json.loads(call("answer", json.dumps(["vraag-1", "nee", "reden"])))["ok"]
    assert after["uitkomst"]["id"]
    assert "fout" in json.loads(call("answer", json.dumps(["vraag-9", "ja"])))
    for forbidden in ("__class__", "_data", "verslag_tekst", "tabel"):
        assert json.loads(call(forbidden, "[]")) == {"fout": f"onbekende vraag '{forbidden}'"}
