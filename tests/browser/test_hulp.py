"""The helper (hulp) of the afwegingskader in headless Chromium: routes by clicking, Vorige and
Opnieuw, keyboard only, early answers, the fallback, and nothing stored or sent."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROTOCOL
from hulp_pagina import PAGE, READY, from_the_start, hold, hold_runtime, open_hulp, release, tap_volgende
from meldcode_engine import Sessie
from playwright.sync_api import Browser, BrowserContext, Page, Route

from generator.afwegingskader.export import afwegingskader_data
from generator.checks.run import load_and_check
from generator.postbuild.chromium import serve

pytestmark = pytest.mark.browser

KADER = afwegingskader_data(load_and_check(PROTOCOL)[0].protocol)
START = KADER["start"]
NA_JA = next(a["volgende"] for k in KADER["vragen"] if k["id"] == START for a in k["antwoorden"] if a["id"] == "ja")
STORAGE = """async () => {
  const dbs = indexedDB.databases ? await indexedDB.databases() : [];
  return [localStorage.length, sessionStorage.length, dbs.length, document.cookie];
}"""


@pytest.fixture(scope="module")
def base(site_each_builder: Path) -> Iterator[str]:
    """Every test here runs on the mkdocs-material and on the Zensical build."""
    with serve(site_each_builder) as url:
        yield url


def wait_ready(page: Page) -> None:
    # locator waits, not wait_for_function: the page's CSP (rightly) forbids eval
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)


def answer(page: Page, knoop: str, antwoord: str, onderbouwing: str = "") -> None:
    page.wait_for_selector(f"fieldset[data-knoop='{knoop}']", timeout=READY)
    page.check(f"#antwoord-{antwoord}")
    if onderbouwing:
        if page.locator("#onderbouwing").is_hidden():  # folded behind its label
            page.click("#onderbouwing-kop")
        page.fill("#onderbouwing", onderbouwing)
    page.click("button[data-actie=volgende]")


def expected_uitkomst(route: list[tuple[str, str]]) -> dict:
    sessie = Sessie(KADER)
    sessie.start()
    for knoop, antwoord in route:
        state = sessie.answer(knoop, antwoord)
    return state["uitkomst"]


ROUTES = {
    "direct-melden-bij-twijfel": [("vraag-1", "ja"), ("vraag-2", "twijfel")],
    "dossier-sluiten": [("vraag-1", "nee")],
    "melden-meldnorm-c": [
        ("vraag-1", "ja"),
        ("vraag-2", "nee"),
        ("vraag-3", "ja"),
        ("vraag-4", "ja"),
        ("vraag-5", "nee"),
    ],
    "zelf-hulp": [
        ("vraag-1", "ja"),
        ("vraag-2", "nee"),
        ("vraag-3", "ja"),
        ("vraag-4", "ja"),
        ("vraag-5", "ja"),
        ("beslissing-1", "nee"),
        ("beslissing-2", "ja"),
    ],
    "melden-na-beslissing-2": [
        ("vraag-1", "ja"),
        ("vraag-2", "nee"),
        ("vraag-3", "ja"),
        ("vraag-4", "ja"),
        ("vraag-5", "ja"),
        ("beslissing-1", "nee"),
        ("beslissing-2", "nee"),
    ],
}


@pytest.fixture(scope="module")
def one_page(browser: Browser, base: str) -> Iterator[Page]:
    """One helper page, ready, for routes walked one after the other as she would: through
    Opnieuw (which clears every answer and reason: test_vorige_keeps_answers_and_opnieuw_clears)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = open_hulp(context, base)
    wait_ready(page)
    yield page
    context.close()


@pytest.mark.one_builder
@pytest.mark.parametrize("route", ROUTES.values(), ids=ROUTES.keys())
def test_walk_route_to_uitkomst(one_page: Page, route: list[tuple[str, str]]) -> None:
    page = one_page
    from_the_start(page)  # the route before this one ended at its uitkomst
    for knoop, antwoord in route:
        answer(page, knoop, antwoord, f"Reden bij {knoop}")
    uitkomst = expected_uitkomst(route)
    heading = page.locator("#uitkomst-kop")
    heading.wait_for(timeout=READY)
    assert heading.inner_text() == f"Uitkomst: {uitkomst['titel']}"
    panel = page.locator(".doorlopen-uitkomst")
    # the background (meldnorm, melding, answers) is behind closed disclosures: open them
    assert panel.locator("details[open]").count() == 0
    page.eval_on_selector_all(".doorlopen-uitkomst details", "ds => ds.forEach(d => { d.open = true; })")
    text = panel.inner_text()
    assert ("Besluit: melden bij Veilig Thuis." in text) == uitkomst["melden"]
    assert ("Besluit: geen melding bij Veilig Thuis." in text) == (not uitkomst["melden"])
    if uitkomst["melden"]:
        assert f"Meldnorm {uitkomst['meldnorm']['id']}" in text
        assert panel.locator("a[href='tel:08002000']").count() >= 1
        assert "Voordat de school een melding doet" in text
    for knoop, _ in route:
        assert f"Reden bij {knoop}" in text
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.one_builder
def test_vorige_keeps_answers_and_opnieuw_clears(context: BrowserContext, base: str) -> None:
    page = open_hulp(context, base)
    wait_ready(page)
    answer(page, "vraag-1", "ja", "eerste reden")
    answer(page, "vraag-2", "nee", "tweede reden")
    page.wait_for_selector("fieldset[data-knoop='vraag-3']")
    page.click("button[data-actie=terug]")
    page.wait_for_selector("fieldset[data-knoop='vraag-2']")
    assert page.is_checked("#antwoord-nee")
    assert page.input_value("#onderbouwing") == "tweede reden"
    page.click("button[data-actie=terug]")
    page.wait_for_selector("fieldset[data-knoop='vraag-1']")
    assert page.is_checked("#antwoord-ja") and page.input_value("#onderbouwing") == "eerste reden"
    assert page.locator("button[data-actie=terug]").is_hidden()
    page.once("dialog", lambda dialog: dialog.accept())  # Opnieuw asks first
    page.click("button[data-actie=opnieuw]")
    page.wait_for_selector("#antwoord-ja:not(:checked)")
    assert page.input_value("#onderbouwing") == ""
    answer(page, "vraag-1", "ja")
    page.wait_for_selector("fieldset[data-knoop='vraag-2']")
    assert not page.is_checked("#antwoord-nee"), "Opnieuw must forget later answers too"


@pytest.mark.one_builder
def test_no_answer_gives_a_clear_message(context: BrowserContext, base: str) -> None:
    page = open_hulp(context, base)
    page.click("button[data-actie=volgende]")
    alert = page.locator(".doorlopen-fout")
    assert alert.is_visible() and "Kies een antwoord" in alert.inner_text()


@pytest.mark.one_builder
def test_keyboard_only(context: BrowserContext, base: str) -> None:
    page = open_hulp(context, base)
    wait_ready(page)
    page.focus("#antwoord-nee")
    page.keyboard.press("ArrowUp")  # radio group: arrows move and select
    assert page.is_checked("#antwoord-ja")
    page.keyboard.press("Tab")  # "Wat volgt op elk antwoord?"
    page.keyboard.press("Tab")  # the onderbouwing, folded behind its label: Enter opens it
    assert page.evaluate("document.activeElement.querySelector('#onderbouwing-kop') !== null")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("met het toetsenbord")
    assert page.input_value("#onderbouwing") == "met het toetsenbord"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("fieldset[data-knoop='vraag-2']")
    focused = page.evaluate("document.activeElement.className")
    assert "doorlopen-vraagtekst" in focused, "focus moves to the new question"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    # Tab from the question text reaches the first definition or answer; Space on an answer selects it
    page.focus("#antwoord-twijfel")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
    assert page.evaluate("document.activeElement.id") == "uitkomst-kop"


@pytest.mark.one_builder
def test_while_the_engine_loads_the_questions_go_on_from_the_table(context: BrowserContext, base: str) -> None:
    """With the engine held back, a whole route is answered from the page's table: every next
    question at once, no waiting state between them, quick taps never count twice, Vorige works;
    at the uitkomst the page says it follows, and once the engine is ready (after walking the
    same answers again) it shows the engine's uitkomst."""
    held = hold_runtime(context)
    page = open_hulp(context, base)
    wacht = page.locator(".doorlopen-wacht")
    route = ROUTES["zelf-hulp"]
    page.check(f"#antwoord-{route[0][1]}")
    tap_volgende(page, 3)  # three quick taps are one answer: the next question, no "kies" on it
    page.locator(f"fieldset[data-knoop='{route[1][0]}']").wait_for(timeout=2000)
    assert page.locator(".doorlopen-fout").inner_text() == ""
    assert wacht.inner_text() == "" and page.get_attribute(".doorlopen-formulier", "aria-busy") is None
    page.click("button[data-actie=terug]")  # Vorige from the table, the answer kept
    page.locator(f"fieldset[data-knoop='{START}']").wait_for(timeout=2000)
    assert page.is_checked(f"#antwoord-{route[0][1]}")
    for i, (knoop, antwoord) in enumerate(route):
        page.locator(f"fieldset[data-knoop='{knoop}']").wait_for(timeout=2000)  # at once, no engine
        assert wacht.inner_text() == "", f"a waiting state at {knoop}"
        answer(page, knoop, antwoord, "waargenomen op het plein" if i == 2 else "")
    # the uitkomst needs the engine (its dates): said beside the button, in the engine's words
    assert "daarna ziet u meteen de uitkomst" in wacht.inner_text()
    box, spoedbalk = wacht.bounding_box(), page.locator(".md-banner").bounding_box()
    assert box is not None and spoedbalk is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= spoedbalk["y"], "waiting state out of view"
    assert page.locator("#uitkomst-kop").count() == 0 and held, "the engine was not held back"
    release(page, held)
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
    assert page.locator("#uitkomst-kop").inner_text() == "Uitkomst: " + expected_uitkomst(route)["titel"]
    assert page.locator(".doorlopen-fout").is_hidden() and wacht.inner_text() == ""
    # the onderbouwing typed while the engine loaded reached the engine's verslag
    assert "waargenomen op het plein" in (page.locator(".doorlopen-uitkomst").text_content() or "")
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.one_builder
def test_the_engine_s_route_wins_over_a_table_that_differs(context: BrowserContext, base: str) -> None:
    """A page whose table sends an answer elsewhere than the engine does (a page older than
    its helper): once ready, the engine walks the answers, says so and shows its own place."""
    held = hold_runtime(context)

    def other_table(route: Route) -> None:
        html = route.fetch().text()
        # the table sends ja of the first question to the second beslissing instead
        html = html.replace('"volgende":"' + NA_JA + '"', '"volgende":"beslissing-2"', 1)
        route.fulfill(body=html, headers={"Content-Type": "text/html"})

    context.route("**/" + PAGE, other_table)
    page = open_hulp(context, base)
    answer(page, START, "ja")
    page.locator("fieldset[data-knoop='beslissing-2']").wait_for(timeout=2000)  # the table's place
    release(page, held)
    page.locator(f"fieldset[data-knoop='{NA_JA}']").wait_for(timeout=READY)  # the engine's place
    assert "op een andere plek uitgekomen" in page.locator(".doorlopen-fout").inner_text()
    answer(page, NA_JA, "twijfel")  # and the engine goes on from there
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.one_builder
def test_every_route_asks_ja_nee_twijfel_in_that_order(context: BrowserContext, base: str) -> None:
    from generator.afwegingskader.graph import Graph

    page = open_hulp(context, base)
    page.on("dialog", lambda dialog: dialog.accept())  # Opnieuw asks first
    wait_ready(page)
    routes = Graph.of(load_and_check(PROTOCOL)[0].protocol).routes()
    assert len(routes) == 9
    for route in routes:
        for knoop, antwoord in route:
            page.wait_for_selector(f"fieldset[data-knoop='{knoop}']", timeout=READY)
            order = page.eval_on_selector_all("input[name=antwoord]", "els => els.map(e => e.value)")
            assert order == [a for a in ("ja", "nee", "twijfel") if a in order], f"{knoop}: {order}"
            page.check(f"#antwoord-{antwoord}")
            page.click("button[data-actie=volgende]")
        page.locator("#uitkomst-kop").wait_for(timeout=READY)
        page.click(".doorlopen-uitkomst button[data-actie=opnieuw]")
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.one_builder
def test_uitkomst_opens_with_what_now_and_counts_four_months_from_the_evaluatie(
    context: BrowserContext, base: str
) -> None:
    page = open_hulp(context, base)
    wait_ready(page)
    for knoop, antwoord in ROUTES["melden-meldnorm-c"]:
        answer(page, knoop, antwoord)
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
    # on a 390 x 844 screen the first action, with who and when, is visible without scrolling
    eerste = page.locator(".weergave-acties > li").first
    box = eerste.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, f"first action starts at {box}"
    for li in page.locator(".weergave-acties > li").all():
        # every action says when; where the protocol names no termijn, that it names none
        assert "Wanneer: " in li.inner_text(), li.inner_text()
        if li.get_attribute("class") == "weergave-actie-geen":
            assert "Wanneer: geen termijn in het protocol: spreek een datum af" in li.inner_text()
    leerkracht = page.locator(".weergave-acties > li", has_text="De leerkracht blijft")
    assert "Wanneer: vanaf de evaluatie, zeker vier maanden lang" in leerkracht.inner_text()
    assert "uiterlijk" not in leerkracht.inner_text()
    vt = page.locator(".weergave-verwachten > li")
    assert "Wie: Veilig Thuis" in vt.inner_text() and "binnen 5 werkdagen na de melding" in vt.inner_text()
    page.click(".doorlopen-datums > summary")  # the date fields are behind a disclosure
    page.fill("#moment-evaluatie", "2026-11-30")
    page.locator("#moment-evaluatie").dispatch_event("change")
    leerkracht.locator("text=minstens tot en met dinsdag 30 maart 2027").wait_for(timeout=READY)
    # the redraw keeps the disclosure open and the focus in the field
    assert page.locator("#moment-evaluatie").is_visible()
    assert page.evaluate("document.activeElement.id") == "moment-evaluatie"
    assert "uiterlijk" not in leerkracht.inner_text()
    # no letter codes; no answer line twice (the answers are behind a disclosure: open it)
    page.eval_on_selector_all(".doorlopen-uitkomst details", "ds => ds.forEach(d => { d.open = true; })")
    text = page.locator(".doorlopen-uitkomst").inner_text()
    assert "Indien B1" not in text
    assert text.count("Afwegingsvraag 5:") == 1
    # the printed verslag says the same, closed disclosures included
    page.eval_on_selector_all(".doorlopen-uitkomst details", "ds => ds.forEach(d => { d.open = false; })")
    page.emulate_media(media="print")
    printed = page.locator(".doorlopen-uitkomst").inner_text()
    assert "vanaf de evaluatie, zeker vier maanden lang" in printed
    assert "minstens tot en met dinsdag 30 maart 2027" in printed
    assert printed.count("Afwegingsvraag 5:") == 1
    assert page.locator(".weergave-bron").is_visible()


CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
PERMISSIVE_CSP = "default-src 'self' data: blob: 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'"


# without the page's <meta> what is left is the helper's worker, the same file on both builders
@pytest.mark.parametrize(
    "policy",
    ["meta", pytest.param("geen", marks=pytest.mark.one_builder), pytest.param("ruim", marks=pytest.mark.one_builder)],
)
def test_helper_starts_under_any_policy(context: BrowserContext, base: str, policy: str) -> None:
    """The module worker needs no blob: and no data: scripts: it starts with the page's own
    CSP, with none at all, and with a host's permissive header that allows data: (which
    made Pyodide refuse the old classic worker)."""
    if policy != "meta":

        def without_meta(route: Route) -> None:
            response = route.fetch()
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            if policy == "ruim":
                headers["content-security-policy"] = PERMISSIVE_CSP
            route.fulfill(response=response, headers=headers, body=CSP_META.sub("", response.text()))

        context.route(f"**/{PAGE}", without_meta)
    page = open_hulp(context, base)
    assert (page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1) == (policy == "meta")
    wait_ready(page)
    for knoop, antwoord in ROUTES["zelf-hulp"]:
        answer(page, knoop, antwoord)
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
    assert page.locator("#uitkomst-kop").inner_text() == "Uitkomst: " + expected_uitkomst(ROUTES["zelf-hulp"])["titel"]
    assert page.errors == []  # type: ignore[attr-defined]


def test_engine_starts_from_the_head_on_its_own(context: BrowserContext, base: str) -> None:
    """hulp-start.js (a module, async, in the head) starts the worker without waiting for the
    theme's scripts or hulp.js: with hulp.js blocked, the engine still loads and reports."""
    context.route("**/javascripts/hulp.js", lambda route: route.abort())
    page = context.new_page()
    with page.expect_request("**/hulp-worker.js", timeout=READY):
        page.goto(base + PAGE)
    # the worker's first words are kept until hulp.js would take it over; the same URL is the
    # same module instance, the one the head started
    page.wait_for_function(
        """() => import(new URL("../assets/javascripts/hulp-start.js", location.href).href).then(
            ({ hulp }) => hulp.vroeg.some((e) => e.data && e.data.type === "klaar"))""",
        timeout=READY,
    )


@pytest.mark.one_builder
def test_fallback_when_webassembly_is_blocked(context: BrowserContext, base: str) -> None:
    # context.route: the request comes from the Web Worker, which page.route may not see
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(base + PAGE)
    fallback = page.locator(".doorlopen-terugval")
    # the worker reports the failed start at once; should that report ever not come, the
    # page's own 60-s limit shows the fallback all the same, so wait a little past it
    fallback.wait_for(state="visible", timeout=READY + 15_000)
    text = fallback.inner_text()
    assert "kan in deze browser niet starten" in text
    assert fallback.locator("a[href$='afwegingskader/#beslistabel']").count() == 1
    assert fallback.locator("a[href='tel:08002000']").count() == 1


def test_first_question_answerable_before_the_theme_script(context: BrowserContext, base: str) -> None:
    """The first question does not wait for the theme's script (large, slow on a phone): with
    that script held back, the question shows, an answer can be chosen, and focus scrolls the
    answers clear of the fixed spoedbalk instead of leaving them under it."""
    held = hold(context, "**/assets/javascripts/bundle.*.min.js")
    page = context.new_page()
    page.goto(base + PAGE, wait_until="commit")
    for antwoord in ("ja", "nee"):
        page.focus(f"#antwoord-{antwoord}")
        keuze = page.locator(f"#antwoord-{antwoord}").bounding_box()
        balk = page.locator(".md-banner").bounding_box()
        assert keuze is not None and balk is not None
        assert keuze["y"] + keuze["height"] <= balk["y"] + 1, f"{antwoord} under the spoedbalk"  # 1 px: rounding
    page.check("#antwoord-ja")
    assert page.is_checked("#antwoord-ja")
    assert held, "the theme's script was not requested at all"
    assert page.evaluate("document.documentElement.classList.contains('no-js')"), "the theme's script ran"
    for route in held:
        route.continue_()


def test_a_tap_before_the_pages_scripts_run_is_kept(context: BrowserContext, base: str) -> None:
    """Volgende tapped while the theme's and the helper's scripts are still on their way (a
    slow link): the page says at once that the answer is received, and when the scripts
    arrive the helper goes on with that answer instead of losing it."""
    held: list[Route] = []
    for script in ("**/assets/javascripts/bundle.*.min.js", "**/assets/javascripts/hulp*.js"):
        context.route(script, lambda route: held.append(route))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + PAGE, wait_until="commit")
    form = page.locator(".doorlopen-formulier")
    page.check("#antwoord-ja")
    page.click("button[data-actie=volgende]")
    wacht = page.locator(".doorlopen-wacht")
    assert wacht.inner_text() == form.get_attribute("data-ontvangen")  # at once, in the source's words
    assert wacht.is_visible()
    assert held, "no script was held back"
    assert page.locator("fieldset").get_attribute("data-knoop") == START  # nothing ran yet
    for _ in range(30):  # whatever else the page asked for meanwhile
        page.wait_for_timeout(100)
        while held:
            held.pop().continue_()
    page.wait_for_selector(f"fieldset:not([data-knoop='{START}'])", timeout=READY)
    assert page.locator("fieldset").get_attribute("data-knoop") == NA_JA
    assert wacht.inner_text() == ""
    assert errors == []


def test_first_question_is_static_html(base: str, site: Path) -> None:
    html = (site / PAGE / "index.html").read_text(encoding="utf-8")
    assert 'data-knoop="vraag-1"' in html and 'id="antwoord-ja"' in html
    assert 'autocomplete="off"' in html.split('id="onderbouwing"', 1)[1][:200] or 'autocomplete="off"' in html
    assert "'wasm-unsafe-eval'" in html and "connect-src 'self'" in html and "blob:" not in html
    # the script that keeps an early tap runs before the form can be tapped: a file of its own
    # (no inline script on any page), placed before the form, so the parser runs it first
    vroeg = next(
        m.group(1)
        for m in re.finditer(r'<script src="([^"]*inline/[^"]*)"', html)
        if "doorlopen-formulier" in (site / PAGE / m.group(1)).resolve().read_text(encoding="utf-8")
    )
    assert html.index(vroeg) < html.index('<form class="doorlopen-formulier"')


def test_full_walk_sends_and_stores_nothing(context: BrowserContext, base: str) -> None:
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = open_hulp(context, base)
    wait_ready(page)
    for knoop, antwoord in ROUTES["melden-meldnorm-c"]:
        answer(page, knoop, antwoord, f"Vertrouwelijk: naam van het kind bij {knoop}")
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
    page.click(".doorlopen-datums > summary")
    page.fill("#moment-melding", "2026-12-24")
    page.locator("#moment-melding").dispatch_event("change")
    page.locator(".weergave-verwachten", has_text="uiterlijk maandag 4 januari 2027").wait_for(timeout=READY)
    # a blob: of the site's own origin is made in the page (the runtime module unpacked in the
    # worker, from a server that compresses nothing), never a request over the network
    off_origin = [u for u in requests if not u.removeprefix("blob:").startswith(base.rstrip("/") + "/")]
    assert off_origin == []
    assert page.evaluate(STORAGE) == [0, 0, 0, ""]
    assert context.cookies() == []
    # no request carries what was typed
    assert not [u for u in requests if "Vertrouwelijk" in u or "naam" in u]
    assert json.dumps(page.errors) == "[]"  # type: ignore[attr-defined]
