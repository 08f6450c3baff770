"""A Markdown extension: every table cell carries the header of its column as `data-label`.

On a phone the style sheet stacks a table's rows into cards and writes that label before
each cell, so no column is cut off and every value keeps its name. Plain HTML, so it
works without JavaScript and in any builder that runs Python-Markdown extensions.
Listed in mkdocs.yml as `generator.tabellen`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


def _text(cell: ET.Element) -> str:
    return " ".join("".join(cell.itertext()).split())


class ColumnLabels(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = [_text(th) for th in head if th.tag == "th"]
            for row in table.iterfind("tbody/tr"):
                for label, cell in zip(labels, row, strict=False):
                    if label and cell.get("data-label") is None:
                        cell.set("data-label", label)


class TabellenExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # the name Python-Markdown looks for
        # after the inline patterns (priority 20), so header text is plain text
        md.treeprocessors.register(ColumnLabels(md), "meldcode_tabellen", 5)


def makeExtension(**kwargs: Any) -> TabellenExtension:  # the name Python-Markdown looks for
    return TabellenExtension(**kwargs)
