"""`meldcode check`: the rules across files (checks.samenhang, which the browser editor
runs too), then the warnings (phone numbers, people, out-of-date references, the
oefencasussen, the version and the evaluation date).

Runs after loading, before anything is written (Pelican's `run()` order), and
collects every problem so the editor can fix them in one go.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.checks.evaluatie import verouderd_warnings
from generator.checks.oefencasussen import check_oefencasussen
from generator.checks.required import invulling_warnings, personen_warnings
from generator.checks.samenhang import errors as samenhang_errors
from generator.checks.versie import evaluatie_warnings, versie_warnings
from generator.errors import ProtocolError
from generator.source.load import Loaded, load
from generator.source.telefoon import phone_warnings


def check(loaded: Loaded, today: dt.date | None = None, casussen: bool = True) -> list[str]:
    """Raise ProtocolError on any broken link between parts; return warnings.

    `casussen=False` leaves out the oefencasussen, for `meldcode diff`: a route change
    that leaves a case behind is for `meldcode check` to report, the diff still shows it."""
    errors = samenhang_errors(loaded)
    if errors:
        raise ProtocolError(errors)

    warnings: list[str] = [str(w) for w in phone_warnings(loaded) + personen_warnings(loaded)]
    warnings += [str(w) for w in invulling_warnings(loaded)]
    warnings += verouderd_warnings(loaded.sources)
    if casussen:
        warnings += check_oefencasussen(loaded)  # raises on a case that no longer fits
    warnings += versie_warnings(loaded)
    warnings += evaluatie_warnings(loaded, today or dt.date.today())
    return warnings


def load_and_check(root: Any, today: dt.date | None = None, casussen: bool = True) -> tuple[Loaded, list[str]]:
    """The one entry the CLI, the mkdocs hook and the tests share."""
    loaded = load(Path(root))
    return loaded, check(loaded, today, casussen)


__all__ = ["ProtocolError", "check", "load_and_check"]
