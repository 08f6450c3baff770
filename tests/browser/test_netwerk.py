"""The helper on a phone's network (tests/netwerk.py: a static host with its pre-compressed
copies behind one shared link): a cold visit puts at most 0.75 × stock Pyodide's bytes on the
wire, the service worker's own fetches included; and on a slow link a whole route answered as
fast as the page allows never waits between questions."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench_hulp import VIEWPORT, prepare, slow_page
from netwerk import Link, serve_on_link
from playwright.sync_api import Browser, Page
from test_hulp import ROUTES, expected_uitkomst

from generator.postbuild import precompress
from generator.postbuild.offline import extra_config

pytestmark = pytest.mark.browser

PAGE = "afwegingskader-doorlopen/"
TARGET_BYTES = 0.75  # issue 21: a cold helper visit ≤ 0.75 × stock Pyodide's bytes
SNEL = Link("snel", 1000, 0)  # only the bytes count here, not the time
TRAAG = Link("traag 3G", 2, 300)
READY = 180_000


@pytest.fixture(scope="module")
def site_met_vloer(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site with stock Pyodide beside it (bench_hulp's floor), both compressed alike."""
    copy = prepare(site, tmp_path_factory.mktemp("netwerk"))
    precompress.apply(copy / "vloer")
    return copy


def _hulp_bestanden(site: Path) -> int:
    """How many runtime files the service worker keeps once the helper asks (sw-extra.js)."""
    runtime = extra_config(site)["runtime"]
    assert isinstance(runtime, list) and runtime, "sw-extra.js names no runtime files"
    return len(runtime)


def _wait(page: Page, script: str, expected: object, what: str) -> None:
    # polled from here: the page's CSP (rightly) forbids the eval that wait_for_function needs
    for _ in range(600):
        if page.evaluate(script) == expected:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{what}: {page.evaluate(script)!r}, niet {expected!r}")


HULP_CACHE = """async () => {
  await navigator.serviceWorker.ready;
  const naam = (await caches.keys()).find((n) => n.endsWith("-hulp"));
  return naam ? (await (await caches.open(naam)).keys()).length : 0;
}"""


def test_cold_helper_visit_is_at_most_three_quarters_of_stock_bytes(browser: Browser, site_met_vloer: Path) -> None:
    with serve_on_link(site_met_vloer, SNEL) as (base, lijn):
        # the helper with its service worker: it precaches the site and keeps the runtime
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        lijn.verstuurd = 0
        page.goto(base + PAGE)
        page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
        _wait(page, HULP_CACHE, _hulp_bestanden(site_met_vloer), "runtime in the service worker's cache")
        page.wait_for_load_state("networkidle")
        hulp = lijn.verstuurd
        context.close()
        # stock Pyodide (the npm package's full standard library) with the engine, no service worker
        context = browser.new_context(viewport=VIEWPORT, service_workers="block")
        page = context.new_page()
        lijn.verstuurd = 0
        page.goto(base + "vloer/")
        page.locator("#s", has_text="klaar").wait_for(timeout=READY)
        page.wait_for_load_state("networkidle")
        stock = lijn.verstuurd
        context.close()
    ratio = hulp / stock
    print(f"\nkoud: hulp {hulp / 1e6:.2f} MB, standaard-Pyodide {stock / 1e6:.2f} MB: {ratio:.2f} ×")
    assert stock > 5_000_000, "stock Pyodide was not fully loaded"
    assert ratio <= TARGET_BYTES, f"{hulp} bytes tegen {stock}: {ratio:.2f} ×"


@pytest.fixture()
def traag(site_met_vloer: Path) -> Iterator[str]:
    with serve_on_link(site_met_vloer, TRAAG) as (base, _):
        yield base


def test_on_a_slow_link_a_whole_route_never_waits_between_questions(browser: Browser, traag: str) -> None:
    """2 Mbit/s + 300 ms, the page's CPU 4× slower, 390 px, cold: every question of a route is
    answered the moment it can be; each next question shows without a waiting state, while
    the runtime is still on its way; the uitkomst follows, the engine's."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    page = slow_page(context)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(traag + PAGE, wait_until="commit")
    route = ROUTES["zelf-hulp"]
    wacht = page.locator(".doorlopen-wacht")
    for i, (knoop, antwoord) in enumerate(route):
        page.locator(f"fieldset[data-knoop='{knoop}'] #antwoord-{antwoord}").check(timeout=READY if i == 0 else 3000)
        page.click("button[data-actie=volgende]")
        if i + 1 < len(route):
            start = time.perf_counter()
            page.locator(f"fieldset[data-knoop='{route[i + 1][0]}']").wait_for(timeout=3000)
            assert wacht.inner_text() == "", f"a waiting state after {knoop}"
            assert time.perf_counter() - start < 2, (
                f"the question after {knoop} took {time.perf_counter() - start:.1f} s"
            )
    # all answered before the engine could have loaded 4 MB at 2 Mbit/s: the uitkomst follows
    assert "klaar" not in page.locator(".doorlopen-status").inner_text(), "the link was not slow"
    assert "daarna ziet u meteen de uitkomst" in wacht.inner_text()
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
    assert page.locator("#uitkomst-kop").inner_text() == "Uitkomst: " + expected_uitkomst(route)["titel"]
    assert errors == []
    context.close()
