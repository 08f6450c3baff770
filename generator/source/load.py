"""Load `protocol/*.yaml` into the typed model, keeping YAML line numbers.

Every YAML or validation problem becomes a `SourceError` naming file, line and
key path (as in dagster's pydantic_yaml): the editor never sees a traceback.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from generator.errors import ProtocolError, SourceError
from generator.source.loaded import Loaded
from generator.source.model import BRONNEN, Protocol
from generator.source.positions import Source
from generator.source.validate import validate_part


def display_name(root: Path, relative: str) -> str:
    """How a file is named in messages: relative to the project when possible."""
    path = root / relative
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


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
    kept = _PARSED.get(text)
    if kept is not None:
        return pickle.loads(kept)
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    try:
        tree = yaml.load(text)
    except YAMLError as exc:
        raise ProtocolError([_yaml_error(name, exc, text)]) from None
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.clear()
    _PARSED[text] = pickle.dumps(tree)
    return tree


# Each file's tree by its text, pickled: parsing with positions and comments is nearly all of
# a load (0.8 s for the seventeen files, unpickling 10 ms), and a rebuild (`meldcode serve`) or
# a test usually changes one file. Pickled, so every caller gets a tree of its own to change.
_PARSED: dict[str, bytes] = {}
_PARSED_MAX = 256


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
