"""The editor's check never crashes and never hides a failure: random form states (a new item
half filled in, a required field emptied, a reference half typed, an item removed that others
use, a runaway text) each give messages, never an exception and never the "fault of the
program" message. And what the panel says is in her words: no file name, line number, key
path or English, for every mistake of the bad-input corpus the form can hold."""

from __future__ import annotations

import copy
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bad_input import CASES, IDS

from generator.errors import EditError
from generator.redactie.bundle import TEST_BACKEND
from generator.redactie.check import handle
from generator.redactie.cms import cms_config, form_words
from generator.redactie.form import form_data
from generator.source.tabel import soorten_van_model

ROOT = Path(__file__).resolve().parents[2]
BESTANDEN = {part: f"protocol/{b}" for part, b in soorten_van_model().bestanden.items()}
PADEN = sorted(BESTANDEN.values())


@cache
def _vast() -> dict[str, Any]:
    """What controle.json gives the page: the same for every request."""
    return {
        "bestanden": BESTANDEN,
        "soorten": soorten_van_model().als_json(),
        "labels": form_words(cms_config(TEST_BACKEND)),
    }


@cache
def _teksten() -> dict[str, str]:
    return {p: (ROOT / p).read_text(encoding="utf-8") for p in PADEN}


def _check(pad: str, bron: str, data: Any, teksten: dict[str, str] | None = None) -> list[dict[str, Any]]:
    teksten = teksten or _teksten()
    vraag = {"pad": pad, "bron": bron, "data": data, **_vast()}
    vraag |= {"teksten": {p: t for p, t in teksten.items() if p != pad}, "gepubliceerd": _teksten()}
    antwoord = json.loads(handle("check", json.dumps([vraag])))
    assert "fout" not in antwoord, antwoord
    return antwoord["ok"]


def _plekken(data: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the form's data: each key of a map, each item of a list."""
    uit = [loc]
    if isinstance(data, dict):
        for k, v in data.items():
            uit += _plekken(v, (*loc, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            uit += _plekken(v, (*loc, i))
    return uit


def _bij(data: Any, loc: tuple[Any, ...]) -> Any:
    for stap in loc:
        data = data[stap]
    return data


TEKSTEN = st.one_of(
    st.sampled_from(
        ["", " ", "{", "{telefoon:", "{contact:veilig-th", "{rol:}", "<b>", "0800-2000", "één", "x" * 25_000]
    ),
    st.text(max_size=40),
)


DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
DATUMS = ["", "2026-02-31", "06-12-2026", "2026-12-06T10:00:00.000Z", "morgen"]


def _waarden(oud: Any) -> st.SearchStrategy[Any]:
    """What the form's widget for such a value can hold: a text box text (or emptied), a number
    box a number, a checkbox a boolean."""
    if isinstance(oud, bool):
        return st.booleans()
    if isinstance(oud, int):
        return st.one_of(st.none(), st.integers(-3, 10_000))
    if isinstance(oud, str) and DATUM.fullmatch(oud):  # a date box: a date, or what a person types
        return st.one_of(st.none(), st.dates().map(str), st.sampled_from(DATUMS))
    return st.one_of(st.none(), TEKSTEN)


@st.composite
def form_states(draw: st.DrawFn) -> tuple[str, Any]:
    """A file's form after a few edits a person (or a half-finished one) can make."""
    pad = draw(st.sampled_from(PADEN))
    data = form_data(_teksten()[pad])
    for _ in range(draw(st.integers(1, 4))):
        plekken = _plekken(data)[1:]
        if not plekken:
            break
        loc = draw(st.sampled_from(plekken))
        ouder, sleutel = _bij(data, loc[:-1]), loc[-1]
        doel = ouder[sleutel]
        actie = draw(st.sampled_from(["waarde", "weg", "nieuw", "leeg-item", "kopie"]))
        if actie == "waarde" and not isinstance(doel, dict | list):
            ouder[sleutel] = draw(_waarden(doel))
        elif actie == "weg":
            del ouder[sleutel]
        elif actie in ("nieuw", "leeg-item", "kopie") and isinstance(doel, list):
            voorbeeld = doel[0] if doel else ""
            if actie == "leeg-item" and isinstance(voorbeeld, dict):
                doel.append(dict.fromkeys(voorbeeld, ""))  # a new item: every field shown, none typed
            elif actie == "kopie" and isinstance(voorbeeld, dict):
                kopie = copy.deepcopy(voorbeeld)
                for k in draw(st.lists(st.sampled_from(sorted(kopie)), max_size=3)):
                    kopie.pop(k, None)
                doel.insert(draw(st.integers(0, len(doel))), kopie)
            elif not isinstance(voorbeeld, dict | list):
                doel.append(draw(_waarden(voorbeeld)))
    return pad, data


# 500 form states in `make test`; `make test-snel` asks fewer (MELDCODE_FUZZ), to stay quick
EXAMPLES = int(os.environ.get("MELDCODE_FUZZ", "500"))


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(form_states())
def test_no_form_state_crashes_the_check(staat: tuple[str, Any]) -> None:
    pad, data = staat
    berichten = _check(pad, _teksten()[pad], json.loads(json.dumps(data)))
    fouten = [b["technisch"] for b in berichten if b["soort"] == "programmafout"]
    assert not fouten, fouten[0]


def test_a_rule_that_throws_is_reported_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fault of a rule is said as such (and is what the fuzz test fails on), not taken
    for fewer errors."""
    from generator.checks import samenhang

    def kapot(*args: object) -> None:
        raise TypeError("a rule with a bug")

    monkeypatch.setattr(samenhang, "errors", kapot)
    pad = "protocol/contacten.yaml"
    [bericht] = _check(pad, _teksten()[pad], form_data(_teksten()[pad]))
    assert bericht["soort"] == "programmafout"
    assert "fout in het programma" in bericht["tekst"]
    assert "a rule with a bug" in bericht["technisch"]


def test_a_new_contact_without_a_name_gets_a_message() -> None:
    """The state that crashed the diff's summary (item.naam of None)."""
    pad = "protocol/contacten.yaml"
    data = form_data(_teksten()[pad])
    data["contacten"].append({"id": "", "naam": "", "telefoon": "", "email": ""})
    berichten = _check(pad, _teksten()[pad], data)
    [fout] = [b["tekst"] for b in berichten if b["soort"] in ("fout", "programmafout")]
    # the name is asked for; the id she never types is made from it
    assert fout.endswith("Naam: ‘Naam’ moet ingevuld zijn; vul het in"), fout


# what she must never read: a file, a line number, a key path, English
NIET_HAAR_WOORDEN = [
    re.compile(r"\.ya?ml\b"),
    re.compile(r"\bregel \d"),
    re.compile(r":\d+\b"),
    re.compile(r" › |#\d"),
    re.compile(r"\b(the|is not|error|field|required|invalid|missing|must|should|item|entry)\b", re.IGNORECASE),
]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_message_is_in_her_words(case: Any, protocol_copy: Path) -> None:
    case.apply(protocol_copy)
    pad = f"protocol/{case.bestand}"
    tekst = (protocol_copy / case.bestand).read_text(encoding="utf-8")
    try:
        data = form_data(tekst)
    except (EditError, ValueError):
        pytest.skip("no YAML: the form cannot hold it")
    teksten = {p: (protocol_copy.parent / p).read_text(encoding="utf-8") for p in PADEN}
    berichten = [b for b in _check(pad, _teksten()[pad], data, teksten) if b["soort"] in ("fout", "waarschuwing")]
    for b in berichten:
        for patroon in NIET_HAAR_WOORDEN:
            assert not patroon.search(b["tekst"]), f"{patroon.pattern!r} in: {b['tekst']}"


def test_deleting_a_contact_still_used_says_where() -> None:
    pad = "protocol/contacten.yaml"
    data = form_data(_teksten()[pad])
    data["contacten"] = [c for c in data["contacten"] if c["id"] != "veilig-thuis"]
    fouten = [b["tekst"] for b in _check(pad, _teksten()[pad], data) if b["soort"] == "fout"]
    assert fouten[0].startswith("U haalt ‘Veilig Thuis’ weg, maar het wordt nog gebruikt in: ")
    assert "bestaat niet" not in " ".join(fouten)
