"""The editor's whole journey in Chromium, offline but for the site itself, on the CMS's own
test repository (the browser's private file store, started with the protocol as built):
the aandachtsfunctionaris changes a phone number, an invulling, a termijn's wanneer, a
step's text and adds a wijziging; each save changes only those lines, and the files pass
`meldcode check`. Every bad input is refused before saving with the message `meldcode
check` gives, and nothing is written."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import serve
from conftest import PROTOCOL
from playwright.sync_api import Browser, Locator, Page

from generator.checks.run import load_and_check
from generator.checks.tekst import too_long
from generator.checks.versienummer import volgende_versie
from generator.errors import ProtocolError
from generator.redactie import messages
from generator.redactie.bundle import TEST_BACKEND
from generator.redactie.cms import COLLECTIE, CONTROLE_WOORDEN, cms_config, form_words
from generator.redactie.form import form_data
from generator.redactie.form import save as save_file
from generator.redactie.page_texts import page_text
from generator.redactie.yaml_file import load
from generator.source.positions import strings

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots/redactie")
READY = 60_000
LABELS = {f["file"]: f["label"] for f in cms_config(TEST_BACKEND)["collections"][0]["files"]}
# a file as the test repository holds it now
READ = """async (pad) => {
  let map = await (await navigator.storage.getDirectory()).getDirectoryHandle("sveltia-cms-test");
  const delen = pad.split("/");
  for (const deel of delen.slice(0, -1)) map = await map.getDirectoryHandle(deel);
  return await (await (await map.getFileHandle(delen.at(-1))).getFile()).text();
}"""
# The index of the form's input or textarea whose value passes `test` (fields have no name).
# The CMS renders a long form's fields as they scroll into view: scroll until it is there.
FIND = """async ([waarde, lengte]) => {
  const velden = () => [...document.querySelectorAll("input, textarea")];
  const past = (e) => (lengte ? e.value.length > lengte : e.value === waarde);
  // every scrolling pane (on a phone the form's is not the first in the page), looked up at
  // each step: on a busy machine the form's pane may still be filling when the search begins
  const rollen = () => [...document.querySelectorAll("*")].filter(
    (e) => e.scrollHeight > e.clientHeight + 50 && getComputedStyle(e).overflowY === "auto",
  );
  // a step at a time, each after the browser has drawn the last (a busy machine draws late,
  // and a field scrolled past before it was drawn may stay a placeholder): from the top again
  // at the foot
  const getekend = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  const tot = Date.now() + 60000;
  while (Date.now() < tot && velden().findIndex(past) < 0) {
    for (const rol of rollen()) {
      rol.scrollTop = rol.scrollTop + rol.clientHeight >= rol.scrollHeight - 1 ? 0 : rol.scrollTop + 400;
    }
    await getekend();
  }
  // the field itself is marked: the CMS may add or remove other fields before it is used,
  // which would shift an index
  document.querySelectorAll("[data-gevonden]").forEach((e) => e.removeAttribute("data-gevonden"));
  const veld = velden().find(past);
  if (veld) veld.dataset.gevonden = "ja";
  return Boolean(veld);
}"""
GEVONDEN = "[data-gevonden=ja]"


@pytest.fixture(scope="module")
def page(browser: Browser, site: Path) -> Iterator[Page]:
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        origin = base.rstrip("/")
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(origin) else r.abort())
        page = context.new_page()
        page.on(
            "console", lambda m: print("CONSOLE", m.type, m.text[:2000]) if m.type in ("error", "warning") else None
        )
        # Terug with unsaved changes asks first (start.js): here the answer is yes, throw them away
        page.on("dialog", lambda d: d.accept())
        enter(page, base + "redactie/")
        yield page
        context.close()


def enter(page: Page, url: str) -> None:
    """Open the editor on the test repository, at the list of files."""
    page.goto(url)
    page.get_by_role("button", name="Werken met een testrepository").click(timeout=READY)
    page.get_by_text(LABELS["protocol/rollen.yaml"], exact=True).wait_for(timeout=READY)


@pytest.fixture(autouse=True)
def back_at_the_list(page: Page) -> Iterator[None]:
    """Each test starts at the list of files, whatever the one before left open: a test that
    fails halfway would otherwise leave its form (or a dialog) for every later test."""
    yield
    try:
        if page.get_by_role("alertdialog").count():
            page.get_by_role("alertdialog").get_by_role("button").last.click()
        if page.get_by_role("button", name="Opslaan").count():
            cancel(page, timeout=5000)
    except Exception:  # any state the page is in: start it again
        enter(page, page.url.split("redactie/")[0] + "redactie/")


TOP = """() => [...document.querySelectorAll("*")]
  .filter((e) => e.scrollHeight > e.clientHeight + 50 && getComputedStyle(e).overflowY === "auto")
  .forEach((e) => { e.scrollTop = 0; })"""
# the save button is back (refused) or gone with the editor (saved); never still busy
SETTLED = """() => {
  const knop = document.querySelector("button[aria-keyshortcuts='Ctrl+S']");
  return !knop || knop.dataset.label === "Opslaan";
}"""


def cancel(page: Page, timeout: float | None = None) -> None:
    """Close the form without saving (it asks first: the fixture says yes), back at the list."""
    page.get_by_role("button", name="Bewerken annuleren").click(timeout=timeout)
    page.get_by_role("button", name="Opslaan").wait_for(state="detached", timeout=READY)


def open_file(page: Page, pad: str) -> None:
    bestand = page.get_by_text(LABELS[pad], exact=True).first
    if not bestand.is_visible():  # on a phone the CMS first lists its collections: tap the one
        page.get_by_text(COLLECTIE["label"], exact=True).first.click()
    bestand.click()
    # the check has run once the form opened: its verdict replaces the waiting line
    page.locator(".meldcode-controle :is(section, p, details)").first.wait_for(timeout=READY)
    page.get_by_text(CONTROLE_WOORDEN["bezig"]).wait_for(state="detached", timeout=READY)


def field(page: Page, waarde: str):
    assert page.evaluate(FIND, [waarde, 0]), f"no field holds {waarde!r}"
    return page.locator(GEVONDEN)


def save(page: Page) -> None:
    page.get_by_role("button", name="Opslaan").click()
    try:
        page.get_by_role("button", name="Opslaan").wait_for(state="detached", timeout=READY)  # back at the list
    except Exception:
        page.screenshot(path=str(SHOTS / "opslaan-mislukt.png"))
        raise


def changed_lines(page: Page, pad: str) -> list[str]:
    oud = (PROTOCOL.parent / pad).read_text(encoding="utf-8").splitlines(keepends=True)
    nieuw = page.evaluate(READ, pad).splitlines(keepends=True)
    return [r for r in difflib.unified_diff(oud, nieuw, n=0) if r[:1] in "+-" and r[:3] not in ("+++", "---")]


def site_texts(page: Page, links: Any) -> list[str]:
    """The text of each linked page of the site, as a reader sees it."""
    teksten = []
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        html = page.evaluate("async (url) => (await fetch(url)).text()", href)
        teksten.append(page_text(html)[1])
    return teksten


EDITS = [
    # file, the value as it is, the new value, the lines that must differ
    ("protocol/contacten.yaml", "0800-2000", "0800 2000", ["-    telefoon: 0800-2000\n", "+    telefoon: 0800 2000\n"]),
    (
        "protocol/rollen.yaml",
        "intern begeleider",
        "intern begeleider en zorgcoördinator",
        ["-    invulling: intern begeleider\n", "+    invulling: intern begeleider en zorgcoördinator\n"],
    ),
    (
        "protocol/termijnen.yaml",
        "binnen een week na het gesprek met de ouders",
        "binnen vijf werkdagen na het gesprek met de ouders",
        [
            "-    wanneer: binnen een week na het gesprek met de ouders\n",
            "+    wanneer: binnen vijf werkdagen na het gesprek met de ouders\n",
        ],
    ),
]


@pytest.mark.parametrize(("pad", "oud", "nieuw", "lines"), EDITS, ids=[e[0] for e in EDITS])
def test_a_change_changes_only_its_line(page: Page, pad: str, oud: str, nieuw: str, lines: list[str]) -> None:
    open_file(page, pad)
    field(page, oud).fill(nieuw)
    page.evaluate(TOP)  # the check's panel says what will change, in `meldcode diff`'s words, before saving
    wat = page.locator(".meldcode-controle-verandering")
    wat.locator("li").filter(has_text=f"“{oud}” → “{nieuw}”").wait_for(timeout=READY)
    # and where the text stands now: links to those pages of the site (built with this text)
    paginas = wat.get_by_role("link")
    assert paginas.count() >= 1
    assert all(oud.casefold() in tekst for tekst in site_texts(page, paginas))
    logboek = page.locator(".meldcode-controle-versiegeschiedenis")
    # a line of today already (the day a version was made) is to be completed, not added to
    nieuwste = load_and_check(PROTOCOL)[0].protocol.wijzigingen.wijzigingen[0].datum
    verwacht = "heeft al een regel van" if nieuwste >= dt.date.today() else "Voeg bovenaan een regel toe"
    assert verwacht in logboek.inner_text()
    assert logboek.get_by_role("link", name=CONTROLE_WOORDEN["versiegeschiedenis"]).count() == 1
    if pad == "protocol/contacten.yaml":
        assert wat.get_by_role("link", name="Contacten", exact=True).count() == 1
        page.screenshot(path=str(SHOTS / "wat-verandert-1280.png"))
    save(page)
    assert changed_lines(page, pad) == lines


def test_a_step_text_changes_only_its_own_lines(page: Page) -> None:
    pad = "protocol/stappen.yaml"
    open_file(page, pad)
    assert page.evaluate(FIND, ["", 200]), "no text of more than 200 characters"
    veld = page.locator(GEVONDEN)
    oud = veld.input_value()
    veld.fill(oud + " Bespreek dit ook met de intern begeleider.")
    save(page)
    lines = changed_lines(page, pad)
    assert any("intern begeleider." in r for r in lines if r.startswith("+"))
    # only the lines of that one text: every removed line's words are in the old text
    assert all(
        r[1:].strip().removeprefix("- ").split(": ", 1)[-1] in oud.replace("\n", " ")
        for r in lines
        if r.startswith("-")
    )


def new_wijziging(page: Page) -> Locator:
    """Open the version history, add a line on top dated today; the proposal's buttons, once shown."""
    open_file(page, "protocol/wijzigingen.yaml")
    page.get_by_role("button", name=re.compile("Wijzigingen.*toevoegen")).first.click()
    page.get_by_role("button", name="Vandaag").first.click()
    voorstel = page.get_by_role("button", name=re.compile(re.escape(CONTROLE_WOORDEN["voorstel"])))
    voorstel.first.wait_for(timeout=READY)
    return voorstel


def test_a_new_wijziging_goes_on_top(page: Page) -> None:
    pad = "protocol/wijzigingen.yaml"
    # the changes saved above (the step text last) are proposed as version and words
    voorstel = new_wijziging(page)
    assert voorstel.count() == 2  # versie and wat, in the new line only
    assert "Stappen: stap" in voorstel.nth(1).inner_text()
    voorstel.first.click()
    voorstel.first.click()  # the next one moves up
    leeg = page.evaluate("""() => [...document.querySelectorAll("textarea")].flatMap((e, i) => e.value ? [] : [i])""")
    page.locator("textarea").nth(leeg[0]).fill("Zo leest het nummer makkelijker.")  # waarom: hers to say
    page.screenshot(path=str(SHOTS / "wijziging-1280.png"))
    save(page)
    lines = changed_lines(page, pad)
    assert all(r.startswith("+") for r in lines), lines  # added, nothing else touched
    assert lines[0] == f"+  - datum: {dt.date.today().isoformat()}\n"
    nieuwste = load_and_check(PROTOCOL)[0].protocol.wijzigingen.wijzigingen[0].versie
    # the next version, quoted as the entry below it
    assert f'+    versie: "{volgende_versie(nieuwste)}"\n' in lines
    text = page.evaluate(READ, pad)
    assert "Stappen: stap" in " ".join(r[1:].strip() for r in lines)  # the proposal's words, in `wat`
    assert text.index("Zo leest het nummer") < text.index("De meldcode staat als website online")


def repository_copy(page: Page, tmp_path: Path) -> Path:
    """The test repository's files as they are now, in a folder `meldcode check` can read."""
    copy = tmp_path / "protocol"
    shutil.copytree(PROTOCOL, copy, dirs_exist_ok=True)
    for pad in LABELS:
        (tmp_path / pad).write_text(page.evaluate(READ, pad), encoding="utf-8")
    return copy


def desktop_errors(page: Page, tmp_path: Path, pad: str, waarde: str, nieuw: str) -> list[str]:
    """What `meldcode check` says of the file as the editor would save it, with the text
    `waarde` in the form replaced by `nieuw` (written by the same code, formulier.bewaar):
    each finding as the editor says it, in the form's words (messages.message_text), without file,
    line or key path."""
    copy = repository_copy(page, tmp_path)
    bestand = tmp_path / pad
    tekst = bestand.read_text(encoding="utf-8")

    def swap(node: object) -> object:
        if isinstance(node, dict):
            return {k: swap(v) for k, v in node.items()}
        if isinstance(node, list):
            return [swap(v) for v in node]
        return nieuw if node == waarde else node

    bestand.write_text(save_file(tekst, swap(form_data(tekst))), encoding="utf-8")
    with pytest.raises(ProtocolError) as exc:
        load_and_check(copy)
    woorden = messages.Woorden(**form_words(cms_config(TEST_BACKEND)))
    for yaml in copy.rglob("*.yaml"):
        woorden.namen |= messages.item_names(load(yaml.read_text(encoding="utf-8")))
    return [messages.message_text(e.message, woorden, nieuw) for e in exc.value.errors]


# the panel's count of what holds the save back: "Eén probleem …" or "3 problemen …"
SAMENVATTING = re.compile(
    "|".join(
        re.escape(CONTROLE_WOORDEN[w]).replace(re.escape("{n}"), r"\d+") for w in ("samenvatting", "samenvatting_een")
    )
)


# a paste: the browser sets the box's value and says so with one input event (through the
# element's own setter, as the browser does, so a React field sees it too)
PASTE = """(e, tekst) => {
  const zetter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(e), "value").set;
  zetter.call(e, tekst);
  e.dispatchEvent(new Event("input", { bubbles: true }));
}"""


def refuse(page: Page, pad: str, oud: str, nieuw: str, naam: str) -> str:
    """Type `nieuw` over `oud`, try to save: the editor stays, the file is not written.
    Returns what the page said (the CMS's dialog, the check's panel, the form); the change
    is then thrown away."""

    def edit(page: Page) -> None:
        veld = field(page, oud)
        if len(nieuw) > 100_000:  # pasted in one go, as a paste does (typing it would take hours)
            veld.evaluate(PASTE, nieuw)
        else:
            veld.fill(nieuw)

    return refuse_edit(page, pad, edit, naam)


def refuse_edit(page: Page, pad: str, edit: Callable[[Page], None], naam: str) -> str:
    """Make the change `edit` in the form of `pad`, try to save: as `refuse`."""
    voor = page.evaluate(READ, pad)
    open_file(page, pad)
    edit(page)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    # the save waits for the check of what was typed, then refuses or writes and closes
    page.wait_for_function(SETTLED, timeout=READY)
    assert page.get_by_role("button", name="Opslaan", exact=True).count() == 1, "the editor closed: it saved"
    page.screenshot(path=str(SHOTS / f"geweigerd-{naam}-1280.png"))
    dialog = page.get_by_role("alertdialog")
    said = ""
    if dialog.count():  # refused just before writing, in the CMS's own dialog
        page.screenshot(path=str(SHOTS / f"geweigerd-{naam}-dialoog-1280.png"))
        said = dialog.inner_text()
        dialog.get_by_role("button").last.click()
    page.evaluate(TOP)  # the check's panel is the form's first field
    controle = "\n".join(
        (said, page.locator(".meldcode-controle").first.inner_text(), page.locator("body").inner_text())
    )
    assert page.evaluate(READ, pad) == voor, "nothing is written"
    cancel(page)
    return controle


WEEK = "binnen drie weken na het eerste overleg met de aandachtsfunctionaris"  # not edited above
BAD_TEXT = [
    # name, file, words in a text, what they become
    ("verwijzing", "protocol/termijnen.yaml", WEEK, "binnen drie weken, bel {telefoon:veilig-thuiss}"),
    ("script", "protocol/termijnen.yaml", WEEK, "binnen drie weken <script>alert(1)</script>"),
    # a reference with its own link text, near the top of the long form of the stappen
    (
        "lange-verwijzing",
        "protocol/stappen.yaml",
        "{anker:werkblad-signalen-vastleggen|",
        "{anker:werkblad-signalen-vastleggn|",
    ),
]


@pytest.mark.parametrize(("naam", "pad", "oud", "nieuw"), BAD_TEXT, ids=[b[0] for b in BAD_TEXT])
def test_a_bad_text_is_refused_with_the_message_of_meldcode_check(
    page: Page, tmp_path: Path, naam: str, pad: str, oud: str, nieuw: str
) -> None:
    waarde = next(v for v in _values(pad) if oud in v)
    expected = desktop_errors(page, tmp_path, pad, waarde, waarde.replace(oud, nieuw, 1))
    controle = refuse(page, pad, waarde, waarde.replace(oud, nieuw, 1), naam)
    assert SAMENVATTING.search(controle)
    for message in expected:
        assert message in controle


def test_a_pasted_document_is_refused_with_the_message_of_meldcode_check(page: Page) -> None:
    # 5 MB, as the issue names it: the text's own field takes it in at once (the CMS's box
    # took about a minute); the check refuses it before it is written. Its message is
    # `meldcode check`'s for a text that long (the same words at the same line, shown for a
    # shorter one in tests/unit/test_redactie_check.py: reading 5 MB of YAML on the desktop
    # takes 15 s), in the form's words
    plak = "bla " * 1_249_999 + "bla!"  # 5,000,000 characters
    controle = refuse(page, "protocol/termijnen.yaml", WEEK, plak, "plakken")
    assert "5.000.000 tekens" in controle
    woorden = messages.Woorden(**form_words(cms_config(TEST_BACKEND)))
    assert messages.message_text(too_long(plak), woorden, plak) in controle


# the form's own rules (from the model): a required field emptied, a phone number with letters
FORM_RULES = [
    ("leeg", "protocol/contacten.yaml", "Alarmnummer", "", "Dit veld is verplicht"),
    (
        "telefoon",
        "protocol/contacten.yaml",
        "035-623 11 00",
        "035-623 11 0O",
        "Gebruik alleen cijfers, spaties, '-', '(' en ')', bijvoorbeeld 0800-2000.",
    ),
]


@pytest.mark.parametrize(("naam", "pad", "oud", "nieuw", "message"), FORM_RULES, ids=[r[0] for r in FORM_RULES])
def test_the_form_refuses_what_the_model_refuses(
    page: Page, tmp_path: Path, naam: str, pad: str, oud: str, nieuw: str, message: str
) -> None:
    expected = desktop_errors(page, tmp_path, pad, oud, nieuw)
    said = refuse(page, pad, oud, nieuw, naam)  # asserts the editor stayed open and nothing was written
    assert message in said  # the form's own, beside the field
    for line in expected:  # and meldcode check's, in the check's panel
        assert line in said


def _values(pad: str) -> list[str]:
    return [text for _, text in strings(form_data((PROTOCOL.parent / pad).read_text(encoding="utf-8")))]


def test_the_saved_files_pass_meldcode_check(page: Page, tmp_path: Path) -> None:
    copy = repository_copy(page, tmp_path)
    try:
        load_and_check(copy)
    except ProtocolError as exc:  # pragma: no cover - the message is the point
        pytest.fail(exc.report())


# the fields of a new list item, in the form's order (its id, start.js's field, first),
# marked for the test: the form renders more fields as it scrolls, so an index would shift
NEW_ITEM = """() => {
  let item = document.querySelector("input.meldcode-id:not([readonly])");
  while (!item.querySelector("textarea")) item = item.parentElement;
  const velden = item.querySelectorAll("input:not([type=file]), textarea");
  velden.forEach((e, i) => e.setAttribute("data-nieuw", i));
  return velden.length;
}"""


def add_contact(page: Page, contact_id: str, naam: str, telefoon: str) -> None:
    page.get_by_role("button", name=re.compile("Contacten.*toevoegen")).first.click()
    # the id is made from the name unless she chooses one: here she does
    page.get_by_role("button", name=CONTROLE_WOORDEN["id_zelf"]).last.click()
    page.locator("input.meldcode-id:not([readonly])").wait_for(timeout=READY)
    assert page.evaluate(NEW_ITEM) >= 3
    id_veld, naam_veld, telefoon_veld = (page.locator(f"[data-nieuw='{i}']") for i in range(3))
    assert id_veld.get_attribute("readonly") is None  # a new item gets its id here
    id_veld.fill(contact_id)
    naam_veld.fill(naam)
    telefoon_veld.fill(telefoon)


def test_a_new_contact_gets_its_id_and_only_its_lines_are_added(page: Page, tmp_path: Path) -> None:
    pad = "protocol/contacten.yaml"
    voor = page.evaluate(READ, pad)
    open_file(page, pad)
    assert page.locator("input.meldcode-id:not([readonly])").count() == 0  # an existing id is fixed
    add_contact(page, "wijkagent", "Wijkagent", "0900-8844")
    page.evaluate(TOP)
    page.locator(".meldcode-controle-verandering li").filter(
        has_text="toegevoegd: “Wijkagent; telefoon 0900-8844”"
    ).wait_for(timeout=READY)
    # only this change: the phone number saved by an earlier test is the file's text now
    assert page.locator(".meldcode-controle-verandering li").count() == 1
    page.screenshot(path=str(SHOTS / "nieuw-contact-1280.png"))
    save(page)
    nieuw = page.evaluate(READ, pad)
    added = [r for r in difflib.unified_diff(voor.splitlines(True), nieuw.splitlines(True), n=0) if r[:1] in "+-"]
    assert [r for r in added if not r.startswith(("+++", "---"))] == [
        "+  - id: wijkagent\n",
        "+    naam: Wijkagent\n",
        "+    telefoon: 0900-8844\n",
    ]
    load_and_check(repository_copy(page, tmp_path))  # and the whole source still passes


def test_a_duplicate_id_is_refused_with_the_message_of_meldcode_check(page: Page) -> None:
    pad = "protocol/contacten.yaml"
    controle = refuse_edit(page, pad, lambda p: add_contact(p, "politie", "Wijkpolitie", "0900-8844"), "dubbele-id")
    assert SAMENVATTING.search(controle)
    assert "Id 'politie' komt twee keer voor; geef elk onderdeel in contacten een eigen naam" in controle


def test_a_warning_stands_beside_the_text_it_is_about(page: Page) -> None:
    """The evaluatie's out-of-date words: beside the field as well as in the panel, and the
    save goes ahead (a warning does not block). The source has none since 2026.2: a name that
    went out of date is typed back."""
    pad = "protocol/contacten.yaml"
    open_file(page, pad)
    veld = field(page, "Kindertelefoon")
    veld.fill("Steunpunt Huiselijk Geweld")
    naast = veld.locator("xpath=..").locator(".meldcode-tekst-waarschuwing")
    naast.wait_for(timeout=READY)
    assert "'Steunpunt Huiselijk Geweld' is mogelijk verouderd" in naast.inner_text()
    # where, as the form names it (the contact and the field), not file, line and key path
    assert naast.inner_text().startswith("Steunpunt Huiselijk Geweld – Naam: ")
    assert ".yaml" not in naast.inner_text() and "regel" not in naast.inner_text()
    veld.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "waarschuwing-naast-veld-1280.png"))
    assert page.locator(".meldcode-tekst-fout").count() == 0
    cancel(page)


# what a lost connection or an expired sign-in does to a save: the write fails
FAIL_WRITES = """() => {
  const proto = FileSystemWritableFileStream.prototype;
  proto.echteWrite ??= proto.write;
  proto.write = async () => { throw new Error("De verbinding is verbroken."); };
}"""
RESTORE_WRITES = "() => { const p = FileSystemWritableFileStream.prototype; p.write = p.echteWrite; }"


def test_a_failed_save_loses_no_typed_text(page: Page) -> None:
    pad = "protocol/termijnen.yaml"
    voor = page.evaluate(READ, pad)
    open_file(page, pad)
    nieuw = WEEK.replace("drie weken", "twee weken")
    field(page, WEEK).fill(nieuw)
    page.evaluate(FAIL_WRITES)
    try:
        page.get_by_role("button", name="Opslaan", exact=True).click()
        dialog = page.get_by_role("alertdialog")
        dialog.wait_for(timeout=READY)
        assert "De verbinding is verbroken." in dialog.inner_text()  # the CMS says why
        page.screenshot(path=str(SHOTS / "opslaan-mislukt-1280.png"))
        dialog.get_by_role("button").last.click()
    finally:
        page.evaluate(RESTORE_WRITES)
    assert page.evaluate(READ, pad) == voor  # nothing half written
    assert page.evaluate(FIND, [nieuw, 0])  # what she typed is still in the form
    save(page)  # and saving again, once the connection is back, writes it
    assert nieuw in page.evaluate(READ, pad)
