"""`meldcode diff OUD NIEUW`: what changed in the protocol, per section, in Dutch.

For the aandachtsfunctionaris' evaluation report: compares two loaded and checked
sources (two folders, or two git revisions of protocol/), so only real content counts,
not YAML layout or comments.
"""

from __future__ import annotations

from pathlib import Path

from generator.diff.bronnen import DiffError, load, resolve
from generator.diff.vergelijken import compare
from generator.diff.verslag import render
from generator.source.load import Loaded
from generator.source.tabel import soorten_van_model


def diff(oud: str, nieuw: str, workdir: Path, cwd: Path, markdown: bool = False) -> str:
    """The whole command: resolve both sides, load and check them, compare, render."""
    bronnen = [resolve(arg, workdir, cwd) for arg in (oud, nieuw)]
    problems: list[str] = []
    loaded: list[Loaded] = []
    for bron in bronnen:
        try:
            loaded.append(load(bron))
        except DiffError as exc:
            problems.append(str(exc))
    if problems:
        raise DiffError("\n".join(problems))
    # checked with the model above; compared as the raw files read with the model's table,
    # as the browser editor compares them
    soorten = soorten_van_model()
    voor, na = (soorten.protocol({part: s.data for part, s in x.sources.items()}) for x in loaded)
    return render(compare(voor, na, soorten), bronnen[0].label, bronnen[1].label, markdown)
