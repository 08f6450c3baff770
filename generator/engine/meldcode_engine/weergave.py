"""The words of the verslag, decided once.

`blokken()` turns the data of `Sessie.verslag` into an ordered list of blocks with every
word already chosen: headings, the Besluit line, Wie, Bellen, Wanneer, Datum, the
answers. Each presenter only places them: the helper's page script as elements,
`verslag.tekst` as plain text (for print and the golden files in review). The same
functions give the overlegformulier's onderdeel F (`overleg_tekst`) and the summary of
an oefencasus (`actie_item`), so a wording fix lands everywhere at once.

A block is a dict with a `soort`:

- ``{"soort": "kop", "niveau": 1 or 2 or 3, "tekst": str}``
- ``{"soort": "alinea", "delen": [Deel, …], "rol": str | None}``
- ``{"soort": "lijst", "rol": str, "items": [Item, …]}``
- ``{"soort": "datums", "kop": str, "uitleg": str, "velden": [Veld, …]}``: the date
  fields of the page, which draws them closed under the kop like a ``meer``; plain text
  leaves them out (the startdatum stands at the top, a known date in its Datum line).
- ``{"soort": "knoppen", "knoppen": [{"actie": str, "tekst": str}, …], "overleg": OVERLEG}``:
  the page's buttons, and the words of the overlegformulier button's panel; plain text
  leaves them out.
- ``{"soort": "meer", "kop": str, "blokken": [Blok, …]}``: background a reader opens
  when wanted (the page: a disclosure, closed); on paper and in print all of it shows,
  under the kop as a heading.

An uitkomst reads: the besluit, what to do now (who, when), the buttons; then the rest
behind disclosures. It shows no letter codes of the protocol (those belong to the
reference pages) and no knoop the route did not reach.

An item is ``{"delen": [Deel, …], "regels": [Regel, …], "rol": str | None}``, a regel
``{"label": str | None, "delen": [Deel, …], "rol": str | None}``, a deel plain text or
``{"tekst": str, "href": str}`` (a link, such as a ``tel:`` number) or
``{"tekst": str, "doel": id}`` (a link to a knoop or uitkomst of the afwegingskader,
whose address the presenting page knows).

Standard library only: this runs in the browser (Pyodide) as well as in pytest.
"""

from __future__ import annotations

from typing import Any

from .woorden import (
    AFGELEID,
    DATUMS,
    KNOPPEN,
    KOP,
    NIET_INGEVULD,
    ONBEKEND,
    OVERLEG,
    SOORT,
    SOORT_KORT,
    STARTDATUM,
    VERWACHTEN,
    WAT_NU,
    kop,
)

Data = dict[str, Any]
Deel = str | dict[str, str]


def knoop_naam(soort: str, nummer: int, kort: bool = False) -> str:
    """'Afwegingsvraag 2', 'Beslissing 1' (or 'Vraag 2' when `kort`): one rule, the soort field."""
    return f"{(SOORT_KORT if kort else SOORT)[soort]} {nummer}"


def knoop_kop(knoop: Data, kort: bool = False) -> str:
    """'Afwegingsvraag 2: Veiligheid': the name of a knoop with its title."""
    return kop(knoop_naam(knoop["soort"], knoop["nummer"], kort), knoop["titel"])


def besluit(melden: bool) -> str:
    return "Besluit: melden bij Veilig Thuis." if melden else "Besluit: geen melding bij Veilig Thuis."


def antwoord_tekst(entry: Data) -> str:
    """'Ja: we hebben een sterk vermoeden …': the answer in words; the protocol's letter codes
    belong on the reference pages, not in what a user keeps (onderdeel F)."""
    return f"{entry['label']}: {entry['betekenis']}"


def rol_wie(rol: Data) -> str:
    """'aandachtsfunctionaris (intern begeleider, Anna de Vries)': the rol, how the school
    fills it and who it is now; 'vraag op school wie dit is' where nobody is named yet."""
    namen = None
    if rol.get("personen") is not None:
        namen = " en ".join(p["naam"] for p in rol["personen"]) or ONBEKEND
    if rol["invulling"] and namen:
        return f"{rol['naam']} ({rol['invulling']}{'; ' if namen == ONBEKEND else ', '}{namen})"
    extra = rol["invulling"] or namen
    return f"{rol['naam']} ({extra})" if extra else rol["naam"]


def bereikbaar(rol: Data) -> list[list[Deel]]:
    """How to reach each person in a rol: name, phone (a tel: link), e-mail (a mailto: link), when."""
    regels = []
    for p in rol.get("personen") or []:
        delen: list[Deel] = []
        for deel in (
            p["telefoon"] and {"tekst": p["telefoon"], "href": p["href"]},
            p["email"] and {"tekst": p["email"], "href": f"mailto:{p['email']}"},
            p["bereikbaar"],
        ):
            if deel:
                delen += [", ", deel]
        if delen:
            regels.append([p["naam"], *delen])
    return regels


def rol_regels(rol: Data) -> list[Data]:
    """Wie (the rol with its people) and one Bereikbaar line per person who can be reached."""
    return [_regel("Wie", rol_wie(rol)), *(_regel("Bereikbaar", *delen) for delen in bereikbaar(rol))]


def bellen(contact: Data, label: str = "Bellen") -> Data:
    """'Bellen: Veilig Thuis, 0800-2000' with the number as a tel: link."""
    return _regel(label, f"{contact['naam']}, ", {"tekst": contact["telefoon"], "href": contact["href"]})


def taak_item(tekst: str, wanneer: str, rol: Data | None = None, contact: Data | None = None) -> Data:
    """A task on the first-minutes page: what, when and, with a rol, whom to go to; with a
    contact, whom to ask for advice (and its number to call)."""
    regels = [_regel("Wanneer", wanneer), *(rol_regels(rol) if rol else [])]
    if contact and contact["telefoon"]:
        regels.append(bellen(contact, "Advies vragen"))
    return {"delen": [tekst], "regels": regels, "rol": None}


def wie(actie: Data) -> str | None:
    """Who does it: the role with the person(s) filling it, or the instantie that acts."""
    if actie["rol"] is not None:
        return rol_wie(actie["rol"])
    if actie["door"] is not None:
        return str(actie["door"]["naam"])  # done by an instantie (Veilig Thuis): what the school can expect
    return None


def _regel(label: str | None, *delen: Deel, rol: str | None = None) -> Data:
    return {"label": label, "delen": list(delen), "rol": rol}


def actie_item(actie: Data, datum: bool = True) -> Data:
    """One action: what, who, whom to call, when and (with `datum`) the date it comes to.

    An oefencasus has no start date, so its summary leaves the Datum line out."""
    regels = []
    naam = wie(actie)
    if actie["rol"] is not None:
        regels += rol_regels(actie["rol"])
    elif naam:
        regels.append(_regel("Wie", naam))
    contact = actie["contact"]
    if contact and contact["telefoon"]:
        regels.append(bellen(contact))
    moment = actie["wanneer"]
    # every action has one: where the protocol names no termijn, the source says so and what to do
    regels.append(_regel("Wanneer", moment["tekst"]))
    uitzondering = actie.get("uitzondering")
    if uitzondering:  # when not: the protocol's own words, beside the action they limit
        gevallen = " ".join(a.removeprefix("• ") for a in uitzondering["alineas"])
        regels.append(_regel(uitzondering["titel"], gevallen, rol="actie-uitzondering"))
    if datum and moment["datum_tekst"]:
        regels.append(_regel("Datum", moment["datum_tekst"]))
    elif datum and moment["moment"]:
        regels.append(
            _regel("Datum", f"nog niet bekend; vul {actie['termijn']['vanaf']['datum']} in", rol="datum-open")
        )
    return {"delen": [actie["tekst"]], "regels": regels, "rol": f"actie-{moment['soort']}"}


def _antwoord_item(entry: Data) -> Data:
    """An answer in the uitkomst: in words, without the protocol's letter code."""
    regels = [] if entry["vraag"] == entry["titel"] else [_regel(None, entry["vraag"])]
    regels.append(_regel("Antwoord", f"{entry['label']}: {entry['betekenis']}"))
    if entry.get("herkomst") == "afgeleid":
        regels.append(_regel(None, AFGELEID))
    else:
        regels.append(_regel("Onderbouwing", entry["onderbouwing"] or NIET_INGEVULD))
    return {"delen": [knoop_kop(entry)], "regels": regels, "rol": entry.get("herkomst")}


def _kop(tekst: str, niveau: int = 2) -> Data:
    return {"soort": "kop", "niveau": niveau, "tekst": tekst}


def _alinea(*delen: Deel, rol: str | None = None) -> Data:
    return {"soort": "alinea", "delen": list(delen), "rol": rol}


def _lijst(rol: str, items: list[Data]) -> Data:
    return {"soort": "lijst", "rol": rol, "items": items}


def _datums(verslag: Data) -> Data:
    velden = [{"id": "startdatum", "moment": None, "label": STARTDATUM, "iso": verslag["startdatum"]["iso"]}]
    velden += [
        {
            "id": f"moment-{m['id']}",
            "moment": m["id"],
            "label": m["label"][:1].upper() + m["label"][1:],
            "iso": m["datum"] and m["datum"]["iso"],
        }
        for m in verslag["momenten"]
    ]
    uitleg = (
        "Vul een datum in zodra u die weet; dan staat de termijn er als datum bij. Niets wordt bewaard."
        if verslag["momenten"]
        else "De termijnen hierboven hangen niet van een datum af."
    )
    return {"soort": "datums", "kop": DATUMS, "uitleg": uitleg, "velden": velden}


def _acties(rol: str, acties: list[Data], datum: bool) -> list[Data]:
    """A list of actions, each with its Wanneer."""
    return [_lijst(rol, [actie_item(a, datum) for a in acties])]


def _wat_nu(verslag: Data, datum: bool) -> list[Data]:
    """What the school does, who and when; then what others (Veilig Thuis) do."""
    out = [_kop(WAT_NU), *_acties("acties", verslag["acties"], datum)]
    if verslag["verwachten"]:
        out += [_kop(VERWACHTEN), *_acties("verwachten", verslag["verwachten"], datum)]
    return out


def meldnorm_regel(norm: Data) -> str:
    """'Meldnorm A: In ALLE gevallen van …'."""
    return f"Meldnorm {norm['id']}: {norm['tekst']}"


def _meldnorm(norm: Data) -> Data:
    return _alinea(meldnorm_regel(norm), rol="meldnorm")


def samenvatting(verslag: Data) -> list[Data]:
    """The uitkomst of an oefencasus in the helper's words: title, besluit, meldnorm and
    what happens now. A case has no start date, so the termijnen stay in words. The title
    links to the uitkomst (`doel`: the page presenting it makes the address)."""
    uitkomst = verslag["uitkomst"]
    titel = {"tekst": uitkomst["titel"], "doel": uitkomst["id"]}
    out = [_alinea("Uitkomst: ", titel, rol="uitkomst"), _alinea(besluit(uitkomst["melden"]), rol="besluit")]
    if uitkomst["meldnorm"]:
        out.append(_meldnorm(uitkomst["meldnorm"]))
    return out + _wat_nu(verslag, datum=False)


def _meer(kop: str, blokken: list[Data]) -> Data:
    return {"soort": "meer", "kop": kop, "blokken": blokken}


def _melding(melding: Data) -> list[Data]:
    """The melding sections; a section's exception (from a stap) right after its text."""
    out: list[Data] = []
    for sectie in melding["secties"]:
        out.append(_kop(sectie["titel"], 3))
        out += [_alinea(alinea) for alinea in sectie["alineas"]]
        uitzondering = sectie.get("uitzondering")
        if uitzondering:
            out.append(_alinea(uitzondering["titel"], rol="uitzondering-kop"))
            out += [_alinea(alinea, rol="uitzondering") for alinea in uitzondering["alineas"]]
    return out


def _achtergrond(verslag: Data) -> list[Data]:
    """What a reader opens when wanted: the dates, why, the melding, the answers."""
    uitkomst = verslag["uitkomst"]
    out = [_datums(verslag)]
    waarom = [_meldnorm(uitkomst["meldnorm"])] if uitkomst["meldnorm"] else []
    waarom += [_alinea(alinea) for alinea in uitkomst["tekst"]]
    if waarom:
        out.append(_meer("Waarom deze uitkomst", waarom))
    if verslag["melding"]:
        out.append(_meer(verslag["melding"]["titel"], _melding(verslag["melding"])))
    # the beslissingen the afwegingsvragen decided count as answers; those not reached are left out
    antwoorden = [*verslag["route"], *(b for b in verslag["beslissingen"] if b.get("herkomst") == "afgeleid")]
    out.append(_meer("Uw antwoorden", [_lijst("route", [_antwoord_item(e) for e in antwoorden])]))
    return out


def blokken(verslag: Data) -> list[Data]:
    """The verslag as blocks with every word decided, in reading order: the besluit, what
    to do now, the buttons; then the spoed numbers and the background behind disclosures."""
    meta = verslag["metadata"]
    uitkomst = verslag["uitkomst"]
    out = [
        _alinea(kop(KOP, f"{meta['titel']}, {meta['school']}, versie {meta['versie']}"), rol="bron"),
        _alinea(f"{STARTDATUM}: {verslag['startdatum']['tekst']}", rol="startdatum"),
        _kop(kop("Uitkomst", uitkomst["titel"]), 1),
        _alinea(besluit(uitkomst["melden"]), rol="besluit"),
        *_wat_nu(verslag, datum=True),
        # the page's buttons, once, right after what to do; on paper there are none
        {"soort": "knoppen", "knoppen": [{"actie": a, "tekst": t} for a, t in KNOPPEN], "overleg": OVERLEG},
    ]
    if verslag["melding"]:
        out += [_kop("Bij spoed"), _lijst("spoed", [_spoed_item(c) for c in verslag["melding"]["spoed"]])]
    return out + _achtergrond(verslag)


def _spoed_item(contact: Data) -> Data:
    delen: list[Deel] = [f"{contact['naam']}: ", {"tekst": contact["telefoon"], "href": contact["href"]}]
    if contact["toelichting"]:
        delen.append(f" ({contact['toelichting']})")
    return {"delen": delen, "regels": [], "rol": None}


def overleg_tekst(verslag: Data) -> str:
    """The route as the text of the overlegformulier's onderdeel F ("verdere beschrijving
    gevolgde route"): every answer with its onderbouwing, then the uitkomst."""
    regels = [f"Afwegingskader doorlopen; termijnen gerekend vanaf {verslag['startdatum']['tekst']}.", ""]
    for entry in verslag["route"]:
        regels.append(knoop_kop(entry))
        if entry["vraag"] != entry["titel"]:
            regels.append(entry["vraag"])
        regels.append(f"Antwoord: {antwoord_tekst(entry)}")
        regels.append(f"Onderbouwing: {entry['onderbouwing'] or NIET_INGEVULD}")
        regels.append("")
    uitkomst = verslag["uitkomst"]
    regels += [kop("Uitkomst", uitkomst["titel"]), besluit(uitkomst["melden"])]
    if uitkomst["meldnorm"]:
        regels.append(meldnorm_regel(uitkomst["meldnorm"]))
    return "\n".join(regels)


def platte_tekst(delen: list[Deel]) -> str:
    """The words of some delen, links as their text."""
    return "".join(d if isinstance(d, str) else d["tekst"] for d in delen)


__all__ = [
    "actie_item",
    "antwoord_tekst",
    "besluit",
    "blokken",
    "knoop_kop",
    "knoop_naam",
    "meldnorm_regel",
    "overleg_tekst",
    "platte_tekst",
    "samenvatting",
    "wie",
]
