"""The table `soorten.Soorten` made from the model's JSON Schema: written into the editor's
bundle at build time and used by `meldcode diff` on the desktop, so both read the raw files
with the same table."""

from __future__ import annotations

from functools import cache
from typing import Any

from generator.diff.soorten import Soorten, Veld
from generator.source.model import BRONNEN, Protocol

_REF = "#/$defs/"


def _ref(schema: Any) -> str | None:
    """The model class a property holds, wherever pydantic put it (items, anyOf, allOf)."""
    if isinstance(schema, dict):
        if isinstance(ref := schema.get("$ref"), str) and ref.startswith(_REF):
            return ref.removeprefix(_REF)
        for key in ("items", "anyOf", "allOf"):
            sub = schema.get(key)
            for s in sub if isinstance(sub, list) else [sub]:
                if (found := _ref(s)) is not None:
                    return found
    return None


def _heeft(schema: Any, key: str, value: str) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get(key) == value:
        return True
    return any(_heeft(s, key, value) for s in schema.get("anyOf", []))


def _velden(model: dict[str, Any]) -> tuple[Veld, ...]:
    return tuple(
        Veld(
            naam,
            _ref(prop),
            lijst=_heeft(prop, "type", "array"),
            datum=_heeft(prop, "format", "date"),
            **({"standaard": prop["default"]} if "default" in prop else {}),
        )
        for naam, prop in model.get("properties", {}).items()
    )


@cache
def soorten_van_model() -> Soorten:
    schema = Protocol.model_json_schema()
    velden = {naam: _velden(model) for naam, model in schema["$defs"].items()}
    velden["Protocol"] = _velden(schema)
    return Soorten(velden, {part: bestand for part, (bestand, _) in BRONNEN.items()})


__all__ = ["soorten_van_model"]
