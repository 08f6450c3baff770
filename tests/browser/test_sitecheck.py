"""The quality gates can fail: a deliberately broken page is caught by each gate in turn.

The gates themselves run over every page of the real site in `make check-site`
(part of `make test`); here they meet a page with one fault per gate.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from sitecheck import PageReport, check_site, like_walked, one_of_each_kind, sizes
from sitetext import html_pages

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


def test_one_page_of_each_kind_stands_for_the_others(site: Path, tmp_path: Path) -> None:
    """The second builder's walk: pages fetching the same files with the same kinds of element
    are one kind; another script, an image or a table in the article makes a kind of its own."""
    stand_in = one_of_each_kind(site, html_pages(site))
    page = {p.parent.relative_to(site).as_posix(): p for p in stand_in}
    assert stand_in[page["bijlagen/bijlage-2"]] == stand_in[page["bijlagen/bijlage-1"]]
    assert stand_in[page["afwegingskader-doorlopen"]] == page["afwegingskader-doorlopen"]
    assert stand_in[page["routekaart"]] != stand_in[page["zorgen"]]
    assert len(set(stand_in.values())) < len(stand_in)
    # planted: four copies of one page, three changed in one way each
    text = page["bijlagen/bijlage-1"].read_text(encoding="utf-8")
    changed = {
        "zelfde": text,
        "script": text.replace("</article>", '<script src="../assets/ander.js"></script></article>'),
        "plaatje": text.replace("</article>", '<img src="../assets/foto.png" alt="foto"></article>'),
        "tabel": text.replace("</article>", "<table><tr><td>1</td></tr></table></article>"),
    }
    assert all(t != text for naam, t in changed.items() if naam != "zelfde")
    for naam, t in [("origineel", text), *changed.items()]:
        (tmp_path / naam).mkdir()
        (tmp_path / naam / "index.html").write_text(t, encoding="utf-8")
    planted = one_of_each_kind(tmp_path, sorted(tmp_path.glob("*/index.html")))
    walked = {p.parent.name: w.parent.name for p, w in planted.items()}
    assert walked == {"origineel": "origineel", "zelfde": "origineel"} | {n: n for n in ("script", "plaatje", "tabel")}


def test_a_page_not_walked_is_weighed_with_its_own_document() -> None:
    walked = PageReport("a/", requests=12, bytes=300_000, gzip=90_000, theme=200_000, charts=True)
    own = PageReport("b/")
    mine, theirs = b"<p>eigen tekst</p>" * 3000, b"<p>andere</p>" * 1000
    like_walked(own, walked, own=sizes(mine), walked_html=sizes(theirs))
    assert (own.like, own.requests, own.theme, own.charts) == ("a/", 12, 200_000, True)
    assert own.bytes == 300_000 - len(theirs) + len(mine) == 341_000  # 300 kB - 13 kB + 54 kB
    assert own.gzip == 90_000 - len(gzip.compress(theirs, 6)) + len(gzip.compress(mine, 6))
