"""The table `soorten.Soorten` made from the model (its JSON Schema, and the value rule of
each field's type): written into the editor's bundle at build time and used by `meldcode
diff` on the desktop, so both read the raw files with the same table."""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

from pydantic import AfterValidator, BaseModel

from generator.source.model import BRONNEN, Protocol
from generator.source.soorten import Field, Soorten
from generator.source.values import CONTROLES

_NAAM = {functie: naam for naam, functie in CONTROLES.items()}


def schema_ref(schema: Any) -> str | None:
    """The model class a property holds, wherever pydantic put it (items, anyOf, allOf), in
    the model's schema (`#/$defs/X`) or the editor schema written from it (`#/definitions/X`)."""
    if isinstance(schema, dict):
        if isinstance(ref := schema.get("$ref"), str) and ref.startswith("#/"):
            return ref.rsplit("/", 1)[-1]
        for key in ("items", "anyOf", "allOf"):
            sub = schema.get(key)
            for s in sub if isinstance(sub, list) else [sub]:
                if (found := schema_ref(s)) is not None:
                    return found
    return None


def _heeft(schema: Any, key: str, value: str) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get(key) == value:
        return True
    return any(_heeft(s, key, value) for s in schema.get("anyOf", []))


def _regel(*delen: Any) -> str | None:
    """The value rule (Tekst, Telefoon, …) among a field's metadata and inside its type."""
    for deel in delen:
        if isinstance(deel, AfterValidator) and deel.func in _NAAM:
            return _NAAM[deel.func]
        if (gevonden := _regel(*get_args(deel))) is not None:
            return gevonden
    return None


def _klassen() -> dict[str, type[BaseModel]]:
    """Every model class the protocol holds, by name (the JSON Schema's $defs names)."""
    found: dict[str, type[BaseModel]] = {}
    todo: list[Any] = [Protocol]
    while todo:
        soort = todo.pop()
        if isinstance(soort, type) and issubclass(soort, BaseModel):
            if soort.__name__ not in found:
                found[soort.__name__] = soort
                todo += [f.annotation for f in soort.model_fields.values()]
        else:
            todo += get_args(soort)
    return found


def _velden(model: dict[str, Any], klasse: type[BaseModel]) -> tuple[Field, ...]:
    verplicht = set(model.get("required", []))
    return tuple(
        Field(
            naam,
            schema_ref(prop),
            lijst=_heeft(prop, "type", "array"),
            datum=_heeft(prop, "format", "date"),
            **({"standaard": prop["default"]} if "default" in prop else {}),
            waarde=_regel(*klasse.model_fields[naam].metadata, klasse.model_fields[naam].annotation),
            verplicht=naam in verplicht,
        )
        for naam, prop in model.get("properties", {}).items()
    )


@cache
def soorten_van_model() -> Soorten:
    schema = Protocol.model_json_schema()
    klassen = _klassen()
    velden = {naam: _velden(model, klassen[naam]) for naam, model in schema["$defs"].items()}
    velden["Protocol"] = _velden(schema, Protocol)
    return Soorten(velden, {part: bestand for part, (bestand, _) in BRONNEN.items()})


__all__ = ["schema_ref", "soorten_van_model"]
