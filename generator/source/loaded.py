"""The protocol as the checks see it: its parts plus the raw trees, so a check can cite
file and line. Standard library only: on the desktop `protocol` is the validated model
(`load`), in the browser editor the raw files read with the model's table
(`source.soorten`), and the same checks run on either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.errors import SourceError
from generator.source.positions import Loc, Source

if TYPE_CHECKING:
    from generator.source.model import Protocol


@dataclass
class Loaded:
    """The validated protocol plus the raw trees, so later checks can cite lines."""

    protocol: Protocol
    sources: dict[str, Source] = field(default_factory=dict)

    def error(self, part: str, loc: Loc, message: str, needle: str | None = None) -> SourceError:
        """An error at `loc`; with `needle`, at the first line from there that contains it
        (a long text spans several lines and the editor wants the exact one)."""
        return self.sources[part].error(loc, message, needle)


__all__ = ["Loaded"]
