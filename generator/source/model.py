"""Typed model of the protocol source (`protocol/*.yaml`).

Keys are Dutch because the aandachtsfunctionaris edits them; every model forbids
unknown keys so that a typo is an error instead of silently lost text.
Descriptions are Dutch too: they feed the error messages and the editor schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from generator.source.syntaxis import stap_id
from generator.source.values import check_email, check_id, check_tekst, check_telefoon, check_url

# --- text and value checks -------------------------------------------------


def _editor_hint(pattern: str, message: str) -> Any:
    """Schema-only hint for editors (JSON Schema `pattern`): pydantic ignores it, the
    AfterValidator beside it stays the one rule. As loose as that rule or looser, so an
    editor never flags a value the build accepts (surrounding spaces aside: pydantic
    strips them first)."""
    return Field(json_schema_extra={"pattern": pattern, "patternErrorMessage": message})


Tekst = Annotated[str, AfterValidator(check_tekst)]
Telefoon = Annotated[
    str,
    AfterValidator(check_telefoon),
    _editor_hint(r"^\+?[-0-9 ()]+$", "Gebruik alleen cijfers, spaties, '-', '(' en ')', bijvoorbeeld 0800-2000."),
]
Url = Annotated[
    str,
    AfterValidator(check_url),
    # the rule ignores case; JSON Schema patterns have no flags, so spell both cases out
    _editor_hint(
        r'^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/[^\s<>"]*)?$',  # no \" : invalid in ECMA /u
        "Een volledig webadres, bijvoorbeeld https://www.augeo.nl.",
    ),
]
Email = Annotated[
    str,
    AfterValidator(check_email),
    _editor_hint(r"^[^@\s<>]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$", "Een e-mailadres, bijvoorbeeld info@ggdgooi.nl."),
]
Id = Annotated[
    str,
    AfterValidator(check_id),
    _editor_hint(r"^[a-z0-9]+(-[a-z0-9]+)*$", "Kleine letters, cijfers en streepjes, bijvoorbeeld vraag-2."),
]


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
            raise ValueError("volgende_evaluatie moet na laatste_evaluatie liggen; pas een van beide data aan")
        return self


class Persoon(Strict):
    """Iemand die een rol op school vervult, met hoe collega's hem of haar bereiken."""

    naam: Tekst = Field(description="Naam, bijvoorbeeld Anna de Vries.")
    telefoon: Telefoon | None = Field(None, description="Telefoonnummer op school of mobiel, bijvoorbeeld 035-1234567.")
    email: Email | None = Field(None, description="E-mailadres op school (werkmail).")
    bereikbaar: Tekst | None = Field(None, description="Wanneer, bijvoorbeeld maandag, dinsdag en donderdag.")


class Rol(Strict):
    """Een rol in het protocol; teksten verwijzen ernaar met {rol:id}."""

    id: Id = Field(description="Vaste id van de rol, bijvoorbeeld aandachtsfunctionaris; teksten gebruiken {rol:id}.")
    naam: Tekst = Field(description="Naam van de rol, bijvoorbeeld aandachtsfunctionaris.")
    invulling: Tekst | None = Field(None, description="Wie deze rol op school vervult; verwijs met {invulling:id}.")
    taken: list[Tekst] = Field(default_factory=list, description="Taken van deze rol.")
    personen: list[Persoon] | None = Field(
        None,
        description=(
            "Wie deze rol nu op school vervult, met telefoon en e-mail. Laat de lijst leeg ([]) als nog niet "
            "bekend is wie het is: de site zegt dan 'vraag op school wie dit is'. Weglaten bij een rol die "
            "geen vaste persoon heeft, zoals de leerkracht."
        ),
    )


class Contact(Strict):
    """Een instantie of hulplijn; teksten verwijzen ernaar met {telefoon:id}."""

    id: Id = Field(description="Vaste id van het contact, bijvoorbeeld veilig-thuis; teksten gebruiken {telefoon:id}.")
    naam: Tekst = Field(description="Naam van de instantie of hulplijn, bijvoorbeeld Veilig Thuis.")
    telefoon: Telefoon | None = Field(
        None,
        description="Telefoonnummer, bijvoorbeeld 0800-2000; zet een kort nummer zoals 112 tussen aanhalingstekens.",
    )
    bereikbaar: Tekst | None = Field(None, description="Bijvoorbeeld 14.00-20.00 uur.")
    adres: list[Tekst] = Field(default_factory=list, description="Adresregels.")
    email: Email | None = Field(None, description="E-mailadres, bijvoorbeeld info@ggdgooi.nl.")
    website: Url | None = Field(None, description="Volledig webadres, bijvoorbeeld https://www.augeo.nl.")
    toelichting: Tekst | None = Field(None, description="Korte uitleg bij dit contact.")


class SpoedContact(Strict):
    """Een contact in de lijst 'bij spoed direct contact opnemen met'."""

    contact: Id = Field(description="Id van een contact uit contacten.")
    toelichting: Tekst | None = Field(None, description="Waarvoor je dit nummer belt.")


class Link(Strict):
    """Een link naar een website buiten de site."""

    tekst: Tekst = Field(description="De zichtbare tekst van de link, bijvoorbeeld www.augeo.nl.")
    url: Url | None = Field(
        None, description="Weglaten als het adres niet (meer) bestaat: dan tonen we alleen de tekst."
    )


class Contacten(Strict):
    """Alle instanties en hulplijnen, de spoedbalk en de nuttige links (contacten.yaml)."""

    contacten: list[Contact] = Field(description="Elke instantie of hulplijn één keer.")
    spoedbalk: list[Id] = Field(description="Contacten in de spoedbalk op elke pagina.")
    spoed: list[SpoedContact] = Field(description="Bij spoed direct contact opnemen met.")
    overige_adressen: list[Id] = Field(description="Ids van de contacten onder 'overige adressen'.")
    meldcode_app: Link | None = Field(None, description="Waar de meldcode-app te vinden is.")
    links: list[Link] = Field(default_factory=list, description="Nuttige websites.")


class Rollen(Strict):
    """Alle rollen in het protocol (rollen.yaml)."""

    rollen: list[Rol] = Field(description="Elke rol één keer.")


class Duur(Strict):
    """Hoe lang een termijn duurt, om data uit te rekenen."""

    aantal: int = Field(gt=0, description="Het aantal, bijvoorbeeld 3.")
    eenheid: Literal["dagen", "werkdagen", "weken", "maanden"] = Field(
        description="De eenheid: dagen, werkdagen, weken of maanden."
    )


class Moment(Strict):
    """Een moment waarvan een termijn telt, bijvoorbeeld het gesprek met de ouders."""

    id: Id = Field(description="Vaste id van het moment, bijvoorbeeld gesprek-ouders; termijnen gebruiken vanaf: id.")
    naam: Tekst = Field(description="Het moment in woorden, bijvoorbeeld 'het gesprek met de ouders (stap 3)'.")
    datum: Tekst = Field(description="Hoe de datum van dit moment heet, bijvoorbeeld 'de datum van de melding'.")


TermijnSoort = Literal["binnen", "minimaal", "voorwaardelijk", "direct", "voor", "afspreken", "geen"]
# which soorten count a duur from a moment, so that a date can be computed
MET_DUUR = ("binnen", "minimaal", "voorwaardelijk")


class Termijn(Strict):
    """Een termijn; teksten verwijzen ernaar met {termijn:id}, acties met termijn: id."""

    id: Id = Field(description="Vaste id van de termijn, bijvoorbeeld binnen-een-week; teksten gebruiken {termijn:id}.")
    tekst: Tekst = Field(description="Zoals in de lopende tekst, bijvoorbeeld 'binnen drie weken'.")
    soort: TermijnSoort = Field(
        description="binnen (uiterlijk), minimaal (zeker zo lang), voorwaardelijk (bij spoed anders), "
        "direct, voor (vóór een moment), afspreken of geen (het protocol noemt geen termijn)."
    )
    duur: Duur | None = Field(
        None, description="De duur, bijvoorbeeld {aantal: 3, eenheid: weken}; bij binnen, minimaal en voorwaardelijk."
    )
    vanaf: Id | None = Field(None, description="Id van het moment waarvan de termijn telt, uit momenten.")
    bij_spoed: Tekst | None = Field(
        None, description="Bij voorwaardelijk: wat bij spoed geldt, bijvoorbeeld 'zo snel als nodig'."
    )
    wanneer: Tekst = Field(
        description="Wanneer, volledig in woorden, bijvoorbeeld 'binnen een week na het gesprek met de ouders'."
    )
    waarvoor: Tekst = Field(description="Wat er binnen deze termijn moet gebeuren.")

    @model_validator(mode="after")
    def _past_bij_soort(self) -> Termijn:
        if self.soort in MET_DUUR:
            if self.duur is None or self.vanaf is None:
                raise ValueError(
                    f"een termijn van soort {self.soort} heeft een duur en een vanaf (het moment waarvan hij telt); "
                    "vul beide in, bijvoorbeeld duur: {aantal: 1, eenheid: weken} en vanaf: gesprek-ouders"
                )
        elif self.duur is not None:
            raise ValueError(
                f"een termijn van soort {self.soort} heeft geen duur; haal duur weg of kies soort binnen, "
                "minimaal of voorwaardelijk"
            )
        if self.soort == "voor" and self.vanaf is None:
            raise ValueError("een termijn van soort voor noemt in vanaf het moment waarvóór het gebeurt")
        if (self.soort == "voorwaardelijk") != (self.bij_spoed is not None):
            raise ValueError(
                "alleen een termijn van soort voorwaardelijk heeft bij_spoed; "
                "vul bij_spoed in bij voorwaardelijk en haal het elders weg"
            )
        return self


class Termijnen(Strict):
    """Alle termijnen uit het protocol en de momenten waarvan ze tellen (termijnen.yaml)."""

    momenten: list[Moment] = Field(description="De momenten waarvan termijnen tellen.")
    termijnen: list[Termijn] = Field(description="Elke termijn één keer.")


# --- inleiding en stappen --------------------------------------------------


class Cel(Strict):
    """Eén vak in de tabel 'structuur binnen de school'."""

    titel: Tekst = Field(description="Kop van het vak.")
    tekst: list[Blok] = Field(default_factory=list, description="Tekst onder de kop.")


class StructuurRij(Strict):
    """Eén rij van de structuurtabel: wat er bij een stap gebeurt."""

    stap: int = Field(ge=1, le=6, description="Het stapnummer, 1 tot en met 6.")
    ondersteuningsstructuur: Cel | None = Field(None, description="Het vak in de kolom ondersteuningsstructuur.")
    meldcode: Cel | None = Field(None, description="Het vak in de kolom meldcode.")


class Structuur(Strict):
    """De tabel die de ondersteuningsstructuur naast de meldcode zet."""

    id: Id = Field(description="Vast anker van de tabel.")
    titel: Tekst = Field(description="Kop boven de tabel.")
    kolommen: Annotated[list[Tekst], Field(min_length=2, max_length=2)] = Field(
        description="De koppen van de twee kolommen."
    )
    rijen: list[StructuurRij] = Field(description="Eén rij per stap.")
    inhoud: list[Blok] = Field(default_factory=list, description="Tekst onder de tabel.")


class Inleiding(Strict):
    """De inleiding op de meldcode (inleiding.yaml)."""

    secties: list[Sectie] = Field(description="De onderdelen van de inleiding.")
    structuur: Structuur = Field(description="De tabel 'structuur binnen de school'.")


class Stap(Strict):
    """Eén stap van de meldcode; het anker is stap-<nummer>."""

    nummer: int = Field(ge=1, le=6, description="Het stapnummer, 1 tot en met 6.")
    titel: Tekst = Field(description="Kop van de stap.")
    kort: Tekst = Field(description="Korte naam voor menu en routekaart.")
    inhoud: list[Blok] = Field(default_factory=list, description="De tekst van de stap.")
    secties: list[Sectie] = Field(default_factory=list, description="Onderdelen van de stap.")

    @property
    def id(self) -> str:
        return stap_id(self.nummer)


class EersteActie(Strict):
    """Iets wat een leerkracht meteen doet bij zorgen, met de zinnen uit de stap waar het staat."""

    kop: Tekst = Field(description="Wat te doen, kort, bijvoorbeeld: Noteer wat u ziet en hoort.")
    wanneer: Tekst = Field(description="Wanneer, bijvoorbeeld: Nu, en elke keer dat u iets opvalt.")
    stap: int = Field(ge=1, le=6, description="De stap waar de zinnen uit citaten letterlijk staan.")
    citaten: list[Tekst] = Field(
        min_length=1,
        description="Zinnen letterlijk uit die stap (meldcode check controleert dat); niet herschrijven.",
    )
    rol: Id | None = Field(None, description="Naar wie de leerkracht gaat (id uit rollen): de site toont wie het is.")
    contact: Id | None = Field(
        None, description="Wie de leerkracht kan bellen (id uit contacten): de site toont naam en nummer om te bellen."
    )
    verder: Tekst | None = Field(None, description="Een korte verwijzing, bijvoorbeeld naar een werkblad.")


class EersteMinuten(Strict):
    """De pagina 'Ik maak me zorgen over een kind': wat nu, wie vertel ik het (uit stap 1 en 2)."""

    titel: Tekst = Field(description="Titel van de pagina.")
    vraag: Tekst = Field(description="De vraag die de pagina beantwoordt, onder de titel.")
    zoekwoorden: list[Tekst] = Field(
        default_factory=list, description="Woorden waarop de zoekfunctie deze pagina als eerste vindt."
    )
    acties: list[EersteActie] = Field(min_length=1, description="Wat de leerkracht nu doet, op volgorde.")
    daarna: list[Tekst] = Field(default_factory=list, description="Hoe het verder gaat, met verwijzingen.")


class Stappen(Strict):
    """Stap 1 tot en met 6 van de meldcode (stappen.yaml)."""

    eerste_minuten: EersteMinuten = Field(description="De eerste minuten: wat een leerkracht meteen doet.")
    stappen: list[Stap] = Field(description="De zes stappen, op volgorde.")


# --- afwegingskader ----------------------------------------------------------

AntwoordId = Literal["ja", "nee", "twijfel"]


class Antwoord(Strict):
    """Eén antwoord op een afwegingsvraag of beslissing, met de route verder."""

    id: AntwoordId = Field(description="Vaste id van het antwoord: ja, nee of twijfel.")
    label: Tekst = Field(description="Het antwoordwoord: Ja, Nee of Twijfel.")
    code: Tekst = Field(description="Letter uit het protocol, bijvoorbeeld A of B1.")
    betekenis: Tekst = Field(description="Wat dit antwoord betekent.")
    gevolg: Tekst | None = Field(None, description="Wat je dan doet.")
    volgende: Id = Field(description="Id van de volgende vraag, beslissing of uitkomst.")


class Knoop(Strict):
    """Een afwegingsvraag of beslissing."""

    id: Id = Field(description="Vaste id: vraag-<nummer> of beslissing-<nummer>, bijvoorbeeld vraag-2.")
    nummer: int = Field(ge=1, description="Het nummer van de vraag of beslissing.")
    titel: Tekst = Field(description="Korte titel, bijvoorbeeld Veiligheid.")
    vraag: Tekst = Field(description="De vraag zelf, zoals in het protocol.")
    toelichting: list[Blok] = Field(default_factory=list, description="Uitleg bij de vraag.")
    criteria: list[Tekst] = Field(default_factory=list, description="Waar je op let bij het beantwoorden.")
    begrippen: list[Id] = Field(default_factory=list, description="Ids uit bijlage 2.")
    antwoorden: Annotated[list[Antwoord], Field(min_length=1)] = Field(
        description="De mogelijke antwoorden; minstens één."
    )


class Actie(Strict):
    """Iets wat er na een uitkomst moet gebeuren: wat, wie en wanneer."""

    tekst: Tekst = Field(description="Wat er gebeurt.")
    rol: Id | None = Field(None, description="Id van de rol op school die het doet, uit rollen.yaml.")
    door: Id | None = Field(
        None,
        description="Doet een instantie het, niet de school (bijvoorbeeld Veilig Thuis): de id uit contacten.yaml. "
        "De site toont het dan als wat u kunt verwachten.",
    )
    termijn: Id = Field(
        description="Wanneer: id uit termijnen.yaml, bijvoorbeeld direct, binnen-vijf-werkdagen of geen-termijn."
    )
    contact: Id | None = Field(None, description="Id van het contact, uit contacten.yaml.")
    uitzondering: Id | None = Field(
        None,
        description="Id van een onderdeel van een stap met de uitzondering op deze actie, bijvoorbeeld "
        "stap-3-geen-gesprek-met-ouders. De site toont die bij de actie, in de woorden van de stap.",
    )

    @model_validator(mode="after")
    def _wie(self) -> Actie:
        if self.rol is not None and self.door is not None:
            raise ValueError("een actie heeft een rol (de school) of door (een instantie), niet allebei")
        return self


class Uitkomst(Strict):
    """Een eindpunt van het afwegingskader: melden of niet, en wat er dan gebeurt."""

    id: Id = Field(description="Vaste id die begint met uitkomst-, bijvoorbeeld uitkomst-melden.")
    titel: Tekst = Field(description="Het besluit in gewone woorden.")
    voorwaarde: Tekst | None = Field(None, description="Wanneer deze uitkomst geldt, zoals in het protocol.")
    melden: bool = Field(description="true als deze uitkomst een melding bij Veilig Thuis is, anders false.")
    meldnorm: Literal["A", "B", "C"] | None = Field(
        None, description="Bij melden: de meldnorm uit bijlage 2 (A, B of C); anders weglaten."
    )
    tekst: list[Blok] = Field(default_factory=list, description="Uitleg bij deze uitkomst.")
    acties: list[Actie] = Field(default_factory=list, description="Wat er daarna gebeurt, door wie en wanneer.")

    @model_validator(mode="after")
    def _meldnorm(self) -> Uitkomst:
        if self.melden and self.meldnorm is None:
            raise ValueError(
                "een uitkomst met melden: true noemt een meldnorm; vul meldnorm in (A, B of C) of zet melden op false"
            )
        if not self.melden and self.meldnorm is not None:
            raise ValueError("een uitkomst zonder melden heeft geen meldnorm; haal meldnorm weg of zet melden op true")
        return self


class Afwegingskader(Strict):
    """Het afwegingskader van stap 4 en 5: vragen, beslissingen en uitkomsten (afwegingskader.yaml)."""

    start: Id = Field(description="De eerste vraag, vraag-1.")
    vragen: list[Knoop] = Field(description="De afwegingsvragen.")
    beslissingen: list[Knoop] = Field(description="De beslissingen.")
    uitkomsten: list[Uitkomst] = Field(description="De uitkomsten waar elke route eindigt.")


# --- melding, achtergrond, adviezen ------------------------------------------


class MeldingSectie(Sectie):
    """Een onderdeel van melding.yaml, eventueel met de uitzondering erop uit een stap."""

    uitzondering: Id | None = Field(
        None,
        description="Id van een onderdeel van een stap met de uitzondering hierop, bijvoorbeeld "
        "stap-3-geen-gesprek-met-ouders; de hulp toont die tekst direct na dit onderdeel.",
    )


class Melding(Strict):
    """Wat de school doet voor, bij en na een melding bij Veilig Thuis (melding.yaml)."""

    titel: Tekst = Field(description="Kop van de pagina.")
    secties: list[MeldingSectie] = Field(description="De onderdelen van de pagina.")


class Achtergrond(Strict):
    """Achtergrond bij de meldcode (achtergrond.yaml)."""

    secties: list[Sectie] = Field(description="De onderdelen van de pagina.")


class Advies(Strict):
    """Eén advies van de Landelijke Klachtencommissie (LKC)."""

    tekst: Tekst = Field(description="Het advies.")
    uitspraken: list[int] = Field(default_factory=list, description="Uitspraaknummers.")


class Uitspraakbron(Strict):
    """Een bron waar de uitspraken te vinden zijn."""

    titel: Tekst = Field(description="Naam van de bron.")
    url: Url = Field(description="Volledig webadres van de bron.")


class AdviezenLkc(Strict):
    """Adviezen van de LKC over informatieverstrekking aan Veilig Thuis (adviezen-lkc.yaml)."""

    titel: Tekst = Field(description="Kop van de pagina.")
    adviezen: list[Advies] = Field(description="De adviezen.")
    bronnen: list[Uitspraakbron] = Field(default_factory=list, description="Waar de uitspraken staan.")


# --- bijlagen ---------------------------------------------------------------


class Categorie(Strict):
    """Een groep signalen, bijvoorbeeld lichamelijke signalen."""

    id: Id = Field(description="Vast anker van de categorie, bijvoorbeeld signalen-lichamelijk.")
    titel: Tekst = Field(description="Kop van de categorie.")
    signalen: list[Tekst] = Field(description="De signalen, elk als eigen punt.")


class Bijlage1(Strict):
    """Bijlage 1: signalen van kindermishandeling."""

    titel: Tekst = Field(description="Kop van de bijlage.")
    inleiding: list[Blok] = Field(default_factory=list, description="Tekst boven de signalen.")
    categorieen: list[Categorie] = Field(description="De signalen per categorie.")


class Meldnorm(Strict):
    """Een algemene meldnorm (A, B of C)."""

    id: Literal["A", "B", "C"] = Field(description="De letter van de meldnorm: A, B of C.")
    tekst: Tekst = Field(description="Wat de meldnorm zegt.")


class Begrip(Strict):
    """Een begrip met zijn definitie; afwegingsvragen verwijzen ernaar."""

    id: Id = Field(description="Vaste id van het begrip, bijvoorbeeld acute-onveiligheid.")
    naam: Tekst = Field(description="Het begrip.")
    definitie: Tekst = Field(description="Wat het begrip betekent.")
    toelichting: list[Blok] = Field(default_factory=list, description="Uitleg bij het begrip.")
    voorbeelden: list[Tekst] = Field(default_factory=list, description="Voorbeelden.")


class Bijlage2(Strict):
    """Bijlage 2: algemene meldnormen en begrippen."""

    titel: Tekst = Field(description="Kop van de bijlage.")
    meldnormen_titel: Tekst = Field(description="Kop boven de meldnormen.")
    meldnormen_inleiding: Tekst = Field(description="Tekst boven de meldnormen.")
    meldnormen: list[Meldnorm] = Field(description="De meldnormen A, B en C.")
    begrippen_titel: Tekst = Field(description="Kop boven de begrippen.")
    begrippen: list[Begrip] = Field(description="De begrippen.")


class FormVraag(Strict):
    """Een vraag op het overlegformulier, met schrijfruimte."""

    nummer: int | None = Field(None, description="Nummer van de vraag binnen het onderdeel.")
    tekst: Tekst = Field(description="De vraag.")
    regels: int = Field(4, ge=1, le=12, description="Schrijfregels op papier.")


class Invulveld(Strict):
    """Een invulveld op het overlegformulier."""

    label: Tekst = Field(description="Naam van het veld, bijvoorbeeld Naam kind.")
    keuze: Tekst | None = Field(None, description="Bijvoorbeeld jongen/meisje.")
    toelichting: Tekst | None = Field(None, description="Korte uitleg bij het veld.")


class Onderdeel(Strict):
    """Een onderdeel (A tot en met F) van het overlegformulier."""

    id: Literal["A", "B", "C", "D", "E", "F"] = Field(description="De letter van het onderdeel: A tot en met F.")
    titel: Tekst = Field(description="Kop van het onderdeel.")
    toelichting: Tekst | None = Field(None, description="Uitleg onder de kop.")
    vragen: list[FormVraag] = Field(default_factory=list, description="De vragen van dit onderdeel.")
    schrijfruimte: int | None = Field(None, ge=1, le=12, description="Schrijfregels zonder eigen vraag, onder de kop.")
    velden: list[Invulveld] = Field(default_factory=list, description="Invulvelden van dit onderdeel.")


class Bijlage3(Strict):
    """Bijlage 3: het overlegformulier, ook op papier in te vullen."""

    titel: Tekst = Field(description="Kop van de bijlage.")
    bron: Tekst | None = Field(None, description="Waar het formulier vandaan komt.")
    inleiding: list[Blok] = Field(default_factory=list, description="Tekst boven het formulier.")
    kopvelden: list[Invulveld] = Field(description="De velden bovenaan het formulier.")
    onderdelen: list[Onderdeel] = Field(description="De onderdelen A tot en met F.")
    slot: list[Blok] = Field(default_factory=list, description="Tekst onder het formulier.")


class Bijlage4(Strict):
    """Bijlage 4: aanbevelingen voor het gesprek met ouders en eventueel het kind."""

    titel: Tekst = Field(description="Kop van de bijlage.")
    inhoud: list[Blok] = Field(default_factory=list, description="De tekst.")
    secties: list[Sectie] = Field(default_factory=list, description="Onderdelen van de bijlage.")


# --- versiegeschiedenis --------------------------------------------------------


class Wijziging(Strict):
    """Een wijziging in het protocol: wanneer, welke versie, wat en waarom."""

    datum: dt.date = Field(description="Datum van de wijziging, JJJJ-MM-DD.")
    versie: Tekst = Field(description="De versie waarin de wijziging zit, bijvoorbeeld 2026.1.")
    wat: Tekst = Field(description="Wat er veranderde, in een of twee zinnen.")
    waarom: Tekst = Field(description="Waarom: de aanleiding, bijvoorbeeld de jaarlijkse evaluatie.")


class Wijzigingen(Strict):
    """De versiegeschiedenis van het protocol, nieuwste bovenaan."""

    wijzigingen: Annotated[list[Wijziging], Field(min_length=1, description="Nieuwste wijziging bovenaan.")]


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
    wijzigingen: Wijzigingen
    oefencasussen: Oefencasussen
    evaluatie: Evaluatie


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
    "wijzigingen": ("wijzigingen.yaml", Wijzigingen),
}


# --- oefencasussen ------------------------------------------------------------


class CasusStap(Strict):
    """Eén vraag of beslissing op de route van een oefencasus: het antwoord dat het protocol verwacht, en waarom."""

    knoop: Id = Field(description="Id van de vraag of beslissing, bijvoorbeeld vraag-2.")
    antwoord: AntwoordId = Field(description="Het antwoord dat het protocol hier verwacht: ja, nee of twijfel.")
    reden: Tekst = Field(
        description="Waarom het protocol dit antwoord verwacht; verwijs naar de bron met {anker:…} of {bijlage:2|…}."
    )
    lkc: list[int] = Field(
        default_factory=list,
        description=(
            "Uitspraaknummers uit adviezen-lkc.yaml waarop de reden steunt; elk nummer toont het advies "
            "dat het noemt (bij meer adviezen: het advies met de minste uitspraken)."
        ),
    )


class Oefencasus(Strict):
    """Een verzonnen situatie om het afwegingskader te oefenen, met de antwoordsleutel."""

    id: Id = Field(description="Vaste id van de casus, bijvoorbeeld alleen-thuis.")
    titel: Tekst = Field(description="Korte titel voor de lijst, bijvoorbeeld Alleen thuis.")
    situatie: Annotated[list[Blok], Field(min_length=1)] = Field(
        description="Wat de leerkracht zag en hoorde, in gewone woorden."
    )
    gesprek_ouders: list[Blok] = Field(
        default_factory=list,
        description="Wat er in het gesprek met de ouders (stap 3) gezegd werd, als de route daarvan afhangt.",
    )
    route: Annotated[list[CasusStap], Field(min_length=1)] = Field(
        description="Elke vraag en beslissing op de route, op volgorde, met het verwachte antwoord en de reden."
    )
    uitkomst: Id = Field(description="Id van de uitkomst waar de route eindigt, bijvoorbeeld uitkomst-direct-melden.")


class Oefencasussen(Strict):
    """Oefencasussen voor nieuwe collega's (oefencasussen.yaml): verzonnen situaties, geen echte leerlingen."""

    inleiding: list[Blok] = Field(default_factory=list, description="Tekst boven de casussen.")
    casussen: Annotated[list[Oefencasus], Field(min_length=1)] = Field(description="De casussen, in oefenvolgorde.")


BRONNEN["oefencasussen"] = ("oefencasussen.yaml", Oefencasussen)


# --- evaluatie: verouderde verwijzingen -----------------------------------------


class Controle(Strict):
    """Woorden in de tekst die sinds het schrijven verouderd kunnen zijn: `meldcode check` en de
    Evaluatie-checklist noemen elke plek waar ze staan, de tekst zelf blijft zoals de school hem schreef."""

    id: Id = Field(description="Vaste id van de controle, bijvoorbeeld wet-op-persoonsregistraties.")
    patroon: str = Field(
        min_length=1,
        description=(
            "Reguliere expressie (Python), hoofdletters en kleine letters gelijk, bijvoorbeeld "
            "Wet\\s+op\\s+Persoonsregistraties|\\bWPR\\b. Zet een \\ voor ( ) [ ] . * + ? als u het teken zelf bedoelt."
        ),
    )
    waarom: Tekst = Field(description="Waarom deze woorden verouderd zijn, in een of twee zinnen.")
    controleer: Tekst = Field(description="Wat de school bij de evaluatie nakijkt of doet.")
    bron: Url | None = Field(None, description="Een webadres waar de verandering staat.")


class Evaluatie(Strict):
    """Wat bij elke evaluatie nagekeken wordt (evaluatie.yaml): verouderde verwijzingen in de tekst."""

    controles: list[Controle] = Field(
        default_factory=list, description="De controles; elke plek waar een patroon past, wordt genoemd."
    )


BRONNEN["evaluatie"] = ("evaluatie.yaml", Evaluatie)
Protocol.model_rebuild()
