"""The quality gate over every page of the mkdocs-material build, as a test among the others:
axe, the Nu Html Checker, links, privacy, the pages' own CSP, a phone's screen and page weight
(tests/sitecheck.py; the gates are shown failing in test_sitecheck.py). The report is written
to site-report/ as `make check-site` writes it. Zensical's build: test_gate_zensical.py (a
module of its own, so the two walks can run in two processes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from sitecheck import check_site, findings_text, write_report

pytestmark = pytest.mark.browser


def run_gate(site: Path, report: Path, walk: str = "every") -> None:
    reports, external, accepted = check_site(site, browsers=1, walk=walk)
    write_report(report, reports, external, accepted)
    failing = [r for r in reports if r.problems]
    assert not failing, f"de poorten zijn niet gehaald (rapport: {report}):\n{findings_text(failing)}"


def test_every_page_of_the_mkdocs_build_passes_every_gate(site: Path) -> None:
    run_gate(site, ROOT / "site-report")
