"""The routekaart and the afwegingskader charts: everything in them comes from the model,
every node links to an anchor that exists on the site, and the SVG and PDF files are sound."""

from __future__ import annotations

import itertools
import posixpath
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import PROTOCOL, ROOT, Edit

from generator.checks.run import load_and_check
from generator.errors import ProtocolError
from generator.kaarten.afwegingskader import afwegingskader_dot
from generator.kaarten.builder import PAGE, PREFIX
from generator.kaarten.placement import PDFS, inline_charts, write_charts
from generator.kaarten.routekaart import ADVIES_CONTACT, AFWEGINGSKADER_STAP, routekaart, routekaart_dot
from generator.kaarten.stijl import CSS, STIJL, stijl
from generator.kaarten.uitvoer import SVG_NS, SVG_ROLE, XLINK_NS, render_svg
from generator.links.adressen import anchors
from generator.pages.render import PAGES, Renderer
from generator.source.model import Protocol, Uitkomst

NS = {"svg": SVG_NS}
XLINK_HREF = f"{{{XLINK_NS}}}href"
ANSWER_LABELS = {"Ja", "Nee", "Twijfel"}


# --- helpers -----------------------------------------------------------------------


def load(root: Path = PROTOCOL) -> Protocol:
    return load_and_check(root)[0].protocol


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.removeprefix('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'))


def classes(el: ET.Element) -> set[str]:
    return set(el.get("class", "").split())


def groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    """`knoop` (node) or `rand` (edge) groups by id."""
    return {g.get("id", ""): g for g in root.iter(f"{{{SVG_NS}}}g") if kind in classes(g)}


def link(g: ET.Element) -> ET.Element:
    found = g.find(".//svg:a", NS)
    assert found is not None, f"{g.get('id')} has no link"
    return found


def texts(g: ET.Element) -> list[str]:
    return [t.text or "" for t in g.iter(f"{{{SVG_NS}}}text")]


def label(g: ET.Element) -> str:
    return " ".join(texts(g))


def title(g: ET.Element) -> str:
    found = g.find("svg:title", NS)
    return "" if found is None else found.text or ""


def page_url(src: str) -> str:
    """Directory URL of a page as mkdocs builds it (`a/b.md` → `a/b/`, `a/index.md` → `a/`)."""
    stem = src.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def resolve(page: str, href: str) -> tuple[str, str]:
    """(src path of the target page, anchor) of a relative link on `page`."""
    path, _, anchor = href.partition("#")
    if not path:
        return page, anchor
    url = posixpath.normpath(posixpath.join(page_url(page), path)) + "/"
    url = "" if url == "./" else url
    by_url = {page_url(src): src for src in PAGES}
    assert url in by_url, f"{href} on {page} points at {url}, which is not a page of the site"
    return by_url[url], anchor


def model_ids(p: Protocol) -> set[str]:
    """Every model id a chart node may stand for."""
    kader = p.afwegingskader
    return {
        *(s.id for s in p.stappen.stappen),
        *(k.id for k in [*kader.vragen, *kader.beslissingen, *kader.uitkomsten]),
        *(f"structuur-{r.stap}" for r in p.inleiding.structuur.rijen if r.ondersteuningsstructuur),
        *(c.id for c in p.contacten.contacten),
        f"ingang-{kader.start}",
    }


# --- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return load()


@pytest.fixture(scope="module")
def charts(protocol: Protocol) -> dict[str, ET.Element]:
    return {naam: parse(svg) for naam, svg in inline_charts(protocol, PAGE).items()}


@pytest.fixture(scope="module")
def raw(protocol: Protocol) -> dict[str, str]:
    return inline_charts(protocol, PAGE)


@pytest.fixture(scope="module")
def written(protocol: Protocol, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("kaarten")
    return {p.name: p for p in write_charts(protocol, out, PAGE)}


# --- what the charts show ----------------------------------------------------------


def test_afwegingskader_has_every_vraag_beslissing_and_uitkomst(protocol: Protocol, charts: dict) -> None:
    kader = protocol.afwegingskader
    expected = {f"kaart-{k.id}" for k in [*kader.vragen, *kader.beslissingen, *kader.uitkomsten]}
    assert set(groups(charts["afwegingskader"], "knoop")) == expected


def test_routekaart_has_every_stap_and_the_structuur_beside_it(protocol: Protocol, charts: dict) -> None:
    nodes = groups(charts["routekaart"], "knoop")
    structuur = [r.stap for r in protocol.inleiding.structuur.rijen if r.ondersteuningsstructuur]
    expected = {
        *(f"kaart-{s.id}" for s in protocol.stappen.stappen),
        *(f"kaart-structuur-{n}" for n in structuur),
        f"kaart-{ADVIES_CONTACT}",
        f"kaart-ingang-{protocol.afwegingskader.start}",
    }
    assert set(nodes) == expected
    for stap in protocol.stappen.stappen:
        node = nodes[f"kaart-{stap.id}"]
        assert "stap" in classes(node)
        assert f"Stap {stap.nummer}" in label(node)
        assert " ".join(stap.kort.split()) in label(node)


def test_every_chart_node_stands_for_something_in_the_model(protocol: Protocol, charts: dict) -> None:
    known = model_ids(protocol)
    for chart in charts.values():
        for node_id in groups(chart, "knoop"):
            assert node_id.startswith(PREFIX)
            assert node_id.removeprefix(PREFIX) in known, f"{node_id} is not in the model"


def test_every_node_links_to_an_anchor_that_exists_on_the_site(protocol: Protocol, charts: dict) -> None:
    site_anchors = anchors(protocol)
    renderer = Renderer(protocol)
    for chart in charts.values():
        for node_id, node in groups(chart, "knoop").items():
            a = link(node)
            href = a.get("href", "")
            assert href == a.get(XLINK_HREF), "plain href and xlink:href must agree"
            assert a.get("target") == "_top"
            dest, anchor = resolve(PAGE, href)
            # model anchors are listed by adressen.anchors(); the structuur rows are headings of their page
            assert site_anchors.get(anchor) == dest or f"{{#{anchor}}}" in renderer.render(dest), (
                f"{node_id}: {href} does not resolve to an anchor on the site"
            )


def test_model_nodes_link_to_their_own_section(protocol: Protocol, charts: dict) -> None:
    kader = protocol.afwegingskader
    for k in [*kader.vragen, *kader.beslissingen, *kader.uitkomsten]:
        href = link(groups(charts["afwegingskader"], "knoop")[f"kaart-{k.id}"]).get("href", "")
        assert href == f"../afwegingskader/#{k.id}"
        assert resolve(PAGE, href) == ("afwegingskader.md", k.id)
    for stap in protocol.stappen.stappen:
        href = link(groups(charts["routekaart"], "knoop")[f"kaart-{stap.id}"]).get("href", "")
        assert resolve(PAGE, href) == (f"meldcode/{stap.id}.md", stap.id)


def test_links_are_relative_to_the_page_that_shows_the_chart(protocol: Protocol) -> None:
    same_page = parse(render_svg(afwegingskader_dot(protocol, "afwegingskader.md")))
    assert link(groups(same_page, "knoop")["kaart-vraag-2"]).get("href") == "#vraag-2"
    deeper = parse(render_svg(routekaart_dot(protocol, "meldcode/stap-1.md")))
    assert link(groups(deeper, "knoop")["kaart-stap-3"]).get("href") == "../stap-3/#stap-3"
    # print: no links at all
    assert "URL=" not in routekaart_dot(protocol, None)


def test_tooltips_carry_the_full_text(protocol: Protocol, charts: dict) -> None:
    nodes = groups(charts["afwegingskader"], "knoop")
    meldnormen = {n.id: " ".join(n.tekst.split()) for n in protocol.bijlage_2.meldnormen}
    for k in protocol.afwegingskader.vragen:
        assert " ".join(k.vraag.split()) in title(nodes[f"kaart-{k.id}"])
    for u in protocol.afwegingskader.uitkomsten:
        tip = title(nodes[f"kaart-{u.id}"])
        assert u.titel in tip
        if u.meldnorm:
            assert meldnormen[u.meldnorm] in tip


def test_edges_are_the_answers(protocol: Protocol, charts: dict) -> None:
    edges = groups(charts["afwegingskader"], "rand")
    kader = protocol.afwegingskader
    expected = {f"kaart-rand-{k.id}-{a.id}" for k in [*kader.vragen, *kader.beslissingen] for a in k.antwoorden}
    assert set(edges) == expected
    for k in [*kader.vragen, *kader.beslissingen]:
        for a in k.antwoorden:
            edge = edges[f"kaart-rand-{k.id}-{a.id}"]
            assert (edge.get("data-van"), edge.get("data-naar")) == (k.id, a.volgende)
            assert {"rand", "antwoord", a.id} <= classes(edge)
            assert label(edge) == a.label
    assert {label(e) for e in edges.values()} <= ANSWER_LABELS


def test_melden_looks_different_and_shows_its_meldnorm(protocol: Protocol, charts: dict) -> None:
    nodes = groups(charts["afwegingskader"], "knoop")
    looks: dict[bool, set[tuple[str, str, str]]] = {True: set(), False: set()}
    for u in protocol.afwegingskader.uitkomsten:
        node = nodes[f"kaart-{u.id}"]
        assert classes(node) >= {"knoop", "uitkomst", "melden" if u.melden else "niet-melden"}
        assert ("niet-melden" in classes(node)) != u.melden
        shape = next(el for el in node.iter() if el.tag.rpartition("}")[2] in {"path", "polygon"})
        # rounded boxes are paths, square ones polygons: the shape differs, not only the colour
        looks[u.melden].add((shape.tag, shape.get("stroke", ""), shape.get("stroke-width", "")))
        if u.melden:
            assert f"Meldnorm {u.meldnorm}" in label(node)
        else:
            assert "Meldnorm" not in label(node)
    assert looks[True] and looks[False]
    assert not looks[True] & looks[False]
    for tag, _, width in looks[True]:
        assert tag.endswith("polygon") and float(width) >= 3


def test_edges_into_melden_are_marked(protocol: Protocol, charts: dict) -> None:
    melden = {u.id for u in protocol.afwegingskader.uitkomsten if u.melden}
    for edge in groups(charts["afwegingskader"], "rand").values():
        assert ("melden" in classes(edge)) == (edge.get("data-naar") in melden)


def test_routekaart_route_structuur_advies_and_ingang(protocol: Protocol, charts: dict) -> None:
    edges = {(e.get("data-van"), e.get("data-naar")): e for e in groups(charts["routekaart"], "rand").values()}
    nummers = sorted(s.nummer for s in protocol.stappen.stappen)
    for a, z in itertools.pairwise(nummers):
        assert "route" in classes(edges[(f"stap-{a}", f"stap-{z}")])
    for rij in protocol.inleiding.structuur.rijen:
        if rij.ondersteuningsstructuur:
            assert "naast" in classes(edges[(f"structuur-{rij.stap}", f"stap-{rij.stap}")])
    for n in nummers:
        assert "advies" in classes(edges[(ADVIES_CONTACT, f"stap-{n}")])
    start = protocol.afwegingskader.start
    assert "ingang" in classes(edges[(f"stap-{AFWEGINGSKADER_STAP}", f"ingang-{start}")])
    vt = next(c for c in protocol.contacten.contacten if c.id == ADVIES_CONTACT)
    node = groups(charts["routekaart"], "knoop")[f"kaart-{vt.id}"]
    assert vt.telefoon in texts(node)
    assert vt.naam in label(node)


def test_every_word_in_the_charts_comes_from_the_model_or_the_style(protocol: Protocol, charts: dict) -> None:
    """No protocol wording in code: each word on a chart is in the source or in stijl.toml [woorden]."""

    def words(text: str) -> set[str]:
        return set(re.findall(r"[^\W\d_]+", text.lower()))

    corpus: set[str] = set()
    for path in PROTOCOL.rglob("*.yaml"):
        corpus |= words(path.read_text(encoding="utf-8"))
    style = tomllib.loads(STIJL.read_text(encoding="utf-8"))
    corpus |= words(" ".join(style["woorden"].values()))
    # {invulling:…} references are expanded from rollen.yaml, already in the corpus
    for naam, chart in charts.items():
        for g in chart.iter(f"{{{SVG_NS}}}g"):
            for line in [*texts(g), title(g)]:
                extra = words(line) - corpus
                assert not extra, f"{naam}: {sorted(extra)} in {line!r} is not in protocol/"


def test_no_protocol_wording_in_code_or_style(protocol: Protocol) -> None:
    sources = [
        *(path.read_text(encoding="utf-8") for path in sorted((ROOT / "generator").glob("kaart*.py"))),
        STIJL.read_text(encoding="utf-8"),
        CSS.read_text(encoding="utf-8"),
    ]
    kader = protocol.afwegingskader
    phrases = [
        *(s.kort for s in protocol.stappen.stappen),
        *(k.vraag for k in [*kader.vragen, *kader.beslissingen]),
        *(u.titel for u in kader.uitkomsten),
        *(c.naam for c in protocol.contacten.contacten),
        *(c.telefoon or "" for c in protocol.contacten.contacten),
        *protocol.inleiding.structuur.kolommen,
    ]
    for phrase in (p for p in phrases if len(p) >= 6):  # short ones (112) match colour codes by chance
        for source in sources:
            assert phrase not in source, f"{phrase!r} is written in code; it belongs in protocol/"


# --- the chart follows the model ----------------------------------------------------


def test_chart_follows_an_edited_source(protocol_copy: Path, edit: Edit) -> None:
    edit("stappen.yaml", "kort: In gesprek met de ouders/ verzorgers", "kort: Praten met de ouders")
    edit(
        "afwegingskader.yaml",
        "vraag: Heb ik een vermoeden van actuele of structurele onveiligheid?",
        "vraag: Is het kind nu of steeds opnieuw onveilig?",
    )
    changed = load(protocol_copy)
    route = groups(parse(render_svg(routekaart_dot(changed))), "knoop")
    assert "Praten met de ouders" in label(route["kaart-stap-3"])
    assert "verzorgers" not in label(route["kaart-stap-3"])
    kader = groups(parse(render_svg(afwegingskader_dot(changed))), "knoop")
    assert "Is het kind nu of steeds opnieuw onveilig?" in title(kader["kaart-vraag-2"])


def test_chart_follows_a_new_uitkomst(protocol: Protocol) -> None:
    kader = protocol.afwegingskader
    nieuw = Uitkomst(id="uitkomst-opnieuw-wegen", titel="Opnieuw wegen met het team", melden=False)
    vraag_5 = next(k for k in kader.vragen if k.id == "vraag-5")
    antwoorden = [a.model_copy(update={"volgende": nieuw.id}) if a.id == "nee" else a for a in vraag_5.antwoorden]
    vragen = [k.model_copy(update={"antwoorden": antwoorden}) if k is vraag_5 else k for k in kader.vragen]
    # the uitkomst vraag 5 used to lead to is no longer reachable, so it goes too
    oud = next(a.volgende for a in vraag_5.antwoorden if a.id == "nee")
    uitkomsten = [u for u in kader.uitkomsten if u.id != oud] + [nieuw]
    changed = protocol.model_copy(
        update={"afwegingskader": kader.model_copy(update={"vragen": vragen, "uitkomsten": uitkomsten})}
    )
    chart = parse(render_svg(afwegingskader_dot(changed)))
    nodes = groups(chart, "knoop")
    assert "kaart-uitkomst-opnieuw-wegen" in nodes
    assert f"kaart-{oud}" not in nodes
    assert classes(nodes["kaart-uitkomst-opnieuw-wegen"]) >= {"uitkomst", "niet-melden"}
    assert label(nodes["kaart-uitkomst-opnieuw-wegen"]) == "Opnieuw wegen met het team"
    edge = groups(chart, "rand")["kaart-rand-vraag-5-nee"]
    assert edge.get("data-naar") == "uitkomst-opnieuw-wegen"
    assert "melden" not in classes(edge)


def test_missing_veilig_thuis_is_a_clear_error(protocol: Protocol) -> None:
    contacten = protocol.contacten.model_copy(
        update={"contacten": [c for c in protocol.contacten.contacten if c.id != ADVIES_CONTACT]}
    )
    with pytest.raises(ProtocolError) as info:
        routekaart(protocol.model_copy(update={"contacten": contacten}))
    assert "protocol/contacten.yaml" in str(info.value)
    assert ADVIES_CONTACT in str(info.value)


def test_same_model_same_chart(protocol: Protocol) -> None:
    assert routekaart_dot(protocol) == routekaart_dot(protocol)
    assert render_svg(afwegingskader_dot(protocol)) == render_svg(afwegingskader_dot(protocol))


# --- the SVG --------------------------------------------------------------------------


def test_inline_svg_is_well_formed_and_ready_for_a_page(raw: dict[str, str]) -> None:
    for naam, svg in raw.items():
        assert not svg.startswith("<?xml") and "<!DOCTYPE" not in svg and "<!--" not in svg
        assert "\n\n" not in svg, "a blank line would end a Markdown HTML block"
        root = ET.fromstring(svg)  # well-formed
        assert root.tag == f"{{{SVG_NS}}}svg"
        _, _, w, h = (float(v) for v in root.get("viewBox", "").split())
        # natural size in CSS pixels; the style sheet scales it down to the column
        assert (float(root.get("width", "")), float(root.get("height", ""))) == (w, h)
        assert {"kaart", f"kaart-{naam}"} <= classes(root)
        assert root.get("role") == SVG_ROLE
        titel = root.find("svg:title", NS)
        desc = root.find("svg:desc", NS)
        assert titel is not None and desc is not None
        assert root.get("aria-labelledby") == titel.get("id") and (titel.text or "").strip()
        assert root.get("aria-describedby") == desc.get("id") and (desc.text or "").strip()
        # colours and font come from routekaart.css on the page (light and dark), not from attributes
        assert 'fill="#' not in svg and 'stroke="#' not in svg and "font-family" not in svg
        assert "DejaVu Sans" in (ROOT / "flowcharts" / "routekaart.css").read_text(encoding="utf-8")


def test_ids_are_unique_even_with_both_charts_on_one_page(charts: dict) -> None:
    ids = [el.get("id") for chart in charts.values() for el in chart.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(PREFIX) for i in ids), [i for i in ids if not i.startswith(PREFIX)]


def test_standalone_svg_needs_nothing_else(written: dict[str, Path]) -> None:
    for naam in ("routekaart", "afwegingskader"):
        text = written[f"{naam}.svg"].read_text(encoding="utf-8")
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"')
        root = parse(text)
        assert root.get("width", "").endswith("pt") and root.get("height", "").endswith("pt")
        assert root.find("svg:title", NS) is not None
        # colours are in the file, not in a style sheet
        shapes = [el for el in root.iter() if el.tag.rpartition("}")[2] in {"path", "polygon"}]
        assert shapes and all(el.get("fill") and el.get("stroke") for el in shapes)
        assert all("DejaVu Sans" in t.get("font-family", "") for t in root.iter(f"{{{SVG_NS}}}text"))


def test_render_svg_wants_a_chart_source() -> None:
    with pytest.raises(ValueError, match="kaart"):
        render_svg("digraph { a -> b }")


# --- the PDFs --------------------------------------------------------------------------

MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


@pytest.mark.parametrize(
    ("name", "papier", "size"),
    [
        ("routekaart-a3-liggend.pdf", "a3-liggend", (1190.55, 841.89)),
        ("routekaart-a4-liggend.pdf", "a4-liggend", (841.89, 595.28)),
        ("afwegingskader-a3-staand.pdf", "a3-staand", (841.89, 1190.55)),
        ("afwegingskader-a4-staand.pdf", "a4-staand", (595.28, 841.89)),
    ],
)
def test_pdf_has_the_paper_size(written: dict[str, Path], name: str, papier: str, size: tuple[float, float]) -> None:
    data = written[name].read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    boxes = MEDIABOX.findall(data)
    assert len(boxes) == 1, "one page"
    x0, y0, x1, y1 = (float(v) for v in boxes[0])
    # Graphviz writes whole points
    assert abs((x1 - x0) - size[0]) <= 1.5 and abs((y1 - y0) - size[1]) <= 1.5
    assert stijl().papier(papier).points == pytest.approx(size, abs=0.01)


def test_a_pdf_is_dated_by_the_protocol_not_by_the_build(written: dict[str, Path], protocol: Protocol) -> None:
    """The same protocol gives the same PDF at every build: cairo's moment of drawing replaced by
    the date of the newest change in the version history."""
    newest = max(w.datum for w in protocol.wijzigingen.wijzigingen)
    for name in (n for n in written if n.endswith(".pdf")):
        dates = re.findall(rb"/CreationDate \((D:[^)]*)\)", written[name].read_bytes())
        assert dates == [f"D:{newest:%Y%m%d}000000Z".encode()], name


def test_write_charts_writes_the_downloads(written: dict[str, Path]) -> None:
    assert set(written) == {
        "routekaart.svg",
        "afwegingskader.svg",
        *(f"{naam}-{papier}.pdf" for naam, papieren in PDFS.items() for papier in papieren),
    }


# --- the style --------------------------------------------------------------------------


def css_variables(block: str) -> dict[str, str]:
    return dict(re.findall(r"--kaart-([a-z-]+):\s*([^;]+);", block))


def test_css_light_colours_are_the_style_colours_and_dark_has_them_all() -> None:
    css = CSS.read_text(encoding="utf-8")
    light = css_variables(css.split("[data-md-color-scheme")[0])
    dark = css_variables(css.split('[data-md-color-scheme="slate"] .kaart {', 1)[1].split("}", 1)[0])
    kleuren = stijl().kleuren
    # on the page the chart is transparent; the downloads are white
    assert light.pop("achtergrond") == "transparent"
    for naam, kleur in kleuren.items():
        if naam == "achtergrond":
            continue
        assert light.get(naam) == kleur, f"--kaart-{naam} differs from stijl.toml"
        assert naam in dark, f"--kaart-{naam} has no dark colour"
    used = set(re.findall(r"var\(--kaart-([a-z-]+)\)", css))
    assert used <= set(light) | {"achtergrond"}


def test_every_style_colour_is_a_hex_colour() -> None:
    for naam, kleur in stijl().kleuren.items():
        assert re.fullmatch(r"#[0-9a-f]{6}", kleur), naam
