"""In a real browser (Debian's headless Chromium): every page stays on its own origin,
sets no cookie, stores nothing, and is readable without JavaScript."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import serve_in_sub_path
from playwright.sync_api import Browser, BrowserContext, Page
from sitecheck import one_page_of_each_kind
from sitetext import html_pages

pytestmark = pytest.mark.browser

# The one page that keeps something in the browser: the editor (the CMS's sign-in and
# drafts), as the privacy page says. It is tested on its own (test_redactie_browser.py) and
# left out of the walk below, which must find every other page storing nothing.
EDITOR = "redactie/"
NOTHING_STORED = {"local": 0, "session": 0, "idb": 0, "cookie": ""}
STORAGE_JS = """async () => {
  const dbs = indexedDB.databases ? await indexedDB.databases() : [];
  return {local: localStorage.length, session: sessionStorage.length, idb: dbs.length, cookie: document.cookie};
}"""


class Recorder:
    """Every request and console error of one browser context."""

    def __init__(self, context: BrowserContext, origin: str) -> None:
        self.origin = origin
        self.requests: list[str] = []
        self.errors: list[str] = []
        context.on("request", lambda r: self.requests.append(r.url))

    def watch(self, page: Page) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def off_origin(self) -> list[str]:
        return [
            u for u in self.requests if not u.startswith(self.origin) and urlsplit(u).scheme not in ("data", "blob")
        ]


def urls(site: Path, base: str) -> list[str]:
    return [base + p.relative_to(site).as_posix().removesuffix("index.html") for p in html_pages(site)]


def test_the_reader_s_own_actions_store_nothing(browser: Browser, base: str) -> None:
    """Switching the colour scheme and searching keep nothing in the browser (every page on
    its own: the walk at 390 px in test_phone_screen.py)."""
    context = browser.new_context()
    rec = Recorder(context, base.rstrip("/"))
    page = context.new_page()
    rec.watch(page)
    page.goto(base)
    page.locator("label[for='__palette_1']").first.click()
    page.keyboard.press("/")
    page.keyboard.type("veilig thuis")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.evaluate(STORAGE_JS) == NOTHING_STORED
    assert context.cookies() == []
    assert rec.off_origin() == [], rec.off_origin()
    assert rec.errors == [], rec.errors
    context.close()


def test_off_origin_request_would_be_caught(browser: Browser, base: str) -> None:
    """The recorder sees a request to another host: the privacy check can fail."""
    context = browser.new_context()
    rec = Recorder(context, base.rstrip("/"))
    page = context.new_page()
    page.goto(base)
    with page.expect_request(lambda r: "127.0.0.2" in r.url):
        page.evaluate("() => { const i = new Image(); i.src = 'http://127.0.0.2:9/x.png'; }")
    assert any("127.0.0.2" in u for u in rec.off_origin())
    context.close()


def test_readable_without_javascript(browser: Browser, site: Path, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "afwegingskader/")
    assert page.locator("h1").inner_text().startswith("Afwegingskader")
    # folded, and a fold opens without JavaScript (<details>)
    page.get_by_text("De hele beslistabel").click()
    assert page.locator("table.beslistabel").is_visible()
    assert page.locator(".spoedbalk a[href='tel:08002000']").is_visible()
    page.goto(base + "bijlagen/bijlage-1/")
    assert page.get_by_text("Onverklaarbare blauwe plekken").is_visible()
    # the helper cannot work without JavaScript: hidden, and the page says what to use instead
    page.goto(base + "afwegingskader-doorlopen/")
    assert page.locator(".doorlopen").is_hidden()
    assert page.locator(".doorlopen-terugval-zonder-js").is_visible()
    context.close()


@pytest.mark.parametrize(("scheme", "palette"), [("dark", "slate"), ("light", "default")])
def test_colour_scheme_is_set_before_the_theme_script(browser: Browser, base: str, scheme: str, palette: str) -> None:
    """The reader's light or dark mode is applied by the page itself, so no light page flashes
    in dark mode while the theme's script (deferred on the helper page) is still loading."""
    context = browser.new_context(color_scheme=scheme)
    held: list[object] = []
    context.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page = context.new_page()
    for path in ("", "afwegingskader-doorlopen/"):
        page.goto(base + path, wait_until="commit")
        page.locator(".md-footer").wait_for(state="attached")  # parsed past the header's palette
        assert page.get_attribute("body", "data-md-color-scheme") == palette, path
    assert page.evaluate("document.documentElement.classList.contains('no-js')"), "the theme's script ran"
    context.close()


def test_anchor_link_jumps_to_question(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "afwegingskader/#vraag-2")
    heading = page.locator("#vraag-2")
    assert heading.is_visible()
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 844
    context.close()


def test_phone_layout_has_no_horizontal_scroll(browser: Browser, site: Path, base: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    wide = []
    for url in urls(site, base):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append(f"{url}: {overflow}px")
    assert not wide, wide
    context.close()


@pytest.mark.parametrize(("today", "shown"), [("2027-11-28T12:00:00", False), ("2027-11-29T09:00:00", True)])
def test_overdue_evaluation_notice(browser: Browser, base: str, today: str, shown: bool) -> None:
    """The quiet notice appears on the reader's own clock once the next evaluation has passed."""
    from datetime import datetime

    from conftest import PROTOCOL

    from generator.checks.run import load_and_check

    volgende = load_and_check(PROTOCOL)[0].protocol.metadata.volgende_evaluatie
    assert volgende.isoformat() == "2027-11-28", "the parametrised dates assume this evaluation date"
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(today))
    for path in ("", "over/"):
        page.goto(base + path)
        assert page.locator(".evaluatie-melding").is_visible() == shown
    context.close()


def test_works_from_a_sub_path(browser: Browser, site: Path, tmp_path: Path) -> None:
    """The same site/ under https://school.nl/meldcode/: relative links, assets and Pyodide. One
    page of each kind is loaded: pages of a kind fetch the same files (sitecheck.page_kind), and
    every page's own links are resolved by the link gate."""
    with serve_in_sub_path(site, tmp_path) as base:
        context = browser.new_context()
        failed: list[str] = []
        context.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
        page = context.new_page()
        try:
            for path in one_page_of_each_kind(site):
                page.goto(base + path.relative_to(site).as_posix().removesuffix("index.html"), wait_until="load")
            page.goto(base + "afwegingskader-doorlopen/")
            page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=60_000)
            page.goto(base + "oefenen/")
            page.wait_for_selector("[data-antwoord]")
            page.goto(base)
            page.locator("a[href='meldcode.pdf']").first.wait_for()
        finally:  # a page left open would be counted by the next test in this browser
            context.close()
        assert failed == [], failed


def test_chromium_renders_no_browser_interface_of_its_own(browser: Browser) -> None:
    """The address bar's popup, a page Chromium renders for every window and a headless run never
    shows, is turned off (generator/postbuild/chromium.py): no target is the browser's own."""
    context = browser.new_context()
    context.new_page().goto("about:blank")
    session = browser.new_browser_cdp_session()
    targets = session.send("Target.getTargets")["targetInfos"]
    context.close()
    # (a service worker of an earlier test in this browser may still be a target: not the browser's)
    assert [t["url"] for t in targets if t["type"] == "page"] == ["about:blank"], targets
    assert not [t for t in targets if t["type"] == "browser_ui" or t["url"].startswith("chrome:")], targets
