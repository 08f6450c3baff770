"""A chart's DOT source through Graphviz: the SVG inline in a page, the SVG to download
and a PDF that fills its paper.

The SVG is cleaned for both uses (ids, titles, links, fonts) and made accessible with
the title and description the chart carries in its DOT source.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.errors import ToolError
from generator.kaarten.builder import PREFIX, PREFIX_SMAL, kaart_meta
from generator.kaarten.stijl import MM_PER_INCH, stijl

# Not role="img": that makes the children presentational, which hides the node links
# from screen readers and fails axe's nested-interactive rule. A named group keeps them.
SVG_ROLE = "group"

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_XLINK_HREF = f"{{{XLINK_NS}}}href"
_XLINK_TITLE = f"{{{XLINK_NS}}}title"


def _dot(dot_source: str, fmt: str, *args: str) -> bytes:
    exe = shutil.which("dot")
    if exe is None:
        raise ToolError("Graphviz ontbreekt: installeer het Debian-pakket graphviz (het programma 'dot')")
    result = subprocess.run([exe, f"-T{fmt}", *args], input=dot_source.encode(), capture_output=True, check=False)
    if result.returncode != 0:
        raise ToolError(f"dot -T{fmt} mislukte: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def _tag(el: ET.Element) -> str:
    return el.tag.rpartition("}")[2]


def _svg_tree(dot_source: str) -> tuple[ET.Element, dict[str, str]]:
    """Graphviz SVG as a tree, cleaned for both uses: ids, titles, links, fonts."""
    meta = kaart_meta(dot_source)
    prefix = meta.get("prefix", PREFIX)
    # the default parser drops the DOCTYPE and comments
    root = ET.fromstring(_dot(dot_source, "svg"))
    font = stijl().data["lettertype"]["svg"]
    for el in list(root.iter()):
        # one newline between elements: no blank lines, which would end a Markdown HTML block
        if el.text is not None and not el.text.strip():
            el.text = "\n"
        if el.tail is not None and not el.tail.strip():
            el.tail = "\n"
        # Graphviz' wrapper ids ("a_kaart-…") add nothing and could clash between charts
        if el.get("id", "").startswith("a_"):
            del el.attrib["id"]
        if el.get("font-family"):
            el.set("font-family", font)
        if _tag(el) == "a" and el.get(_XLINK_HREF):
            el.set("href", el.get(_XLINK_HREF, ""))  # SVG 2 browsers read plain href
        if _tag(el) != "g":
            continue
        classes = el.get("class", "").split()
        title = next((c for c in el if _tag(c) == "title"), None)
        if "node" in classes and title is not None:
            # the <title> of a node is its tooltip and accessible name: the full text
            a = next((x for x in el.iter() if _tag(x) == "a"), None)
            tip = a.get(_XLINK_TITLE) if a is not None else None
            title.text = tip or " ".join(t.text or "" for t in el.iter() if _tag(t) == "text")
        elif "edge" in classes and title is not None:
            # "kaart-vraag-2->kaart-vraag-3" names both ends: keep them as data for scripts
            tail, _, head = (title.text or "").partition("->")
            el.set("data-van", tail.removeprefix(prefix))
            el.set("data-naar", head.removeprefix(prefix))
            el.set("aria-hidden", "true")  # an answer word alone means nothing; the nodes say it
            el.remove(title)
        elif title is not None:
            el.remove(title)  # graph and cluster names ("cluster_meldcode") are not for people
    return root, meta


def _accessible(root: ET.Element, meta: dict[str, str]) -> None:
    naam = f"{meta.get('prefix', PREFIX)}{meta['naam']}"
    title = ET.Element(f"{{{SVG_NS}}}title", id=f"{naam}-titel")
    title.text = meta["titel"]
    desc = ET.Element(f"{{{SVG_NS}}}desc", id=f"{naam}-beschrijving")
    desc.text = meta["beschrijving"]
    root.insert(0, desc)
    root.insert(0, title)


def render_svg(dot_source: str) -> str:
    """SVG to inline in an HTML page: scales down to its container, theme colours from CSS.

    The page always has `flowcharts/routekaart.css`, which colours every part per theme
    through the classes, so the colour attributes are left out here: they would only add
    weight (a quarter of the chart). The downloadable SVG keeps them (render_svg_file).
    """
    root, meta = _svg_tree(dot_source)
    for element in root.iter():
        for attr in ("fill", "stroke", "font-family"):  # colours and font: routekaart.css
            if element.get(attr) != "none":  # "none" (an edge's open path) is shape, not colour
                element.attrib.pop(attr, None)
        if element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    naam = meta["naam"]
    # natural size in CSS pixels (no "pt"): the style sheet's max-width: 100% and
    # height: auto shrink it to narrow columns and never blow it up past 1:1
    _, _, w, h = root.get("viewBox", "0 0 0 0").split()
    root.set("width", f"{float(w):g}")
    root.set("height", f"{float(h):g}")
    prefix = meta.get("prefix", PREFIX)
    # kaart--breed / kaart--smal: the style sheet shows the one that fits the screen
    root.set("class", f"kaart kaart-{naam} kaart--{'smal' if prefix == PREFIX_SMAL else 'breed'}")
    root.set("role", SVG_ROLE)
    root.set("aria-labelledby", f"{prefix}{naam}-titel")
    root.set("aria-describedby", f"{prefix}{naam}-beschrijving")
    _accessible(root, meta)
    return ET.tostring(root, encoding="unicode") + "\n"


def render_svg_file(dot_source: str) -> str:
    """A standalone SVG to download: XML prolog, natural size, colours in the file."""
    root, meta = _svg_tree(dot_source)
    _accessible(root, meta)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n{body}\n'


def _bbox(dot_source: str, *args: str) -> tuple[float, float]:
    """Width and height (points) of the laid-out drawing."""
    root = ET.fromstring(_dot(dot_source, "svg", *args))
    _, _, w, h = (float(v) for v in root.get("viewBox", "0 0 1 1").split())
    return w, h


def _fill_ratio(dot_source: str, target: float) -> float:
    """The `ratio` that gives the drawing the aspect `target` (height / width).

    Graphviz stretches node positions, not node sizes, so the result misses the
    requested ratio; a few proportional corrections land within 0.2 %.
    """
    ratio = target
    for _ in range(8):
        w, h = _bbox(dot_source, f"-Gratio={ratio:.5f}", "-Gpad=0")
        actual = h / w
        if abs(actual / target - 1) < 0.002:
            break
        ratio *= target / actual
    return ratio


# cairo writes the moment of drawing into a PDF (and ignores SOURCE_DATE_EPOCH): the same chart
# would differ at every build. It gets the date its content last changed instead, at the same
# length, so the file's byte offsets stay right.
_CREATION_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z\)")


def render_pdf(dot_source: str, path: Path, size: str, gewijzigd: dt.date) -> Path:
    """A one-page PDF on paper `size` (a name in stijl.toml [papier]) that the chart fills,
    dated `gewijzigd` (the protocol's newest change).

    `ratio` spreads the layout to the paper's proportions (text keeps its shape),
    `size` with "!" then scales it to the paper inside the margin, so the MediaBox is
    the paper (Graphviz rounds it to whole points).
    """
    papier = stijl().papier(size)
    w, h, m = (x / MM_PER_INCH for x in (papier.breedte_mm, papier.hoogte_mm, papier.marge_mm))
    inner_w, inner_h = w - 2 * m, h - 2 * m
    ratio = _fill_ratio(dot_source, inner_h / inner_w)
    pdf = _dot(
        dot_source,
        "pdf",
        f"-Gratio={ratio:.5f}",
        f"-Gsize={inner_w:.4f},{inner_h:.4f}!",
        f"-Gmargin={m:.4f}",
        "-Gpad=0",
    )
    pdf, found = _CREATION_DATE.subn(f"/CreationDate (D:{gewijzigd:%Y%m%d}000000Z)".encode(), pdf, count=1)
    if not found:
        raise ToolError("dot -Tpdf schreef geen aanmaakdatum in de vorm die de bouw verwacht (D:JJJJMMDDuummssZ)")
    path.write_bytes(pdf)
    return path
