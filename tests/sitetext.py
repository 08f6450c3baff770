"""Read a built site as text and links: shared by the build and fidelity tests."""

from __future__ import annotations

import html.parser
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Page:
    path: Path
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag.attr, url)
    text: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)  # the kinds of element inside <article>


class _Parser(html.parser.HTMLParser):
    """Collects ids, every URL-bearing attribute and the text of the article."""

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.depth = 0  # >0 while inside <article>
        self.skip = 0  # >0 inside script/style

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # the page's own public address (site_url set): named, not loaded; "link.canonical"
        canonical = tag == "link" and dict(attrs).get("rel") == "canonical"
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.page.ids.add(value)
            if name in ("href", "src", "xlink:href", "action", "data", "poster", "srcset"):
                self.page.links.append((f"{tag}.{'canonical' if canonical else name}", value))
        if tag == "article":
            self.depth += 1
        if self.depth:
            self.page.tags.add(tag)
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.page.text.append(data)


def read_page(path: Path) -> Page:
    page = Page(path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    """Every page of the build (from the build itself, not a hand-kept list)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def normalise(text: str) -> str:
    """Lower case letters and digits only, single spaces: for comparing wording."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[’‘`´]", "'", text)
    text = re.sub(r"[^0-9a-zà-ÿ]+", " ", text)
    return " ".join(text.split())
