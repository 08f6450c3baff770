"""The charts in the browser: nodes are links to their sections (also without
JavaScript), the oefen-walk follows a route with Terug and Opnieuw, keyboard only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.postbuild.chromium import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(site_each_builder: Path) -> Iterator[str]:
    """Every test here runs on the mkdocs-material and on the Zensical build."""
    with serve(site_each_builder) as url:
        yield url


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_clicking_a_node_opens_its_section(browser: Browser, base: str, javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(base + "routekaart/")
    page.locator("#kaart-stap-3 a").first.click()
    page.wait_for_url("**/meldcode/stap-3/#stap-3")
    assert page.locator("h1#stap-3").is_visible()
    page.goto(base + "routekaart/")
    page.locator("#kaart-uitkomst-direct-melden a").first.click()
    page.wait_for_url("**/afwegingskader/#uitkomst-direct-melden")
    assert page.locator("#uitkomst-direct-melden").is_visible()
    context.close()


def current(page: Page) -> str:
    return page.locator(".oefenen-vraag").inner_text()


def test_oefen_walk_with_terug_and_opnieuw(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "oefenen/")
    page.wait_for_selector("[data-antwoord]")
    assert page.locator("#kaart-vraag-1").get_attribute("class").split().count("is-actief") == 1
    for antwoord in ("ja", "nee", "ja", "ja", "ja", "nee", "ja"):
        page.click(f".oefenen-antwoord[data-antwoord={antwoord}]")
    assert current(page) == "Zelf hulp bieden of organiseren"
    assert "is-actief" in page.locator("#kaart-uitkomst-hulp-organiseren").get_attribute("class")
    assert "is-gekozen" in page.locator("#kaart-rand-beslissing-2-ja").get_attribute("class")
    assert "is-bezocht" in page.locator("#kaart-vraag-3").get_attribute("class")
    assert page.locator(".oefenen-route li").count() == 7
    page.click("[data-actie=terug]")
    assert "Is hulp bieden of organiseren" in current(page)
    assert "is-gekozen" not in (page.locator("#kaart-rand-beslissing-2-ja").get_attribute("class") or "")
    page.click(".oefenen-antwoord[data-antwoord=nee]")
    assert current(page) == "Melden bij Veilig Thuis"
    assert "Meldnorm B: " in page.locator(".oefenen-paneel").inner_text()
    page.click("[data-actie=opnieuw]")
    assert "Heb ik op basis van stap 1 t/m 3" in current(page)
    assert page.locator(".oefenen-route li").count() == 0
    assert page.locator(".kaart .is-gekozen").count() == 0
    assert errors == []
    assert [u for u in requests if not u.startswith(base)] == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert context.cookies() == []
    context.close()


def test_oefenen_with_keyboard_only(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "oefenen/")
    page.wait_for_selector("[data-antwoord]")
    page.focus(".oefenen-antwoord[data-antwoord=ja]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "oefenen-vraag"
    page.keyboard.press("Tab")  # first answer of vraag 2 (Nee)
    page.keyboard.press("Tab")  # Ja
    page.keyboard.press("Tab")  # Twijfel
    page.keyboard.press("Enter")
    assert current(page) == "Direct melden bij Veilig Thuis"
    context.close()


def test_hulp_lights_up_the_route_on_the_chart(browser: Browser, base: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "afwegingskader-doorlopen/")
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=60_000)
    page.check("#antwoord-ja")
    page.click("button[data-actie=volgende]")
    page.wait_for_selector("fieldset[data-knoop='vraag-2']")
    assert "is-bezocht" in page.locator("#kaart-vraag-1").get_attribute("class")
    assert "is-gekozen" in page.locator("#kaart-rand-vraag-1-ja").get_attribute("class")
    assert "is-actief" in page.locator("#kaart-vraag-2").get_attribute("class")
    context.close()
