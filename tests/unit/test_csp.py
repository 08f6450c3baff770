"""Strict Content-Security-Policy: no page has an inline script (so `script-src 'self'` is the
whole rule, for the page's own policy and for a server's header alike). That every page loads
without a single violation, at both widths and in light and dark, is part of the one walk over
every page in the quality gate (tests/sitecheck.py, run by test_gate.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pages.csp import harden, inline_hashes
from generator.postbuild.external_scripts import FOLDER, externalize

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')


@pytest.fixture(scope="module")
def built(site_each_builder: Path) -> Path:
    """Every test here runs on the mkdocs-material and on the Zensical build."""
    return site_each_builder


def pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html"))


def script_src(html: str) -> str:
    policy = POLICY.search(html)
    assert policy, "page without a Content-Security-Policy"
    return next(d.strip() for d in policy.group(1).split(";") if d.strip().startswith("script-src"))


def test_no_page_has_an_inline_script_so_script_src_self_is_enough(built: Path) -> None:
    """The theme's scripts and ours run from files of the site (generator/postbuild/
    external_scripts.py): a server's own strict header needs no hashes."""
    found = [*pages(built), "404.html"]
    assert len(found) > 20
    for page in found:
        html = (built / page / ("" if page.endswith(".html") else "index.html")).read_text(encoding="utf-8")
        assert inline_hashes(html) == [], page
        assert script_src(html) in ("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"), page
    # the theme's bootstrap (search, the colour scheme) is among the moved scripts
    moved = "".join(p.read_text(encoding="utf-8") for p in (built / FOLDER).glob("*.js"))
    assert "__md_get" in moved and "palette" in moved


def test_externalize_keeps_data_blocks_order_and_place(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    page = tmp_path / "a" / "index.html"
    page.write_text(
        '<script src="../assets/javascripts/bundle.js"></script><p>x</p><script>var a=1</script>'
        '<script type="application/json">{"x": 1}</script><script>var a=1</script><script type="module">b()</script>',
        encoding="utf-8",
    )
    assert externalize(tmp_path) == 2  # the same script twice is one file
    out = page.read_text(encoding="utf-8")
    files = sorted((tmp_path / FOLDER).glob("*.js"))
    assert sorted(f.read_text(encoding="utf-8") for f in files) == ["b()", "var a=1"]
    assert '<script type="application/json">{"x": 1}</script>' in out
    a = next(f.name for f in files if f.read_text(encoding="utf-8") == "var a=1")
    assert out.count(f'<script src="../{FOLDER}/{a}"></script>') == 2
    assert out.index("<p>x</p>") < out.index(a)  # at its own place
    assert f'type="module" src="../{FOLDER}/' in out


def test_harden_keeps_data_blocks_and_allows_only_the_scripts_present() -> None:
    html = (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'\">"
        '<script>var a=1</script><script type="application/json">{"x": 1}</script><script src="b.js"></script>'
    )
    out = harden(html)
    [token] = inline_hashes(html)
    assert f"script-src 'self' {token};" in out
    assert "style-src 'self' 'unsafe-inline'" in out  # styles keep it, with the reason in generator/pages/csp.py
    # an injected script (not in the built page) has no hash and would not run
    assert inline_hashes(html + "<script>alert(1)</script>")[-1] not in out
