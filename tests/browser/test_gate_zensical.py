"""The quality gate over every page of the Zensical build (see test_gate.py); the browser walks
one page of each kind (sitecheck.one_of_each_kind), light at 1280 px and dark at 390 px: the
pages' text is mkdocs-material's (test_parity.py), walked page by page and each kind in all four
views in test_gate.py, and what the builder adds around it (its theme, in both schemes and at
both widths) is the same on every page of a kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from test_gate import run_gate

pytestmark = pytest.mark.browser


def test_every_page_of_the_zensical_build_passes_every_gate(site_zensical: Path) -> None:
    run_gate(site_zensical, ROOT / "site-report" / "zensical", walk="kinds")
