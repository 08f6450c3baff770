"""The werkbladen: fill-in forms generated from the Bijlagen.

Each form field gets a stable id that a saved werkblad file refers to. Questions and
fields are numbered within their onderdeel (their position is their identity, the file
keeps the text so a changed question can be reported). Checkbox items (signalen,
checklist points) are identified by their text, so inserting a signal never moves a
tick to another signal: a changed signal is a new id, and the old one is reported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from generator.links.adressen import WERKBLAD_PAGINAS
from generator.source.model import Blok, Protocol

_TEMPLATES = {
    "signalen-vastleggen": "werkblad-signalen.md.j2",
    "overlegformulier": "werkblad-overleg.md.j2",
    "gesprek-met-ouders": "werkblad-gesprek.md.j2",
}
# Each werkblad's name: the page's title, and how a file from another werkblad is named.
WERKBLAD_NAMEN = {
    "signalen-vastleggen": "Signalen vastleggen",
    "overlegformulier": "Overlegformulier",
    "gesprek-met-ouders": "Gesprek met ouders",
}
# Werkblad pages: src path → (werkblad id, template). The id is also the file's `werkblad`.
WERKBLADEN: dict[str, tuple[str, str]] = {src: (w, _TEMPLATES[w]) for w, src in WERKBLAD_PAGINAS.items()}

# The version of the werkblad file format (documented in docs/over/werkbladbestand.md).
FORMAAT = 1

_STAP_NUMMER = re.compile(r"^\d+\.\s")


def text_id(prefix: str, text: str) -> str:
    """An id that follows the text: the same wording always gives the same id."""
    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{digest}"


@dataclass(frozen=True)
class Item:
    """One checkbox: a signaal or a point of a checklist."""

    id: str
    tekst: str


@dataclass(frozen=True)
class Vraag:
    """One text field: a question (textarea) or a short field (one line)."""

    id: str
    tekst: str
    lang: bool = True
    nummer: int | None = None
    soort: str = "text"
    keuze: str | None = None
    toelichting: str | None = None


@dataclass
class Groep:
    """A titled group of checkboxes or questions."""

    titel: str
    id: str = ""
    toelichting: str | None = None
    items: list[Item] = field(default_factory=list)
    vragen: list[Vraag] = field(default_factory=list)


def _unique(items: list[Item]) -> list[Item]:
    """The same text twice in one list would share an id: number the repeats."""
    seen: dict[str, int] = {}
    out = []
    for item in items:
        seen[item.id] = seen.get(item.id, 0) + 1
        out.append(item if seen[item.id] == 1 else Item(f"{item.id}-{seen[item.id]}", item.tekst))
    return out


def signalen(protocol: Protocol) -> list[Groep]:
    """Bijlage 1: one group per categorie, one checkbox per signaal."""
    return [
        Groep(titel=c.titel, id=c.id, items=_unique([Item(text_id(c.id, s), s) for s in c.signalen]))
        for c in protocol.bijlage_1.categorieen
    ]


def overlegformulier(protocol: Protocol) -> tuple[list[Vraag], list[Groep]]:
    """Bijlage 3: the kopvelden, then onderdelen A–F with their questions and fields."""
    b = protocol.bijlage_3
    kop = [Vraag(f"kop-{i}", v.label, lang=False, keuze=v.keuze) for i, v in enumerate(b.kopvelden, 1)]
    groepen = []
    for o in b.onderdelen:
        vragen = [Vraag(f"{o.id}-{i}", v.tekst, nummer=v.nummer) for i, v in enumerate(o.vragen, 1)]
        if o.schrijfruimte:
            vragen.append(Vraag(f"{o.id}-ruimte", o.titel))
        vragen += [
            Vraag(f"{o.id}-veld-{i}", v.label, lang=False, keuze=v.keuze, toelichting=v.toelichting)
            for i, v in enumerate(o.velden, 1)
        ]
        groepen.append(Groep(titel=o.titel, id=o.id, toelichting=o.toelichting, vragen=vragen))
    return kop, groepen


def checklist(blokken: list[Blok], prefix: str) -> list[Groep]:
    """Lists become checkboxes; a numbered tussenkop starts a step of the conversation.

    A step without points of its own (the protocol's "4. Ouders delen de zorg") becomes
    one checkbox, so every step can be ticked off.
    """
    groepen: list[Groep] = [Groep(titel="")]
    for b in blokken:
        if b.tussenkop:
            groepen.append(Groep(titel=b.tussenkop))
        for item in b.lijst or b.genummerd or []:
            groepen[-1].items.append(Item(text_id(prefix, item), item))
    for g in groepen:
        if not g.items and _STAP_NUMMER.match(g.titel):
            g.items.append(Item(text_id(prefix, g.titel), g.titel))
    return [g for g in groepen if g.items]


def gesprek(protocol: Protocol) -> tuple[list[Groep], list[Groep]]:
    """Bijlage 4: the preparation points, then the steps of the conversation.

    The steps are the sections that hold lists; sections of running text only
    (zorgen delen, emoties, ...) are shown as guidance beside the form.
    """
    b = protocol.bijlage_4
    voorbereiding = checklist(b.inhoud, "voorbereiding")
    stappen = [g for s in b.secties for g in checklist(s.inhoud, "gesprek")]
    ids = iter(_unique([i for g in [*voorbereiding, *stappen] for i in g.items]))
    for g in [*voorbereiding, *stappen]:
        g.items = [next(ids) for _ in g.items]
    return voorbereiding, stappen


def begeleiding(protocol: Protocol) -> list:
    """Bijlage 4's sections without points to tick: read beside the checklist."""
    return [s for s in protocol.bijlage_4.secties if not any(b.lijst or b.genummerd for b in s.inhoud)]


def all_ids(protocol: Protocol) -> dict[str, list[str]]:
    """Every field id per werkblad (used by the tests and to check ids are unique)."""
    kop, groepen = overlegformulier(protocol)
    voorbereiding, stappen = gesprek(protocol)
    return {
        "signalen-vastleggen": [i.id for g in signalen(protocol) for i in g.items],
        "overlegformulier": [v.id for v in kop] + [v.id for g in groepen for v in g.vragen],
        "gesprek-met-ouders": [i.id for g in [*voorbereiding, *stappen] for i in g.items],
    }
