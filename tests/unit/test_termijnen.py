"""Termijnen as dates: working days skip weekends and Dutch public holidays; calendar
days, weeks and months cross month ends, year ends and leap days correctly."""

from __future__ import annotations

import datetime as dt

import pytest
from meldcode_engine.termijnen import datum_tekst, feestdagen, is_werkdag, pasen, termijn_datum

D = dt.date


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        (1818, D(1818, 3, 22)),  # earliest possible
        (2000, D(2000, 4, 23)),
        (2008, D(2008, 3, 23)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2038, D(2038, 4, 25)),  # latest possible
    ],
)
def test_pasen(jaar, verwacht):
    assert pasen(jaar) == verwacht


def test_feestdagen_2026():
    assert feestdagen(2026) == {
        D(2026, 1, 1): "Nieuwjaarsdag",
        D(2026, 4, 5): "Eerste Paasdag",
        D(2026, 4, 6): "Tweede Paasdag",
        D(2026, 4, 27): "Koningsdag",
        D(2026, 5, 14): "Hemelvaartsdag",
        D(2026, 5, 24): "Eerste Pinksterdag",
        D(2026, 5, 25): "Tweede Pinksterdag",
        D(2026, 12, 25): "Eerste Kerstdag",
        D(2026, 12, 26): "Tweede Kerstdag",
    }


def test_feestdagen_2025_koningsdag_op_zondag_en_lustrum():
    dagen = feestdagen(2025)
    assert dagen[D(2025, 4, 26)] == "Koningsdag"  # the 27th is a Sunday
    assert D(2025, 4, 27) not in dagen
    assert dagen[D(2025, 5, 5)] == "Bevrijdingsdag"  # lustrum year
    assert dagen[D(2025, 4, 21)] == "Tweede Paasdag"
    assert dagen[D(2025, 5, 29)] == "Hemelvaartsdag"
    assert dagen[D(2025, 6, 9)] == "Tweede Pinksterdag"


def test_feestdagen_op_dezelfde_dag():
    assert feestdagen(2005)[D(2005, 5, 5)] == "Hemelvaartsdag en Bevrijdingsdag"


def test_feestdagen_is_a_copy():
    feestdagen(2026).clear()
    assert not is_werkdag(D(2026, 12, 25))


@pytest.mark.parametrize(
    ("datum", "werkdag"),
    [
        (D(2026, 4, 3), True),  # Goede Vrijdag is not a general day off
        (D(2026, 4, 6), False),  # Tweede Paasdag
        (D(2026, 5, 5), True),  # Bevrijdingsdag, not a lustrum year
        (D(2025, 5, 5), False),  # Bevrijdingsdag in 2025
        (D(2026, 12, 5), False),  # Saturday
        (D(2026, 12, 6), False),  # Sunday
        (D(2026, 12, 7), True),
    ],
)
def test_is_werkdag(datum, werkdag):
    assert is_werkdag(datum) is werkdag


@pytest.mark.parametrize(
    ("start", "aantal", "verwacht", "waarom"),
    [
        (D(2026, 12, 4), 5, D(2026, 12, 11), "one weekend"),
        (D(2026, 12, 18), 5, D(2026, 12, 28), "weekend and Eerste Kerstdag; Tweede Kerstdag is a Saturday"),
        (D(2024, 12, 20), 5, D(2024, 12, 31), "both Christmas days on weekdays"),
        (D(2024, 12, 30), 5, D(2025, 1, 7), "Nieuwjaarsdag across the year end"),
        (D(2026, 4, 2), 5, D(2026, 4, 10), "Goede Vrijdag counts, Tweede Paasdag does not"),
        (D(2026, 5, 13), 1, D(2026, 5, 15), "Hemelvaartsdag"),
        (D(2026, 5, 22), 1, D(2026, 5, 26), "Tweede Pinksterdag"),
        (D(2026, 4, 24), 1, D(2026, 4, 28), "Koningsdag on a Monday"),
        (D(2025, 5, 2), 1, D(2025, 5, 6), "Bevrijdingsdag in a lustrum year"),
        (D(2026, 12, 5), 1, D(2026, 12, 7), "starting on a Saturday"),
    ],
)
def test_werkdagen(start, aantal, verwacht, waarom):
    assert termijn_datum(start, aantal, "werkdagen") == verwacht, waarom


@pytest.mark.parametrize(
    ("start", "aantal", "eenheid", "verwacht"),
    [
        # month ends: clamp to the last day of the month
        (D(2026, 1, 31), 1, "maanden", D(2026, 2, 28)),
        (D(2026, 3, 31), 1, "maanden", D(2026, 4, 30)),
        (D(2026, 10, 31), 4, "maanden", D(2027, 2, 28)),
        (D(2026, 12, 4), 4, "maanden", D(2027, 4, 4)),
        # year ends
        (D(2026, 12, 28), 1, "weken", D(2027, 1, 4)),
        (D(2026, 12, 31), 1, "dagen", D(2027, 1, 1)),
        (D(2026, 12, 15), 1, "maanden", D(2027, 1, 15)),
        (D(2026, 12, 20), 3, "weken", D(2027, 1, 10)),
        # leap years
        (D(2028, 1, 31), 1, "maanden", D(2028, 2, 29)),
        (D(2028, 2, 28), 1, "dagen", D(2028, 2, 29)),
        (D(2024, 2, 29), 12, "maanden", D(2025, 2, 28)),
        (D(2000, 1, 31), 1, "maanden", D(2000, 2, 29)),  # divisible by 400: leap
        (D(2100, 1, 31), 1, "maanden", D(2100, 2, 28)),  # divisible by 100: not leap
    ],
)
def test_kalendertermijnen(start, aantal, eenheid, verwacht):
    assert termijn_datum(start, aantal, eenheid) == verwacht


def test_onbekende_eenheid():
    with pytest.raises(ValueError, match="onbekende eenheid 'jaren'"):
        termijn_datum(D(2026, 12, 4), 1, "jaren")


def test_datum_tekst():
    assert datum_tekst(D(2026, 12, 4)) == "vrijdag 4 december 2026"
    assert datum_tekst(D(2027, 3, 1)) == "maandag 1 maart 2027"
