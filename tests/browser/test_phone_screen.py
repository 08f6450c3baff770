"""A 390-px phone (Chromium at 390 x 844): the charts in their phone layout, Oefenen keeping
the new question in view, what folds away and what a phone's menu holds. That every page is no
wider than the screen, keeps its tables readable and the emergency number in reach is part of
the one walk over every page in the quality gate (tests/sitecheck.py, run by test_gate.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MIN_CHART_TEXT = 12  # CSS px

CHARTS = """() => [...document.querySelectorAll('svg.kaart')]
  .filter((svg) => svg.getBoundingClientRect().width).map((svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const width = document.documentElement.clientWidth;
  return {
    layout: svg.getAttribute('class'),
    outside: [...svg.querySelectorAll('g.node')].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.left < 0 || r.right > width;
    }).map((n) => n.id),
    smallestText: Math.min(...[...svg.querySelectorAll('text')]
      .map((t) => parseFloat(t.getAttribute('font-size')) * scale)),
  };
})"""


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("url", ["routekaart/", "oefenen/", "afwegingskader-doorlopen/"])
def test_charts_fit_a_phone_with_readable_text(phone: Page, base: str, url: str) -> None:
    phone.goto(base + url, wait_until="networkidle")
    charts = phone.evaluate(CHARTS)
    assert charts, "geen kaart zichtbaar"
    for chart in charts:
        assert "kaart--smal" in chart["layout"], chart
        assert chart["outside"] == [], chart
        assert chart["smallestText"] >= MIN_CHART_TEXT, chart


def test_desktop_shows_the_desktop_chart(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "routekaart/")
    shown = page.evaluate(CHARTS)
    assert [c["layout"].split()[-1] for c in shown] == ["kaart--breed", "kaart--breed"]
    context.close()


def test_back_to_top_sits_in_the_spoedbalk_not_over_the_page(phone: Page, base: str) -> None:
    phone.goto(base + "afwegingskader/", wait_until="networkidle")
    phone.mouse.wheel(0, 3000)
    phone.mouse.wheel(0, -300)
    top = phone.locator(".md-top")
    top.wait_for(state="visible")
    knop = top.bounding_box()
    balk = phone.locator(".md-banner").bounding_box()
    assert knop and balk
    assert knop["y"] >= balk["y"] and knop["y"] + knop["height"] <= balk["y"] + balk["height"], (knop, balk)
    # the page reserves the bar's height: the last of the content can scroll clear of it
    padding = phone.evaluate("parseFloat(getComputedStyle(document.body).paddingBottom)")
    assert padding >= balk["height"]


IN_VIEW = """() => {
  const free = (el) => {
    const r = el.getBoundingClientRect();
    const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const bottom = document.querySelector('.md-banner').getBoundingClientRect().top;
    return r.width > 0 && r.top >= top - 1 && r.bottom <= bottom + 1;
  };
  const vraag = document.querySelector('#oefenen-vraag');
  const knoop = [...document.querySelectorAll('.kaart .knoop.is-actief')].find((k) => k.getBoundingClientRect().width);
  // the node is not under the sticky panel either
  const paneel = document.querySelector('.oefenen-paneel').getBoundingClientRect();
  const k = knoop.getBoundingClientRect();
  const covered = !(paneel.right <= k.left || paneel.left >= k.right
    || paneel.bottom <= k.top || paneel.top >= k.bottom);
  const antwoord = document.querySelector('.oefenen-antwoord:last-child');
  return {vraag: free(vraag), antwoorden: !antwoord || free(antwoord), knoop: free(knoop) && !covered, id: knoop.id};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_oefenen_keeps_question_and_node_in_view(browser: Browser, base: str, width: int) -> None:
    """After every answer: the new question on screen, and its node on the chart beside it
    (desktop), or its answers with the chart below them (phone: no panel over the chart)."""
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 900})
    page = context.new_page()
    page.goto(base + "oefenen/")
    page.wait_for_selector("[data-antwoord]")
    seen = []
    for antwoord in ("ja", "nee", "ja", "ja", "ja", "nee", "nee"):
        page.click(f".oefenen-antwoord[data-antwoord={antwoord}]")
        seen.append(page.evaluate(IN_VIEW))
    naast = "knoop" if width > 500 else "antwoorden"
    assert all(s["vraag"] and s[naast] for s in seen), seen[-2:]
    if width == 390:
        # the phone layout of the chart shows the same route as the desktop one
        # an uitkomst drawn more than once: only the copy the chosen arrow points at is lit
        assert seen[-1]["id"].startswith("kaart-smal-uitkomst-melden--")
        assert page.locator(".kaart--smal .knoop.is-actief").count() == 1
        naar = page.locator("#kaart-smal-rand-beslissing-2-nee").get_attribute("data-naar")
        assert seen[-1]["id"] == f"kaart-smal-{naar}"
        assert "is-gekozen" in (page.locator("#kaart-smal-rand-vraag-3-ja").get_attribute("class") or "")
    context.close()


def test_afwegingskader_page_explains_its_codes_and_folds_the_long_parts(phone: Page, base: str) -> None:
    phone.goto(base + "afwegingskader/")
    codes = phone.locator("#codes").inner_text()
    # every code the page shows is explained where the table starts, from the model
    assert "A1 is Ja en B1 is Nee bij beslissing 1" in codes and "A2 is Ja en B2 is Nee bij beslissing 2" in codes
    assert "ja en twijfel bij vraag 2 zijn allebei B" in codes
    assert "bij beslissing 1 en bij beslissing 2 is het antwoord Nee" in codes
    # folded: the table and what each uitkomst asks; every uitkomst's heading and decision in view
    assert phone.locator(".beslistabel").is_hidden()
    uitkomsten = phone.locator("section.uitkomst")
    assert uitkomsten.count() >= 5
    for i in range(uitkomsten.count()):
        sectie = uitkomsten.nth(i)
        assert sectie.locator("h3").is_visible() and sectie.locator("details:not([open])").count() == 1
    assert phone.evaluate("document.documentElement.scrollHeight") < 9_000  # was 15,300 px unfolded
    # one tap opens an uitkomst with its Wie and Wanneer
    eerste = uitkomsten.nth(1)
    eerste.locator("summary").click()
    assert eerste.locator("table").is_visible() and "Wanneer" in eerste.locator("table").inner_text()
    # and, as in the helper, the exception right by the parents' action (Direct melden)
    assert "Geen gesprek met de ouders als: Er concrete aanwijzingen zijn" in eerste.locator("table").inner_text()
    # a link to an uitkomst (from the helper, the route map) lands on its heading
    phone.goto(base + "afwegingskader/#uitkomst-melden")
    assert phone.locator("#uitkomst-melden").is_visible()
    # on paper the folds are open
    phone.emulate_media(media="print")
    assert phone.locator(".beslistabel").is_visible()
    phone.emulate_media(media="screen")


def test_the_print_version_is_no_menu_item_on_a_phone_but_is_on_a_desktop(
    phone: Page, browser: Browser, base: str
) -> None:
    phone.goto(base)
    link = phone.locator('.md-nav--primary .md-nav__link[href$="afdrukken/"]')
    assert link.count() == 1 and link.is_hidden()
    # reached from the start page instead, in its links
    assert phone.locator('.md-content a[href$="afdrukken/"]').count() >= 1
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "contacten/")  # the start page hides the menu at any width
    assert page.locator('.md-nav--primary .md-nav__link[href$="afdrukken/"]').is_visible()
    context.close()
