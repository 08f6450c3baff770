"""One walk through the afwegingskader, held in memory only.

The route is never stored as such: it is recomputed from the start by following
the remembered answer of each knoop for as many steps as have been answered. So
an answer changed after `back()` sends the route elsewhere by itself, and the
answers of knopen left behind stay remembered (to pre-select them if the user
comes back that way) without being part of the route.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from .termijnen import datum_data, wanneer
from .verslag import tekst
from .weergave import blokken, overleg_tekst
from .woorden import VRAAG, VRAAG_SCHERM

# The export shape this engine reads; generator/afwegingskader/export.py writes the same number.
FORMAAT = 2

Data = dict[str, Any]


class OngeldigAntwoord(ValueError):
    """An answer the session cannot take; the message is Dutch and meant for the user."""


class GeenUitkomst(ValueError):
    """A verslag was asked for before the route reached an uitkomst."""


def _of(items: list[str]) -> str:
    """'a', 'a of b', 'a, b of c': Dutch enumeration for messages."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} of {items[-1]}"


def _datum(value: dt.date | str) -> dt.date:
    """A date from a date picker (ISO text) or from Python."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"'{value}' is geen datum; gebruik de vorm jjjj-mm-dd, bijvoorbeeld 2026-12-04") from None


class Sessie:
    """Walks the exported afwegingskader (see generator/afwegingskader/export.py) one knoop at a time.

    Every method returns plain dicts, lists, strings, numbers, booleans and None,
    so the result can cross a Web Worker boundary as it is.
    """

    def __init__(self, kader: Data) -> None:
        if kader.get("formaat") != FORMAAT:
            raise ValueError(
                f"het afwegingskader heeft formaat {kader.get('formaat')!r}, deze versie van de "
                f"engine leest formaat {FORMAAT}; bouw de site opnieuw zodat beide bij elkaar passen"
            )
        self._kader = kader
        self._knopen: dict[str, Data] = {k["id"]: k for k in [*kader["vragen"], *kader["beslissingen"]]}
        self._uitkomsten: dict[str, Data] = {u["id"]: u for u in kader["uitkomsten"]}
        self._onthouden: dict[str, tuple[str, str]] = {}  # knoop → (antwoord, onderbouwing)
        self._stappen = 0  # how many answers of the route count

    # --- walking -------------------------------------------------------------------
    def start(self) -> Data:
        """Go to the first question; remembered answers stay for pre-selection."""
        self._stappen = 0
        return self.state()

    def restart(self) -> Data:
        """Forget everything: every answer and onderbouwing, and go to the first question."""
        self._onthouden.clear()
        self._stappen = 0
        return self.state()

    def back(self) -> Data:
        """One step back; the answer given there stays selected. At the first question: nothing."""
        self._stappen = max(0, self._stappen - 1)
        return self.state()

    def ga_naar(self, doel: str) -> Data:
        """To a knoop or uitkomst of this walk, as the browser's Back and Forward ask: back
        along the route, or forward along the answers remembered (each kept as it was). A
        place those answers do not lead to (any more) leaves the walk where it is."""
        stappen, huidig = self._stappen, self._route()[1]
        while huidig != doel and huidig in self._onthouden:
            huidig = self._antwoord(huidig, self._onthouden[huidig][0])["volgende"]
            stappen += 1
        if huidig == doel:
            self._stappen = stappen
        else:
            route, _ = self._route()
            terug = [stap for stap, (knoop_id, _, _) in enumerate(route) if knoop_id == doel]
            self._stappen = terug[0] if terug else self._stappen
        return self.state()

    def answer(self, knoop_id: str, antwoord_id: str, onderbouwing: str | None = "") -> Data:
        """Answer the current knoop and move on."""
        knoop = self._knopen.get(knoop_id)
        if knoop is None:
            raise OngeldigAntwoord(
                f"Onbekende vraag '{knoop_id}'. Bekende vragen en beslissingen: {', '.join(self._knopen)}."
            )
        ids = [a["id"] for a in knoop["antwoorden"]]
        if antwoord_id not in ids:
            raise OngeldigAntwoord(f"Onbekend antwoord '{antwoord_id}' bij {self._naam(knoop)}; kies {_of(ids)}.")
        _, huidig = self._route()
        if huidig != knoop_id:
            if huidig in self._uitkomsten:
                raise OngeldigAntwoord(
                    f"{self._naam(knoop).capitalize()} is nu niet aan de beurt: de route heeft al een "
                    "uitkomst. Ga terug of begin opnieuw."
                )
            raise OngeldigAntwoord(
                f"{self._naam(knoop).capitalize()} is nu niet aan de beurt; "
                f"beantwoord eerst {self._naam(self._knopen[huidig])}."
            )
        if onderbouwing is not None and not isinstance(onderbouwing, str):
            raise OngeldigAntwoord("De onderbouwing moet tekst zijn.")
        self._onthouden[knoop_id] = (antwoord_id, (onderbouwing or "").strip())
        self._stappen += 1
        return self.state()

    # --- reading ---------------------------------------------------------------------
    def state(self) -> Data:
        """The current knoop (with the answer remembered for it) or the uitkomst, and the route."""
        route, huidig = self._route()
        knoop = None
        uitkomst = None
        if huidig in self._knopen:
            knoop = copy.deepcopy(self._knopen[huidig])
            onthouden = self._onthouden.get(huidig)
            knoop["onthouden"] = None if onthouden is None else {"antwoord": onthouden[0], "onderbouwing": onthouden[1]}
        else:
            uitkomst = self._uitkomst(huidig)
        return {
            "huidig": knoop,
            "uitkomst": uitkomst,
            "route": [
                {
                    "knoop": knoop_id,
                    "antwoord": antwoord_id,
                    "label": self._antwoord(knoop_id, antwoord_id)["label"],
                    "onderbouwing": onderbouwing,
                }
                for knoop_id, antwoord_id, onderbouwing in route
            ],
            "kan_terug": self._stappen > 0,
            # the words around a question, as the page's first question has them
            "woorden": VRAAG | VRAAG_SCHERM,
        }

    def tabel(self) -> Data:
        """Every knoop as `state()` shows it (no answer remembered) with, per answer, where it
        leads; the uitkomsten by id only. Made at build time and put in the helper's page, so
        the page can show the next question at once while this engine still loads in the
        browser; the engine then walks the same answers again and its own route wins."""
        return {
            "formaat": FORMAAT,
            "start": self._kader["start"],
            "knopen": copy.deepcopy(self._knopen),
            "uitkomsten": list(self._uitkomsten),
            "woorden": VRAAG | VRAAG_SCHERM,
        }

    def verslag(self, startdatum: dt.date | str, momenten: dict[str, dt.date | str] | None = None) -> Data:
        """Everything decided on this route: what now, who and when.

        `startdatum` (the day of the verslag, ISO text from a date field or a date) is the
        moment `besluit`; `momenten` gives the dates of other moments (the melding, the
        evaluatie, …) once the user knows them. A termijn gets a date only when the
        moment it counts from has one: a termijn is never counted from the wrong day.
        """
        route, huidig = self._route()
        if huidig not in self._uitkomsten:
            raise GeenUitkomst("Er is nog geen uitkomst. Beantwoord eerst alle vragen; dan volgt het verslag.")
        start = _datum(startdatum)
        bekend: dict[str, dt.date] = {"besluit": start}
        for moment_id, waarde in (momenten or {}).items():
            if waarde:
                bekend[moment_id] = _datum(waarde)
        uitkomst = self._uitkomst(huidig)
        gegeven = {knoop_id: (antwoord_id, onderbouwing) for knoop_id, antwoord_id, onderbouwing in route}

        acties: list[Data] = []
        nodig: dict[str, Data] = {}  # moments a dated termijn of this uitkomst counts from
        for actie in copy.deepcopy(uitkomst["acties"]):
            actie["wanneer"] = wanneer(actie["termijn"], bekend)
            vanaf = actie["termijn"]["vanaf"]
            if actie["wanneer"]["moment"] and vanaf["id"] != "besluit":
                nodig.setdefault(vanaf["id"], vanaf)
            acties.append(actie)

        verslag = {
            "metadata": copy.deepcopy(self._kader["metadata"]),
            "startdatum": datum_data(start),
            "route": [
                self._beantwoord(self._knopen[knoop_id], antwoord_id, onderbouwing)
                for knoop_id, antwoord_id, onderbouwing in route
            ],
            "uitkomst": {k: uitkomst[k] for k in ("id", "titel", "voorwaarde", "melden", "meldnorm", "tekst")},
            # only the beslissingen not already among the answers: no line twice
            "beslissingen": [
                self._beslissing(b, gegeven, uitkomst) for b in self._kader["beslissingen"] if b["id"] not in gegeven
            ],
            # what the school does, then what others (Veilig Thuis) do and the school can expect
            "acties": [a for a in acties if a["door"] is None],
            "verwachten": [a for a in acties if a["door"] is not None],
            "momenten": [
                {
                    "id": mid,
                    "naam": moment["naam"],
                    "label": moment["datum"],  # how the moment's date is called
                    "datum": datum_data(bekend[mid]) if mid in bekend else None,
                }
                for mid, moment in nodig.items()
            ],
            "melding": uitkomst["melding"],
        }
        # the words decided once, for every presenter: the page, print, the overlegformulier
        verslag["weergave"] = blokken(verslag)
        verslag["overleg"] = overleg_tekst(verslag)
        return verslag

    def verslag_tekst(self, startdatum: dt.date | str, momenten: dict[str, dt.date | str] | None = None) -> str:
        """The verslag as plain Dutch text, for printing and for review."""
        return tekst(self.verslag(startdatum, momenten))

    # --- helpers ---------------------------------------------------------------------
    def _route(self) -> tuple[list[tuple[str, str, str]], str]:
        """The answered route [(knoop, antwoord, onderbouwing), …] and the id it leads to."""
        route: list[tuple[str, str, str]] = []
        huidig = self._kader["start"]
        for _ in range(self._stappen):
            antwoord_id, onderbouwing = self._onthouden[huidig]
            route.append((huidig, antwoord_id, onderbouwing))
            huidig = self._antwoord(huidig, antwoord_id)["volgende"]
        return route, huidig

    def _antwoord(self, knoop_id: str, antwoord_id: str) -> Data:
        return next(a for a in self._knopen[knoop_id]["antwoorden"] if a["id"] == antwoord_id)

    @staticmethod
    def _naam(knoop: Data) -> str:
        return f"{knoop['soort']} {knoop['nummer']}"

    def _uitkomst(self, uitkomst_id: str) -> Data:
        uitkomst = copy.deepcopy(self._uitkomsten[uitkomst_id])
        # the melding procedure and the crisis numbers belong with every uitkomst that means melden
        uitkomst["melding"] = copy.deepcopy(self._kader["melding"]) if uitkomst["melden"] else None
        return uitkomst

    def _beantwoord(self, knoop: Data, antwoord_id: str, onderbouwing: str) -> Data:
        antwoord = self._antwoord(knoop["id"], antwoord_id)
        return {
            "knoop": knoop["id"],
            "soort": knoop["soort"],
            "nummer": knoop["nummer"],
            "titel": knoop["titel"],
            "vraag": knoop["vraag"],
            "antwoord": antwoord_id,
            "label": antwoord["label"],
            "code": antwoord["code"],
            "betekenis": antwoord["betekenis"],
            "gevolg": antwoord["gevolg"],
            "onderbouwing": onderbouwing,
        }

    def _beslissing(self, beslissing: Data, gegeven: dict[str, tuple[str, str]], uitkomst: Data) -> Data:
        """A beslissing as answered; else derived from the afwegingsvragen, or 'niet bereikt'.

        Only a beslissing the afwegingsvragen lead to (beslissing 1) can be derived:
        the answer that leads to melden when the uitkomst means melden, otherwise the
        one that does not. A later beslissing (beslissing 2) that was not reached is n.v.t.
        """
        if beslissing["id"] in gegeven:
            antwoord_id, onderbouwing = gegeven[beslissing["id"]]
            return {**self._beantwoord(beslissing, antwoord_id, onderbouwing), "herkomst": "beantwoord"}
        naar_beslissing = any(a["volgende"] == beslissing["id"] for k in self._kader["vragen"] for a in k["antwoorden"])
        kandidaten = [
            a
            for a in beslissing["antwoorden"]
            if (a["volgende"] in self._uitkomsten and self._uitkomsten[a["volgende"]]["melden"]) == uitkomst["melden"]
        ]
        if naar_beslissing and len(kandidaten) == 1:
            return {**self._beantwoord(beslissing, kandidaten[0]["id"], ""), "herkomst": "afgeleid"}
        return {
            "knoop": beslissing["id"],
            **{k: beslissing[k] for k in ("soort", "nummer", "titel", "vraag")},
            "antwoord": None,
            "label": "n.v.t.",
            "code": None,
            "betekenis": "niet bereikt op deze route",
            "gevolg": None,
            "onderbouwing": "",
            "herkomst": "niet bereikt",
        }
