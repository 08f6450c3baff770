"""Which charts go where: both layouts inline in a page, and the downloads (SVG and PDFs)
next to the page that links them."""

from __future__ import annotations

from pathlib import Path

from generator.kaarten.afwegingskader import afwegingskader
from generator.kaarten.builder import PAGE
from generator.kaarten.routekaart import routekaart
from generator.kaarten.uitvoer import render_pdf, render_svg, render_svg_file
from generator.source.model import Protocol

# Which PDFs each chart gets, by paper name in stijl.toml. The routekaart is wider
# than tall, so landscape; the afwegingskader is a tall tree, so portrait.
PDFS: dict[str, tuple[str, ...]] = {
    "routekaart": ("a3-liggend", "a4-liggend"),
    "afwegingskader": ("a3-staand", "a4-staand"),
}


def write_charts(protocol: Protocol, out_dir: Path, page: str = PAGE) -> list[Path]:
    """Write the downloadable charts: SVG (links relative to `page`) and PDFs (no links).

    Put them in the built folder of `page` (e.g. site/routekaart/) so that the SVG's
    relative links work when it is opened from the site.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    gewijzigd = max(w.datum for w in protocol.wijzigingen.wijzigingen)  # the PDFs' date
    for maak in (routekaart, afwegingskader):
        kaart = maak(protocol, page, kop=True)
        svg = out_dir / f"{kaart.naam}.svg"
        svg.write_text(render_svg_file(kaart.dot), encoding="utf-8")
        written.append(svg)
        print_source = maak(protocol, None, kop=True).dot
        for papier in PDFS[kaart.naam]:
            pdf = out_dir / f"{kaart.naam}-{papier}.pdf"
            written.append(render_pdf(print_source, pdf, papier, gewijzigd))
    return written


def inline_chart(protocol: Protocol, naam: str, page: str = PAGE) -> str:
    """One chart ("routekaart" or "afwegingskader") as inline SVG for `page`."""
    maak = {"routekaart": routekaart, "afwegingskader": afwegingskader}[naam]
    return render_svg(maak(protocol, page).dot)


def inline_chart_pair(protocol: Protocol, naam: str, page: str = PAGE) -> str:
    """The desktop chart and its phone layout, one after the other; the style sheet
    (flowcharts/routekaart.css) shows the one that fits the screen."""
    maak = {"routekaart": routekaart, "afwegingskader": afwegingskader}[naam]
    return inline_chart(protocol, naam, page) + render_svg(maak(protocol, page, smal=True).dot)


def inline_charts(protocol: Protocol, page: str = PAGE) -> dict[str, str]:
    """Both charts as inline SVG for `page`: {"routekaart": "<svg …>", "afwegingskader": …}."""
    return {naam: inline_chart(protocol, naam, page) for naam in ("routekaart", "afwegingskader")}
