"""Export the afwegingskader as JSON for the engine and the helper (hulp).

Everything the engine says comes from here: the questions, answers, routes,
roles, phone numbers and termijnen of `protocol/`, with every {soort:id}
reference resolved to plain text. The engine itself holds no protocol wording.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from meldcode_engine.weergave import besluit, knoop_naam, meldnorm_regel
from meldcode_engine.woorden import kop

from generator.links.adressen import stap_secties
from generator.links.verwijzingen import References
from generator.source.model import (
    Actie,
    Blok,
    Contact,
    Knoop,
    MeldingSectie,
    Protocol,
    Rol,
    Sectie,
    Termijn,
    Uitkomst,
)
from generator.source.telefoon import tel_href

# Bumped when the shape below changes, so an engine wheel refuses a JSON file it cannot read.
FORMAAT = 2


def afwegingskader_data(protocol: Protocol) -> dict[str, Any]:
    """The afwegingskader, its uitkomsten and what they refer to, as plain JSON data."""
    return _Exporter(protocol).data()


def write_json(protocol: Protocol, path: Path | str) -> Path:
    """Write `afwegingskader_data` as UTF-8 JSON (stable order, so builds are reproducible)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # compact: the browser fetches it, and a reviewer reads the source in protocol/ instead
    text = json.dumps(afwegingskader_data(protocol), ensure_ascii=False, separators=(",", ":"))
    target.write_text(text + "\n", encoding="utf-8")
    return target


def rol_data(rol: Rol, text: Callable[[str | None], str | None]) -> dict[str, Any]:
    """A rol as the engine's `wie` reads it: its name, invulling and the people in it
    (`personen` None: a rol without fixed people, such as the leerkracht)."""
    personen = None
    if rol.personen is not None:
        personen = [
            {
                "naam": text(p.naam),
                "telefoon": p.telefoon,
                "href": tel_href(p.telefoon) if p.telefoon else None,
                "email": p.email,
                "bereikbaar": text(p.bereikbaar),
            }
            for p in rol.personen
        ]
    return {"id": rol.id, "naam": text(rol.naam), "invulling": text(rol.invulling), "personen": personen}


def contact_data(contact: Contact, text: Callable[[str | None], str | None], toelichting: str | None) -> dict[str, Any]:
    """A contact as the engine's `Bellen` reads it: its name and the number as a tel: link."""
    return {
        "id": contact.id,
        "naam": text(contact.naam),
        "telefoon": contact.telefoon,
        "href": tel_href(contact.telefoon) if contact.telefoon else None,
        "toelichting": text(toelichting),
    }


class _Exporter:
    def __init__(self, protocol: Protocol) -> None:
        self.protocol = protocol
        self.references = References.of(protocol)
        self.begrippen = {b.id: b for b in protocol.bijlage_2.begrippen}
        self.meldnormen = {m.id: m for m in protocol.bijlage_2.meldnormen}
        self.spoed_toelichting = {s.contact: s.toelichting for s in protocol.contacten.spoed}
        self.momenten = {m.id: m for m in protocol.termijnen.momenten}
        self.stap_secties = stap_secties(protocol)

    def text(self, value: str | None) -> str | None:
        return None if value is None else self.references.plain(value)

    def data(self) -> dict[str, Any]:
        p = self.protocol
        kader = p.afwegingskader
        return {
            "formaat": FORMAAT,
            "metadata": {
                "school": self.text(p.metadata.school),
                "school_kort": self.text(p.metadata.school_kort),
                "titel": self.text(p.metadata.titel),
                "versie": p.metadata.versie,
            },
            "start": kader.start,
            "vragen": [self.knoop(k, "vraag") for k in kader.vragen],
            "beslissingen": [self.knoop(k, "beslissing") for k in kader.beslissingen],
            "uitkomsten": [self.uitkomst(u) for u in kader.uitkomsten],
            # shown with every uitkomst that means melden (the engine adds it there)
            "melding": {
                "titel": self.text(p.melding.titel),
                "secties": [s for sectie in p.melding.secties for s in self.melding_secties(sectie)],
                "spoed": [self.contact(self.references.contacten[c]) for c in p.contacten.spoedbalk],
            },
            "termijnen": [self.termijn(t) for t in p.termijnen.termijnen],
        }

    def paragraphs(self, blokken: list[Blok]) -> list[str]:
        """Blocks as plain paragraphs; list items become one paragraph each, marked like in print."""
        out: list[str] = []
        for blok in blokken:
            if blok.alinea is not None:
                out.append(self.references.plain(blok.alinea))
            elif blok.tussenkop is not None:
                out.append(self.references.plain(blok.tussenkop))
            elif blok.lijst is not None:
                out += [f"• {self.references.plain(item)}" for item in blok.lijst]
            elif blok.genummerd is not None:
                out += [f"{n}. {self.references.plain(item)}" for n, item in enumerate(blok.genummerd, 1)]
        return out

    def secties(self, sectie: Sectie) -> list[dict[str, Any]]:
        """A section and its subsections, flattened in reading order."""
        own = {"id": sectie.id, "titel": self.text(sectie.titel), "alineas": self.paragraphs(sectie.inhoud)}
        return [own, *(s for sub in sectie.secties for s in self.secties(sub))]

    def melding_secties(self, sectie: MeldingSectie) -> list[dict[str, Any]]:
        """A section of the melding with, right after its own text, the protocol's exception
        to it (a section of a stap, in its own words), or None."""
        own, *rest = self.secties(sectie)
        uitzondering = self.uitzondering(sectie.uitzondering)
        return [{**own, "uitzondering": uitzondering}, *({**r, "uitzondering": None} for r in rest)]

    def knoop(self, knoop: Knoop, soort: str) -> dict[str, Any]:
        return {
            "id": knoop.id,
            "soort": soort,
            "nummer": knoop.nummer,
            "titel": self.text(knoop.titel),
            # headings as the helper and Oefenen show them, by the engine's one rule
            "kop": kop(knoop_naam(soort, knoop.nummer), self.text(knoop.titel)),
            "kop_kort": kop(knoop_naam(soort, knoop.nummer, kort=True), self.text(knoop.titel)),
            "vraag": self.text(knoop.vraag),
            "toelichting": self.paragraphs(knoop.toelichting),
            "criteria": [self.text(c) for c in knoop.criteria],
            "begrippen": [self.begrip(b) for b in knoop.begrippen],
            "antwoorden": [
                {
                    "id": a.id,
                    "label": self.text(a.label),
                    "code": self.text(a.code),
                    "betekenis": self.text(a.betekenis),
                    "gevolg": self.text(a.gevolg),
                    "volgende": a.volgende,
                }
                for a in knoop.antwoorden
            ],
        }

    def begrip(self, begrip_id: str) -> dict[str, Any]:
        begrip = self.begrippen[begrip_id]
        return {
            "id": begrip.id,
            "naam": self.text(begrip.naam),
            "definitie": self.text(begrip.definitie),
            "toelichting": self.paragraphs(begrip.toelichting),
            "voorbeelden": [self.text(v) for v in begrip.voorbeelden],
        }

    def uitkomst(self, uitkomst: Uitkomst) -> dict[str, Any]:
        meldnorm = None
        if uitkomst.meldnorm is not None:
            meldnorm = {"id": uitkomst.meldnorm, "tekst": self.text(self.meldnormen[uitkomst.meldnorm].tekst)}
            meldnorm["regel"] = meldnorm_regel(meldnorm)  # the engine's words, for Oefenen
        return {
            "id": uitkomst.id,
            "titel": self.text(uitkomst.titel),
            "voorwaarde": self.text(uitkomst.voorwaarde),
            "melden": uitkomst.melden,
            "besluit": besluit(uitkomst.melden),  # the engine's words, for Oefenen
            "meldnorm": meldnorm,
            "tekst": self.paragraphs(uitkomst.tekst),
            "acties": [self.actie(a) for a in uitkomst.acties],
        }

    def actie(self, actie: Actie) -> dict[str, Any]:
        rol = None
        if actie.rol is not None:
            r = self.references.rollen[actie.rol]
            rol = rol_data(r, self.text)
        contact = None if actie.contact is None else self.contact(self.references.contacten[actie.contact])
        door = None if actie.door is None else self.contact(self.references.contacten[actie.door])
        termijn = self.termijn(self.references.termijnen[actie.termijn])
        return {
            "tekst": self.text(actie.tekst),
            "rol": rol,
            "door": door,
            "contact": contact,
            "termijn": termijn,
            "uitzondering": self.uitzondering(actie.uitzondering),
        }

    def uitzondering(self, sectie_id: str | None) -> dict[str, Any] | None:
        """The protocol's exception to a melding section or an action: a section of a stap."""
        if sectie_id is None:
            return None
        bron = self.stap_secties[sectie_id]
        return {"id": bron.id, "titel": self.text(bron.titel), "alineas": self.paragraphs(bron.inhoud)}

    def contact(self, contact: Contact) -> dict[str, Any]:
        return contact_data(contact, self.text, self.spoed_toelichting.get(contact.id) or contact.toelichting)

    def termijn(self, termijn: Termijn) -> dict[str, Any]:
        vanaf = None
        if termijn.vanaf is not None:
            moment = self.momenten[termijn.vanaf]
            vanaf = {"id": moment.id, "naam": self.text(moment.naam), "datum": self.text(moment.datum)}
        duur = None if termijn.duur is None else {"aantal": termijn.duur.aantal, "eenheid": termijn.duur.eenheid}
        return {
            "id": termijn.id,
            "tekst": self.text(termijn.tekst),
            "soort": termijn.soort,
            "duur": duur,
            "vanaf": vanaf,
            "bij_spoed": self.text(termijn.bij_spoed),
            "wanneer": self.text(termijn.wanneer),
            "waarvoor": self.text(termijn.waarvoor),
        }


__all__ = ["FORMAAT", "afwegingskader_data", "rol_data", "write_json"]
