"""The same engine, in real Pyodide (npm `pyodide`, under Node) from the files the site
serves, gives exactly what it gives in CPython, for every route."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PROTOCOL
from meldcode_engine import Sessie
from node_script import run_node

from generator.afwegingskader.export import afwegingskader_data
from generator.afwegingskader.graph import Graph
from generator.checks.run import load_and_check

pytestmark = pytest.mark.build


def test_every_route_in_pyodide_matches_cpython(site: Path) -> None:
    protocol = load_and_check(PROTOCOL)[0].protocol
    routes = Graph.of(protocol).routes()
    # each route with an onderbouwing per answer and a start date near a holiday and a year end
    cases = [
        ([[k, a, f"onderbouwing bij {k} ‘{a}’ — ü"] for k, a in route], datum)
        for route in routes
        for datum in ("2026-12-24", "2027-02-28")
    ]
    pyodide = run_node("pyodide_routes.mjs", str(site / "assets" / "hulp"), invoer=cases)
    assert pyodide["python"].startswith("3.14"), pyodide["python"]
    # the site's own runtime: its standard library is the shortened one, without docstrings
    assert pyodide["docstring"] is None
    kader = afwegingskader_data(protocol)
    assert json.loads((site / "assets" / "hulp" / "afwegingskader.json").read_text("utf-8")) == kader
    for i, (route, datum) in enumerate(cases):
        sessie = Sessie(kader)
        sessie.start()
        for knoop, antwoord, onderbouwing in route:
            state = sessie.answer(knoop, antwoord, onderbouwing)
        expected = {
            "state": state,
            "verslag": sessie.verslag(datum, {"melding": datum, "evaluatie": datum}),
            "tekst": sessie.verslag_tekst(datum, {"evaluatie": datum}),
        }
        assert pyodide[str(i)] == expected, f"route {route} vanaf {datum} verschilt in Pyodide"
    assert len(cases) == 2 * len(routes) >= 18
