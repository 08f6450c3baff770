"""Typed model of the protocol source (`protocol/*.yaml`).

Keys are Dutch because the aandachtsfunctionaris edits them; every model forbids
unknown keys so that a typo is an error instead of silently lost text.
Descriptions are Dutch too: they feed the error messages and the editor schema.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

# --- text and value checks -------------------------------------------------

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")
_PHONE_IN_TEXT = re.compile(r"\b0\d{2,3}[- ]?\d{2,4}(?:[- ]?\d{2,4})?\b")
_PHONE = re.compile(r"^\+?[0-9 ()\-]+$")
_URL = re.compile(r"^https?://[a-z0-9.-]+\.[a-z]{2,}(/[^\s<>\"]*)?$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s<>]+@[a-z0-9.-]+\.[a-z]{2,}$", re.IGNORECASE)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _check_tekst(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("tekst is leeg; vul de tekst in of verwijder het veld")
    if _HTML_TAG.search(value):
        raise ValueError("bevat HTML of een script-tag; schrijf gewone tekst zonder '<…>'")
    if any(len(re.sub(r"\D", "", m)) >= 7 for m in _PHONE_IN_TEXT.findall(value)):
        raise ValueError(
            "bevat een telefoonnummer; zet het nummer in protocol/contacten.yaml en verwijs ernaar met {telefoon:id}"
        )
    return value


def _check_telefoon(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if not _PHONE.match(value) or not 3 <= len(digits) <= 15:
        raise ValueError(
            f"'{value}' is geen geldig telefoonnummer; gebruik alleen cijfers, "
            "spaties, '-', '(' en ')', bijvoorbeeld 0800-2000"
        )
    return value


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(
            f"'{value}' is geen volledige webadres; begin met https:// en "
            "gebruik een volledige domeinnaam, bijvoorbeeld https://www.augeo.nl"
        )
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' is geen geldig e-mailadres, bijvoorbeeld info@ggdgooi.nl")
    return value


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(
            f"'{value}' is geen geldige id; gebruik kleine letters, cijfers en streepjes, bijvoorbeeld vraag-2"
        )
    return value


Tekst = Annotated[str, AfterValidator(_check_tekst)]
Telefoon = Annotated[str, AfterValidator(_check_telefoon)]
Url = Annotated[str, AfterValidator(_check_url)]
Email = Annotated[str, AfterValidator(_check_email)]
Id = Annotated[str, AfterValidator(_check_id)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- generic prose ---------------------------------------------------------

BLOK_SOORTEN = ("alinea", "lijst", "genummerd", "tussenkop")


class Blok(Strict):
    """Eén tekstblok: precies één van alinea, lijst, genummerd of tussenkop."""

    alinea: Tekst | None = Field(None, description="Een alinea lopende tekst.")
    lijst: list[Tekst] | None = Field(None, description="Een opsomming met bolletjes.")
    genummerd: list[Tekst] | None = Field(None, description="Een genummerde opsomming.")
    tussenkop: Tekst | None = Field(None, description="Een kopje binnen de tekst.")

    @model_validator(mode="after")
    def _exactly_one(self) -> Blok:
        gezet = [k for k in BLOK_SOORTEN if getattr(self, k) is not None]
        if len(gezet) != 1:
            raise ValueError(
                "een tekstblok heeft precies één van: alinea, lijst, genummerd, "
                f"tussenkop (gevonden: {', '.join(gezet) or 'geen'})"
            )
        for k in ("lijst", "genummerd"):
            if getattr(self, k) == []:
                raise ValueError(f"{k} is leeg; vul minstens één punt in")
        return self


class Sectie(Strict):
    """Een onderdeel van een pagina met een eigen kop en anker."""

    id: Id = Field(description="Vast anker van dit onderdeel, bijvoorbeeld privacy.")
    titel: Tekst = Field(description="Kop van het onderdeel.")
    inhoud: list[Blok] = Field(default_factory=list, description="De tekst.")
    secties: list[Sectie] = Field(default_factory=list, description="Onderdelen hieronder.")


# --- metadata, rollen, contacten, termijnen --------------------------------


class Metadata(Strict):
    """Gegevens over deze versie van het protocol."""

    school: Tekst = Field(description="Naam van de school.")
    school_kort: Tekst = Field(description="Korte naam van de school, bijvoorbeeld KMS.")
    titel: Tekst = Field(description="Titel van het protocol.")
    versie: Tekst = Field(description="Versienummer, bijvoorbeeld 2026.1.")
    vastgesteld: dt.date = Field(description="Datum waarop deze versie is vastgesteld.")
    laatste_evaluatie: dt.date = Field(description="Datum van de laatste evaluatie.")
    volgende_evaluatie: dt.date = Field(description="Datum van de volgende evaluatie.")

    @model_validator(mode="after")
    def _order(self) -> Metadata:
        if self.volgende_evaluatie <= self.laatste_evaluatie:
            raise ValueError("volgende_evaluatie moet na laatste_evaluatie liggen")
        return self


class Rol(Strict):
    """Een rol in het protocol; teksten verwijzen ernaar met {rol:id}."""

    id: Id
    naam: Tekst = Field(description="Naam van de rol, bijvoorbeeld aandachtsfunctionaris.")
    invulling: Tekst | None = Field(None, description="Wie deze rol op school vervult; verwijs met {invulling:id}.")
    taken: list[Tekst] = Field(default_factory=list, description="Taken van deze rol.")


class Contact(Strict):
    """Een instantie of hulplijn; teksten verwijzen ernaar met {telefoon:id}."""

    id: Id
    naam: Tekst
    telefoon: Telefoon | None = None
    bereikbaar: Tekst | None = Field(None, description="Bijvoorbeeld 14.00-20.00 uur.")
    adres: list[Tekst] = Field(default_factory=list, description="Adresregels.")
    email: Email | None = None
    website: Url | None = None
    toelichting: Tekst | None = None


class SpoedContact(Strict):
    contact: Id = Field(description="Id van een contact uit contacten.")
    toelichting: Tekst | None = Field(None, description="Waarvoor je dit nummer belt.")


class Link(Strict):
    tekst: Tekst
    url: Url | None = Field(
        None, description="Weglaten als het adres niet (meer) bestaat: dan tonen we alleen de tekst."
    )


class Contacten(Strict):
    contacten: list[Contact]
    spoedbalk: list[Id] = Field(description="Contacten in de spoedbalk op elke pagina.")
    spoed: list[SpoedContact] = Field(description="Bij spoed direct contact opnemen met.")
    overige_adressen: list[Id]
    meldcode_app: Link | None = None
    links: list[Link] = Field(default_factory=list)


class Rollen(Strict):
    rollen: list[Rol]


class Duur(Strict):
    aantal: int = Field(gt=0)
    eenheid: Literal["dagen", "werkdagen", "weken", "maanden"]


class Termijn(Strict):
    """Een termijn; teksten verwijzen ernaar met {termijn:id}."""

    id: Id
    tekst: Tekst = Field(description="Zoals in de tekst, bijvoorbeeld 'binnen drie weken'.")
    duur: Duur
    waarvoor: Tekst = Field(description="Wat er binnen deze termijn moet gebeuren.")


class Termijnen(Strict):
    termijnen: list[Termijn]


# --- inleiding en stappen --------------------------------------------------


class Cel(Strict):
    titel: Tekst
    tekst: list[Blok] = Field(default_factory=list)


class StructuurRij(Strict):
    stap: int = Field(ge=1, le=6)
    ondersteuningsstructuur: Cel | None = None
    meldcode: Cel | None = None


class Structuur(Strict):
    id: Id
    titel: Tekst
    kolommen: Annotated[list[Tekst], Field(min_length=2, max_length=2)]
    rijen: list[StructuurRij]
    inhoud: list[Blok] = Field(default_factory=list)


class Inleiding(Strict):
    secties: list[Sectie]
    structuur: Structuur


class Stap(Strict):
    nummer: int = Field(ge=1, le=6)
    titel: Tekst
    kort: Tekst = Field(description="Korte naam voor menu en routekaart.")
    inhoud: list[Blok] = Field(default_factory=list)
    secties: list[Sectie] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return f"stap-{self.nummer}"


class Stappen(Strict):
    stappen: list[Stap]


# --- afwegingskader ----------------------------------------------------------

AntwoordId = Literal["ja", "nee", "twijfel"]


class Antwoord(Strict):
    id: AntwoordId
    label: Tekst = Field(description="Het antwoordwoord: Ja, Nee of Twijfel.")
    code: Tekst = Field(description="Letter uit het protocol, bijvoorbeeld A of B1.")
    betekenis: Tekst = Field(description="Wat dit antwoord betekent.")
    gevolg: Tekst | None = Field(None, description="Wat je dan doet.")
    volgende: Id = Field(description="Id van de volgende vraag, beslissing of uitkomst.")


class Knoop(Strict):
    """Een afwegingsvraag of beslissing."""

    id: Id
    nummer: int = Field(ge=1)
    titel: Tekst
    vraag: Tekst
    toelichting: list[Blok] = Field(default_factory=list)
    criteria: list[Tekst] = Field(default_factory=list)
    begrippen: list[Id] = Field(default_factory=list, description="Ids uit bijlage 2.")
    antwoorden: Annotated[list[Antwoord], Field(min_length=1)]


class Actie(Strict):
    tekst: Tekst
    rol: Id | None = None
    termijn: Id | None = None
    contact: Id | None = None


class Uitkomst(Strict):
    id: Id
    titel: Tekst = Field(description="Het besluit in gewone woorden.")
    voorwaarde: Tekst | None = Field(None, description="Wanneer deze uitkomst geldt, zoals in het protocol.")
    melden: bool
    meldnorm: Literal["A", "B", "C"] | None = None
    tekst: list[Blok] = Field(default_factory=list)
    acties: list[Actie] = Field(default_factory=list)

    @model_validator(mode="after")
    def _meldnorm(self) -> Uitkomst:
        if self.melden and self.meldnorm is None:
            raise ValueError("een uitkomst met melden: true noemt een meldnorm (A, B of C)")
        if not self.melden and self.meldnorm is not None:
            raise ValueError("een uitkomst zonder melden heeft geen meldnorm")
        return self


class Afwegingskader(Strict):
    start: Id = Field(description="De eerste vraag, vraag-1.")
    vragen: list[Knoop]
    beslissingen: list[Knoop]
    uitkomsten: list[Uitkomst]


# --- melding, achtergrond, adviezen ------------------------------------------


class Melding(Strict):
    titel: Tekst
    secties: list[Sectie]


class Achtergrond(Strict):
    secties: list[Sectie]


class Advies(Strict):
    tekst: Tekst
    uitspraken: list[int] = Field(default_factory=list, description="Uitspraaknummers.")


class Uitspraakbron(Strict):
    titel: Tekst
    url: Url


class AdviezenLkc(Strict):
    titel: Tekst
    adviezen: list[Advies]
    bronnen: list[Uitspraakbron] = Field(default_factory=list)


# --- bijlagen ---------------------------------------------------------------


class Categorie(Strict):
    id: Id
    titel: Tekst
    signalen: list[Tekst]


class Bijlage1(Strict):
    titel: Tekst
    inleiding: list[Blok] = Field(default_factory=list)
    categorieen: list[Categorie]


class Meldnorm(Strict):
    id: Literal["A", "B", "C"]
    tekst: Tekst


class Begrip(Strict):
    id: Id
    naam: Tekst
    definitie: Tekst
    toelichting: list[Blok] = Field(default_factory=list)
    voorbeelden: list[Tekst] = Field(default_factory=list)


class Bijlage2(Strict):
    titel: Tekst
    meldnormen_titel: Tekst
    meldnormen_inleiding: Tekst
    meldnormen: list[Meldnorm]
    begrippen_titel: Tekst
    begrippen: list[Begrip]


class FormVraag(Strict):
    nummer: int | None = None
    tekst: Tekst
    regels: int = Field(4, ge=1, le=12, description="Schrijfregels op papier.")


class Veld(Strict):
    label: Tekst
    keuze: Tekst | None = Field(None, description="Bijvoorbeeld jongen/meisje.")
    toelichting: Tekst | None = None


class Onderdeel(Strict):
    id: Literal["A", "B", "C", "D", "E", "F"]
    titel: Tekst
    toelichting: Tekst | None = None
    vragen: list[FormVraag] = Field(default_factory=list)
    schrijfruimte: int | None = Field(None, ge=1, le=12, description="Schrijfregels zonder eigen vraag, onder de kop.")
    velden: list[Veld] = Field(default_factory=list)


class Bijlage3(Strict):
    titel: Tekst
    bron: Tekst | None = None
    inleiding: list[Blok] = Field(default_factory=list)
    kopvelden: list[Veld]
    onderdelen: list[Onderdeel]
    slot: list[Blok] = Field(default_factory=list)


class Bijlage4(Strict):
    titel: Tekst
    inhoud: list[Blok] = Field(default_factory=list)
    secties: list[Sectie] = Field(default_factory=list)


# --- the whole protocol -----------------------------------------------------


class Protocol(BaseModel):
    """All source files together; built by the loader, not read from one file."""

    model_config = ConfigDict(frozen=True)

    metadata: Metadata
    rollen: Rollen
    contacten: Contacten
    termijnen: Termijnen
    inleiding: Inleiding
    stappen: Stappen
    afwegingskader: Afwegingskader
    melding: Melding
    achtergrond: Achtergrond
    adviezen_lkc: AdviezenLkc
    bijlage_1: Bijlage1
    bijlage_2: Bijlage2
    bijlage_3: Bijlage3
    bijlage_4: Bijlage4


# Which file holds which part: the loader and the docs use this one table.
BRONNEN: dict[str, tuple[str, type[Strict]]] = {
    "metadata": ("metadata.yaml", Metadata),
    "rollen": ("rollen.yaml", Rollen),
    "contacten": ("contacten.yaml", Contacten),
    "termijnen": ("termijnen.yaml", Termijnen),
    "inleiding": ("inleiding.yaml", Inleiding),
    "stappen": ("stappen.yaml", Stappen),
    "afwegingskader": ("afwegingskader.yaml", Afwegingskader),
    "melding": ("melding.yaml", Melding),
    "achtergrond": ("achtergrond.yaml", Achtergrond),
    "adviezen_lkc": ("adviezen-lkc.yaml", AdviezenLkc),
    "bijlage_1": ("bijlagen/bijlage-1-signalen.yaml", Bijlage1),
    "bijlage_2": ("bijlagen/bijlage-2-begrippen.yaml", Bijlage2),
    "bijlage_3": ("bijlagen/bijlage-3-overlegformulier.yaml", Bijlage3),
    "bijlage_4": ("bijlagen/bijlage-4-gesprekken.yaml", Bijlage4),
}
