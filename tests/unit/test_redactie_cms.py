"""The browser editor's configuration, written from the model: valid for the CMS package
(its own JSON Schema), every protocol file a form, labels and hints in Dutch, patterns and
required fields from the model, ids and routes read-only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.redactie.cms import ID_VELD, TEKST_VELD, cms_config

ROOT = Path(__file__).resolve().parents[2]
CMS_SCHEMA = ROOT / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
CONFIG = cms_config({"name": "github", "repo": "school/meldcode", "branch": "main"})


def all_fields(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for f in fields:
        yield f
        yield from all_fields(f.get("fields", []))
        if "field" in f:
            yield from all_fields([f["field"]])


def schema_file(naam: str) -> dict[str, Any]:
    return next(f for f in CONFIG["collections"][0]["files"] if f["file"] == f"protocol/{naam}")


def test_the_configuration_is_valid_for_the_cms_package() -> None:
    if not CMS_SCHEMA.exists():
        pytest.fail("@sveltia/cms ontbreekt in node_modules; voer 'make setup' uit")
    schema = json.loads(CMS_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(CONFIG), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]] == []


def test_every_protocol_file_is_a_form() -> None:
    files = {f["file"] for f in CONFIG["collections"][0]["files"]}
    on_disk = {f"protocol/{p.relative_to(ROOT / 'protocol').as_posix()}" for p in (ROOT / "protocol").rglob("*.yaml")}
    assert files == on_disk


def test_ids_are_fixed_once_given_routes_read_only_and_texts_not() -> None:
    alle = [v for f in CONFIG["collections"][0]["files"] for v in all_fields(f["fields"])]
    ids = [v for v in alle if v["name"] == "id" and "options" not in v]
    # a free id's own field: read-only once it has a value (start.js), with the model's pattern
    assert ids and all(v["widget"] == ID_VELD and v["pattern"][0] == "^[a-z0-9]+(-[a-z0-9]+)*$" for v in ids)
    # an id from a fixed set (ja/nee/twijfel, the meldnorm letters) and the routes (where each
    # answer leads, where the afwegingskader starts): read-only
    vast = [v for v in alle if v["name"] in ("volgende", "start") or (v["name"] == "id" and "options" in v)]
    assert vast and all(v.get("readonly") for v in vast)
    assert not any(v.get("readonly") for v in alle if v not in vast)
    kader = list(all_fields(schema_file("afwegingskader.yaml")["fields"]))
    assert any(v["name"] == "volgende" and v["readonly"] for v in kader)
    assert any(v["name"] == "start" and v["readonly"] for v in kader)


def test_labels_hints_patterns_and_required_come_from_the_model() -> None:
    rollen = list(all_fields(schema_file("rollen.yaml")["fields"]))
    telefoon = next(v for v in rollen if v["name"] == "telefoon")
    assert telefoon["widget"] == "string" and telefoon["required"] is False
    assert telefoon["pattern"][1].startswith("Gebruik alleen cijfers")
    naam = next(v for v in rollen if v["name"] == "naam")
    assert naam["required"] is True and naam["label"] == "Naam"
    invulling = next(v for v in rollen if v["name"] == "invulling")
    # the model's hint; references are inserted by name (Invoegen), not explained as syntax
    assert "Wie deze rol op school vervult" in invulling["hint"] and "{telefoon:id}" not in invulling["hint"]


WIDGETS = {
    dict: {"object"},
    list: {"list"},
    str: {"string", "select", "datetime", ID_VELD, TEKST_VELD},
    bool: {"boolean"},
}


def _fits(fields: list[dict[str, Any]], data: dict[str, Any], pad: str) -> Iterator[str]:
    """Every value of the file against the widget the form gives it: a dict needs an object
    form, a list a list; a value shown in the wrong widget is lost or refused on save."""
    by_name = {f["name"]: f for f in fields}
    for key, value in data.items():
        field = by_name.get(key)
        if field is None:
            continue
        kind = next((t for t in WIDGETS if isinstance(value, t)), None)
        if (
            kind is not None
            and field["widget"] not in WIDGETS[kind]
            and not (kind is str and field["widget"] == "number")
        ):
            yield f"{pad}{key}: {type(value).__name__} in widget {field['widget']}"
        if isinstance(value, dict) and "fields" in field:
            yield from _fits(field["fields"], value, f"{pad}{key}.")
        if isinstance(value, list) and "fields" in field:
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    yield from _fits(field["fields"], item, f"{pad}{key}[{i}].")


def test_every_value_of_the_source_has_a_widget_of_its_kind() -> None:
    from generator.redactie.form import form_data

    config = cms_config({"name": "test-repo"})
    wrong = []
    for file in config["collections"][0]["files"]:
        data = form_data(Path(file["file"]).read_text(encoding="utf-8"))
        wrong += list(_fits(file["fields"], data, file["file"] + ": "))
    assert wrong == []
