"""De eerste minuten: the page 'Ik maak me zorgen over een kind' quotes stap 1 and 2 word
for word (checked), names whom to go to, is the first thing on the home page and in the
menu, and fits one phone screen above the spoedbalk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROTOCOL, Edit
from playwright.sync_api import Browser, Page

from generator.checks.run import load_and_check
from generator.errors import ProtocolError
from generator.postbuild.chromium import serve
from generator.source.telefoon import tel_href

CITAAT = "Vermelden van wie bepaalde informatie afkomstig is."


def test_a_citaat_not_in_its_stap_is_an_error_with_its_line(protocol_copy: Path, edit: Edit) -> None:
    line = edit("stappen.yaml", f"        - {CITAAT}", "        - Vermelden van wie de informatie komt.")
    with pytest.raises(ProtocolError) as raised:
        load_and_check(protocol_copy)
    [error] = raised.value.errors
    assert (error.line, "niet letterlijk in stap 1" in error.message) == (line, True)


def test_a_citaat_may_wrap_differently_than_the_stap(protocol_copy: Path, edit: Edit) -> None:
    edit(
        "stappen.yaml",
        f"        - {CITAAT}",
        "        - >-\n          Vermelden van wie bepaalde\n          informatie afkomstig is.",
    )
    load_and_check(protocol_copy)  # folded over two lines: still the same sentence


@pytest.fixture(scope="module")
def phone(browser: Browser, site_each_builder: Path) -> Iterator[tuple[Page, str]]:
    with serve(site_each_builder) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        yield page, url
        context.close()


@pytest.mark.browser
def test_one_tap_from_home_and_first_in_the_menu(phone: tuple[Page, str]) -> None:
    page, url = phone
    page.goto(url)
    page.locator("article a", has_text="Ik maak me zorgen over een kind").first.click()
    page.wait_for_url(url + "zorgen/#zorgen", wait_until="commit")  # the theme may navigate without a load event
    page.locator("h1#zorgen").wait_for()
    first_in_menu = page.locator(".md-nav--primary .md-nav__list .md-nav__link").first
    assert "Ik maak me zorgen over een kind" in first_in_menu.inner_text()


@pytest.mark.browser
def test_fits_one_phone_screen_above_the_spoedbalk(phone: tuple[Page, str]) -> None:
    page, url = phone
    page.goto(url + "zorgen/")
    bottom = page.evaluate("() => document.querySelector('article').lastElementChild.getBoundingClientRect().bottom")
    spoedbalk = page.locator(".spoedbalk").bounding_box()
    assert spoedbalk is not None
    assert bottom <= spoedbalk["y"], (
        f"de pagina loopt door tot {bottom:.0f} px; de spoedbalk begint op {spoedbalk['y']:.0f}"
    )
    text = page.locator("article").inner_text()
    assert "Wie: aandachtsfunctionaris (intern begeleider; vraag op school wie dit is)" in text
    assert "Een kind nooit absolute geheimhouding beloven." in text
    assert page.locator("article a[href*='werkbladen/signalen-vastleggen/']").count() == 1
    assert page.locator("article a[href*='afwegingskader-doorlopen/']").count() == 1
    # a number to call in the page's own text (the spoedbalk aside): Veilig Thuis for advice,
    # from contacten.yaml, with the protocol's words on when
    veilig_thuis = next(c for c in load_and_check(PROTOCOL)[0].protocol.contacten.contacten if c.id == "veilig-thuis")
    advies = page.locator("article li", has_text="Advies vragen:")
    assert advies.count() == 1 and f"Advies vragen: {veilig_thuis.naam}, {veilig_thuis.telefoon}" in advies.inner_text()
    assert advies.locator(f"a[href='{tel_href(veilig_thuis.telefoon)}']").is_visible()
    assert "Er kan altijd (anoniem) advies worden ingewonnen bij Veilig Thuis." in text
