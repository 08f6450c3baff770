"""mkdocs-material and Zensical build the same site from the same generated project: the same
pages, the same text, heading ids, anchors and links in every article, and the same `tel:`
links (spoedbalk included) on every page. The helper and the charts are tested in the
browser on both outputs (test_hulp.py, test_kaart_browser.py)."""

from __future__ import annotations

import html.parser
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sitetext import html_pages, normalise

pytestmark = pytest.mark.build

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass
class Article:
    headings: list[str] = field(default_factory=list)  # heading ids in page order
    ids: list[str] = field(default_factory=list)  # every id inside the article
    links: list[str] = field(default_factory=list)  # every href inside the article
    tel: Counter[tuple[str, str]] = field(default_factory=Counter)  # (href, text) on the whole page
    text: list[str] = field(default_factory=list)


class _Reader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article = Article()
        self.depth = 0
        self.skip = 0  # >0 inside script, style or an element the browser does not show
        self.tel: tuple[str, list[str]] | None = None
        self.skipping = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style") or (self.skip and tag == self.skipping) or "hidden" in values:
            self.skip += 1
            self.skipping = tag
        if tag == "a" and values.get("href", "").startswith("tel:"):
            self.tel = (values["href"], [])
        if not self.depth:
            return
        # ids with two underscores are the theme's own (skip link, toggles), not the page's
        if "id" in values and not values["id"].startswith("__"):
            self.article.ids.append(values["id"])
            if tag in HEADINGS:
                self.article.headings.append(values["id"])
        if "href" in values:
            self.article.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if self.skip and tag == self.skipping:
            self.skip -= 1
        if tag == "a" and self.tel is not None:
            self.article.tel[(self.tel[0], " ".join("".join(self.tel[1]).split()))] += 1
            self.tel = None

    def handle_data(self, data: str) -> None:
        if self.tel is not None:
            self.tel[1].append(data)
        if self.depth and not self.skip:
            self.article.text.append(data)


def read(path: Path) -> Article:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.article


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in html_pages(site)}


@pytest.fixture(scope="module")
def both(site: Path, site_zensical: Path) -> list[tuple[str, Article, Article]]:
    mkdocs, zensical = pages(site), pages(site_zensical)
    assert sorted(mkdocs) == sorted(zensical), "the two builders made different pages"
    return [(name, read(mkdocs[name]), read(zensical[name])) for name in sorted(mkdocs)]


def test_same_pages(site: Path, site_zensical: Path) -> None:
    mkdocs, zensical = pages(site), pages(site_zensical)
    assert len(mkdocs) >= 30
    assert set(mkdocs) == set(zensical), set(mkdocs) ^ set(zensical)


def resolved(name: str, links: list[str]) -> list[str]:
    """Each link as the address it leads to: two spellings of one target are the same link."""
    page = urljoin("http://site.test/", name.removesuffix("index.html"))
    return [urljoin(page, link) for link in links]


def test_same_heading_ids_anchors_and_links(both: list[tuple[str, Article, Article]]) -> None:
    for name, mkdocs, zensical in both:
        assert mkdocs.headings, f"{name}: no headings read"
        assert mkdocs.headings == zensical.headings, name
        assert mkdocs.ids == zensical.ids, name
        assert resolved(name, mkdocs.links) == resolved(name, zensical.links), name


def test_same_phone_links_on_every_page(both: list[tuple[str, Article, Article]]) -> None:
    for name, mkdocs, zensical in both:
        # the spoedbalk alone puts two numbers on every page
        assert sum(mkdocs.tel.values()) >= 2, f"{name}: no phone links read"
        assert mkdocs.tel == zensical.tel, name


def test_same_text_in_every_article(both: list[tuple[str, Article, Article]]) -> None:
    for name, mkdocs, zensical in both:
        text = normalise(" ".join(mkdocs.text))
        assert len(text) > 100, f"{name}: no article text read"
        assert text == normalise(" ".join(zensical.text)), name
