"""The editor's page (/redactie/) in Chromium, with the network cut but for the site itself:
the CMS bundled into the site starts, shows its sign-in screen with the test repository,
and choosing that shows the protocol's files as forms, in Dutch labels from the model. No
request leaves the site, and its own CSP is never violated."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import serve
from playwright.sync_api import Browser, BrowserContext, Page

from generator.redactie.bundle import TEST_BACKEND
from generator.redactie.cms import CONTROLE_WOORDEN, cms_config

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots/redactie")
READY = 30_000
# the labels of the file forms, as the model's configuration gives them
LABELS = {f["file"]: f["label"] for f in cms_config(TEST_BACKEND)["collections"][0]["files"]}
LISTEN = """window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));"""


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


def open_editor(browser: Browser, base: str, width: int, height: int) -> tuple[BrowserContext, Page, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    context.add_init_script(LISTEN)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    # only the site is reachable: anything else would fail here, as it would offline
    origin = base.rstrip("/")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
    page = context.new_page()
    page.goto(base + "redactie/")
    return context, page, requests


def off_site(requests: list[str], base: str) -> list[str]:
    return [u for u in requests if not u.startswith(base) and urlsplit(u).scheme not in ("data", "blob")]


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_the_editor_opens_and_shows_the_protocol_files(browser: Browser, base: str, width: int, height: int) -> None:
    context, page, requests = open_editor(browser, base, width, height)
    sign_in = page.get_by_role("button", name="Werken met een testrepository")
    sign_in.wait_for(timeout=READY)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"aanmelden-{width}.png"))
    sign_in.click()
    if width < 768:  # on a phone the CMS first lists its collections: open the protocol's
        page.get_by_text(cms_config(TEST_BACKEND)["collections"][0]["label"], exact=True).first.click()
    page.get_by_text(LABELS["protocol/rollen.yaml"], exact=True).first.wait_for(timeout=READY)
    page.wait_for_timeout(500)  # fonts and icons settle
    page.screenshot(path=str(SHOTS / f"bestanden-{width}.png"))
    for label in LABELS.values():
        assert page.get_by_text(label, exact=True).count() >= 1, label
    # a form opens, read and checked by the Python in the worker, at this width too
    page.get_by_text(LABELS["protocol/rollen.yaml"], exact=True).first.click()
    page.locator(".meldcode-controle section, .meldcode-controle p").first.wait_for(timeout=READY)
    page.get_by_text(CONTROLE_WOORDEN["bezig"]).wait_for(state="detached", timeout=READY)
    page.screenshot(path=str(SHOTS / f"formulier-{width}.png"))
    assert page.get_by_role("button", name="Opslaan", exact=True).is_visible()
    assert page.evaluate("window.__csp") == []
    assert off_site(requests, base) == []
    assert any("/assets/redactie/assets/" in u and u.endswith(".woff2") for u in requests), "fonts from the site"
    context.close()


def test_the_page_is_noindex_and_outside_menu_and_search(site: Path) -> None:
    html = (site / "redactie" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert "'unsafe-eval'" not in html
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in index["docs"] if d["location"].startswith("redactie/")] == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="redactie/"' not in home  # not in the staff menu
    over = (site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'href="../redactie/"' in over


def test_with_a_git_host_it_offers_the_local_checkout_and_a_token(browser: Browser, base: str, site: Path) -> None:
    """The sign-in the school gets with `git: github` (the configuration as mkdocs.yml would
    make it): the local repository (make redactie) and a token for one repository."""
    from generator.redactie.backend import backend

    config = json.loads((site / "assets" / "redactie" / "config.json").read_text(encoding="utf-8"))
    config["backend"], _ = backend({"redactie": {"git": "github", "repository": "kbs/meldcode"}})
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.add_init_script(LISTEN)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    origin = base.rstrip("/")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
    context.route("**/assets/redactie/config.json", lambda route: route.fulfill(json=config))
    page = context.new_page()
    page.goto(base + "redactie/")
    page.get_by_role("button", name="Werken met een lokale repository").wait_for(timeout=READY)
    assert page.get_by_role("button", name="Inloggen met een toegangstoken").count() == 1
    page.screenshot(path=str(SHOTS / "aanmelden-github-1280.png"))
    assert off_site(requests, base) == []
    # the CMS asks GitHub's status page whether GitHub has an outage: the CSP refuses it (only
    # the configured API is allowed), so nothing but the site itself is ever asked
    assert page.evaluate("window.__csp") == ["connect-src https://www.githubstatus.com/api/v2/status.json"]
    context.close()
