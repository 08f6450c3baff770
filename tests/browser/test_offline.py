"""Offline use in Chromium: after one visit the pages and the helper work with the network
cut; a new version is offered and replaces the old caches; no cache entry ever holds what a
user typed; with the switch off there is no service worker."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import serve_in_sub_path
from hulp_pagina import READY, loop_route
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

from generator.postbuild.chromium import serve
from generator.postbuild.offline import write_service_worker, write_service_worker_off

pytestmark = pytest.mark.browser


TYPED = "Geheim-7Q: wat de leerkracht zag"
ROUTE = [("vraag-1", "ja"), ("vraag-2", "nee"), ("vraag-3", "nee")]
PAGES = ["", "meldcode/stap-1/", "contacten/", "afwegingskader-doorlopen/"]
CACHES = """async () => {
  const out = {};
  for (const naam of await caches.keys()) {
    const cache = await caches.open(naam);
    out[naam] = (await cache.keys()).map((r) => r.url);
  }
  return out;
}"""
# every cached response, as text, searched for the typed words
CACHE_HOLDS = """async (needle) => {
  const hits = [];
  for (const naam of await caches.keys()) {
    const cache = await caches.open(naam);
    for (const request of await cache.keys()) {
      const body = new TextDecoder("latin1").decode(await (await cache.match(request)).arrayBuffer());
      if (request.url.includes(needle) || body.includes(needle)) hits.push(request.url);
    }
  }
  return hits;
}"""


@pytest.fixture(scope="module")
def served(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A copy of the built site, served, so a test can put a new version in its place."""
    copy = tmp_path_factory.mktemp("offline") / "site"
    shutil.copytree(site, copy)
    with serve(copy) as url:
        yield copy, url


def visit_and_wait_for_worker(page: Page, url: str) -> None:
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def evaluate_between_reloads(page: Page, expression: str) -> object:
    """Evaluate in the page, once more if it reloaded meanwhile: the switched-off worker
    reloads every open page after it has removed itself, at a moment of its own choosing."""
    for _ in range(20):
        try:
            return page.evaluate(expression)
        except PlaywrightError as exc:
            if "context was destroyed" not in str(exc):
                raise
            page.wait_for_load_state()
    raise AssertionError("the page kept reloading")


def wait_for_helper_cache(page: Page) -> None:
    for _ in range(200):
        hulp = [urls for naam, urls in page.evaluate(CACHES).items() if naam.endswith("-hulp")]
        if hulp and len(hulp[0]) >= 6:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"helper runtime not cached: {page.evaluate(CACHES)}")


def walk(page: Page, onderbouwing: str = "") -> None:
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    loop_route(page, [(knoop, antwoord, onderbouwing) for knoop, antwoord in ROUTE])


def test_works_offline_after_one_visit_and_caches_nothing_typed(
    context: BrowserContext, served: tuple[Path, str]
) -> None:
    _, base = served
    page = context.new_page()
    visit_and_wait_for_worker(page, base + "afwegingskader-doorlopen/")
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    wait_for_helper_cache(page)
    caches = page.evaluate(CACHES)
    assert all(naam.startswith("meldcode-") for naam in caches)
    urls = [u for lijst in caches.values() for u in lijst]
    assert all(u.startswith(base) for u in urls), "only the site's own files"
    assert any(u.split("?")[0].endswith("contacten/index.html") for u in urls)
    # the editor is never cached: its page and the CMS bundle stay with the network
    assert [u for u in urls if "redactie/" in u] == []

    context.set_offline(True)
    editor = context.new_page()  # its own tab: the browser's error page must not race the walk below
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
        editor.goto(base + "redactie/")  # the worker does not serve the editor's page
    editor.close()
    for path in PAGES:
        response = page.goto(base + path)
        assert response is not None and response.ok, path
        assert page.locator("h1").count() == 1, path
    assert page.locator("a[href='tel:08002000']").count() >= 1
    walk(page, TYPED)
    assert page.locator("#uitkomst-kop").inner_text() == "Uitkomst: Melden bij Veilig Thuis"
    assert page.evaluate(CACHE_HOLDS, TYPED) == []
    assert page.evaluate(CACHE_HOLDS, "Geheim-7Q") == []


def test_works_offline_under_a_sub_path(context: BrowserContext, site: Path, tmp_path: Path) -> None:
    """The same site/ at https://school.nl/meldcode/: the worker's scope is the sub-path, and
    after one visit home and the helper work with the network cut."""
    with serve_in_sub_path(site, tmp_path) as base:
        page = context.new_page()
        visit_and_wait_for_worker(page, base + "afwegingskader-doorlopen/")
        assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)") == base
        page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
        wait_for_helper_cache(page)
        urls = [u for lijst in page.evaluate(CACHES).values() for u in lijst]
        assert urls and all(u.startswith(base) for u in urls), "only the site's own files, under its sub-path"

        context.set_offline(True)
        response = page.goto(base)
        assert response is not None and response.ok
        assert page.locator("a[href='tel:08002000']").count() >= 1
        response = page.goto(base + "afwegingskader-doorlopen/")
        assert response is not None and response.ok
        walk(page)
        assert page.locator("#uitkomst-kop").inner_text() == "Uitkomst: Melden bij Veilig Thuis"


def test_new_version_is_offered_served_and_replaces_the_old_caches(
    context: BrowserContext, served: tuple[Path, str]
) -> None:
    root, base = served
    page = context.new_page()
    visit_and_wait_for_worker(page, base)
    page.wait_for_timeout(500)
    oud = set(page.evaluate(CACHES))
    assert oud

    home = root / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</h1>", " (nieuw)</h1>", 1), encoding="utf-8")
    write_service_worker(root, "2099.1")
    page.goto(base)  # the browser checks sw.js on navigation and finds the new one
    balk = page.locator(".nieuwe-versie")
    balk.wait_for(timeout=READY)
    assert "Er is een nieuwe versie; vernieuw de pagina." in balk.inner_text()
    assert "(nieuw)" not in page.locator("h1").inner_text()  # nothing changes under the user
    with page.expect_navigation():
        balk.locator("button").click()
    page.locator("h1", has_text="(nieuw)").wait_for(timeout=READY)
    for _ in range(50):
        nieuw = set(page.evaluate(CACHES))
        if not nieuw & oud:
            break
        page.wait_for_timeout(100)
    assert not nieuw & oud, f"old caches left: {nieuw & oud}"
    assert all("2099.1" in naam for naam in nieuw)


def test_switched_off_the_old_worker_and_its_caches_go(context: BrowserContext, served: tuple[Path, str]) -> None:
    root, base = served
    page = context.new_page()
    visit_and_wait_for_worker(page, base)
    assert page.evaluate(CACHES)
    # what a build with `offline: false` ships: the pages say "uit", sw.js removes itself
    for html in root.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        html.write_text(text.replace('name="meldcode-offline" content="aan"', 'name="meldcode-offline" content="uit"'))
    write_service_worker_off(root)
    page.goto(base)
    registrations = "navigator.serviceWorker.getRegistrations().then((r) => r.length)"
    for _ in range(100):
        if not evaluate_between_reloads(page, registrations):
            break
        page.wait_for_timeout(100)
    assert evaluate_between_reloads(page, registrations) == 0
    assert [n for n in evaluate_between_reloads(page, CACHES) if n.startswith("meldcode-")] == []


def test_only_the_dutch_search_files_are_precached(site: Path) -> None:
    """mkdocs-material ships lunr for 30 languages; the site is Dutch, and a visitor's first
    visit should not download the others in the background."""
    manifest = (site / "sw.js").read_text(encoding="utf-8")
    lunr = sorted(set(re.findall(r'"(assets/javascripts/lunr/[^"]+)"', manifest)))
    assert lunr == [
        "assets/javascripts/lunr/min/lunr.nl.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    ]
    assert (site / "assets/javascripts/lunr/min/lunr.de.min.js").exists()  # still on the site, only not precached
