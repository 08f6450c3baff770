"""The afwegingskader's phone layout: every uitkomst on the row of the question it comes
from, so "Meldnorm B" stands beside the question whose answer leads there, not beside the
next one. Positions are read from the rendered SVG (Graphviz's own layout)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import PROTOCOL

from generator.checks.run import load_and_check
from generator.kaarten.afwegingskader import afwegingskader
from generator.kaarten.builder import PAGE
from generator.kaarten.uitvoer import SVG_NS, render_svg
from generator.source.model import Protocol

COPY = re.compile(r"--\d+$")  # the phone layout draws an uitkomst once per question


def rows(svg: str) -> dict[str, tuple[float, float]]:
    """Node id (without the chart's prefix) → (top, bottom) of its drawn shape."""
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{{{SVG_NS}}}g"):
        if "knoop" not in g.get("class", "").split():
            continue
        ys = [
            float(y)
            for shape in g.iter()
            if shape.tag in (f"{{{SVG_NS}}}path", f"{{{SVG_NS}}}polygon")
            for y in re.findall(r"[ ,ML]?-?[\d.]+,(-?[\d.]+)", shape.get("d") or shape.get("points") or "")
        ]
        assert ys, f"{g.get('id')} has no shape"
        out[re.sub(r"^kaart-(smal-)?", "", g.get("id", ""))] = (min(ys), max(ys))
    return out


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return load_and_check(PROTOCOL)[0].protocol


def arrows(svg: str) -> dict[str, str]:
    """Edge id → the node id it points at (`data-naar`), without the chart's prefix."""
    return {
        g.get("id", "").removeprefix("kaart-smal-rand-"): g.get("data-naar", "")
        for g in ET.fromstring(svg).iter(f"{{{SVG_NS}}}g")
        if "rand" in g.get("class", "").split()
    }


def test_phone_layout_keeps_each_uitkomst_beside_its_question(protocol: Protocol) -> None:
    """The node each answer's arrow ends at: on the row of its knoop. A knoop with two
    uitkomsten (the chart is two nodes wide) has its second one on the next row down."""
    svg = render_svg(afwegingskader(protocol, PAGE, smal=True).dot)
    positions, naar = rows(svg), arrows(svg)
    kader = protocol.afwegingskader
    uitkomsten = {u.id for u in kader.uitkomsten}
    checked, wrong = 0, []
    for k in [*kader.vragen, *kader.beslissingen]:
        targets = list(dict.fromkeys(naar[f"{k.id}-{a.id}"] for a in k.antwoorden if a.volgende in uitkomsten))
        top, bottom = positions[k.id]
        for n, node in enumerate(targets):
            assert COPY.sub("", node) in uitkomsten, node
            u_top, u_bottom = positions[node]
            midden = (u_top + u_bottom) / 2
            ok = top <= midden <= bottom if n == 0 else midden > bottom
            checked += 1
            if not ok:
                wrong.append(f"{node} (midden {midden:.0f}) bij {k.id} ({top:.0f}–{bottom:.0f})")
    assert checked >= len(uitkomsten)
    assert not wrong, "uitkomst niet op de rij van zijn vraag: " + "; ".join(wrong)


def test_desktop_layout_is_not_the_phone_layout(protocol: Protocol) -> None:
    """The desktop chart keeps its own rows: each uitkomst below the last question leading there."""
    svg = render_svg(afwegingskader(protocol, PAGE).dot)
    positions = rows(svg)
    assert positions["uitkomst-dossier-sluiten"][0] > positions["vraag-1"][1]
