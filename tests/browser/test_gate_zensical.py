"""The quality gate over every page of the Zensical build (see test_gate.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from test_gate import run_gate

pytestmark = pytest.mark.browser


def test_every_page_of_the_zensical_build_passes_every_gate(site_zensical: Path) -> None:
    run_gate(site_zensical, ROOT / "site-report" / "zensical")
