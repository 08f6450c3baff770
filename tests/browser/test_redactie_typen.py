"""The editor as she types, key by key, in Chromium at 1280 and at 390 px: selecting words in
the middle of a text and typing over them, Backspace and Delete mid-text, a paste, undo and
accented letters keep the text and the caret exactly as typed, in a multi-line text, a
one-line text and a new item's name (its id is made from the name). Then a whole evaluatie
session (at 1280 px, her desk) on the practice repository: a phone number changed, a contact added and used in a
step right after it is saved (Invoegen), an outdated sentence fixed (its warning goes away),
the version history filled in from the proposal; reopened files show what was saved, and
`meldcode check` passes on the result."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import serve
from conftest import PROTOCOL
from playwright.sync_api import Browser, Dialog, Page
from test_redactie_opslaan import FIND, GEVONDEN, LABELS, READ, READY, TOP, WEEK, new_wijziging, open_file, save

from generator.checks.run import load_and_check
from generator.redactie.bundle import CMS_PACKAGE
from generator.redactie.cms import COLLECTIE, CONTROLE_WOORDEN
from generator.redactie.woorden import CMS_WOORDEN

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots/redactie-typen")
BIJLAGE_3 = "protocol/bijlagen/bijlage-3-overlegformulier.yaml"
# Her repository as it was before 2026.2 corrected it: Bijlage 3 still names the WPR, so the
# evaluatie session has an outdated sentence to fix (the published copy has none left).
VEROUDERD = ("Algemene verordening gegevensbescherming (AVG)", "Wet op Persoonsregistraties")
WRITE = """async ([pad, tekst]) => {
  let map = await (await navigator.storage.getDirectory()).getDirectoryHandle("sveltia-cms-test", { create: true });
  const delen = pad.split("/");
  for (const deel of delen.slice(0, -1)) map = await map.getDirectoryHandle(deel, { create: true });
  const schrijver = await (await map.getFileHandle(delen.at(-1), { create: true })).createWritable();
  await schrijver.write(tekst);
  await schrijver.close();
}"""
# what the CMS would show in English where its Dutch translation lacks a word (completed at build)
ENGELS = [
    w
    for k, w in json.loads((CMS_PACKAGE / "locales" / "en-US.json").read_text(encoding="utf-8")).items()
    if k in CMS_WOORDEN
]
# the value of the text box that contains some words, scrolled into view as the CMS renders them
INCLUDES = (
    FIND.replace("async ([waarde, lengte])", "async (woorden)")
    .replace("(lengte ? e.value.length > lengte : e.value === waarde)", "e.value.includes(woorden)")
    .replace("return Boolean(veld);", "return veld ? veld.value : null;")
)


@pytest.fixture(scope="module", params=[(1280, 900), (390, 844)], ids=["1280", "390"])
def page(browser: Browser, site: Path, request: pytest.FixtureRequest) -> Iterator[Page]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    breed, hoog = request.param
    with serve(site) as base:
        context = browser.new_context(viewport={"width": breed, "height": hoog}, locale="nl-NL")
        origin = base.rstrip("/")
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(origin) else r.abort())
        page = context.new_page()
        page.on("console", lambda m: print("CONSOLE", m.type, m.text[:2000]) if m.type == "error" else None)
        page.accept_dialog = lambda d: d.accept()  # type: ignore[attr-defined]
        page.on("dialog", page.accept_dialog)  # type: ignore[attr-defined]
        # her repository, before the editor opens it: Bijlage 3 with the wording of 2026.1 (from
        # a document of the site that starts no service worker)
        page.goto(base + "assets/redactie/config.json")
        nu, toen = VEROUDERD
        tekst = (PROTOCOL.parent / BIJLAGE_3).read_text(encoding="utf-8")
        assert nu in tekst
        page.evaluate(WRITE, [BIJLAGE_3, tekst.replace(nu, toen)])
        page.goto(base + "redactie/")
        # practice mode says so before she signs in
        assert CONTROLE_WOORDEN["oefenen"] in page.locator(".redactie-status").inner_text(timeout=READY)
        page.screenshot(path=str(SHOTS / f"aanmelden-{breed}.png"))
        page.get_by_role("button", name="Werken met een testrepository").click(timeout=READY)
        # signed in: the collection (on a phone, the list of collections) is there
        page.get_by_text(COLLECTIE["label"], exact=True).first.wait_for(timeout=READY)
        page.breed = breed  # type: ignore[attr-defined]
        yield page
        context.close()


def shot(page: Page, naam: str) -> None:
    page.screenshot(path=str(SHOTS / f"{naam}-{page.breed}.png"))  # type: ignore[attr-defined]


def text_field(page: Page, waarde: str):
    """The form's box holding `waarde` (scrolled into view), marked so the CMS cannot shift it."""
    assert page.evaluate(FIND, [waarde, 0]), f"no field holds {waarde!r}"
    veld = page.locator(GEVONDEN)
    veld.scroll_into_view_if_needed()
    return veld


def caret_at(page: Page, veld, begin: int, eind: int | None = None) -> None:
    """Put the caret (or a selection) where a person would click or drag."""
    veld.click()
    veld.evaluate("(e, [b, n]) => e.setSelectionRange(b, n)", [begin, begin if eind is None else eind])


def new_name(page: Page):
    """The name box of the item just added: the first text after its id's "made from the name"."""
    veld = page.locator(".meldcode-id-uit-naam").last.locator("xpath=following::textarea[1]")
    veld.scroll_into_view_if_needed()
    return veld


def value_and_caret(veld) -> tuple[str, int]:
    return tuple(veld.evaluate("(e) => [e.value, e.selectionStart]"))


def test_typing_in_the_middle_of_a_text_keeps_every_key_where_it_was_typed(page: Page) -> None:
    open_file(page, BIJLAGE_3)
    assert page.evaluate(FIND, ["", 200])
    oud = page.locator(GEVONDEN).input_value()
    veld = text_field(page, oud)
    midden = oud.index(" ", 40)  # after a word in the middle
    woord_eind = oud.index(" ", midden + 1)
    # select the next word and type over it
    caret_at(page, veld, midden + 1, woord_eind)
    page.keyboard.type("heel zorgvuldig")
    verwacht = oud[: midden + 1] + "heel zorgvuldig" + oud[woord_eind:]
    assert value_and_caret(veld) == (verwacht, midden + 1 + len("heel zorgvuldig"))
    # Backspace twice, Delete once, in the middle
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.press("Delete")
    plek = midden + 1 + len("heel zorgvuld")
    verwacht = verwacht[:plek] + verwacht[plek + 3 :]
    assert value_and_caret(veld) == (verwacht, plek)
    # accented letters as typed (composed characters), and a paste at the caret
    page.keyboard.type("ig, met de coördinator, één keer")
    page.keyboard.insert_text(" (geplakt)")
    toegevoegd = "ig, met de coördinator, één keer (geplakt)"
    verwacht = verwacht[:plek] + toegevoegd + verwacht[plek:]
    assert value_and_caret(veld) == (verwacht, plek + len(toegevoegd))
    shot(page, "typen")
    # the box stays under the caret, and the editor's fixed bar leaves the screen to the form
    # (at most a fifth of its height)
    hoog = page.viewport_size["height"]  # type: ignore[index]
    vak = veld.bounding_box()
    assert vak and vak["y"] < hoog and vak["y"] + vak["height"] > 0, vak
    balk = page.evaluate(
        """() => document.querySelector('button[aria-label="Bewerken annuleren"]').closest("[role=toolbar]")
        .getBoundingClientRect().height"""
    )
    assert 0 < balk <= hoog / 5, balk
    zichtbaar = page.locator("body").inner_text()
    assert not [w for w in ENGELS if w in zichtbaar], zichtbaar
    # undo takes back what was typed last, and the box still holds the rest
    page.keyboard.press("Control+z")
    ongedaan = veld.input_value()
    assert ongedaan != verwacht and "(geplakt)" not in ongedaan
    page.keyboard.press("Control+Shift+z")
    assert veld.input_value() == verwacht
    # Enter in a multi-line text is a new line, where the caret is
    page.keyboard.press("Enter")
    verwacht = verwacht[: plek + len(toegevoegd)] + "\n" + verwacht[plek + len(toegevoegd) :]
    assert veld.input_value() == verwacht
    page.keyboard.press("Backspace")
    verwacht = verwacht.replace(toegevoegd + "\n", toegevoegd)
    # a dead key, as on a Mac or a US-International keyboard: ¨ then o is one composition
    # (compositionstart … end) that must end as ö at the caret, not as ¨o or a jumped caret
    plek += len(toegevoegd)  # the caret: after the paste, back there after Enter and Backspace
    page.keyboard.type(" co")
    veld.evaluate(
        "(el) => { el.samengesteld = []; el.addEventListener('compositionend', (e) => el.samengesteld.push(e.data)); }"
    )
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "¨", "selectionStart": 1, "selectionEnd": 1})
    cdp.send("Input.insertText", {"text": "ö"})
    cdp.detach()
    assert veld.evaluate("(el) => el.samengesteld") == ["ö"]  # a real composition was typed
    verwacht = verwacht[:plek] + " coö" + verwacht[plek:]
    assert value_and_caret(veld) == (verwacht, plek + len(" coö"))
    page.keyboard.type("rdinatie")
    verwacht = verwacht[: plek + 4] + "rdinatie" + verwacht[plek + 4 :]
    assert value_and_caret(veld) == (verwacht, plek + len(" coördinatie"))
    save(page)
    opgeslagen = page.evaluate(READ, BIJLAGE_3)
    assert " ".join(verwacht.split()) in " ".join(re.sub(r"\n\s*", " ", opgeslagen).split())


def test_a_new_contact_gets_its_id_from_the_name_typed(page: Page) -> None:
    pad = "protocol/contacten.yaml"
    open_file(page, pad)
    page.get_by_role("button", name=re.compile("Contacten.*toevoegen")).first.click()
    uitleg = page.get_by_text(CONTROLE_WOORDEN["id_uit_naam"])
    uitleg.last.wait_for(timeout=READY)
    page.evaluate(TOP)
    naam = f"Jeugdteam Hilversum {page.breed}"  # type: ignore[attr-defined]
    veld = new_name(page)
    veld.scroll_into_view_if_needed()
    veld.click()
    page.keyboard.type("Jeugdteam Hilvrsum")
    caret_at(page, veld, len("Jeugdteam Hilv"))
    page.keyboard.type("e")  # a letter forgotten, typed where it belongs
    page.keyboard.press("End")
    page.keyboard.type(f" {page.breed}")  # type: ignore[attr-defined]
    assert veld.input_value() == naam
    shot(page, "nieuw-contact")
    save(page)
    tekst = page.evaluate(READ, pad)
    id_ = f"jeugdteam-hilversum-{page.breed}"  # type: ignore[attr-defined]
    assert f"  - id: {id_}\n    naam: {naam}\n" in tekst


def test_an_evaluatie_session(page: Page, tmp_path: Path) -> None:
    breed = page.breed  # type: ignore[attr-defined]
    if breed < 1000:
        # a whole session is 40 s of typing; the evaluatie is work at a desk, and every kind of
        # typing it holds is tested at 390 px by the tests above
        pytest.skip("de evaluatie-sessie draait op 1280 px; het typen zelf wordt ook op 390 px getest")
    # 1. a phone number: select the old one, type the new one
    pad = "protocol/contacten.yaml"
    open_file(page, pad)
    veld = text_field(page, "0800-2000")
    caret_at(page, veld, 0, len("0800-2000"))
    page.keyboard.type("0800 2000")
    assert veld.input_value() == "0800 2000"
    # 2. a new contact with a phone number
    page.get_by_role("button", name=re.compile("Contacten.*toevoegen")).first.click()
    page.get_by_text(CONTROLE_WOORDEN["id_uit_naam"]).last.wait_for(timeout=READY)
    naam = new_name(page)
    naam.click()
    page.keyboard.type(f"Wijkteam {breed}")
    shot(page, "sessie-1-contact")
    save(page)
    assert f"naam: Wijkteam {breed}" in page.evaluate(READ, pad)
    assert "telefoon: 0800 2000" in page.evaluate(READ, pad)
    # 3. use it in a step right after saving: Invoegen lists it by name (from her repository)
    pad = "protocol/stappen.yaml"
    open_file(page, pad)
    assert page.evaluate(FIND, ["", 200])
    veld = page.locator(GEVONDEN)
    veld.scroll_into_view_if_needed()
    oud = veld.input_value()
    plek = oud.index(". ") + 1
    caret_at(page, veld, plek)
    page.keyboard.type(" Bel zo nodig")
    keuze = veld.locator("xpath=following-sibling::select[1]")
    invoegen = f"{{contact:wijkteam-{breed}}}"
    keuze.locator(f"option[value='{invoegen}']").wait_for(state="attached", timeout=READY)
    keuze.select_option(invoegen)
    page.keyboard.type(".")
    verwacht = oud[:plek] + f" Bel zo nodig{invoegen}." + oud[plek:]
    assert veld.input_value() == verwacht
    shot(page, "sessie-2-invoegen")
    page.evaluate(TOP)
    assert page.locator(".meldcode-controle-fout").count() == 0, page.locator(".meldcode-controle").inner_text()
    save(page)
    assert invoegen in page.evaluate(READ, pad)
    # 4. an outdated sentence: the warning beside it goes, once the words are right
    pad = BIJLAGE_3
    open_file(page, pad)
    woorden = VEROUDERD[1]
    zin = page.evaluate(INCLUDES, woorden)
    assert zin, "the outdated sentence is in her Bijlage 3 (protocol/evaluatie.yaml flags it)"
    veld = text_field(page, zin)
    waarschuwing = veld.locator("xpath=following-sibling::p[contains(@class, 'waarschuwing')]")
    waarschuwing.first.wait_for(timeout=READY)
    begin = zin.index(woorden)
    caret_at(page, veld, begin, begin + len(woorden))
    page.keyboard.type("Algemene verordening gegevensbescherming (AVG)")
    waarschuwing.first.wait_for(state="detached", timeout=READY)
    shot(page, "sessie-3-verouderd")
    save(page)
    assert woorden not in page.evaluate(READ, pad)
    # 5. the version history: the proposal lists what she changed, from her saved files
    pad = "protocol/wijzigingen.yaml"
    voorstel = new_wijziging(page)
    # the proposal follows each check of the form: wait until it names the changes saved
    page.wait_for_function(
        """(w) => [...document.querySelectorAll("button")].some((b) => b.textContent.includes(w))""",
        arg=f"Wijkteam {breed}",
        timeout=READY,
    )
    woorden_voorstel = " ".join(voorstel.all_inner_texts())
    # the new number as its reference (a text holds no number) and the new contact; Bijlage 3
    # is as published again (2026.2 made the same correction), so the proposal leaves it out
    assert "{telefoon:veilig-thuis}" in woorden_voorstel
    assert VEROUDERD[1] not in woorden_voorstel
    while voorstel.count():
        voorstel.first.click()
    lege = page.evaluate("""() => [...document.querySelectorAll("textarea")].flatMap((e, i) => e.value ? [] : [i])""")
    waarom = page.locator("textarea").nth(lege[0])
    waarom.scroll_into_view_if_needed()
    waarom.click()
    page.keyboard.type("Bijgewerkt bij de evaluatie.")
    shot(page, "sessie-4-versiegeschiedenis")
    save(page)
    nieuwste = re.search(r'versie: "?([\d.]+)', page.evaluate(READ, pad))
    assert nieuwste
    # 6. and the version the site shows
    open_file(page, "protocol/metadata.yaml")
    oud = load_and_check(PROTOCOL)[0].protocol.metadata.versie
    veld = text_field(page, oud)  # a one-line input or a text box: the one that holds it
    veld.click()
    veld.press("Control+a")
    page.keyboard.type(nieuwste[1])
    save(page)
    # reopened: what was saved; and `meldcode check` passes on her repository
    copy = tmp_path / "protocol"
    shutil.copytree(PROTOCOL, copy)
    for bestand in LABELS:
        (tmp_path / bestand).write_text(page.evaluate(READ, bestand), encoding="utf-8")
    assert "Bijgewerkt bij de evaluatie." in (tmp_path / pad).read_text(encoding="utf-8")
    load_and_check(copy)


def test_nothing_is_lost_without_asking(page: Page) -> None:
    """Terug with a change not saved, and × on an item, ask first; saying no keeps everything,
    and what was saved comes back when the file is opened again."""
    pad = "protocol/termijnen.yaml"
    open_file(page, pad)
    vragen: list[str] = []
    antwoord = {"ja": False}

    def dialoog(d: Dialog) -> None:
        vragen.append(d.message)
        d.accept() if antwoord["ja"] else d.dismiss()

    page.remove_listener("dialog", page.accept_dialog)  # type: ignore[attr-defined]
    page.on("dialog", dialoog)
    try:
        veld = text_field(page, WEEK)
        caret_at(page, veld, len(WEEK))
        page.keyboard.type(" (nagekeken)")
        page.get_by_role("button", name="Bewerken annuleren").click()
        assert vragen == [CONTROLE_WOORDEN["terug_vragen"]]
        assert veld.input_value() == WEEK + " (nagekeken)"  # no: still in the form, text and all
        # × on an item asks too; no keeps it
        items = page.get_by_role("button", name="Verwijderen").count()
        page.get_by_role("button", name="Verwijderen").first.click()
        assert vragen[-1] == CONTROLE_WOORDEN["weg_vragen"]
        assert page.get_by_role("button", name="Verwijderen").count() == items
        save(page)
        # opened again: what was saved is in the form; Terug without changes does not ask
        open_file(page, pad)
        assert page.evaluate(FIND, [WEEK + " (nagekeken)", 0])
        antwoord["ja"] = True
        gevraagd = len(vragen)
        page.get_by_role("button", name="Bewerken annuleren").click()
        page.get_by_role("button", name="Opslaan").wait_for(state="detached", timeout=READY)
        assert len(vragen) == gevraagd
    finally:
        page.remove_listener("dialog", dialoog)
        page.on("dialog", page.accept_dialog)  # type: ignore[attr-defined]


def test_an_id_she_chooses_keeps_what_she_types(page: Page) -> None:
    """Zelf kiezen: the id box keeps every key, spaces too (the check says what is wrong with
    it), and a corrected id is saved as typed."""
    pad = "protocol/contacten.yaml"
    open_file(page, pad)
    page.get_by_role("button", name=re.compile("Contacten.*toevoegen")).first.click()
    page.get_by_role("button", name=CONTROLE_WOORDEN["id_zelf"]).last.click()
    veld = page.locator("input.meldcode-id:not([readonly])")
    veld.wait_for(timeout=READY)
    page.keyboard.type("wijk team")  # the box has the focus once she asked for it
    assert veld.input_value() == "wijk team"
    caret_at(page, veld, len("wijk"), len("wijk "))
    page.keyboard.type("-")
    assert value_and_caret(veld) == ("wijk-team", len("wijk-"))
    naam_veld = veld.locator("xpath=following::textarea[1]")  # the name box follows the id box
    naam_veld.click()
    page.keyboard.type(f"Wijkteam Noord {page.breed}")  # type: ignore[attr-defined]
    save(page)
    breed = page.breed  # type: ignore[attr-defined]
    assert f"  - id: wijk-team\n    naam: Wijkteam Noord {breed}\n" in page.evaluate(READ, pad)
