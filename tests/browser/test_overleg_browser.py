"""The helper's route added to the user's own Overlegformulier file, at 390 × 844: every
other field of her file stays exactly as it was, onderdeel F holds the route; a file that
is not an Overlegformulier is refused with a message and nothing is downloaded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hulp_pagina import READY, loop_route
from playwright.sync_api import Browser, Page
from test_werkbladen_browser import BAD, MARK, Watched, assert_private, open_file

pytestmark = pytest.mark.browser

VELD = "F-ruimte"


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Watched]:
    w = Watched(browser, 390)
    yield w
    w.context.close()


@pytest.fixture(scope="module")
def gevuld(phone: Watched, base: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Overlegformulier filled in and saved on its werkblad page: Naam kind and more."""
    page = phone.open(base + "werkbladen/overlegformulier/")
    page.fill("[name='kop-1']", f"{MARK} Sam de Vries")
    for naam in ("A-1", "A-2", "B-1"):
        page.fill(f"[name='{naam}']", f"{MARK} {naam}\n  tweede regel")
    page.fill(f"[name='{VELD}']", "oude tekst bij F")
    with page.expect_download() as download:
        page.get_by_role("button", name="Opslaan als bestand").first.click()
    path = tmp_path_factory.mktemp("overleg") / "mijn-overlegformulier.json"
    download.value.save_as(path)
    page.close()
    return path


@pytest.fixture(scope="module")
def uitkomst(phone: Watched, base: str) -> Page:
    page = phone.context.new_page()
    page.on("pageerror", lambda e: phone.errors.append(str(e)))
    page.goto(base + "afwegingskader-doorlopen/")
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    loop_route(page, [("vraag-1", "ja", f"{MARK} blauwe plekken"), ("vraag-2", "twijfel")])
    page.get_by_role("button", name="Opslaan voor het overlegformulier").click()
    return page


def choose_file(page: Page, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Toevoegen aan mijn Overlegformulier").click()
    chooser.value.set_files(str(path))


def test_route_added_to_her_own_file_keeps_every_other_field(
    uitkomst: Page, gevuld: Path, phone: Watched, base: str, tmp_path: Path
) -> None:
    page = uitkomst
    assert page.get_by_role("button", name="Toevoegen aan mijn Overlegformulier").is_visible()
    with page.expect_download() as download:
        choose_file(page, gevuld)
    voor = json.loads(gevuld.read_text(encoding="utf-8"))
    na = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename.startswith("overlegformulier-")
    ander = [v for v in voor["velden"] if v["id"] != VELD]
    assert len(ander) >= 4 and any(v["id"] == "kop-1" and "Sam de Vries" in v["waarde"] for v in ander)
    assert [v for v in na["velden"] if v["id"] != VELD] == ander  # identical, in order
    assert {k: v for k, v in na.items() if k not in ("velden", "opgeslagen")} == {
        k: v for k, v in voor.items() if k not in ("velden", "opgeslagen")
    }
    f = [v for v in na["velden"] if v["id"] == VELD]
    assert len(f) == 1
    assert f"Onderbouwing: {MARK} blauwe plekken" in f[0]["waarde"] and "Uitkomst:" in f[0]["waarde"]
    assert "oude tekst" not in f[0]["waarde"]
    status = page.locator(".werkblad-overleg-uitleg")
    assert "onderdeel F" in status.inner_text() and "vervangen" in status.inner_text()
    assert status.is_visible()
    # the werkblad page opens the result: her fields and the route
    merged = tmp_path / "samen.json"
    download.value.save_as(merged)
    werkblad = phone.open(base + "werkbladen/overlegformulier/")
    open_file(werkblad, merged)
    werkblad.locator(".werkblad-status", has_text="is geopend").wait_for()
    assert werkblad.input_value("[name='kop-1']") == f"{MARK} Sam de Vries"
    assert f"{MARK} blauwe plekken" in werkblad.input_value(f"[name='{VELD}']")
    werkblad.close()
    assert_private(phone, page, base)


@pytest.mark.parametrize("bestand", ["ander-werkblad.json", "notitie.txt", "afgebroken.json"])
def test_a_wrong_file_gets_a_message_and_no_download(uitkomst: Page, bestand: str) -> None:
    page = uitkomst
    downloads: list[object] = []

    def on_download(d: object) -> None:
        downloads.append(d)

    page.on("download", on_download)
    # a download starts from a blob the page makes: counted from here, so "no download" is a
    # state to read once the message shows, not a wait
    page.evaluate(
        """() => { window.__blobs = 0; const make = URL.createObjectURL;
        URL.createObjectURL = (b) => { window.__blobs += 1; return make(b); }; }"""
    )
    choose_file(page, BAD / bestand)
    fout = page.locator(".werkblad-overleg-fout")
    fout.wait_for()
    tekst = fout.inner_text()
    assert bestand in tekst
    assert ("geen Overlegformulier" if bestand != "afgebroken.json" else "beschadigd") in tekst
    assert "Er is niets opgeslagen." in tekst
    assert fout.is_visible()
    assert page.evaluate("window.__blobs") == 0
    assert downloads == []
    page.remove_listener("download", on_download)
