"""The afwegingskader as a graph of vragen, beslissingen and uitkomsten: one graph for the
checks, the pages, the charts, the helper and the diff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from meldcode_engine.weergave import knoop_naam

if TYPE_CHECKING:  # the diff builds it from raw items in the browser, where pydantic is not
    from generator.source.model import Knoop, Protocol


@dataclass(frozen=True)
class Graph:
    """The afwegingskader as nodes and edges, shared by pages, charts and engine."""

    start: str
    knopen: dict[str, Knoop]  # vragen and beslissingen by id
    uitkomsten: frozenset[str]
    soorten: dict[str, str]  # knoop id → "vraag" or "beslissing": the list it stands in

    @classmethod
    def of(cls, protocol: Protocol) -> Graph:
        kader = protocol.afwegingskader
        knopen = {k.id: k for k in [*kader.vragen, *kader.beslissingen]}
        soorten = {k.id: "vraag" for k in kader.vragen} | {k.id: "beslissing" for k in kader.beslissingen}
        return cls(kader.start, knopen, frozenset(u.id for u in kader.uitkomsten), soorten)

    def naam(self, knoop_id: str, kort: bool = False) -> str:
        """'Afwegingsvraag 2' or 'Beslissing 1' ('Vraag 2' when `kort`): the engine's one rule."""
        return knoop_naam(self.soorten[knoop_id], self.knopen[knoop_id].nummer, kort)

    def routes(self) -> list[list[tuple[str, str]]]:
        """Every route from start to an uitkomst as [(knoop, antwoord), ...]."""
        found: list[list[tuple[str, str]]] = []

        def walk(node: str, route: list[tuple[str, str]]) -> None:
            if node in self.uitkomsten:
                found.append(route)
                return
            for antwoord in self.knopen[node].antwoorden:
                walk(antwoord.volgende, [*route, (node, antwoord.id)])

        walk(self.start, [])
        return found


__all__ = ["Graph"]
