"""The werkbladen in headless Chromium: fill in, save as a file, reload, open the file,
print; bad files refused with a message while the open form stays; nothing stored,
nothing sent, nothing typed in a URL."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from hulp_pagina import READY, loop_route
from playwright.sync_api import Browser, Page
from ruamel.yaml import YAML

pytestmark = pytest.mark.browser

TESTS = Path(__file__).resolve().parents[1]
BAD = TESTS / "werkblad_bestanden"
GOOD = TESTS / "werkblad_goed"
WERKBLADEN = ["signalen-vastleggen", "overlegformulier", "gesprek-met-ouders"]
MARK = "Zagqwerty"  # typed text we look for in every request and URL
STORAGE = """async () => {
  const dbs = indexedDB.databases ? await indexedDB.databases() : [];
  return [localStorage.length, sessionStorage.length, dbs.length, document.cookie];
}"""


class Watched:
    """A browser context that records every request and page error."""

    def __init__(self, browser: Browser, width: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 844}, accept_downloads=True)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.methods: set[str] = set()
        self.context.on("request", lambda r: (self.requests.append(r.url), self.methods.add(r.method)))

    def open(self, url: str) -> Page:
        page = self.context.new_page()
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.goto(url)
        page.locator(".werkblad-knoppen").first.wait_for()
        return page


@pytest.fixture
def phone(browser: Browser) -> Iterator[Watched]:
    w = Watched(browser, 390)
    yield w
    w.context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Watched]:
    w = Watched(browser, 1280)
    yield w
    w.context.close()


def unfold(page: Page) -> None:
    """Tap every folded category of signals open, as a person would to tick one."""
    gevouwen = page.locator("details.werkblad-categorie:not([open]) > summary")
    while gevouwen.count():
        gevouwen.first.click()


def fill(page: Page) -> dict[str, str | bool]:
    """Tick two checkboxes and type into every visible field; return what was entered."""
    entered: dict[str, str | bool] = {}
    unfold(page)
    boxes = page.locator("form.werkblad input[type=checkbox]")
    for i in range(min(2, boxes.count())):
        box = boxes.nth(i * 3)
        box.check()
        entered[box.get_attribute("name") or ""] = True
    fields = page.locator("form.werkblad textarea:visible, form.werkblad input:not([type=checkbox]):visible")
    for i in range(fields.count()):
        field = fields.nth(i)
        name = field.get_attribute("name") or ""
        kind = field.get_attribute("type") or "textarea"
        line_break = "\n" if kind == "textarea" else " "
        value = "2026-03-02" if kind == "date" else f"{MARK} {i}{line_break}regel twee van {name}"
        field.fill(value)
        entered[name] = value
    return entered


def content(page: Page) -> dict[str, str | bool]:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll("form.werkblad [name]"))
            .map((f) => [f.name, f.type === "checkbox" ? f.checked : f.value])
            .filter(([, v]) => v !== false && v !== ""))"""
    )


def save(page: Page, folder: Path) -> Path:
    with page.expect_download() as download:
        page.locator(".werkblad-knoppen").first.get_by_role("button", name="Opslaan als bestand").click()
    target = folder / download.value.suggested_filename
    download.value.save_as(target)
    return target


def open_file(page: Page, path: Path) -> None:
    page.set_input_files(".werkblad-bestand", str(path))


def assert_private(w: Watched, page: Page, base: str) -> None:
    assert page.evaluate(STORAGE) == [0, 0, 0, ""]
    assert w.context.cookies() == []
    assert [u for u in w.requests if not u.startswith(base) and not u.startswith(("blob:", "data:"))] == []
    assert [u for u in w.requests if MARK.lower() in unquote(u).lower()] == []
    assert MARK not in unquote(page.url)
    # only reading: HEAD is the helper's worker asking whether the host compresses its runtime
    assert w.methods <= {"GET", "HEAD"} and "GET" in w.methods, f"nothing is posted: {w.methods}"
    assert w.errors == []


@pytest.mark.parametrize("werkblad", WERKBLADEN)
def test_fill_save_reload_open_print(werkblad: str, phone: Watched, base: str, tmp_path: Path) -> None:
    page = phone.open(f"{base}werkbladen/{werkblad}/")
    entered = fill(page)
    assert len(entered) >= 5
    saved = save(page, tmp_path)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["soort"], data["formaat"], data["werkblad"]) == ("meldcode-werkblad", 1, werkblad)
    assert data["protocol"]["versie"]
    assert saved.name.startswith(werkblad) and MARK not in saved.name

    page.reload()
    page.locator(".werkblad-knoppen").first.wait_for()
    assert content(page) == {}, "the page starts empty after a reload"
    open_file(page, saved)
    page.locator(".werkblad-status", has_text="is geopend").wait_for()
    assert content(page) == entered
    assert page.locator(".werkblad-wijzigingen").is_hidden()

    # printed: the typed text in full as plain text, no textareas, no buttons, the heading line
    page.emulate_media(media="print")
    first_text = next(k for k, v in entered.items() if isinstance(v, str) and v.startswith(MARK))
    copy = page.locator(f"[name='{first_text}'] + .werkblad-afdruk")
    assert copy.is_visible() and copy.inner_text() == entered[first_text]
    assert page.locator("form.werkblad textarea").first.is_hidden()
    assert page.locator(".werkblad-knoppen").first.is_hidden()
    kop = page.locator(".werkblad-afdrukkop")
    assert kop.is_visible() and "versie" in kop.inner_text()
    assert re.search(r"Afgedrukt op \d+ \w+ \d{4}", kop.inner_text())
    page.emulate_media(media="screen")
    assert_private(phone, page, base)


def test_printed_pdf_has_page_numbers_and_a_blank_version(desktop: Watched, base: str, tmp_path: Path) -> None:
    page = desktop.open(f"{base}werkbladen/overlegformulier/")
    page.fill("[name='A-1']", f"{MARK} analyse")
    pdf = tmp_path / "overleg.pdf"
    page.pdf(path=str(pdf))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "pagina 1 van" in text and MARK in text and "Afgedrukt op" in text
    page.evaluate("document.body.classList.add('werkblad-leeg-afdrukken')")
    page.emulate_media(media="print")
    assert (
        page.locator("[name='A-1'] + .werkblad-afdruk").evaluate("e => getComputedStyle(e).color") == "rgba(0, 0, 0, 0)"
    )


def test_bad_files_give_a_message_and_keep_the_form(desktop: Watched, base: str, tmp_path: Path) -> None:
    expected: dict[str, str] = dict(YAML(typ="safe").load(BAD / "verwacht.yaml"))
    huge = tmp_path / "groot.json"
    huge.write_text('{"soort": "meldcode-werkblad", "x": "' + "a" * (5 * 1024 * 1024 + 10) + '"}')
    expected[huge.name] = "5 MB groot"
    cases = {name: BAD / name for name in expected if name != huge.name} | {huge.name: huge}
    assert len(cases) >= 8 and all(p.exists() for p in cases.values())

    page = desktop.open(f"{base}werkbladen/overlegformulier/")
    page.fill("[name='A-2']", "Wat er al stond")
    fout = page.locator(".werkblad-fout")
    for name, path in cases.items():
        open_file(page, path)
        fout.locator("p", has_text=name).wait_for()
        message = fout.inner_text()
        assert expected[name] in message, f"{name}: {message}"
        assert "Het formulier is niet veranderd." in message
        assert page.input_value("[name='A-2']") == "Wat er al stond", name
    # the file of another werkblad points to its page
    open_file(page, BAD / "ander-werkblad.json")
    fout.get_by_role("link", name="Naar het werkblad Gesprek met ouders").wait_for()
    # a good file afterwards: the unsaved input is not replaced without asking
    page.once("dialog", lambda d: d.accept())
    open_file(page, GOOD / "oude-versie.json")
    page.locator(".werkblad-status", has_text="is geopend").wait_for()
    assert fout.is_hidden()
    assert_private(desktop, page, base)


def test_markup_in_a_file_stays_plain_text(desktop: Watched, base: str) -> None:
    page = desktop.open(f"{base}werkbladen/overlegformulier/")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    title = page.title()
    open_file(page, GOOD / "script.json")
    page.locator(".werkblad-status", has_text="is geopend").wait_for()
    assert page.input_value("[name='A-1']").startswith("<script>document.title")
    assert page.input_value("[name='kop-1']") == "<b>K.</b>"
    assert page.title() == title and dialogs == []
    assert page.locator("form.werkblad img, form.werkblad b, .werkblad-afdruk script").count() == 0


def test_a_file_of_an_older_protocol_opens_and_names_the_changes(desktop: Watched, base: str, tmp_path: Path) -> None:
    page = desktop.open(f"{base}werkbladen/overlegformulier/")
    open_file(page, GOOD / "oude-versie.json")
    box = page.locator(".werkblad-wijzigingen")
    box.wait_for()
    text = box.inner_text()
    assert "versie 2025.1" in text
    assert "Wat zijn de signalen?" in text  # question A1 was worded differently
    assert "Welke hulp is er al?" in text and "Schoolmaatschappelijk werk sinds januari." in text  # gone from the form
    assert page.input_value("[name='A-1']") == "Blauwe plekken op de armen, gezien op 3 maart."
    assert page.input_value("[name='B-1']") == "Gesprek met de moeder."
    # saved again, the answer to the question that is gone is still in the file
    data = json.loads(save(page, tmp_path).read_text(encoding="utf-8"))
    assert {
        "id": "A-8",
        "tekst": "Welke hulp is er al?",
        "waarde": "Schoolmaatschappelijk werk sinds januari.",
    } in data["velden"]


def test_leaving_asks_and_wissen_confirms(phone: Watched, base: str) -> None:
    page = phone.open(f"{base}werkbladen/gesprek-met-ouders/")
    leaving = """() => { const e = new Event("beforeunload", {cancelable: true});
        window.dispatchEvent(e); return e.defaultPrevented; }"""
    assert page.evaluate(leaving) is False  # nothing typed: leave without a question
    page.fill("[name='verslag-afspraken']", "Nieuw gesprek over twee weken")
    asked: list[str] = []

    def answer(dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.get_by_role("button", name="Alles wissen").first.click()
    assert asked == ["confirm"] and page.input_value("[name='verslag-afspraken']") != ""
    page.remove_listener("dialog", answer)
    # leaving: the page cancels the beforeunload event, which makes the browser ask. (Closing
    # the page with run_before_unload and dismissing the dialog crashed headless Chromium now
    # and then, taking the module's browser down with it.)
    assert page.evaluate(leaving) is True
    assert asked == ["confirm"]


def test_wissen_clears_after_confirmation(phone: Watched, base: str) -> None:
    page = phone.open(f"{base}werkbladen/signalen-vastleggen/")
    unfold(page)
    page.locator("form.werkblad input[type=checkbox]").first.check()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Alles wissen").first.click()
    page.locator(".werkblad-status", has_text="gewist").wait_for()
    assert content(page) == {}


def test_keyboard_only(phone: Watched, base: str) -> None:
    page = phone.open(f"{base}werkbladen/signalen-vastleggen/")
    page.locator("details.werkblad-categorie > summary").first.focus()
    page.keyboard.press("Enter")  # a folded category opens from the keyboard too
    box = page.locator("form.werkblad input[type=checkbox]").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "date"
    for _ in range(5):  # through the parts of the date field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
            break
    page.keyboard.type(f"{MARK} met het toetsenbord")
    assert MARK in page.evaluate("document.activeElement.value")
    page.get_by_role("button", name="Opslaan als bestand").first.focus()
    with page.expect_download():
        page.keyboard.press("Enter")


def test_helper_uitkomst_to_overlegformulier(desktop: Watched, base: str) -> None:
    """Walk the helper, save its route for the overlegformulier, open that file there."""
    page = desktop.context.new_page()
    page.on("pageerror", lambda e: desktop.errors.append(str(e)))
    page.goto(base + "afwegingskader-doorlopen/")
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    loop_route(page, [("vraag-1", "ja", f"{MARK} blauwe plekken"), ("vraag-2", "twijfel")])
    page.get_by_role("button", name="Opslaan voor het overlegformulier").click()
    with page.expect_download() as download:  # no file of her own yet: a new one
        page.get_by_role("button", name="Nieuw Overlegformulier opslaan").click()
    path = download.value.path()
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    assert data["werkblad"] == "overlegformulier"
    page.get_by_role("link", name="werkblad Overlegformulier").click()
    page.locator(".werkblad-knoppen").first.wait_for()
    open_file(page, Path(path))
    page.locator(".werkblad-status", has_text="is geopend").wait_for()
    route = page.input_value("[name='F-ruimte']")
    assert f"Onderbouwing: {MARK} blauwe plekken" in route
    assert "Afwegingsvraag 1:" in route and "Uitkomst:" in route
    assert page.locator(".werkblad-wijzigingen").is_hidden()
    assert_private(desktop, page, base)


def test_signalen_on_a_phone_starts_with_its_first_field(phone: Watched, base: str, tmp_path: Path) -> None:
    """At 390 × 844: the first field in the first screen, the categories folded with a count of
    what is ticked, and the message after saving where the button was tapped."""
    page = phone.open(f"{base}werkbladen/signalen-vastleggen/")
    kind = page.locator("#wb-kind").bounding_box()
    assert kind is not None and kind["y"] + kind["height"] <= 844, f"first field at {kind}"
    categorie = page.locator("details.werkblad-categorie").first
    assert not categorie.evaluate("d => d.open")
    telling = categorie.locator(".werkblad-telling")
    assert telling.is_hidden()
    categorie.locator("summary").click()
    boxes = categorie.locator("input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(2).check()
    categorie.locator("summary").click()  # folded again: the count says what is inside
    assert telling.is_visible() and telling.inner_text() == ", 2 aangevinkt"
    onder = page.locator(".werkblad-knoppen").last.get_by_role("button", name="Opslaan als bestand")
    onder.scroll_into_view_if_needed()
    with page.expect_download():
        onder.click()
    status = page.locator(".werkblad-status")
    status.filter(has_text="opgeslagen").wait_for()
    box = status.bounding_box()
    spoedbalk = page.locator(".md-banner").bounding_box()
    assert box is not None and spoedbalk is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= spoedbalk["y"], f"message at {box}"
    # printed: every category open, the ticked signals only
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.werkblad-categorie:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert not categorie.evaluate("d => d.open")
