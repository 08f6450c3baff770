"""A message of `meldcode check` in the editor's words: where, as she sees it in the form
(the item's name and the field's label, never a file name, line number or key path), and
what, with the file names, line numbers, id lists and reference syntax left out or said as
the form says them.

`meldcode check` keeps its own words (file, line, key): they are for whoever edits the files
themselves. The editor shows the same finding for the same value, in the form's terms.
No pydantic: it runs in the browser (Pyodide).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from meldcode_engine.woorden import stap_naam

from generator.errors import SourceError
from generator.redactie.form import NAAM_VELDEN

_BESTAND = re.compile(r"(?:protocol/)?(?:bijlagen/)?[\w-]+\.yaml\b")
_REGEL = re.compile(r"\s*\(regel \d+\)")
_BEKEND = re.compile(r"\s*\(bekende [^)]*\)|;? ?bekende [a-z-]+(?: [a-z-]+)?: [^)]*")
_BEDOELT = re.compile(r"\(bedoelt u '([^']+)'\?[^)]*\)")
_VERPLICHT = re.compile(r"verplicht veld '(\w+)' ontbreekt; voeg het toe")
_VERWIJS = re.compile(r"verwijs ernaar met \{\w+:id\}")
_ID_GEBRUIKT = re.compile(r"'([a-z0-9]+(?:-[a-z0-9]+)*)'")
_SYNTAX_LIJST = re.compile(r"; gebruik een van: .*$")


@dataclass
class Woorden:
    """What the form calls things: file and field labels (from the CMS configuration) and the
    names of the items an id stands for (from the files as they are now)."""

    bestanden: dict[str, str]
    velden: dict[str, str]
    namen: dict[str, str] = field(default_factory=dict)

    def file_label(self, pad: str) -> str:
        """A file by the form's label: `contacten.yaml` as well as `protocol/contacten.yaml`."""
        naam = pad.rsplit("/", 1)[-1]
        return next((label for p, label in self.bestanden.items() if p.rsplit("/", 1)[-1] == naam), "het bestand")

    def field_label(self, naam: str) -> str:
        return self.velden.get(naam) or naam.replace("_", " ").capitalize()


def item_names(data: Any) -> dict[str, str]:
    """Every id in a file's tree with the name a reader knows it by (`veilig-thuis` → Veilig Thuis)."""
    uit: dict[str, str] = {}
    for item in _items(data):
        naam = _naam(item)
        if naam and isinstance(item.get("id"), str):
            uit.setdefault(item["id"], naam)
    return uit


def _items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict):
        yield data
        for waarde in data.values():
            yield from _items(waarde)
    elif isinstance(data, list):
        for waarde in data:
            yield from _items(waarde)


def _naam(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    if isinstance(item.get("nummer"), int) and ("kort" in item or "inhoud" in item):  # a stap
        titel = next((str(item[v]) for v in ("kort", "titel") if isinstance(item.get(v), str)), "")
        return stap_naam(item["nummer"]) + (f" ({_kort(titel)})" if titel else "")
    for veld in NAAM_VELDEN:
        waarde = item.get(veld)
        if isinstance(waarde, str) and waarde.strip():
            return _kort(waarde.strip())
    return None


def _kort(tekst: str, lengte: int = 60) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def place(data: Any, loc: tuple[str | int, ...], woorden: Woorden) -> str:
    """Where a value stands, as the form shows it: "Veilig Thuis – Telefoon"; an item by its
    name, or by its list's label and number when it has none ("Slot 1 – Alinea")."""
    delen: list[str] = []
    node: Any = data
    for i, stap in enumerate(loc):
        if isinstance(stap, str):
            label = woorden.field_label(stap)
            if not (i + 1 < len(loc) and isinstance(loc[i + 1], int)):
                delen.append(label)
        else:
            item = node[stap] if _bestaat(node, stap) else None
            delen.append(_naam(item) or f"{woorden.field_label(str(loc[i - 1])) if i else ''} {stap + 1}".strip())
        node = node[stap] if _bestaat(node, stap) else None
    return " – ".join(delen)


def _bestaat(node: Any, stap: str | int) -> bool:
    if isinstance(node, dict):
        return stap in node
    return isinstance(node, list) and isinstance(stap, int) and 0 <= stap < len(node)


def message_text(bericht: str, woorden: Woorden, eigen: str = "") -> str:
    """The message itself in the form's words. `eigen`: her own text it is about, whose words
    are quoted as she typed them."""
    vervang: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
        (_BEDOELT, lambda m: f"(bedoelt u ‘{woorden.namen.get(m[1], m[1])}’?)"),
        (_BEKEND, lambda m: ""),
        (_VERPLICHT, lambda m: f"‘{woorden.field_label(m[1])}’ moet ingevuld zijn; vul het in"),
        (_VERWIJS, lambda m: "voeg het in met Invoegen"),
        (_SYNTAX_LIJST, lambda m: "; kies een verwijzing met Invoegen"),
        (_REGEL, lambda m: ""),
        (_BESTAND, lambda m: f"‘{woorden.file_label(m[0])}’"),
        (_ID_GEBRUIKT, lambda m: m[0] if m[1] in eigen else f"‘{woorden.namen.get(m[1], m[1])}’"),
    ]
    for patroon, door in vervang:
        bericht = patroon.sub(door, bericht)
    bericht = (
        bericht.replace("corrigeer de id", "kies er een met Invoegen")
        .replace("een eigen id", "een eigen naam")
        .replace("elk item in", "elk onderdeel in")
    )
    return bericht[:1].upper() + bericht[1:]


def for_her(fout: SourceError, data: Any, woorden: Woorden, eigen: str = "") -> str:
    """The whole line she reads: where, then what."""
    waar = place(data, fout.loc, woorden) if data is not None and fout.loc else ""
    buiten = fout.file not in ("", None) and data is None
    bestand = woorden.bestanden.get(fout.file, "") if buiten else ""
    kop = " – ".join(d for d in (bestand, waar) if d)
    regel = (
        f"{kop}: {message_text(fout.message, woorden, eigen)}" if kop else message_text(fout.message, woorden, eigen)
    )
    return regel[:1].upper() + regel[1:]


__all__ = ["Woorden", "for_her", "item_names", "message_text", "place"]
