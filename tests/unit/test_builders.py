"""The generated project for each builder: URLs in raw HTML land on the same built file
whether mkdocs-material (leaves them as written) or Zensical (resolves them from the
Markdown file's folder) builds it."""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

import pytest

from generator.build.builders import for_builder, page_folder

HTML = (
    '<a href="../afwegingskader/#vraag-1">v</a> <link rel="stylesheet" href="../../assets/x.css">'
    '<a xlink:href="../meldcode/" href="../meldcode/">m</a> <a href="./routekaart.pdf">p</a>'
    '<a href="#boven">b</a> <a href="tel:0800-2000">t</a> <a href="https://x.nl/">x</a> <img src="../img/a.svg">'
)


@pytest.mark.parametrize(
    ("src", "folder"),
    [
        ("index.md", ""),
        ("routekaart.md", "routekaart"),
        ("meldcode/index.md", "meldcode"),
        ("meldcode/stap-1.md", "meldcode/stap-1"),
        ("werkbladen/overlegformulier.md", "werkbladen/overlegformulier"),
    ],
)
def test_page_folder(src: str, folder: str) -> None:
    assert page_folder(src) == folder


def zensical_resolves(src: str, url: str) -> str:
    """What Zensical makes of a relative URL in raw HTML: the file it names from the
    Markdown file's folder, as a site path."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src), url.partition("#")[0]))


@pytest.mark.parametrize("src", ["routekaart.md", "werkbladen/overlegformulier.md", "meldcode/stap-1.md"])
def test_zensical_urls_land_where_mkdocs_urls_do(src: str) -> None:
    page = urljoin("http://site.test/", page_folder(src) + "/")
    mkdocs = HTML if src.count("/") else HTML.replace("../../assets", "../assets")
    zensical = for_builder("zensical", src, mkdocs)
    assert zensical != mkdocs
    for before, after in zip(mkdocs.split('"'), zensical.split('"'), strict=True):
        if before.startswith(("#", "tel:", "https:")) or before == after:
            continue
        target = urljoin(page, before)
        assert "http://site.test/" + zensical_resolves(src, after) == target.partition("#")[0].rstrip("/"), before
        assert before.partition("#")[2] == after.partition("#")[2]


def test_only_href_and_src_move_and_mkdocs_gets_the_text_as_is() -> None:
    zensical = for_builder("zensical", "routekaart.md", HTML)
    assert 'xlink:href="../meldcode/"' in zensical  # Zensical leaves xlink:href alone
    for same in ('href="#boven"', 'href="tel:0800-2000"', 'href="https://x.nl/"'):
        assert same in zensical
    assert for_builder("mkdocs", "routekaart.md", HTML) == HTML
    assert for_builder("zensical", "meldcode/index.md", HTML) == HTML  # folder page: the same folder


def test_noscript_is_left_alone() -> None:
    text = '<a href="../x/">a</a><noscript><p><a href="../x/">b</a></p></noscript>'
    assert (
        for_builder("zensical", "doorlopen.md", text)
        == '<a href="x/">a</a><noscript><p><a href="../x/">b</a></p></noscript>'
    )
