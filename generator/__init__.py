"""Meldcode-site: the protocol in protocol/ as a static site (see README, "Opbouw van het programma")."""

import sys
from pathlib import Path

# The engine is its own package (its own wheel for Pyodide), not installed in this
# environment; the generator imports it from source, as pytest does (pythonpath).
_ENGINE = str(Path(__file__).resolve().parent / "engine")
if _ENGINE not in sys.path:
    sys.path.insert(0, _ENGINE)
