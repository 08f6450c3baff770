"""A source file checked against its part of the model, every pydantic error turned into a
Dutch `SourceError` with line, key path and what to do."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.errors import SourceError
from generator.source.positions import Loc, key_path, locate
from generator.source.values import LEEG, ongeldige_datum, ontbreekt, voorbeeld_id


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the model that owns the key at `loc` (for 'did you mean')."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or step not in fields:
            return []
        current = _inner_model(fields[step].annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def dutch_message(err: Mapping[str, Any], model: type[BaseModel]) -> str:
    kind = err["type"]
    loc: Loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "missing":
        return ontbreekt(str(loc[-1]))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc)
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f" (bedoelt u '{close[0]}'?)" if close else ""
        options = f"; toegestaan: {', '.join(allowed)}" if allowed else ""
        return f"onbekende sleutel '{key}'{hint}; corrigeer of verwijder hem{options}"
    if kind in ("string_type",):
        if value is None:  # `naam:` with nothing after it
            return LEEG
        return f'hier hoort tekst; zet de waarde tussen aanhalingstekens, bijvoorbeeld "{value}"'
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"'{value}' is geen geheel getal; vul een getal in, bijvoorbeeld 3"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{value}' is geen ja/nee-waarde; vul true of false in"
    if kind.startswith("date") or kind.startswith("datetime"):
        return ongeldige_datum(value)
    if kind == "literal_error":
        # pydantic lists the choices as "'a', 'b' or 'c'"
        keuzes = str(ctx.get("expected", "?")).replace(" or ", " of ")
        return f"'{value}' is hier niet toegestaan; kies uit {keuzes}"
    if kind == "list_type":
        return "hier hoort een lijst: regels die beginnen met '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "hier horen sleutels met waarden (sleutel: waarde), geen losse tekst"
    if kind == "too_short":
        return f"deze lijst is te kort; vul minstens {ctx.get('min_length', 1)} item(s) in"
    if kind == "too_long":
        return f"deze lijst is te lang; hooguit {ctx.get('max_length')} item(s)"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = next(iter(ctx.values()), "?")
        words = {
            "greater_than": "groter dan",
            "greater_than_equal": "minstens",
            "less_than": "kleiner dan",
            "less_than_equal": "hooguit",
        }
        return f"'{value}' past niet; de waarde moet {words[kind]} {limit} zijn"
    if kind in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return str(err["msg"])


def validate_part(model: type[BaseModel], data: Any, name: str) -> tuple[BaseModel | None, list[SourceError]]:
    if data is None:
        return None, [SourceError(name, 0, "", "dit bestand is leeg; vul het in")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        raw = list(exc.errors())
    # a misspelt key also makes its correct spelling "missing": say it once, as the typo
    typos = set()
    for e in raw:
        if e["type"] == "extra_forbidden":
            loc = tuple(e["loc"])
            for close in difflib.get_close_matches(str(loc[-1]), _allowed_keys(model, loc), n=1):
                typos.add((*loc[:-1], close))
    voorbeeld = voorbeeld_id(data)
    errors = [
        SourceError(
            name,
            locate(data, tuple(e["loc"])),
            key_path(data, tuple(e["loc"])),
            # the model's example id is the afwegingskader's; give one from this very file
            dutch_message(e, model).replace("bijvoorbeeld vraag-2", f"bijvoorbeeld {voorbeeld}"),
        )
        for e in raw
        if not (e["type"] == "missing" and tuple(e["loc"]) in typos)
    ]
    return None, errors
