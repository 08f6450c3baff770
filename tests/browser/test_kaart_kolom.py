"""Vrij oefenen and the helper's route chart on a phone and on a desktop: at 390 × 844 the
question and its answers are in view and nothing covers them; at 1280 the afwegingskader
fits the column of the helper page whole, its smallest text still legible."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# what covers a point of the page: the element there must be the one we look at (or in it)
COVERED = """(sel) => {
  const n = document.querySelector(sel);
  const r = n.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
  return { top: r.top, bottom: r.bottom, free: !!top && (n === top || n.contains(top)) };
}"""


def in_view(page: Page, selector: str) -> None:
    """The element is wholly on screen between header and spoedbalk, and not covered."""
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    balk = page.evaluate("document.querySelector('.md-banner').getBoundingClientRect().top")
    box = page.evaluate(COVERED, selector)
    assert header <= box["top"] and box["bottom"] <= balk, f"{selector} {box} buiten {header}–{balk}"
    assert box["free"], f"{selector} is bedekt"


@pytest.fixture(scope="module")
def phone(browser: Browser, base: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "oefenen/")
    page.wait_for_selector(".oefenen-antwoord")
    yield page
    context.close()


def test_oefenen_on_a_phone_shows_question_and_answers(phone: Page) -> None:
    phone.locator(".oefenen-antwoord").first.focus()  # where a reader arrives at the question
    phone.evaluate("document.getElementById('oefenen-vraag').scrollIntoView({block: 'start'})")
    assert phone.evaluate("getComputedStyle(document.querySelector('.oefenen-paneel')).position") != "sticky"
    in_view(phone, "#oefenen-vraag")
    in_view(phone, ".oefenen-antwoord:last-child")
    # after an answer the next question and its answers come into view, nothing covers them
    phone.locator(".oefenen-antwoord[data-antwoord=ja]").click()
    phone.wait_for_function("document.querySelector('.oefenen-soort').textContent.includes('2')")
    phone.wait_for_timeout(300)
    in_view(phone, "#oefenen-vraag")
    in_view(phone, ".oefenen-antwoord:last-child")
    # the chart comes below the panel, not under it
    paneel = phone.evaluate("document.querySelector('.oefenen-paneel').getBoundingClientRect().bottom")
    kaart = phone.evaluate("document.querySelector('#oefenen-kaart .kaart--smal').getBoundingClientRect().top")
    assert kaart >= paneel


def hulp_uitkomst(browser: Browser, base: str, width: int, height: int) -> Page:
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(base + "afwegingskader-doorlopen/")
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=60_000)
    page.check("#antwoord-nee")
    page.click("button[data-actie=volgende]")
    page.wait_for_selector(".doorlopen-uitkomst:not([hidden])")
    page.evaluate("document.getElementById('route-op-de-kaart').scrollIntoView()")
    return page


CHART = """(sel) => {
  const houder = document.querySelector('#route-op-de-kaart ~ .kaart-houder');
  const svg = houder.querySelector(sel);
  const kader = houder.getBoundingClientRect(), r = svg.getBoundingClientRect();
  const scale = r.width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
  return { scroll: houder.scrollWidth - houder.clientWidth, left: r.left - kader.left,
           right: kader.right - r.right, smallest: Math.min(...sizes) };
}"""


@pytest.mark.parametrize(("width", "height", "layout"), [(1280, 900, ".kaart--breed"), (390, 844, ".kaart--smal")])
def test_route_chart_fits_its_column(browser: Browser, base: str, width: int, height: int, layout: str) -> None:
    page = hulp_uitkomst(browser, base, width, height)
    chart = page.evaluate(CHART, layout)
    assert chart["scroll"] <= 1, chart  # the whole chart in view, nothing scrolled off its left edge
    assert chart["left"] >= -1 and chart["right"] >= -1, chart
    assert chart["smallest"] >= (9 if layout == ".kaart--breed" else 12), chart
    page.context.close()
