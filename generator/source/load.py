"""Load `protocol/*.yaml` into the typed model, keeping YAML line numbers.

Every YAML or validation problem becomes a `SourceError` naming file, line and
key path (as in dagster's pydantic_yaml): the editor never sees a traceback.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from generator.errors import ProtocolError, SourceError
from generator.source.model import BRONNEN, Protocol

Loc = tuple[str | int, ...]


@dataclass
class Source:
    """One parsed file: its raw YAML tree (with positions) and its display name."""

    name: str
    data: Any
    lines: list[str] = field(default_factory=list)


@dataclass
class Loaded:
    """The validated protocol plus the raw trees, so later checks can cite lines."""

    protocol: Protocol
    sources: dict[str, Source] = field(default_factory=dict)

    def error(self, part: str, loc: Loc, message: str, needle: str | None = None) -> SourceError:
        """An error at `loc`; with `needle`, at the first line from there that contains it
        (a long text spans several lines and the editor wants the exact one)."""
        src = self.sources[part]
        line = locate(src.data, loc)
        if needle:
            line = next((n for n in range(line, len(src.lines) + 1) if needle in src.lines[n - 1]), line)
        return SourceError(src.name, line, key_path(src.data, loc), message)


def display_name(root: Path, relative: str) -> str:
    """How a file is named in messages: relative to the project when possible."""
    path = root / relative
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --- positions ---------------------------------------------------------------


def _walk(data: Any, loc: Loc) -> Iterator[tuple[Any, str | int]]:
    """Yield (container, step) for each step of `loc` that exists in the tree."""
    node = data
    for step in loc:
        if (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        ):
            yield node, step
            node = node[step]
        else:
            return


def locate(data: Any, loc: Loc) -> int:
    """1-based line of the deepest part of `loc` present in the YAML tree."""
    line = 1
    if isinstance(data, CommentedMap | CommentedSeq):
        line = data.lc.line + 1
    for node, step in _walk(data, loc):
        if isinstance(node, CommentedMap):
            line = node.lc.key(step)[0] + 1
        elif isinstance(node, CommentedSeq):
            line = node.lc.item(step)[0] + 1
    return line


def _label(node: Any, step: str | int) -> str:
    if isinstance(step, str):
        return step
    item = node[step]
    if isinstance(item, dict):
        if isinstance(item.get("id"), str | int):
            return str(item["id"])
        if isinstance(item.get("nummer"), int):
            return f"nummer {item['nummer']}"
    return f"#{step + 1}"


def key_path(data: Any, loc: Loc) -> str:
    """Readable key path, using ids for list items: `vraag-3 › antwoorden › nee`."""
    parts: list[str] = []
    walked = 0
    for node, step in _walk(data, loc):
        walked += 1
        label = _label(node, step)
        # a list item labelled by its id replaces the list's own key
        if isinstance(step, int) and not label.startswith("#") and parts:
            parts[-1:] = (
                [label]
                if parts[-1] in ("vragen", "beslissingen", "uitkomsten")
                else [
                    parts[-1],
                    label,
                ]
            )
        else:
            parts.append(label)
    # keys that are missing (e.g. a required field) still belong in the path
    parts += [str(s) for s in loc[walked:] if isinstance(s, str)]
    return " › ".join(parts)


# --- YAML ----------------------------------------------------------------------

_YAML_HINTS = {
    "found character '\\t' that cannot start any token": (
        "er staat een tab; spring in met spaties (twee per niveau), niet met tabs"
    ),
    "could not find expected ':'": (
        "er ontbreekt een dubbele punt ':' na een sleutel, of een regel is verkeerd ingesprongen"
    ),
    "found unexpected end of stream": (
        "een aanhalingsteken is geopend maar niet gesloten; sluit de tekst af met hetzelfde teken"
    ),
    "mapping values are not allowed here": (
        "onverwachte dubbele punt ':'; zet tekst met een dubbele punt tussen "
        "aanhalingstekens of gebruik '>-' voor een tekstblok"
    ),
    "expected <block end>": ("de inspringing klopt niet; sleutels op hetzelfde niveau beginnen in dezelfde kolom"),
    "did not find expected key": ("de inspringing klopt niet; sleutels op hetzelfde niveau beginnen in dezelfde kolom"),
    "did not find expected '-' indicator": (
        "de inspringing van een lijst klopt niet; elk item begint met '- ' in dezelfde kolom"
    ),
}


# a value that opens a quote: `key: "…` or `- '…`
_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(?P<q>["'])(?P<rest>.*)$""")
_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[^\s#'\"-][^:#]*):(?:\s|$)")


def _unclosed_quote(lines: list[str], upto: int) -> int | None:
    """The first line (1-based) up to `upto` that opens a quoted value and does not close it:
    the parser only notices many lines later, where the next quote or colon confuses it."""
    for number, line in enumerate(lines[:upto], 1):
        match = _OPENS_QUOTE.match(line)
        if not match:
            continue
        quote, rest = match.group("q"), match.group("rest")
        # in single quotes '' is an escaped quote; in double quotes \" is
        closing = rest.replace("''", "") if quote == "'" else rest.replace('\\"', "")
        if quote not in closing:
            return number
    return None


def _deeper_than_block(lines: list[str], line: int) -> int:
    """How many columns a `key:` line stands right of the key on the line above it (0: not)."""
    here = _KEY_LINE.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if here is None:
        return 0
    for above in reversed(lines[: line - 1]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(above)
        if match is None or above.rstrip().endswith((":", "|", ">", "|-", ">-")):
            return 0  # the line above opens a block: deeper is right there
        column = len(above) - len(above.lstrip(" -")) if above.lstrip().startswith("-") else len(match["indent"])
        return max(0, len(here["indent"]) - column)
    return 0


def _control_character(name: str, text: str, exc: ReaderError) -> SourceError:
    """PyYAML's 'unacceptable character #x0000 … position 394' as line, column and a fix."""
    position = max(0, min(int(getattr(exc, "position", 0) or 0), len(text)))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = text[position] if position < len(text) else "\x00"
    naam = unicodedata.name(character, "stuurteken")
    return SourceError(
        name,
        line,
        "",
        f"kolom {column}: er staat een onzichtbaar teken (U+{ord(character):04X}, {naam.lower()}) in de tekst, "
        "vaak meegekomen bij kopiëren en plakken; verwijder het (typ de woorden eromheen opnieuw)",
    )


def _yaml_error(name: str, exc: YAMLError, text: str = "") -> SourceError:
    lines = text.splitlines()
    if isinstance(exc, ReaderError):
        return _control_character(name, text, exc)
    if isinstance(exc, DuplicateKeyError):
        mark = exc.problem_mark
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else "?"
        return SourceError(
            name,
            mark.line + 1 if mark else 0,
            key,
            f"de sleutel '{key}' staat twee keer in hetzelfde blok; verwijder of hernoem er één",
        )
    if isinstance(exc, MarkedYAMLError):
        problem = exc.problem or ""
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 0
        # for an unclosed quote or a missing colon the context mark is the real spot
        if exc.context_mark is not None and (
            "quoted scalar" in (exc.context or "") or "simple key" in (exc.context or "")
        ):
            line = exc.context_mark.line + 1
        hint = next((v for k, v in _YAML_HINTS.items() if problem.startswith(k)), None)
        quote = _unclosed_quote(lines, line) if lines else None
        if quote is not None and (quote < line or problem.startswith("found unexpected end of stream")):
            # the parser read on from an open quote: the mistake is where the quote opened
            line, hint = quote, _YAML_HINTS["found unexpected end of stream"]
        elif problem.startswith("mapping values are not allowed here") and (extra := _deeper_than_block(lines, line)):
            spaties = "1 spatie" if extra == 1 else f"{extra} spaties"
            hint = (
                f"deze regel springt {spaties} verder in dan de sleutel erboven; zet sleutels van hetzelfde "
                "blok precies onder elkaar"
            )
        message = hint or f"dit is geen geldige YAML ({problem}); controleer inspringing en leestekens"
        return SourceError(name, line, "", message)
    return SourceError(name, 0, "", f"dit is geen geldige YAML ({exc})")


class _Constructor(RoundTripConstructor):
    """Dates stay text here, so that pydantic (not the YAML parser) judges them and an
    impossible date like 2026-02-31 gets a message with its line instead of a crash."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def read_yaml(path: Path, name: str) -> Any:
    """Parse one file with positions; raise ProtocolError with a Dutch message."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProtocolError(
            [SourceError(name, 0, "", "dit bestand ontbreekt; zet het terug (zie git) of maak het aan")]
        ) from None
    except UnicodeDecodeError:
        raise ProtocolError(
            [SourceError(name, 0, "", "dit bestand is geen UTF-8-tekst; sla het op als UTF-8")]
        ) from None
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    try:
        return yaml.load(text)
    except YAMLError as exc:
        raise ProtocolError([_yaml_error(name, exc, text)]) from None


# --- validation messages ---------------------------------------------------------


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


def dutch_message(err: dict[str, Any], model: type[BaseModel]) -> str:
    kind = err["type"]
    loc: Loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "missing":
        return f"verplicht veld '{loc[-1]}' ontbreekt; voeg het toe"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc)
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f" (bedoelt u '{close[0]}'?)" if close else ""
        options = f"; toegestaan: {', '.join(allowed)}" if allowed else ""
        return f"onbekende sleutel '{key}'{hint}; corrigeer of verwijder hem{options}"
    if kind in ("string_type",):
        if value is None:  # `naam:` with nothing after it
            return "hier staat niets; vul de tekst in achter de dubbele punt"
        return f'hier hoort tekst; zet de waarde tussen aanhalingstekens, bijvoorbeeld "{value}"'
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"'{value}' is geen geheel getal; vul een getal in, bijvoorbeeld 3"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{value}' is geen ja/nee-waarde; vul true of false in"
    if kind.startswith("date") or kind.startswith("datetime"):
        return (
            f"'{value}' is geen geldige datum; schrijf de datum als JJJJ-MM-DD, "
            "bijvoorbeeld 2027-03-01, en controleer of de dag bestaat"
        )
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
    voorbeeld = _example_id(data)
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


_GOOD_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")


def _example_id(data: Any) -> str:
    """A valid id that already stands in this file (one with a dash, so it shows the form)."""
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            value = node.get("id")
            if isinstance(value, str) and _GOOD_ID.match(value):
                return value
            stack += list(node.values())
        elif isinstance(node, list):
            stack += node
    return "vraag-2"


# --- entry point ---------------------------------------------------------------------


def load(root: Path) -> Loaded:
    """Read and validate every source file; raise ProtocolError listing all problems."""
    errors: list[SourceError] = []
    parts: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    if not root.is_dir():
        raise ProtocolError([SourceError(root.as_posix(), 0, "", "deze map bestaat niet; geef de map protocol/ op")])
    for part, (relative, model) in BRONNEN.items():
        name = display_name(root, relative)
        try:
            data = read_yaml(root / relative, name)
        except ProtocolError as exc:
            errors += exc.errors
            continue
        sources[part] = Source(name, data, (root / relative).read_text(encoding="utf-8").splitlines())
        value, problems = validate_part(model, data, name)
        errors += problems
        parts[part] = value
    if errors:
        raise ProtocolError(errors)
    return Loaded(Protocol(**parts), sources)
