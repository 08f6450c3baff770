"""The quality gates can fail: a deliberately broken page is caught by each gate in turn.

The gates themselves run over every page of the real site in `make check-site`
(part of `make test`); here they meet a page with one fault per gate.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from sitecheck import check_site

pytestmark = pytest.mark.browser

BROKEN = ROOT / "tests" / "fixtures" / "kapotte-pagina.html"


@pytest.fixture(scope="module")
def broken_report(site: Path, tmp_path_factory: pytest.TempPathFactory):
    copy = tmp_path_factory.mktemp("kapot") / "site"
    shutil.copytree(site, copy)
    page = copy / "kapot" / "index.html"
    page.parent.mkdir()
    shutil.copy(BROKEN, page)
    # and one real page beside it, which must pass the same checks
    reports, _, _ = check_site(copy, [page, copy / "zorgen" / "index.html"], browsers=1)
    return next(r for r in reports if r.page == "kapot/"), reports


def rules(report, where: str) -> set[str]:
    """The axe rule ids found at one width and scheme, e.g. "390 px, donker"."""
    return {v.split(": ", 2)[1] for v in report.axe if v.startswith(where + ": ")}


def test_axe_catches_image_without_alt(broken_report) -> None:
    report, _ = broken_report
    for where in ("1280 px, licht", "1280 px, donker", "390 px, licht", "390 px, donker"):
        assert "image-alt" in rules(report, where), report.axe


def test_axe_at_phone_width_catches_what_only_a_phone_shows(broken_report) -> None:
    """A box that scrolls sideways only on a narrow screen, without keyboard focus."""
    report, _ = broken_report
    assert "scrollable-region-focusable" in rules(report, "390 px, licht"), report.axe
    assert "scrollable-region-focusable" not in rules(report, "1280 px, licht"), report.axe


def test_axe_checks_wcag22_target_size(broken_report) -> None:
    report, _ = broken_report
    assert "target-size" in rules(report, "390 px, licht"), report.axe


def test_axe_checks_that_a_dialog_has_a_name(broken_report) -> None:
    """The theme's search dialog had none (Lighthouse's finding); axe's best-practice rule
    aria-dialog-name runs beside the WCAG rules."""
    report, _ = broken_report
    assert "aria-dialog-name" in rules(report, "1280 px, licht"), report.axe


def test_html_checker_catches_duplicate_id(broken_report) -> None:
    report, _ = broken_report
    assert any("Duplicate ID" in m and "dubbel" in m for m in report.html), report.html


def test_link_check_catches_dead_anchor(broken_report) -> None:
    report, _ = broken_report
    assert any("#anker-dat-niet-bestaat" in m and "anker ontbreekt" in m for m in report.links), report.links


def test_privacy_audit_catches_external_script(broken_report) -> None:
    report, _ = broken_report
    assert any("verzoek buiten de site: https://cdn.example.com/tracker.js" in m for m in report.privacy), (
        report.privacy
    )
    assert any("script.src laadt https://cdn.example.com/tracker.js" in m for m in report.privacy), report.privacy
    assert report.problems >= 5


def test_csp_check_catches_an_inline_script_the_policy_refuses(broken_report) -> None:
    """The page runs under its own policy (axe comes in by the debugging protocol), so the
    inline script its policy does not allow is refused, and said, at each width and scheme."""
    report, _ = broken_report
    for where in ("1280 px, licht", "1280 px, donker", "390 px, licht", "390 px, donker"):
        assert any(v.startswith(f"{where}: script-src") for v in report.csp), report.csp


def test_phone_check_catches_a_page_wider_than_a_phone_without_the_emergency_number(broken_report) -> None:
    report, _ = broken_report
    assert any("breder dan het scherm" in m for m in report.phone), report.phone
    assert any("-knop van 44 px in beeld onderaan" in m for m in report.phone), report.phone


def test_the_real_pages_pass_the_csp_and_phone_checks(broken_report) -> None:
    """Beside the broken page, an ordinary page of the site (checked in the same run) has no finding."""
    _, reports = broken_report
    zorgen = next(r for r in reports if r.page == "zorgen/")
    assert (zorgen.csp, zorgen.phone, zorgen.axe, zorgen.console) == ([], [], [], [])
