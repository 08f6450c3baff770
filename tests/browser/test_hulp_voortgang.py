"""The helper on a phone (390 × 844) in headless Chromium: every question fits the first
screen, Back and Forward walk the questions with the answers kept, and nothing is wiped or
left without asking first (Opnieuw asks; leaving or reloading with answers asks)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hulp_pagina import READY, hulp_pagina
from meldcode_engine.woorden import VRAAG_SCHERM
from playwright.sync_api import Browser, Dialog, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from generator.postbuild.chromium import serve

pytestmark = pytest.mark.browser

SCREEN = {"width": 390, "height": 844}
# a route past all seven knopen, with a reason typed at two of them
ROUTE = [
    ("vraag-1", "ja", "Blauwe plekken gezien."),
    ("vraag-2", "nee", ""),
    ("vraag-3", "ja", ""),
    ("vraag-4", "ja", ""),
    ("vraag-5", "ja", "Het gaat beter."),
    ("beslissing-1", "nee", ""),
    ("beslissing-2", "ja", ""),
]
UITKOMST = "Uitkomst: Zelf hulp bieden of organiseren"


@pytest.fixture(scope="module")
def page(site_each_builder: Path, browser: Browser) -> Iterator[Page]:
    """One helper page per builder; the tests below follow each other on it."""
    with serve(site_each_builder) as url, hulp_pagina(browser, url, viewport=SCREEN) as page:
        page.start_url = page.url  # type: ignore[attr-defined]
        yield page


def shown(page: Page, knoop: str) -> None:
    page.wait_for_selector(f"fieldset[data-knoop='{knoop}']", timeout=READY)
    # drawn and focused: the page has moved the question into view (locators, not
    # wait_for_function: the page's CSP forbids eval)
    page.locator(f"fieldset[data-knoop='{knoop}'] .doorlopen-vraagtekst:focus").wait_for(timeout=READY)


def out_of_view(page: Page) -> list[str]:
    """What the user must scroll to reach: answers and Volgende below the spoedbalk (fixed at
    the bottom) or above the screen."""
    bottom = page.locator(".md-banner").bounding_box()["y"]  # type: ignore[index]
    problems = []
    for name, locator in [
        *((f"antwoord {o.get_attribute('value')}", o) for o in page.locator(".doorlopen-optie").all()),
        ("Volgende", page.locator("button[data-actie=volgende]")),
    ]:
        box = locator.bounding_box()
        if box is None or box["y"] < 0 or box["y"] + box["height"] > bottom:
            where = box and (round(box["y"]), round(box["y"] + box["height"]))
            problems.append(f"{name}: {where}, screen ends at {bottom}")
    return problems


def answer(page: Page, knoop: str, antwoord: str, onderbouwing: str) -> None:
    page.check(f"#antwoord-{antwoord}")
    if onderbouwing:
        page.click("#onderbouwing-kop")
        page.fill("#onderbouwing", onderbouwing)
    page.click("button[data-actie=volgende]")


def test_the_page_opens_with_the_first_question_whole(page: Page) -> None:
    """As the page opens, unscrolled: the first question's answers and Volgende are on the
    first screen, above the spoedbalk."""
    assert page.evaluate("scrollY") == 0
    assert out_of_view(page) == []


def test_every_question_fits_the_first_screen(page: Page) -> None:
    problems = {}
    for i, (knoop, antwoord, onderbouwing) in enumerate(ROUTE):
        if i:
            shown(page, knoop)
        if i == 1:
            # the first question as the helper draws it (after Vorige), not as the page opens
            page.click("button[data-actie=terug]")
            shown(page, "vraag-1")
            problems["vraag-1"] = out_of_view(page)
            page.click("button[data-actie=volgende]")
            shown(page, knoop)
        problems[knoop] = out_of_view(page)
        answer(page, knoop, antwoord, onderbouwing)
    page.locator("#uitkomst-kop", has_text=UITKOMST).wait_for(timeout=READY)
    assert {k: p for k, p in problems.items() if p} == {}
    assert len(problems) == 7


def test_back_and_forward_walk_the_questions_and_keep_the_answers(page: Page) -> None:
    assert page.evaluate("history.state") == {"knoop": "uitkomst-hulp-organiseren"}
    page.go_back()
    shown(page, "beslissing-2")
    assert page.is_checked("#antwoord-ja")
    page.go_back()
    page.go_back()
    shown(page, "vraag-5")
    assert page.is_checked("#antwoord-ja")
    assert page.input_value("#onderbouwing") == "Het gaat beter."
    assert page.locator(".doorlopen-ingevuld").is_visible(), "a reason given before is marked"
    assert out_of_view(page) == []
    page.go_forward()
    shown(page, "beslissing-1")
    assert page.is_checked("#antwoord-nee")
    page.go_forward()
    page.go_forward()
    page.locator("#uitkomst-kop", has_text=UITKOMST).wait_for(timeout=READY)
    # the answers stand in the closed "Uw antwoorden" disclosure: its text, not what is drawn open
    assert "Blauwe plekken gezien." in (page.locator(".doorlopen-uitkomst").text_content() or "")
    # the history holds the place only: no answer, no text, and the address never changes
    assert page.evaluate("history.state") == {"knoop": "uitkomst-hulp-organiseren"}
    assert page.url == page.start_url  # type: ignore[attr-defined]
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]


def test_vorige_is_the_browsers_back(page: Page) -> None:
    page.click(".doorlopen-uitkomst button[data-actie=terug]")
    shown(page, "beslissing-2")
    assert page.evaluate("history.state") == {"knoop": "beslissing-2"}
    page.go_forward()
    page.locator("#uitkomst-kop", has_text=UITKOMST).wait_for(timeout=READY)


def test_opnieuw_asks_and_cancelling_keeps_the_uitkomst(page: Page) -> None:
    asked: list[Dialog] = []

    def dismiss(dialog: Dialog) -> None:
        asked.append(dialog)
        dialog.dismiss()

    # what the page asks of the engine from here: a wipe asks "restart" in the same click
    page.evaluate(
        """() => { window.__gevraagd = []; const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (m) {
          window.__gevraagd.push(m && m.args);
          return post.call(this, m);
        }; }"""
    )
    page.once("dialog", dismiss)
    page.click(".doorlopen-uitkomst button[data-actie=opnieuw]")
    assert [(d.type, d.message) for d in asked] == [("confirm", VRAAG_SCHERM["opnieuw"])]
    assert page.evaluate("window.__gevraagd") == []
    assert page.locator("#uitkomst-kop", has_text=UITKOMST).is_visible()
    page.go_back()
    shown(page, "beslissing-2")
    assert page.is_checked("#antwoord-ja"), "cancelling Opnieuw wiped nothing"


@pytest.mark.one_builder
def test_reload_with_a_reason_typed_asks_first(page: Page) -> None:
    asked: list[str] = []

    def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.click("#onderbouwing-kop")
    page.fill("#onderbouwing", "Nog een reden.")
    with contextlib.suppress(PlaywrightTimeout):
        page.reload(timeout=3000)  # staying cancels the reload
    page.remove_listener("dialog", stay)
    assert asked == ["beforeunload"]
    assert page.input_value("#onderbouwing") == "Nog een reden.", "staying keeps what was typed"


@pytest.mark.one_builder
def test_after_opnieuw_everything_is_gone_and_leaving_asks_nothing(page: Page) -> None:
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[data-actie=opnieuw]")
    shown(page, "vraag-1")
    for _ in range(50):  # history.go() back to the first entry is asynchronous
        if page.evaluate("history.state") == {"knoop": "vraag-1"}:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("history.state") == {"knoop": "vraag-1"}
    assert not page.is_checked("#antwoord-ja") and page.input_value("#onderbouwing") == ""
    assert out_of_view(page) == []
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.reload()
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    assert asked == []


@pytest.mark.one_builder
def test_after_saving_the_verslag_leaving_asks_nothing(page: Page) -> None:
    """Saved for the overlegformulier: the user has the file, so leaving is not a loss; a
    change after saving makes it one again (covered by the reload test above)."""
    page.check("#antwoord-nee")
    page.click("button[data-actie=volgende]")
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
    page.click(".doorlopen-uitkomst button[data-actie=overlegformulier]")
    with page.expect_download():
        page.click("[data-overleg=nieuw]")
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.reload()
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    assert asked == []
