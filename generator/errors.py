"""The errors the `meldcode` command reports, in Dutch and without a traceback.

`MeldcodeError` is the base. `ProtocolError` is a problem in `protocol/`: every problem names
file, line and key path, for the editor. `ToolError` is a tool the build needs that is
missing or failed (Chromium, Node.js, Pyodide, Graphviz, a builder): the source is fine, the
message says what is wrong and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class SourceError:
    """One problem in a source file, phrased in Dutch for the editor."""

    file: str  # relative to the project, e.g. protocol/afwegingskader.yaml
    line: int  # 1-based; 0 when the file as a whole is meant
    path: str  # key path, e.g. "vraag-3 › antwoorden › nee › volgende"
    message: str
    # the same place as keys and indexes, when known: the browser editor shows the message
    # beside the field that holds the value there
    loc: tuple[str | int, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.path:
            return f"{where}: {self.path}: {self.message}"
        return f"{where}: {self.message}"


class MeldcodeError(Exception):
    """Anything the command cannot do, said so that whoever runs it knows what to do."""

    def report(self) -> str:
        return str(self)


class ProtocolError(MeldcodeError):
    """The source cannot be used; carries every problem found, not just the first."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.errors)
        kop = "1 fout" if n == 1 else f"{n} fouten"
        regels = [f"De bron in protocol/ bevat {kop}; er is niets gebouwd:"]
        regels += [f"  {e}" for e in self.errors]
        return "\n".join(regels)


class ToolError(MeldcodeError):
    """A tool the build needs is missing or failed; not a problem in `protocol/`."""

    def __init__(self, message: str, onderdeel: str = "") -> None:
        self.message = message
        self.onderdeel = onderdeel  # what was being made, e.g. "PDF van het protocol"
        super().__init__(self.report())

    def report(self) -> str:
        return f"{self.onderdeel}: {self.message}" if self.onderdeel else self.message


class EditError(MeldcodeError):
    """A change to a source file that cannot be made (a path that is not there, no valid YAML).

    `pad` is where, as the editor shows it: `rollen › 2 › invulling`.
    """

    def __init__(self, pad: str, message: str) -> None:
        self.pad = pad
        self.message = message
        super().__init__(self.report())

    def report(self) -> str:
        return f"{self.pad}: {self.message}" if self.pad else self.message
