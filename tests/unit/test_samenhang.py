"""The rules across files run on the validated model (`meldcode check`) and on the raw files
read with the model's table (the browser editor, which has no pydantic): the same errors,
in the same words, at the same lines, for every mistake of the bad-input corpus that the
model lets through to them; and the raw view is the model, value for value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import PROTOCOL
from pydantic import BaseModel
from test_bad_input import CASES, IDS

from generator.checks.samenhang import errors as samenhang_errors
from generator.checks.values import value_errors
from generator.errors import ProtocolError
from generator.source.load import display_name, load, read_yaml
from generator.source.loaded import Loaded
from generator.source.positions import Source
from generator.source.soorten import Item, Soorten
from generator.source.tabel import soorten_van_model


def _van_model(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return Item(type(value).__name__, {n: _van_model(getattr(value, n)) for n in type(value).model_fields})
    if isinstance(value, list):
        return [_van_model(v) for v in value]
    return value


def _ruw(loaded: Loaded) -> Loaded:
    """What the browser editor checks: the raw trees as items, the same sources."""
    trees = {part: source.data for part, source in loaded.sources.items()}
    return Loaded(soorten_van_model().protocol(trees), loaded.sources)  # type: ignore[arg-type]


def test_the_raw_files_read_with_the_table_are_the_model() -> None:
    loaded = load(PROTOCOL)
    assert _ruw(loaded).protocol == _van_model(loaded.protocol)


def test_a_stap_has_its_id_in_both() -> None:
    loaded = load(PROTOCOL)
    assert [s.id for s in _ruw(loaded).protocol.stappen.stappen] == [s.id for s in loaded.protocol.stappen.stappen]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_same_errors_on_the_model_and_on_the_raw_files(case: Any, protocol_copy: Path) -> None:
    case.apply(protocol_copy)
    try:
        loaded = load(protocol_copy)
    except ProtocolError:
        pytest.skip("the model refuses it before the rules across files (the form does too)")
    op_model = [str(e) for e in samenhang_errors(loaded)]
    assert op_model, "the mistake reached the rules across files and none of them found it"
    assert [str(e) for e in samenhang_errors(_ruw(loaded))] == op_model


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_value_rules_on_the_raw_file_say_what_the_model_says(case: Any, protocol_copy: Path) -> None:
    """A required field left out and every value rule (text, phone, web address, e-mail, id):
    what the editor says from the raw file is what `meldcode check` says from the model."""
    case.apply(protocol_copy)
    try:
        load(protocol_copy)
        op_model: list[str] = []
    except ProtocolError as exc:
        op_model = [str(e) for e in exc.errors]
    soorten = soorten_van_model()
    part = next(p for p, bestand in soorten.bestanden.items() if bestand == case.bestand)
    soort = soorten.deel(part)
    pad, name = protocol_copy / case.bestand, display_name(protocol_copy, case.bestand)
    try:
        source = Source(name, read_yaml(pad, name), pad.read_text(encoding="utf-8").splitlines())
    except ProtocolError:
        pytest.skip("no YAML: the editor's form cannot hold it")
    ruw = [str(e) for e in value_errors(soorten, soort, source)]
    assert set(ruw) <= set(op_model)  # never a message the model does not give
    if case.name in VALUE_RULES:
        assert ruw, f"{case.name}: {op_model}"


# the mistakes of the corpus that a value rule or a required field finds
VALUE_RULES = {
    "html-in-tekst",
    "id-met-spaties",
    "lege-waarde",
    "telefoon-met-letters",
    "telefoonnummer-in-tekst",
    "verplicht-veld-weg",
    "website-zonder-https",
}


def test_the_table_reaches_the_browser_whole() -> None:
    """As written into controle.json and read back in the worker."""
    soorten = soorten_van_model()
    assert Soorten.van_json(json.loads(json.dumps(soorten.als_json()))) == soorten
