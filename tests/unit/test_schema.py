"""The editor schema (protocol/schema/): in step with the models, named on the first line
of every source file, documented in Dutch, and the real source valid against it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import PROTOCOL

from generator.checks.run import load_and_check
from generator.cli import main
from generator.source import schema
from generator.source.load import read_yaml

HINT = "voer `meldcode schema` uit (of `.venv/bin/meldcode schema`) en neem protocol/schema/ mee in de commit"


def test_committed_schema_matches_the_models() -> None:
    expected = schema.expected()
    stale = [path for path, text in expected.items() if (PROTOCOL / path).read_text(encoding="utf-8") != text]
    assert not stale, f"het schema loopt achter op generator/source/model.py ({', '.join(stale)}); {HINT}"
    extra = {f"{schema.SCHEMA_DIR}/{p.name}" for p in (PROTOCOL / schema.SCHEMA_DIR).glob("*.json")} - set(expected)
    assert not extra, f"schema zonder bronbestand: {sorted(extra)}; {HINT}"


@pytest.mark.parametrize("bron", schema.SCHEMA_FILES, ids=lambda f: f.source)
def test_source_names_its_schema_on_the_first_line(bron: schema.SchemaFile) -> None:
    first = (PROTOCOL / bron.source).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == bron.header, f"protocol/{bron.source}: de eerste regel hoort {bron.header!r} te zijn; {HINT}"
    target = (PROTOCOL / bron.source).parent / first.removeprefix(schema.HEADER_PREFIX)
    assert target.resolve() == (PROTOCOL / bron.path).resolve() and target.is_file(), target


@pytest.mark.parametrize("bron", schema.SCHEMA_FILES, ids=lambda f: f.source)
def test_every_key_has_a_dutch_description(bron: schema.SchemaFile) -> None:
    """The editor shows these while typing; a new field without one is a gap in the help."""
    data = bron.schema()
    assert data["$schema"] == schema.DRAFT and data["description"]
    models = {bron.model.__name__: data, **data.get("definitions", {})}
    for name, definition in models.items():
        assert definition.get("description"), f"model {name}: geef de klasse een Nederlandse docstring"
    missing = [
        f"{name}.{field}"
        for name, definition in models.items()
        for field, prop in definition.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert not missing, f"velden zonder description=... in generator/source/model.py: {missing}"
    assert "$defs" not in json.dumps(data), "draft-07 kent geen $defs"


def test_dates_are_strings_with_format_date() -> None:
    """The loader keeps YAML dates as text; the schema must accept exactly that form."""
    meta = next(f for f in schema.SCHEMA_FILES if f.part == "metadata").schema()
    assert meta["properties"]["vastgesteld"] == {
        "description": "Datum waarop deze versie is vastgesteld.",
        "format": "date",
        "title": "Vastgesteld",
        "type": "string",
    }


def _validator(bron: schema.SchemaFile) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads((PROTOCOL / bron.path).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(data)
    cls.check_schema(data)
    return cls(data, format_checker=cls.FORMAT_CHECKER)


def _plain(data: Any) -> Any:
    """The parsed YAML (ruamel containers, dates as text) as plain JSON data."""
    return json.loads(json.dumps(data))


@pytest.mark.parametrize("bron", schema.SCHEMA_FILES, ids=lambda f: f.source)
def test_real_source_is_valid_against_its_schema(bron: schema.SchemaFile) -> None:
    validator = _validator(bron)
    data = _plain(read_yaml(PROTOCOL / bron.source, bron.source))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize(
    ("part", "pad", "waarde"),
    [
        ("metadata", ("volgende_evaluatie",), "31-02-2026"),  # day first: not a date to the schema either
        ("metadata", ("tittel",), "x"),  # unknown key
        ("contacten", ("contacten", 1, "telefoon"), "0800-TWEEDUIZEND"),
        ("contacten", ("links", 0, "url"), "www.augeo.nl"),
        ("termijnen", ("termijnen", 0, "duur", "eenheid"), "week"),
        ("afwegingskader", ("vragen", 0, "antwoorden"), []),
        ("afwegingskader", ("vragen", 0, "id"), "Vraag 1"),
    ],
)
def test_schema_flags_common_mistakes_in_the_editor(part: str, pad: tuple[Any, ...], waarde: Any) -> None:
    bron = next(f for f in schema.SCHEMA_FILES if f.part == part)
    validator = _validator(bron)
    data = _plain(read_yaml(PROTOCOL / bron.source, bron.source))
    node = data
    for step in pad[:-1]:
        node = node[step]
    node[pad[-1]] = waarde
    assert list(validator.iter_errors(data)), f"{part} {pad} = {waarde!r} hoort af te keuren"


def test_with_header_keeps_every_other_line(tmp_path: Path) -> None:
    text = "# uitleg\r\nsleutel: waarde\n\n# slot zonder einde"
    header = "# yaml-language-server: $schema=schema/x.schema.json"
    once = schema.with_header(text, header)
    assert once == header + "\n" + text
    assert schema.with_header(once, header) == once  # idempotent
    moved = schema.with_header(once, header.replace("x.", "y."))
    assert moved.split("\n", 1)[1] == text  # a changed header is replaced, not stacked


def test_schema_command_restores_schema_and_headers(protocol_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.read_bytes() for p in protocol_copy.rglob("*") if p.is_file()}
    rollen = protocol_copy / "rollen.yaml"
    rollen.write_bytes(rollen.read_bytes().split(b"\n", 1)[1])  # header line removed
    (protocol_copy / "schema" / "termijnen.schema.json").unlink()
    (protocol_copy / "schema" / "oud.schema.json").write_text("{}", encoding="utf-8")

    assert main(["schema", str(protocol_copy)]) == 0
    out = capsys.readouterr().out
    assert "rollen.yaml" in out and "termijnen.schema.json" in out and "oud.schema.json" in out
    after = {p: p.read_bytes() for p in protocol_copy.rglob("*") if p.is_file()}
    assert after == before  # byte for byte as committed

    assert main(["schema", str(protocol_copy)]) == 0
    assert "kloppen al" in capsys.readouterr().out


def test_schema_command_on_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", str(tmp_path / "nergens")]) == 1
    assert "deze map bestaat niet" in capsys.readouterr().err


def test_schema_folder_is_not_a_source(protocol_copy: Path) -> None:
    """The loader reads only BRONNEN: the schema folder is help for editors, not source."""
    shutil.rmtree(protocol_copy / "schema")
    load_and_check(protocol_copy)
