"""Meldcode-site: the protocol in protocol/ as a static site (see README, "Opbouw van het programma")."""

import sys

from generator.paths import ENGINE

# The engine is its own package (its own wheel for Pyodide), not installed in this
# environment; the generator imports it from source, as pytest does (pythonpath): beside the
# generator in a checkout, from the project for an installed copy (generator/paths.py).
if str(ENGINE) not in sys.path:
    sys.path.insert(0, str(ENGINE))
