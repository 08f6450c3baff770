"""One wording: what the helper shows in Chromium is word for word the golden verslag.

Every route of the afwegingskader is walked in the browser on both builders' sites; the
uitkomst the page draws (every block the engine decided, the disclosures' content included,
date fields and buttons apart) must read exactly as tests/golden/routes/<route>.txt, and
the file the "Opslaan voor het overlegformulier" button writes must hold
tests/golden/overleg/<route>.txt as onderdeel F. The goldens are written by the engine's
plain-text presenter (tests/unit/test_engine.py), so the text, the page and the werkblad cannot
drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import goldens
import pytest
from conftest import PROTOCOL
from goldens import STARTDATUM, route_name
from hulp_pagina import hulp_pagina, loop_route
from playwright.sync_api import Browser, Page

from generator.afwegingskader.graph import Graph
from generator.checks.run import load_and_check
from generator.postbuild.chromium import serve

pytestmark = pytest.mark.browser

ROUTES = Graph.of(load_and_check(PROTOCOL)[0].protocol).routes()
OVERLEG_VELD = "F-ruimte"  # onderdeel F of the overlegformulier: "verdere beschrijving gevolgde route"


@pytest.fixture(scope="module")
def page(site_each_builder: Path, browser: Browser) -> Iterator[Page]:
    """One helper page per builder on a phone-sized screen, its clock on the goldens'
    startdatum; routes follow each other through Opnieuw, so Pyodide starts once."""
    middag = datetime.combine(STARTDATUM, datetime.min.time()).replace(hour=10)
    with (
        serve(site_each_builder) as url,
        hulp_pagina(
            browser,
            url,
            lambda page: page.clock.set_fixed_time(middag),
            viewport={"width": 390, "height": 844},
            accept_downloads=True,
        ) as page,
    ):
        yield page


@pytest.mark.parametrize("route", ROUTES, ids=[route_name(r) for r in ROUTES])
def test_the_uitkomst_reads_as_the_golden_verslag(page: Page, route: list[tuple[str, str]]) -> None:
    loop_route(page, route)
    # the background behind the disclosures is part of the words: open them to read it
    page.eval_on_selector_all(".doorlopen-uitkomst details", "ds => ds.forEach(d => { d.open = true; })")
    shown = " ".join(page.locator(".doorlopen-uitkomst [data-blok]").all_inner_texts())
    assert goldens.words(shown) == goldens.golden_words("routes", route_name(route))


@pytest.mark.parametrize("route", ROUTES[:3], ids=[route_name(r) for r in ROUTES[:3]])
def test_onderdeel_f_holds_the_golden_text(page: Page, route: list[tuple[str, str]]) -> None:
    loop_route(page, route)
    page.click("button[data-actie=overlegformulier]")
    with page.expect_download() as download:  # a new file (adding to her own: test_overleg_browser)
        page.click("button[data-overleg=nieuw]")
    bestand = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    [veld] = [v for v in bestand["velden"] if v["id"] == OVERLEG_VELD]
    assert veld["waarde"] + "\n" == goldens.path("overleg", route_name(route)).read_text(encoding="utf-8")
