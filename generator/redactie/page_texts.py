"""Which pages of the site show a text: for the editor's "Wat verandert er op de site".

After the build every page's readable text is written once (`assets/redactie/paginas.json`);
the editor looks up there where the text it is about to change stands now. The same
normalising on both sides, so it is one module; standard library only (it runs in the
browser too).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from generator.source.syntaxis import REFERENCE

PAGINAS_JSON = Path("assets/redactie/paginas.json")
# the editor itself; and the print page, which shows every text (the panel says so once)
_OVERGESLAGEN = ("redactie/", "afdrukken/")
# tags after which a reader sees a break: they part words, inline tags do not
_BLOK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "br", "div", "section", "summary"}
_NIET_GELEZEN = {"script", "style", "svg", "template", "noscript"}
_ZOEK = 80  # a text is looked up by its first words, up to this many characters
_MIN = 6  # shorter texts ('ja', '3') stand on nearly every page: not looked up


class _Tekst(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self.titel = ""
        self._in_h1 = False
        self._weg = 0
        self._in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NIET_GELEZEN:
            self._weg += 1
        if tag == "article":
            self._in_article += 1
        if tag == "h1" and self._in_article and not self.titel:
            self._in_h1 = True
        if tag in _BLOK:
            self.delen.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _NIET_GELEZEN:
            self._weg = max(0, self._weg - 1)
        if tag == "article":
            self._in_article = max(0, self._in_article - 1)
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.titel = self.titel or " "  # only the first
        if tag in _BLOK:
            self.delen.append(" ")

    def handle_data(self, data: str) -> None:
        if self._weg or not self._in_article:
            return
        self.delen.append(data)
        if self._in_h1 and data != "¶":  # the theme's permalink
            self.titel += data


# curly quotes and a non-breaking space as a reader sees them (str.maketrans takes code points)
_GEWOON = {ord(a): b for a, b in {"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "}.items()}


def normalise(tekst: str) -> str:
    """Compared as a reader sees it: one space between words, plain quotes, any case."""
    tekst = tekst.translate(_GEWOON)
    return " ".join(tekst.split()).casefold()


def page_text(html: str) -> tuple[str, str]:
    """A built page's title and the text of its article (menus, header and footer left out)."""
    parser = _Tekst()
    parser.feed(html)
    return " ".join(parser.titel.split()), normalise("".join(parser.delen))


def write(site_dir: Path, urls: tuple[str, ...]) -> Path:
    """The title and text of the pages at `urls` (those made from protocol/: a hand-written
    page that mentions a number does not change with it), for the editor."""
    paginas = []
    for url in urls:
        path = site_dir / url / "index.html"
        if url.startswith(_OVERGESLAGEN) or not path.exists():
            continue
        titel, tekst = page_text(path.read_text(encoding="utf-8"))
        if tekst:
            paginas.append({"url": url, "titel": titel or url, "tekst": tekst})
    out = site_dir / PAGINAS_JSON
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(paginas, ensure_ascii=False), encoding="utf-8")
    return out


def search_words(tekst: str) -> str | None:
    """What to look up for a source text: its longest run without a reference or Markdown
    (the site shows `{telefoon:x}` as the number), its first words; None when too short."""
    delen = re.split(r"\x00|\]\([^)]*\)|[*_`\[\]{}]", REFERENCE.sub("\x00", tekst))
    langste = normalise(max(delen, key=len, default=""))
    return langste[:_ZOEK].rsplit(" ", 1)[0] if len(langste) > _ZOEK else (langste if len(langste) >= _MIN else None)


def where_shown(paginas: list[dict[str, str]], tekst: str) -> list[dict[str, str]]:
    """The pages that show `tekst` now (title and address), in site order."""
    zoek = search_words(tekst)
    if zoek is None:
        return []
    return [{"url": p["url"], "titel": p["titel"]} for p in paginas if zoek in p["tekst"]]


__all__ = ["PAGINAS_JSON", "normalise", "page_text", "search_words", "where_shown", "write"]
