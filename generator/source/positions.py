"""Where a key path of a loaded YAML tree stands: its line, and its path as the editor reads it
("vraag-3 › antwoorden › nee › volgende")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.errors import SourceError

Loc = tuple[str | int, ...]


def strings(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string value in a raw YAML tree with its location (keys are not values)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*loc, i))
    elif isinstance(data, str):
        yield loc, data


def _walk(data: Any, loc: Loc) -> Iterator[tuple[Any, str | int]]:
    """Yield (container, step) for each step of `loc` that exists in the tree."""
    node = data
    for step in loc:
        in_dict = isinstance(node, dict) and step in node
        if not (in_dict or (isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node))):
            return
        yield node, step
        node = node[step]


def value_at(data: Any, loc: Loc) -> Any:
    """The value at `loc`, or None when the tree has no such place."""
    steps = list(_walk(data, loc))
    if len(steps) != len(loc):
        return None
    if not steps:
        return data
    node, step = steps[-1]
    return node[step]


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


@dataclass
class Source:
    """One parsed file: its raw YAML tree (with positions), its display name and its lines."""

    name: str
    data: Any
    lines: list[str] = field(default_factory=list)

    def error(self, loc: Loc, message: str, needle: str | None = None) -> SourceError:
        """An error at `loc`; with `needle`, at the first line from there that contains it
        (a long text spans several lines and the editor wants the exact one)."""
        line = locate(self.data, loc)
        if needle:
            line = next((n for n in range(line, len(self.lines) + 1) if needle in self.lines[n - 1]), line)
        return SourceError(self.name, line, key_path(self.data, loc), message, tuple(loc))
