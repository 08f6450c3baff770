"""Editor-facing errors: every problem in `protocol/` names file, line and key path."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SourceError:
    """One problem in a source file, phrased in Dutch for the editor."""

    file: str  # relative to the project, e.g. protocol/afwegingskader.yaml
    line: int  # 1-based; 0 when the file as a whole is meant
    path: str  # key path, e.g. "vraag-3 › antwoorden › nee › volgende"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.path:
            return f"{where}: {self.path}: {self.message}"
        return f"{where}: {self.message}"


class ProtocolError(Exception):
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
