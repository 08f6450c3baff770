"""Oefencasussen: the cases in protocol/oefencasussen.yaml are checked with the engine,
cover the afwegingskader, and can be practised on the Oefenen page (keyboard only,
nothing stored, nothing off-origin, axe clean at 390 px and on a desktop)."""

from __future__ import annotations

import colorsys
import re
import subprocess
from pathlib import Path

import goldens
import pytest
from conftest import PROTOCOL, Edit
from meldcode_engine import Sessie
from meldcode_engine.verslag import blokken_tekst
from meldcode_engine.weergave import actie_item
from playwright.sync_api import Browser, BrowserContext, Page
from sitecheck import AXE, AXE_TAGS, STORAGE, axe_at_rest

from generator.afwegingskader.export import afwegingskader_data
from generator.checks.run import load_and_check
from generator.cli import main
from generator.errors import ProtocolError
from generator.pages.oefencasussen import oefencasussen_data
from generator.pages.woorden import WOORDEN
from generator.source.model import Oefencasus, Protocol

CASUSSEN = "oefencasussen.yaml"


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return load_and_check(PROTOCOL)[0].protocol


def reached(protocol: Protocol, casus: Oefencasus) -> str:
    """The uitkomst the case's expected answers reach, walked here with the engine itself."""
    sessie = Sessie(afwegingskader_data(protocol))
    for stap in casus.route:
        state = sessie.state()
        assert state["huidig"] is not None and state["huidig"]["id"] == stap.knoop, casus.id
        sessie.answer(stap.knoop, stap.antwoord)
    uitkomst = sessie.state()["uitkomst"]
    assert uitkomst is not None, f"{casus.id}: de route eindigt niet in een uitkomst"
    return str(uitkomst["id"])


# --- the source -----------------------------------------------------------------------------


def test_source_passes_without_coverage_warnings() -> None:
    _, warnings = load_and_check(PROTOCOL)
    assert not [w for w in warnings if CASUSSEN in w], warnings


def test_cases_cover_the_afwegingskader(protocol: Protocol) -> None:
    kader = protocol.afwegingskader
    uitkomsten = {u.id: u for u in kader.uitkomsten}
    casussen = protocol.oefencasussen.casussen
    assert len(casussen) >= 10
    bereikt = {c.id: reached(protocol, c) for c in casussen}
    assert all(bereikt[c.id] == c.uitkomst for c in casussen)
    assert set(bereikt.values()) == set(uitkomsten), "niet elke uitkomst wordt geoefend"
    assert {uitkomsten[u].meldnorm for u in bereikt.values()} >= {"A", "B", "C"}
    assert any(s.antwoord == "twijfel" for c in casussen for s in c.route), "geen casus met twijfel"
    assert sum(not uitkomsten[u].melden for u in bereikt.values()) >= 2, "minder dan twee casussen zonder melding"


def test_missing_coverage_is_a_warning_naming_what(protocol_copy: Path) -> None:
    text = (protocol_copy / CASUSSEN).read_text(encoding="utf-8")
    # keep only the first case (alleen-thuis: direct melden, meldnorm A)
    (protocol_copy / CASUSSEN).write_text(text[: text.index("  - id: blauwe-plekken")], encoding="utf-8")
    _, warnings = load_and_check(protocol_copy)
    ours = "\n".join(w for w in warnings if CASUSSEN in w)
    for missing in ("uitkomst-dossier-sluiten", "uitkomst-hulp-organiseren", "meldnorm B", "meldnorm C", "'twijfel'"):
        assert missing in ours, ours
    assert "uitkomst-direct-melden" not in ours and "meldnorm A" not in ours
    assert "0 oefencasus(sen) waarin niet melden" in ours


def line_of(path: Path, needle: str, after: str = "") -> int:
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


def rejected(protocol_copy: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The one error `meldcode check` gives, also as the command an editor runs."""
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    errors = info.value.errors
    assert len(errors) == 1, "\n".join(map(str, errors))
    assert main(["check", str(protocol_copy)]) == 1
    out = capsys.readouterr()
    assert str(errors[0]) in out.err and "Traceback" not in out.err
    return str(errors[0])


def test_a_route_that_no_longer_exists_is_an_error_with_line(
    protocol_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the afwegingskader is edited: vraag-2 loses its answer twijfel
    kader = protocol_copy / "afwegingskader.yaml"
    text = kader.read_text(encoding="utf-8")
    vraag_2 = text.index("id: vraag-2")
    twijfel = re.compile(r"^( +)- id: twijfel\n(?:\1  .*\n)+", re.M).search(text, vraag_2)
    assert twijfel is not None
    kader.write_text(text[: twijfel.start()] + text[twijfel.end() :], encoding="utf-8")
    message = rejected(protocol_copy, capsys)
    line = line_of(protocol_copy / CASUSSEN, "antwoord: twijfel", "id: ruzie-thuis")
    assert f"protocol/{CASUSSEN}:{line}:" in message
    assert "vraag-2 heeft geen antwoord 'twijfel'" in message and "ruzie-thuis" in message


def test_a_question_out_of_order_is_an_error_with_line(
    edit: Edit, protocol_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # in case vechtscheiding, vraag-3 is replaced by vraag-4: that route does not exist
    text = (protocol_copy / CASUSSEN).read_text(encoding="utf-8")
    start = text.index("id: vechtscheiding")
    old = text[start : text.index("knoop: vraag-3", start) + len("knoop: vraag-3")]
    line = edit(CASUSSEN, old, old.replace("knoop: vraag-3", "knoop: vraag-4")) + old.count("\n")
    message = rejected(protocol_copy, capsys)
    assert f"protocol/{CASUSSEN}:{line}:" in message
    assert "na vraag-2 volgt vraag-3, niet vraag-4" in message


def test_the_wrong_uitkomst_is_an_error_with_line(
    edit: Edit, protocol_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = edit(CASUSSEN, "uitkomst: uitkomst-direct-melden", "uitkomst: uitkomst-melden")
    message = rejected(protocol_copy, capsys)
    assert f"protocol/{CASUSSEN}:{line}:" in message
    assert "leiden naar uitkomst-direct-melden, niet naar uitkomst-melden" in message


def test_a_reference_that_does_not_resolve_is_an_error_with_line(
    edit: Edit, protocol_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = edit(CASUSSEN, "{anker:acute-onveiligheid|", "{anker:acute-onveilighied|")
    message = rejected(protocol_copy, capsys)
    assert f"protocol/{CASUSSEN}:{line}:" in message
    assert "'acute-onveilighied' bestaat niet" in message and "bedoelt u 'acute-onveiligheid'?" in message


def test_an_unknown_lkc_uitspraak_is_an_error_with_line(
    edit: Edit, protocol_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = edit(CASUSSEN, "lkc: [107181]", "lkc: [107182]")
    message = rejected(protocol_copy, capsys)
    assert f"protocol/{CASUSSEN}:{line}:" in message and "LKC-uitspraak 107182" in message


def test_a_route_that_stops_early_is_an_error(
    edit: Edit, protocol_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (protocol_copy / CASUSSEN).read_text(encoding="utf-8")
    start = text.index("id: hulp-werkt")
    last = text.index("      - knoop: beslissing-2", start)
    edit(CASUSSEN, text[last : text.index("    uitkomst:", last)], "")
    message = rejected(protocol_copy, capsys)
    assert "de route stopt bij beslissing-2 zonder uitkomst" in message


# --- the data for the page ---------------------------------------------------------------------


def test_page_data_follows_the_source(protocol: Protocol) -> None:
    data = oefencasussen_data(protocol)
    kader = protocol.afwegingskader
    # the answers in the order of afwegingskader.yaml, whatever that order is
    for knoop in [*kader.vragen, *kader.beslissingen]:
        assert [a["id"] for a in data["knopen"][knoop.id]["antwoorden"]] == [a.id for a in knoop.antwoorden]
    uitkomsten = {u.id: u for u in kader.uitkomsten}
    termijnen = {t.id: t.wanneer for t in protocol.termijnen.termijnen}
    for casus, item in zip(protocol.oefencasussen.casussen, data["casussen"], strict=True):
        uitkomst = uitkomsten[casus.uitkomst]
        assert item["uitkomst"]["id"] == casus.uitkomst
        acties = [i for b in item["samenvatting"] if b["soort"] == "lijst" for i in b["items"]]
        assert len(acties) == len(uitkomst.acties)
        # the school's actions first, then what an instantie does (as the helper shows them)
        volgorde = [a for a in uitkomst.acties if a.door is None] + [a for a in uitkomst.acties if a.door]
        for actie, shown in zip(volgorde, acties, strict=True):
            assert regel(shown, "Wanneer") == termijnen[actie.termijn]  # every action, "geen termijn" too
        assert [s["antwoord"] for s in item["route"]] == [s.antwoord for s in casus.route]


def test_every_case_summary_matches_its_golden(protocol: Protocol) -> None:
    """The summary after a case, in the helper's words (tests/golden/oefencasussen/)."""
    casussen = oefencasussen_data(protocol)["casussen"]
    for casus in casussen:
        goldens.check("oefencasussen", casus["id"], blokken_tekst(casus["samenvatting"]))
    assert not goldens.stale("oefencasussen", {c["id"] for c in casussen})


def regel(item: dict, label: str) -> str:
    """The text of one labelled regel of an engine item (meldcode_engine.weergave)."""
    [found] = [r for r in item["regels"] if r["label"] == label]
    return "".join(d if isinstance(d, str) else d["tekst"] for d in found["delen"])


def test_summary_shows_the_termijn_never_a_date() -> None:
    actie = {
        "tekst": "Veilig Thuis koppelt terug.",
        "rol": {"id": "directeur", "naam": "directeur", "invulling": "casemanager"},
        "contact": {"id": "vt", "naam": "Veilig Thuis", "telefoon": "0800-2000", "href": "tel:08002000"},
        "door": None,
        "termijn": {"id": "x", "tekst": "binnen 5 werkdagen", "soort": "binnen"},
        "wanneer": {
            "tekst": "binnen 5 werkdagen na de melding",
            "soort": "binnen",
            "moment": "melding",
            "datum": {"iso": "2026-12-04", "tekst": "4 december"},
            "datum_tekst": "uiterlijk 4 december",
        },
    }
    shown = actie_item(actie, datum=False)
    assert shown["delen"] == ["Veilig Thuis koppelt terug."]
    assert shown["regels"] == [
        {"label": "Wie", "delen": ["directeur (casemanager)"], "rol": None},
        {"label": "Bellen", "delen": ["Veilig Thuis, ", {"tekst": "0800-2000", "href": "tel:08002000"}], "rol": None},
        {"label": "Wanneer", "delen": ["binnen 5 werkdagen na de melding"], "rol": None},
    ]
    # done by an instantie: who is the instantie
    door = actie_item({**actie, "rol": None, "door": {"naam": "Veilig Thuis"}}, datum=False)
    assert regel(door, "Wie") == "Veilig Thuis" and "december" not in str(door)


# --- the built site ------------------------------------------------------------------------------


def test_trainer_page_and_pdf_hold_every_case_with_its_key(site: Path, protocol: Protocol) -> None:
    trainer = (site / "oefencasussen" / "index.html").read_text(encoding="utf-8")
    afdrukken = (site / "afdrukken" / "index.html").read_text(encoding="utf-8")
    pdf = subprocess.run(
        ["pdftotext", str(site / "meldcode.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    for casus in protocol.oefencasussen.casussen:
        assert f'id="casus-{casus.id}"' in trainer and f'id="casus-{casus.id}"' in afdrukken
    assert trainer.count("<summary>Antwoordsleutel en uitkomst</summary>") == len(protocol.oefencasussen.casussen)
    assert "Oefenmateriaal" in trainer
    # the advies as a sentence; its uitspraak numbers are on the LKC page
    assert "“Een melding kan ook gebaseerd zijn op vermoedens.”" in trainer
    assert not re.search(r"\(\d{6}", trainer)
    assert "Oefencasussen voor de trainer" in pdf and protocol.oefencasussen.casussen[-1].titel in pdf


# --- in the browser --------------------------------------------------------------------------


@pytest.mark.browser
def test_trainer_page_at_390_starts_with_what_to_do_and_folds_each_case(
    browser: Browser, base: str, protocol: Protocol
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "oefencasussen/")
    eerste = page.get_by_text("Voor wie een teambijeenkomst leidt")
    box = eerste.bounding_box()
    assert box is not None and box["y"] + box["height"] < 844 - 60  # in the first screen, above the spoedbalk
    casussen = protocol.oefencasussen.casussen
    assert page.locator("details.casus-situatie:not([open])").count() == len(casussen)
    assert page.locator("details.casus-sleutel:not([open])").count() == len(casussen)
    # every case title in view once scrolled to; the situation opens without the key
    casus = casussen[2]
    kop = page.locator(f"#casus-{casus.id}")
    kop.scroll_into_view_if_needed()
    sectie = page.locator("details.casus-situatie >> nth=2")
    sectie.locator("summary").click()
    assert page.get_by_text(casus.situatie[0].alinea.split(".")[0].strip()).first.is_visible()
    assert not page.locator("details.casus-sleutel >> nth=2").get_attribute("open")
    # folded, the page is a list of cases, not 28,000 px of text
    assert page.evaluate("document.documentElement.scrollHeight") < 10_000
    # on paper everything is there: print shows folded text
    page.emulate_media(media="print")
    reden = page.locator("details.casus-sleutel >> nth=0").locator("li").first
    assert reden.is_visible()
    context.close()


def open_casus(browser: Browser, base: str, casus: str) -> tuple[BrowserContext, Page]:
    """The oefenen page on a phone (390 px), with `casus` opened."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "oefenen/")
    page.click(f"[data-casus={casus}]")
    return context, page


def answer(page: Page, antwoord: str) -> str:
    page.click(f".casus-paneel [data-casus-antwoord={antwoord}]")
    return page.locator("#casus-oordeel").inner_text()


@pytest.mark.browser
def test_every_case_answered_right_gets_goed_and_the_right_summary(
    browser: Browser, base: str, protocol: Protocol
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "oefenen/")
    uitkomsten = {u.id: u for u in protocol.afwegingskader.uitkomsten}
    casussen = protocol.oefencasussen.casussen
    page.click(f"[data-casus={casussen[0].id}]")
    for n, casus in enumerate(casussen, 1):
        page.locator("#casus-titel", has_text=casus.titel).wait_for()
        for stap in casus.route:
            assert page.locator("#casus-vraag").is_visible()
            assert answer(page, stap.antwoord).startswith("Goed."), (casus.id, stap.knoop)
            assert "is-gekozen" in page.locator(f"#kaart-rand-{stap.knoop}-{stap.antwoord}").get_attribute("class")
            page.click("[data-casus-actie=verder]")
        summary = page.locator(".casus-paneel").inner_text()
        uitkomst = uitkomsten[casus.uitkomst]
        assert f"{len(casus.route)} van {len(casus.route)} antwoorden goed" in summary
        assert "niet goed" not in summary
        assert uitkomst.titel in summary
        # the uitkomst and what happens now, word for word as the golden summary (the engine's words)
        shown = " ".join(page.locator(".casus-paneel [data-blok]").all_inner_texts())
        assert goldens.words(shown) == goldens.golden_words("oefencasussen", casus.id), casus.id
        assert page.locator(".casus-paneel .weergave-lijst > li").count() == len(uitkomst.acties)
        assert "is-actief" in page.locator(f"#kaart-{casus.uitkomst}").get_attribute("class")
        assert f"Gedaan: {n} van {len(casussen)} casussen" in page.locator(".casus-score").inner_text()
        if n < len(casussen):
            page.click("[data-casus-actie=volgende-casus]")
    assert errors == []
    context.close()


IN_VIEW = """(selector) => {
  const vak = document.querySelector(selector).getBoundingClientRect();
  const kop = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const balk = document.querySelector(".md-banner").getBoundingClientRect().top;
  return vak.height > 0 && vak.top >= kop - 1 && vak.bottom <= balk + 1;
}"""


@pytest.mark.browser
def test_at_390_the_verdict_and_volgende_vraag_are_in_view_above_the_spoedbalk(browser: Browser, base: str) -> None:
    context, page = open_casus(browser, base, "blauwe-plekken")
    for antwoord in ("ja", "nee"):  # right (a long reason with LKC advies), then wrong (longer still)
        answer(page, antwoord)
        page.wait_for_function("() => document.activeElement.id === 'casus-oordeel'")
        assert page.evaluate(IN_VIEW, "#casus-oordeel"), antwoord
        assert page.evaluate(IN_VIEW, "[data-casus-actie=verder]"), antwoord
        # the reason below stays readable: the button does not cover the verdict
        knop = page.locator("[data-casus-actie=verder]").bounding_box()
        oordeel = page.locator("#casus-oordeel").bounding_box()
        assert knop is not None and oordeel is not None and knop["y"] >= oordeel["y"] + oordeel["height"]
        page.locator("[data-casus-actie=verder]").click()  # a real tap: Playwright clicks only what is on top
    page.wait_for_function("() => document.activeElement.id === 'casus-samenvatting'")
    assert page.evaluate(IN_VIEW, "#casus-samenvatting")
    context.close()


@pytest.mark.browser
def test_a_wrong_answer_shows_the_reason_with_a_working_link(browser: Browser, base: str) -> None:
    context, page = open_casus(browser, base, "alleen-thuis")
    oordeel = answer(page, "nee")
    assert oordeel.startswith("Niet wat het protocol verwacht.") and "verwacht Ja" in oordeel
    assert "vermoeden is genoeg" in page.locator(".casus-reden").inner_text()
    feedback = page.locator(".casus-feedback").inner_text()
    assert "LKC-advies" in feedback and "vermoedens." in feedback
    # the uitspraak numbers stay on the LKC page, out of the sentence
    assert not re.search(r"\(\d{6}", feedback), feedback
    # the chart shows both: the answer given and the one the protocol expects
    assert "is-gekozen" in page.locator("#kaart-rand-vraag-1-nee").get_attribute("class")
    assert "is-verwacht" in page.locator("#kaart-rand-vraag-1-ja").get_attribute("class")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert legend_mismatches(page) == [], scheme
    page.click("[data-casus-actie=verder]")
    answer(page, "nee")
    link = page.locator(".casus-reden a", has_text="acute onveiligheid")
    link.click()
    page.wait_for_url("**/bijlagen/bijlage-2/#acute-onveiligheid")
    assert page.locator("#acute-onveiligheid").is_visible()
    context.close()


# The legend names a colour and a line in words (the catalogue: legenda_gekozen, legenda_verwacht);
# the chart's edges and the legend's own words must look like that, in light and in dark.
HUES = {"oranje": (10, 45), "groen": (80, 160)}  # degrees on the colour wheel
LOOKS = """() => Object.fromEntries(['gekozen', 'verwacht'].map((soort) => {
  const legend = getComputedStyle(document.querySelector(`.legenda-${soort}`));
  const edge = getComputedStyle(document.querySelector(`.kaart .rand.is-${soort}:not(.is-gekozen.is-verwacht) path`));
  return [soort, {colours: [legend.color, edge.stroke],
                  dashed: [legend.textDecorationStyle === 'dashed', edge.strokeDasharray !== 'none']}];
}))"""


def hue(css: str) -> float:
    """The hue of a computed rgb() colour, in degrees."""
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def legend_mismatches(page: Page) -> list[str]:
    """Where the legend's words and what the page draws differ."""
    words = WOORDEN["oefencasussen.js"]
    found = []
    for soort, look in page.evaluate(LOOKS).items():
        said = words[f"legenda_{soort}"].split()
        low, high = HUES[said[0]]
        found += [f"{soort}: {said[0]}, maar {c}" for c in look["colours"] if not low <= hue(c) <= high]
        if look["dashed"] != ["gestreept" in said] * 2:
            found.append(f"{soort}: gestreept is {look['dashed']} (legenda, lijn)")
    return found


@pytest.mark.browser
def test_the_legend_check_can_fail(browser: Browser, base: str) -> None:
    context, page = open_casus(browser, base, "alleen-thuis")
    answer(page, "nee")
    # the chosen edge drawn green and the expected one solid: both words are then untrue
    page.add_style_tag(content=".kaart .rand path { stroke: #1b5e20 !important; stroke-dasharray: none !important; }")
    assert legend_mismatches(page) == [
        "gekozen: oranje, maar rgb(27, 94, 32)",
        "verwacht: gestreept is [True, False] (legenda, lijn)",
    ]
    context.close()


def tab_to(page: Page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} niet bereikt met Tab")


@pytest.mark.browser
def test_a_case_with_the_keyboard_only(browser: Browser, base: str, protocol: Protocol) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "oefenen/")
    casus = protocol.oefencasussen.casussen[0]
    tab_to(page, f"[data-casus={casus.id}]", 80)
    page.keyboard.press("Enter")
    page.locator("#casus-titel").wait_for()
    assert page.evaluate("document.activeElement.id") == "casus-titel"
    for stap in casus.route:
        tab_to(page, f"[data-casus-antwoord={stap.antwoord}]")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "casus-oordeel"
        tab_to(page, "[data-casus-actie=verder]")
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "casus-samenvatting"
    tab_to(page, "[data-casus-actie=volgende-casus]")
    page.keyboard.press("Enter")
    assert page.locator("#casus-titel").inner_text() == protocol.oefencasussen.casussen[1].titel
    tab_to(page, "[data-casus-actie=stop]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.casus") == protocol.oefencasussen.casussen[1].id
    assert page.locator(".oefenen-paneel").is_visible()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}], ids=["390", "1280"]
)
def test_nothing_stored_nothing_sent_axe_clean(browser: Browser, base: str, viewport: dict[str, int]) -> None:
    # axe is injected as an inline script, which the page's strict CSP (rightly) refuses;
    # the CSP itself is tested in tests/unit/test_csp.py and by the gate
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(base + "oefenen/")
    page.click("[data-casus=ruzie-thuis]")
    answer(page, "ja")
    page.click("[data-casus-actie=verder]")
    answer(page, "nee")  # wrong: the feedback with its links is on the page
    page.add_script_tag(path=str(AXE))
    tags = [*AXE_TAGS, "wcag22aa"]
    assert axe_at_rest(page, tags) == []  # the theme fades its back-to-top button in
    page.click("[data-casus-actie=verder]")
    page.locator("#casus-samenvatting").wait_for()
    assert axe_at_rest(page, tags) == []
    assert page.url == base + "oefenen/"
    assert all(u.startswith(base) for u in requests), requests
    assert {k: v for k, v in page.evaluate(STORAGE).items() if v} == {}
    assert context.cookies() == []
    page.reload()
    assert page.locator(".casus-score").inner_text() == ""  # the score is gone with the page
    context.close()
