"""Read a source file, change one value or add one list item, and write it back unchanged elsewhere.

`load` and `dump` round-trip every file in `protocol/` byte for byte: comments, quotes,
folded (`>-`) text and flow mappings stay as they are. Plain text that the author wrapped over
more lines (`rollen.yaml`'s taken) keeps its line breaks too: the loader records the lines as
written (`DoorlopendeTekst`) and the dumper writes them back so.

`replace_at` and `insert_at` keep the style of what they replace or join: folded text stays folded,
quoted stays quoted, plain stays plain unless YAML needs quotes. Text that would run past
`BREEDTE` columns is wrapped there, as the files are written, never left as one long line.
"""

from __future__ import annotations

import copy
import datetime as dt
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from generator.errors import EditError

BREEDTE = 88  # the files are wrapped at 88 columns
Pad = tuple[str | int, ...]
_STR = "tag:yaml.org,2002:str"


class DoorlopendeTekst(str):
    """Plain text over one or more lines: `regels` as the file had them, or () to wrap anew."""

    regels: tuple[str, ...] = ()


class NieuweGevouwenTekst(FoldedScalarString):
    """New text for a folded (`>-`) value: folded at `BREEDTE` when written."""


# --- reading -------------------------------------------------------------------


def _zoals_geschreven(node: Any, value: str) -> str:
    """A plain scalar spread over lines, with those lines kept; else the value itself."""
    start, end = node.start_mark, node.end_mark
    buffer = getattr(start, "buffer", None)
    if node.style is not None or start.line == end.line or buffer is None:
        return value
    regels = tuple(r.strip() for r in buffer[start.pointer : end.pointer].split("\n"))
    if "" in regels or " ".join(regels) != value:
        return value  # an empty line or a tab: not a simple wrap, let the dumper decide
    tekst = DoorlopendeTekst(value)
    tekst.regels = regels
    return tekst


class _Constructor(RoundTripConstructor):
    def construct_yaml_str(self, node: Any) -> Any:
        value = super().construct_yaml_str(node)
        return _zoals_geschreven(node, value) if type(value) is str else value


_Constructor.add_constructor(_STR, _Constructor.construct_yaml_str)


# --- writing -------------------------------------------------------------------


def _verdeel(tekst: str, kolom: int, inspringing: int, veilig: bool) -> list[str] | None:
    """Greedy lines of at most `BREEDTE` columns, the first starting at `kolom`, the others at
    `inspringing`; None when the text cannot be split at single spaces. `veilig`: break only
    before a letter or digit, so a plain continuation line never starts with a YAML indicator."""
    woorden = tekst.split(" ")
    if "" in woorden:
        return None
    regels = [woorden[0]]
    for woord in woorden[1:]:
        past = kolom + len(regels[-1]) + 1 + len(woord) <= BREEDTE
        if past or (veilig and not woord[0].isalnum()):
            regels[-1] += " " + woord
        else:
            regels.append(woord)
            kolom = inspringing
    return regels


def _vouw(tekst: str, inspringing: int) -> str:
    """Folded text with a fold mark (`\\a`, as ruamel.yaml uses) where a line passes `BREEDTE`."""
    alinea = []
    for regel in tekst.split("\n"):
        delen = _verdeel(regel, inspringing, inspringing, veilig=False) if regel else None
        alinea.append("\a ".join(delen) if delen else regel)
    return "\n".join(alinea)


class _Emitter(Emitter):
    def write_plain(self, text: Any, split: Any = True) -> None:
        if not isinstance(text, DoorlopendeTekst):
            super().write_plain(text, split)
            return
        eerste, indent = self.column + (0 if self.whitespace else 1), self.indent or 0
        regels = list(text.regels) or _verdeel(text, eerste, indent, veilig=True) or [str(text)]
        super().write_plain(regels[0], False)
        for regel in regels[1:]:
            self.write_indent()
            super().write_plain(regel, False)

    def write_folded(self, text: Any, comment: Any) -> None:
        if isinstance(text, NieuweGevouwenTekst) and "\a" not in text:
            text = _vouw(str(text), self.indent or 0)
        super().write_folded(text, comment)


class _Representer(RoundTripRepresenter):
    def represent_doorlopend(self, data: DoorlopendeTekst) -> Any:
        return self.represent_scalar(_STR, data)


_Representer.add_representer(DoorlopendeTekst, _Representer.represent_doorlopend)
_Representer.add_representer(NieuweGevouwenTekst, RoundTripRepresenter.represent_folded_scalarstring)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.Emitter = _Emitter
    yaml.preserve_quotes = True
    yaml.width = 4096  # the dumper never wraps on its own; wrapping is ours (above)
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(tekst: str) -> Any:
    """The file's data with everything needed to write it back as it was."""
    try:
        return _yaml().load(tekst)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        waar = f"regel {mark.line + 1}: " if mark is not None else ""
        raise EditError("", f"{waar}dit is geen geldige YAML; controleer inspringing en leestekens") from exc
    except ValueError as exc:  # a date that does not exist (2026-02-31): the YAML reader refuses it
        raise EditError("", "een datum in dit bestand bestaat niet; schrijf datums als JJJJ-MM-DD") from exc


def dump(data: Any) -> str:
    """The data as file text, in the layout it was read in."""
    uit = StringIO()
    _yaml().dump(data, uit)
    return uit.getvalue()


# --- changing ------------------------------------------------------------------


def _toon(pad: Pad) -> str:
    return " › ".join(str(stap) for stap in pad)


def _stap(node: Any, stap: str | int, tot: Pad) -> Any:
    """`node[stap]`, or a Dutch error naming the path up to `stap`."""
    if isinstance(node, dict):
        if isinstance(stap, str) and stap in node:
            return node[stap]
        wel = ", ".join(str(k) for k in node)
        raise EditError(_toon(tot), f"dit onderdeel bestaat niet in het bestand (hier staan: {wel})")
    if isinstance(node, list):
        if isinstance(stap, int) and not isinstance(stap, bool) and 0 <= stap < len(node):
            return node[stap]
        raise EditError(
            _toon(tot),
            f"dit onderdeel bestaat niet: de lijst telt {len(node)} onderdelen (nummer 0 tot en met {len(node) - 1})",
        )
    raise EditError(_toon(tot), "hier staat één waarde, geen lijst of onderdelen")


def _volg(data: Any, pad: Pad) -> Any:
    node = data
    for i, stap in enumerate(pad):
        node = _stap(node, stap, pad[: i + 1])
    return node


def _in_stijl(voorbeeld: Any, waarde: Any) -> Any:
    """`waarde` written as `voorbeeld` is (the value it replaces, or a neighbour in a list)."""
    if isinstance(waarde, str) and waarde == voorbeeld:
        return voorbeeld  # unchanged: not even re-wrapped
    if isinstance(waarde, dict):
        uit = CommentedMap()
        for sleutel, w in waarde.items():
            uit[sleutel] = _in_stijl(voorbeeld.get(sleutel) if isinstance(voorbeeld, dict) else None, w)
        return uit
    if isinstance(waarde, list):
        eerste = voorbeeld[0] if isinstance(voorbeeld, list) and voorbeeld else None
        return CommentedSeq(_in_stijl(eerste, w) for w in waarde)
    if not isinstance(waarde, str):
        return waarde
    if isinstance(voorbeeld, dt.date):  # a date stays a date, not text that looks like one
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            return DoorlopendeTekst(waarde)  # not a date: `meldcode check` refuses it with its line
    for soort in (SingleQuotedScalarString, DoubleQuotedScalarString, LiteralScalarString):
        if isinstance(voorbeeld, soort):
            return soort(waarde)
    if isinstance(voorbeeld, FoldedScalarString):
        return NieuweGevouwenTekst(waarde)
    return DoorlopendeTekst(waarde)  # plain, wrapped when too long; quoted only if YAML needs it


def replace_at(tekst: str, pad: Pad, waarde: Any) -> str:
    """The file's text with the value at `pad` set to `waarde`, everything else byte for byte
    the same. `pad` holds keys and list indexes (from 0): `("rollen", 1, "invulling")`."""
    if not pad:
        raise EditError("", "geen onderdeel gekozen om te wijzigen")
    data = load(tekst)
    ouder = _volg(data, pad[:-1])
    oud = _stap(ouder, pad[-1], pad)
    ouder[pad[-1]] = _in_stijl(oud, waarde)
    return dump(data)


def _einde(node: Any) -> tuple[Any, Any]:
    """The container and key of the last value in `node`: where ruamel.yaml keeps the blank
    lines and comments that follow it in the file."""
    sleutel: Any = len(node) - 1 if isinstance(node, list) else list(node)[-1]
    kind = node[sleutel]
    if isinstance(kind, list | dict) and kind:
        return _einde(kind)
    return node, sleutel


def _verhuis_staart(van: tuple[Any, Any], naar: tuple[Any, Any]) -> None:
    """Move what follows the old last item (blank lines, a comment) to after the new one; the
    old item's own end-of-line comment stays on its line."""
    (node, sleutel), (doel, doelsleutel) = van, naar
    slot = 2 if isinstance(node, dict) else 0
    plek = node.ca.items.get(sleutel)
    token = plek[slot] if plek and len(plek) > slot else None
    if token is None or not token.value:
        return
    eigen, staart = token.value.split("\n", 1) if token.value.startswith("#") else ("", token.value)
    if not staart:
        return
    nieuw = copy.copy(token)
    nieuw.value = "\n" + staart if eigen else staart
    if eigen:
        token.value = eigen + "\n"
    else:
        plek[slot] = None
    doelslot = 2 if isinstance(doel, dict) else 0
    doel.ca.items.setdefault(doelsleutel, [None, None, None, None])[doelslot] = nieuw


def insert_at(tekst: str, pad: Pad, item: Any, plaats: int | None = None) -> str:
    """The file's text with `item` added to the list at `pad`: at the end, or at index `plaats`
    (0 for the top, as in `wijzigingen.yaml`: newest first). Written in the style of the item
    it joins; nothing else changes."""
    data = load(tekst)
    lijst = _volg(data, pad)
    if not isinstance(lijst, list):
        raise EditError(_toon(pad), "hier staat geen lijst; een onderdeel toevoegen kan alleen aan een lijst")
    if plaats is not None and not 0 <= plaats <= len(lijst):
        raise EditError(_toon(pad), f"plaats {plaats} bestaat niet: de lijst telt {len(lijst)} onderdelen")
    buur = (lijst[min(plaats, len(lijst) - 1)] if plaats is not None else lijst[-1]) if lijst else None
    nieuw = _in_stijl(buur, item)
    if plaats is None or plaats == len(lijst):
        oud_einde = _einde(lijst) if lijst else None
        lijst.append(nieuw)
        if oud_einde is not None:
            _verhuis_staart(oud_einde, _einde(lijst))
    else:
        lijst.insert(plaats, nieuw)
    return dump(data)
