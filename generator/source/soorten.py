"""The source's raw YAML read as typed items, without pydantic: what `meldcode diff` compares,
on the desktop and in the browser editor (which cannot import pydantic).

A table made from the model (`tabel.soorten_van_model`) says per model class its fields in
model order, which class a field holds, its default, its value rule and whether it is
required; `Soorten.protocol` applies it to the
raw trees, as the model would: defaults filled in, text stripped, dates as dates. The diff
then names and matches items by their class, as it did on the model.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.source.syntaxis import stap_id

_GEEN = object()  # a field without a default in the model
# what the model computes from its fields (its properties), by class and name
AFGELEID: dict[str, dict[str, Callable[[Item], Any]]] = {"Stap": {"id": lambda stap: stap_id(stap.nummer)}}


@dataclass(frozen=True)
class Field:
    """One field of a model class: its name, the class it holds (if any), and what it is
    when the file leaves it out."""

    naam: str
    soort: str | None = None
    lijst: bool = False
    datum: bool = False
    standaard: Any = _GEEN
    waarde: str | None = None  # the rule of its value (waarden.CONTROLES: tekst, telefoon, …)
    verplicht: bool = False

    def leeg(self) -> Any:
        if self.standaard is not _GEEN:
            return self.standaard
        return [] if self.lijst else None  # a list with a default factory, or an optional


class Item:
    """A value of a model class read from the raw tree; fields as attributes, like the model."""

    __slots__ = ("soort", "velden")

    def __init__(self, soort: str, velden: dict[str, Any]) -> None:
        self.soort = soort
        self.velden = velden

    def __getattr__(self, naam: str) -> Any:
        try:
            return self.velden[naam]
        except KeyError:
            if (afgeleid := AFGELEID.get(self.soort, {}).get(naam)) is not None:
                return afgeleid(self)
            raise AttributeError(naam) from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Item) and (self.soort, self.velden) == (other.soort, other.velden)

    def __hash__(self) -> int:
        return hash(self.handtekening())

    def __repr__(self) -> str:
        return f"{self.soort}({self.velden!r})"

    def handtekening(self) -> str:
        """The whole item as one string: equal items, equal strings (to align lists)."""
        return json.dumps([self.soort, self.velden], default=_json, ensure_ascii=False)


def _json(value: Any) -> Any:
    if isinstance(value, Item):
        return [value.soort, value.velden]
    return str(value)


@dataclass(frozen=True)
class Soorten:
    """Per model class its fields in order; `bestanden` is which file holds which part."""

    velden: dict[str, tuple[Field, ...]]
    bestanden: dict[str, str]

    def als_json(self) -> dict[str, Any]:
        return {
            "velden": {
                soort: [
                    {
                        "naam": v.naam,
                        "soort": v.soort,
                        "lijst": v.lijst,
                        "datum": v.datum,
                        "waarde": v.waarde,
                        "verplicht": v.verplicht,
                    }
                    | ({} if v.standaard is _GEEN else {"standaard": v.standaard})
                    for v in velden
                ]
                for soort, velden in self.velden.items()
            },
            "bestanden": self.bestanden,
        }

    @classmethod
    def van_json(cls, data: dict[str, Any]) -> Soorten:
        velden = {
            soort: tuple(
                Field(
                    v["naam"],
                    v["soort"],
                    v["lijst"],
                    v["datum"],
                    v.get("standaard", _GEEN),
                    v["waarde"],
                    v["verplicht"],
                )
                for v in lijst
            )
            for soort, lijst in data["velden"].items()
        }
        return cls(velden, dict(data["bestanden"]))

    def item(self, raw: Any, soort: str) -> Item:
        """`raw` (a mapping from the YAML) as an item of class `soort`."""
        gegeven = raw if isinstance(raw, dict) else {}
        return Item(
            soort,
            {v.naam: self._waarde(gegeven[v.naam], v) if v.naam in gegeven else v.leeg() for v in self.velden[soort]},
        )

    def _waarde(self, raw: Any, veld: Field) -> Any:
        if raw is None:
            return None
        if veld.lijst and isinstance(raw, list):
            return [self._een(x, veld) for x in raw]
        return self._een(raw, veld)

    def _een(self, raw: Any, veld: Field) -> Any:
        if veld.soort is not None and isinstance(raw, dict):
            return self.item(raw, veld.soort)
        if isinstance(raw, str):
            raw = raw.strip()  # as the model does: a folded text's last newline is no change
            if veld.datum:
                try:
                    return dt.date.fromisoformat(raw)
                except ValueError:
                    return raw
        return raw

    def deel(self, part: str) -> str:
        """The model class of a part of the source (`contacten` → Contacten)."""
        return next(str(v.soort) for v in self.velden["Protocol"] if v.naam == part)

    def protocol(self, trees: dict[str, Any]) -> Item:
        """Every part's raw tree as one item of class Protocol (a part missing stays empty)."""
        return self.item(trees, "Protocol")


__all__ = ["Field", "Item", "Soorten"]
