"""The uitkomst on a phone (390 × 844): what to do comes first, the background is behind
disclosures, and it reads without the protocol's letter codes.

Every route of the afwegingskader is walked in one helper page (routes follow each other
through Opnieuw, so Pyodide starts once). For each: the besluit, the first action with its
Wie and its Wanneer, every button and, where the protocol has one, its exception to the
gesprek with the ouders (open, not folded) lie within two screens of the uitkomst's heading;
every action has a Wanneer; the whole text, the disclosures' content included, has no letter
code and no "n.v.t.". On the route to Direct melden
(meldnorm A) the protocol's exception to the gesprek with the ouders stands right after
the sentence about that gesprek, and print shows every disclosure's content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROTOCOL
from goldens import route_name
from hulp_pagina import hulp_pagina, loop_route
from playwright.sync_api import Browser, Page

from generator.afwegingskader.export import afwegingskader_data
from generator.afwegingskader.graph import Graph
from generator.checks.run import load_and_check
from generator.postbuild.chromium import serve

pytestmark = pytest.mark.browser

SCREEN = {"width": 390, "height": 844}
PROTOCOL_DATA = load_and_check(PROTOCOL)[0].protocol
ROUTES = Graph.of(PROTOCOL_DATA).routes()
KADER = afwegingskader_data(PROTOCOL_DATA)
# what a reader must not meet in an uitkomst: the protocol's codes belong on the reference pages
CODES = (
    re.compile(r"\b[A-F][0-9]\b"),  # B1, A2, …
    re.compile(r"\bIndien\s+[A-F][0-9]?\b"),  # "Indien B1 NEE en B2 JA"
    re.compile(r"\(in het protocol:"),
    re.compile(r"\bn\.v\.t\."),
    re.compile(r"niet bereikt|niet gevraagd zijn"),
)


@pytest.fixture(scope="module")
def page(site: Path, browser: Browser) -> Iterator[Page]:
    with serve(site) as url, hulp_pagina(browser, url, viewport=SCREEN) as page:
        yield page


def _uitkomst(route: list[tuple[str, str]]) -> dict:
    """The uitkomst a route ends in, from the exported data (the engine's input)."""
    knopen = {k["id"]: k for k in KADER["vragen"] + KADER["beslissingen"]}
    knoop, antwoord = route[-1]
    doel = next(a["volgende"] for a in knopen[knoop]["antwoorden"] if a["id"] == antwoord)
    return next(u for u in KADER["uitkomsten"] if u["id"] == doel)


def bottom(page: Page, selector: str) -> float:
    """The bottom of the first element matching `selector`, from the top of the document."""
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().bottom + window.scrollY")


@pytest.mark.parametrize("route", ROUTES, ids=[route_name(r) for r in ROUTES])
def test_what_to_do_and_the_buttons_come_within_two_screens(page: Page, route: list[tuple[str, str]]) -> None:
    loop_route(page, route)
    uitkomst = ".doorlopen-uitkomst"
    top = page.eval_on_selector("#uitkomst-kop", "e => e.getBoundingClientRect().top + window.scrollY")
    limit = top + 2 * SCREEN["height"]
    eerste = f"{uitkomst} ol.weergave-acties > li:first-child"
    wie = page.locator(f"{eerste} .weergave-regel", has_text="Wie:")
    assert wie.count() == 1, "the first action says who"
    wanneer = page.locator(f"{eerste} .weergave-regel", has_text="Wanneer:")
    assert wanneer.count() == 1, "the first action says when"
    wanneer_bottom = bottom(page, f"{eerste} .weergave-regel:has(strong:text-is('Wanneer: '))")
    measured = {
        "besluit": bottom(page, f"{uitkomst} .weergave-besluit"),
        "eerste actie, Wie": bottom(page, f"{eerste} .weergave-regel:has(strong:text-is('Wie: '))"),
        "eerste actie, Wanneer": wanneer_bottom,
    }
    for li in page.locator(f"{uitkomst} :is(.weergave-acties, .weergave-verwachten) > li").all():
        assert "Wanneer: " in li.inner_text(), li.inner_text()
    # the protocol's exception to the gesprek with the ouders, where its uitkomst has it: open
    uitzonderingen = [a["uitzondering"] for a in _uitkomst(route)["acties"] if a["uitzondering"]]
    regel = page.locator(f"{uitkomst} .weergave-acties .weergave-actie-uitzondering")
    assert regel.count() == len(uitzonderingen)
    for i, u in enumerate(uitzonderingen):
        assert regel.nth(i).is_visible() and u["titel"] in regel.nth(i).inner_text()
        assert "veiligheid" in regel.nth(i).inner_text()
        measured["uitzondering"] = regel.nth(i).evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
    knoppen = page.locator(f"{uitkomst} button[data-actie]")
    assert knoppen.count() >= 3
    for i in range(knoppen.count()):
        box = knoppen.nth(i).bounding_box()
        measured[knoppen.nth(i).inner_text()] = box["y"] + box["height"] + page.evaluate("window.scrollY")
    te_laag = {k: round(v - top) for k, v in measured.items() if v > limit}
    assert not te_laag, f"more than two screens below the heading (px from its top): {te_laag}"
    # every button once
    acties = page.eval_on_selector_all(f"{uitkomst} button[data-actie]", "bs => bs.map(b => b.dataset.actie)")
    assert len(acties) == len(set(acties))


@pytest.mark.parametrize("route", ROUTES, ids=[route_name(r) for r in ROUTES])
def test_the_uitkomst_reads_without_codes(page: Page, route: list[tuple[str, str]]) -> None:
    loop_route(page, route)
    disclosures = page.locator(".doorlopen-uitkomst details")
    assert disclosures.count() >= 2, "the background is behind disclosures"
    assert page.eval_on_selector_all(".doorlopen-uitkomst details", "ds => ds.every(d => !d.open)")
    page.eval_on_selector_all(".doorlopen-uitkomst details", "ds => ds.forEach(d => { d.open = true; })")
    text = page.inner_text(".doorlopen-uitkomst")
    for code in CODES:
        assert not code.search(text), f"{code.pattern}: {code.search(text).group(0)!r} in the uitkomst"


def test_meldnorm_a_shows_the_exception_to_the_gesprek_with_the_ouders(page: Page) -> None:
    route = next(r for r in ROUTES if r == [("vraag-1", "ja"), ("vraag-2", "ja")])
    loop_route(page, route)
    [sectie] = [s for s in KADER["melding"]["secties"] if s["uitzondering"]]
    uitzondering = sectie["uitzondering"]
    kop = page.locator(".doorlopen-uitkomst .weergave-uitzondering-kop")
    assert kop.text_content() == uitzondering["titel"]
    # right after the sentence it is the exception to
    voor = kop.evaluate("e => e.previousElementSibling.textContent")
    assert voor == sectie["alineas"][-1]
    punten = page.locator(".doorlopen-uitkomst .weergave-uitzondering").all_text_contents()
    assert punten == uitzondering["alineas"]
    # on paper the disclosures are open: the exception prints
    assert not kop.is_visible()
    page.emulate_media(media="print")
    try:
        assert kop.is_visible()
        assert page.locator(".doorlopen-uitkomst .weergave-route").is_visible()
    finally:
        page.emulate_media(media="screen")
