"""Termijnen as concrete dates: calendar days, weeks and months, and Dutch working days.

Standard library only: this runs in the browser (Pyodide) as well as in pytest.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache
from typing import Any

DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
EENHEDEN = ("dagen", "werkdagen", "weken", "maanden")


def pasen(jaar: int) -> dt.date:
    """Eerste Paasdag: the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekdag = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekdag) // 451
    maand, dag = divmod(h + weekdag - 7 * m + 114, 31)
    return dt.date(jaar, maand, dag + 1)


def feestdagen(jaar: int) -> dict[dt.date, str]:
    """The national public holidays that are a day off in the Netherlands.

    Goede Vrijdag is left out: it is not a general day off. Bevrijdingsdag counts
    only in lustrum years (2025, 2030, …), when it is a day off for most. Koningsdag
    follows the rule since 2014 (27 april, or 26 april when the 27th is a Sunday).
    """
    return dict(_feestdagen(jaar))


@cache  # counting working days asks for the same year again and again
def _feestdagen(jaar: int) -> tuple[tuple[dt.date, str], ...]:
    eerste_paasdag = pasen(jaar)
    koningsdag = dt.date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = dt.date(jaar, 4, 26)
    dagen: list[tuple[dt.date, str]] = [
        (dt.date(jaar, 1, 1), "Nieuwjaarsdag"),
        (eerste_paasdag, "Eerste Paasdag"),
        (eerste_paasdag + dt.timedelta(days=1), "Tweede Paasdag"),
        (koningsdag, "Koningsdag"),
        (eerste_paasdag + dt.timedelta(days=39), "Hemelvaartsdag"),
        (eerste_paasdag + dt.timedelta(days=49), "Eerste Pinksterdag"),
        (eerste_paasdag + dt.timedelta(days=50), "Tweede Pinksterdag"),
        (dt.date(jaar, 12, 25), "Eerste Kerstdag"),
        (dt.date(jaar, 12, 26), "Tweede Kerstdag"),
    ]
    if jaar % 5 == 0:
        dagen.append((dt.date(jaar, 5, 5), "Bevrijdingsdag"))
    found: dict[dt.date, str] = {}
    for datum, naam in dagen:
        # two holidays can fall on one date (Hemelvaartsdag on 5 mei in 2005)
        found[datum] = f"{found[datum]} en {naam}" if datum in found else naam
    return tuple(found.items())


def is_werkdag(datum: dt.date) -> bool:
    return datum.weekday() < 5 and datum not in feestdagen(datum.year)


def plus_werkdagen(start: dt.date, aantal: int) -> dt.date:
    """The `aantal`-th working day after `start` (the start day itself does not count)."""
    datum = start
    geteld = 0
    while geteld < aantal:
        datum += dt.timedelta(days=1)
        if is_werkdag(datum):
            geteld += 1
    return datum


def plus_maanden(start: dt.date, aantal: int) -> dt.date:
    """Same day `aantal` months later; clamped to the month's last day (31 jan + 1 → 28/29 feb)."""
    jaren, maand = divmod(start.month - 1 + aantal, 12)
    jaar = start.year + jaren
    laatste = calendar.monthrange(jaar, maand + 1)[1]
    return dt.date(jaar, maand + 1, min(start.day, laatste))


def termijn_datum(start: dt.date, aantal: int, eenheid: str) -> dt.date:
    """The date a termijn of `aantal` `eenheid` ends when it starts on `start`."""
    if eenheid == "werkdagen":
        return plus_werkdagen(start, aantal)
    if eenheid == "dagen":
        return start + dt.timedelta(days=aantal)
    if eenheid == "weken":
        return start + dt.timedelta(weeks=aantal)
    if eenheid == "maanden":
        return plus_maanden(start, aantal)
    raise ValueError(f"onbekende eenheid '{eenheid}' voor een termijn; gebruik een van: {', '.join(EENHEDEN)}")


def datum_tekst(datum: dt.date) -> str:
    """A date as people write it in Dutch: 'vrijdag 5 december 2026'."""
    return f"{DAGEN[datum.weekday()]} {datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def datum_data(datum: dt.date) -> dict[str, str]:
    """A date for JSON: ISO for machines, Dutch for people."""
    return {"iso": datum.isoformat(), "tekst": datum_tekst(datum)}


# How a computed date reads, by soort: a deadline is "uiterlijk", a minimum never is.
DATUM_WOORDEN = {
    "binnen": "uiterlijk {datum}",
    "minimaal": "minstens tot en met {datum}",
    "voorwaardelijk": "bij spoed {bij_spoed}; anders uiterlijk {datum}",
}


def wanneer(termijn: dict[str, Any], momenten: dict[str, dt.date]) -> dict[str, Any]:
    """When an actie happens: the protocol's words, and a date only where the moment the
    termijn counts from is known (`momenten`: moment id → date).

    {"tekst": "vanaf de evaluatie, zeker vier maanden lang", "soort": "minimaal",
     "moment": "evaluatie" or None, "datum": {"iso", "tekst"} or None, "datum_tekst": str or None}
    """
    vanaf = termijn.get("vanaf")
    duur = termijn.get("duur")
    result: dict[str, Any] = {
        "tekst": termijn["wanneer"],
        "soort": termijn["soort"],
        "moment": vanaf["id"] if vanaf and duur else None,
        "datum": None,
        "datum_tekst": None,
    }
    if not (vanaf and duur) or vanaf["id"] not in momenten:
        return result
    eind = termijn_datum(momenten[vanaf["id"]], duur["aantal"], duur["eenheid"])
    result["datum"] = datum_data(eind)
    result["datum_tekst"] = DATUM_WOORDEN[termijn["soort"]].format(
        datum=datum_tekst(eind), bij_spoed=termijn.get("bij_spoed") or ""
    )
    return result


__all__ = [
    "datum_data",
    "datum_tekst",
    "feestdagen",
    "is_werkdag",
    "pasen",
    "plus_maanden",
    "plus_werkdagen",
    "termijn_datum",
    "wanneer",
]
