"""Where the generator finds what is not Python: the project.

The project is the school's repository: protocol/, docs/ and mkdocs.yml, the theme's overrides
and page scripts (site_overrides/), the charts' style (flowcharts/), the engine's source
(generator/engine/, also packed into the helper's Pyodide wheel), node_modules/ (the Pyodide
runtime and the build's tools) and the build's caches (.bouw/).

Run from a checkout (the editable install of `make setup`), the project is that checkout. An
installed copy of the generator (`pip install .`) holds only its Python, templates and build
scripts: it takes the project from MELDCODE_PROJECT or, without it, the current folder, so
`meldcode build` is run from the school's repository.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # generator/, wherever it is installed
_CHECKOUT = PACKAGE.parent


def project() -> Path:
    """The school's repository (see the module's docstring)."""
    named = os.environ.get("MELDCODE_PROJECT")
    if named:
        return Path(named).resolve()
    if (_CHECKOUT / "mkdocs.yml").is_file():
        return _CHECKOUT
    return Path.cwd().resolve()


PROJECT = project()
# the engine's source: beside the generator in a checkout, in the project for an installed copy
ENGINE = PACKAGE / "engine" if (PACKAGE / "engine").is_dir() else PROJECT / "generator" / "engine"

__all__ = ["ENGINE", "PACKAGE", "PROJECT", "project"]
