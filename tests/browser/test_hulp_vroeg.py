"""The helper on a slow link, at 390 × 844: an answer given before the page's modules or
the engine have loaded still leads Back and Forward where they should, and a quick double
tap on Volgende is not taken for an empty answer on the next question.

The modules (or the engine's runtime) are held back by the test, as a slow phone network
would, and let through when the test says so (hulp_pagina.hold, release)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hulp_pagina import READY, hold, hold_runtime, open_hulp, release, tap_volgende
from meldcode_engine.woorden import VRAAG_SCHERM
from playwright.sync_api import Browser, BrowserContext, Page

from generator.postbuild.chromium import serve

pytestmark = pytest.mark.browser

SCREEN = {"width": 390, "height": 844}
MODULES = "**/assets/javascripts/*.js"


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=SCREEN)
    yield context
    context.close()


def open_vroeg(context: BrowserContext, base: str) -> Page:
    """The helper's page as soon as its first question shows, before its modules may have run."""
    page = open_hulp(context, base, wait_until="commit")
    page.wait_for_selector("fieldset[data-knoop='vraag-1']", timeout=READY)
    return page


def op(page: Page, knoop: str) -> None:
    page.wait_for_selector(f"fieldset[data-knoop='{knoop}']", timeout=READY)


def klaar(page: Page) -> None:
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)


def test_an_answer_before_the_modules_ran_goes_back_and_forward(context: BrowserContext, base: str) -> None:
    modules = hold(context, MODULES)
    page = open_vroeg(context, base)
    page.check("#antwoord-ja")
    page.click("button[data-actie=volgende]")  # kept by the page's own few lines until hulp.js runs
    release(page, modules)
    context.unroute(MODULES)  # after: unroute lets the routes still held go (twice is an error)
    op(page, "vraag-2")
    page.go_back()
    op(page, "vraag-1")
    assert page.locator("#antwoord-ja").is_checked()
    page.go_forward()
    op(page, "vraag-2")
    klaar(page)
    page.go_back()
    op(page, "vraag-1")
    page.go_forward()
    op(page, "vraag-2")
    assert page.errors == []  # type: ignore[attr-defined]


def test_forward_after_going_back_while_the_engine_loaded(context: BrowserContext, base: str) -> None:
    """Back before the engine is ready, then the engine takes over: Forward still leads on."""
    runtime = hold_runtime(context)
    page = open_vroeg(context, base)
    page.check("#antwoord-ja")
    page.click("button[data-actie=volgende]")
    op(page, "vraag-2")  # from the table, while the engine waits
    page.go_back()
    op(page, "vraag-1")
    release(page, runtime)
    klaar(page)
    page.go_forward()
    op(page, "vraag-2")
    assert page.evaluate("history.state.knoop") == "vraag-2"
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_double_tap_on_volgende_is_no_empty_answer(context: BrowserContext, base: str) -> None:
    """The second tap lands on the next question, drawn the moment after the first: it is no
    empty answer. A tap a while later without an answer still asks for one."""
    page = open_vroeg(context, base)
    klaar(page)
    page.check("#antwoord-ja")
    tap_volgende(page, 2)  # a double tap
    op(page, "vraag-2")
    fout = page.locator(".doorlopen-fout")
    assert not fout.inner_text().strip(), fout.inner_text()
    page.wait_for_timeout(700)  # longer than a double tap
    page.click("button[data-actie=volgende]")
    assert fout.inner_text() == VRAAG_SCHERM["kies"]
    assert page.errors == []  # type: ignore[attr-defined]
