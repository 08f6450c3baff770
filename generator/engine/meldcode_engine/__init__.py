"""Walk the afwegingskader of the meldcode: standard library only, so it runs in Pyodide too.

The engine reads the JSON that `generator.afwegingskader.export.afwegingskader_data` writes at
build time; it holds no question, answer or route of its own::

    sessie = Sessie(json.loads(tekst))
    sessie.answer("vraag-1", "ja", onderbouwing="…")
    sessie.back()
    sessie.verslag("2026-12-04")
"""

from __future__ import annotations

from .sessie import FORMAAT, GeenUitkomst, OngeldigAntwoord, Sessie
from .termijnen import datum_tekst, feestdagen, is_werkdag, pasen, termijn_datum

# One version for the site and its engine wheel; tests/unit/test_engine.py holds them together.
__version__ = "2026.1"

__all__ = [
    "FORMAAT",
    "GeenUitkomst",
    "OngeldigAntwoord",
    "Sessie",
    "datum_tekst",
    "feestdagen",
    "is_werkdag",
    "pasen",
    "termijn_datum",
]
