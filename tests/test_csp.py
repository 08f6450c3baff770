"""Strict Content-Security-Policy: no page allows 'unsafe-inline' scripts, every inline
script carries its hash, and every page loads in Chromium without a single violation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

from generator.pages.csp import harden, inline_hashes
from generator.postbuild.chromium import serve

pytestmark = pytest.mark.browser

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
# collected before any page script runs; Chromium also reports each violation on the console
LISTEN = """window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.fixture(scope="module")
def built(site_each_builder: Path) -> Path:
    """Every test here runs on the mkdocs-material and on the Zensical build."""
    return site_each_builder


@pytest.fixture(scope="module")
def base(built: Path) -> Iterator[str]:
    with serve(built) as url:
        yield url


def pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html"))


def script_src(html: str) -> str:
    policy = POLICY.search(html)
    assert policy, "page without a Content-Security-Policy"
    return next(d.strip() for d in policy.group(1).split(";") if d.strip().startswith("script-src"))


def test_no_page_allows_unsafe_inline_scripts(built: Path) -> None:
    found = pages(built)
    assert len(found) > 20
    for page in found:
        html = (built / page / "index.html").read_text(encoding="utf-8")
        directive = script_src(html)
        assert "'unsafe-inline'" not in directive, page
        for token in inline_hashes(html):
            assert token in directive, f"{page}: inline script without its hash"


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


@pytest.fixture(params=["light", "dark"])
def context(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=request.param)
    ctx.add_init_script(LISTEN)
    yield ctx
    ctx.close()


def test_every_page_loads_without_a_csp_violation(context: BrowserContext, base: str, built: Path) -> None:
    console: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    violations: dict[str, list[str]] = {}
    for path in pages(built):
        page.goto(base + path.removeprefix("./"), wait_until="load")
        page.wait_for_timeout(150)  # scripts that run after load (search, the theme's observers)
        found = page.evaluate("window.__csp")
        if found:
            violations[path] = found
    assert violations == {}
    assert console == []
