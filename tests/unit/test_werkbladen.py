"""The werkbladen are generated from the Bijlagen: every signal a checkbox, every
question of the overlegformulier a field, and an edit in protocol/ changes the form."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import PROTOCOL, Edit

from generator.checks.run import load_and_check
from generator.pages.render import Renderer
from generator.pages.werkbladen import WERKBLADEN, all_ids, gesprek, overlegformulier, signalen, text_id
from generator.source.model import Protocol

SIGNALEN = "werkbladen/signalen-vastleggen.md"
OVERLEG = "werkbladen/overlegformulier.md"
GESPREK = "werkbladen/gesprek-met-ouders.md"
FIELD = re.compile(r'<(input|textarea)\b[^>]*\bname="([^"]+)"[^>]*\bdata-tekst="([^"]*)"', re.S)
CHECKBOX = re.compile(r'<label><input type="checkbox" name="([^"]+)"> (.*?)</label>', re.S)


def load(root: Path) -> Protocol:
    loaded, _ = load_and_check(root)  # errors raise; warnings (a number to check) do not matter here
    return loaded.protocol


def fields(page: str) -> list[tuple[str, str, str]]:
    """(tag or input type, name, question) of every form field of a rendered page."""
    out = []
    for match in FIELD.finditer(page):
        kind = re.search(r'type="([^"]+)"', match.group(0))
        out.append((kind.group(1) if kind else match.group(1), match.group(2), html.unescape(match.group(3))))
    return out


def test_one_checkbox_per_signal_of_bijlage_1(site: Path) -> None:
    protocol = load(PROTOCOL)
    page = (site / "werkbladen/signalen-vastleggen/index.html").read_text(encoding="utf-8")
    start = page.index('<form class="werkblad"')
    form = page[start : page.index("</form>", start)]
    boxes = CHECKBOX.findall(form)
    signals = [s for c in protocol.bijlage_1.categorieen for s in c.signalen]
    assert len(boxes) == len(signals) == 83
    assert [html.unescape(b[1]) for b in boxes] == [" ".join(s.split()) for s in signals]
    # the date and observation of each signal are cloned from one template by the page script
    assert form.count('<template class="werkblad-details-sjabloon">') == 1


def test_overlegformulier_asks_the_questions_of_bijlage_3(site: Path) -> None:
    protocol = load(PROTOCOL)
    page = (site / "werkbladen/overlegformulier/index.html").read_text(encoding="utf-8")
    asked = [f[2] for f in fields(page) if f[0] == "textarea"]
    b = protocol.bijlage_3
    expected = [" ".join(v.tekst.split()) for o in b.onderdelen for v in o.vragen]
    expected_with_space = expected + [o.titel for o in b.onderdelen if o.schrijfruimte]
    assert sorted(asked) == sorted(expected_with_space)
    assert len([q for q in asked if q in expected]) == sum(len(o.vragen) for o in b.onderdelen) == 12
    short = [f[2] for f in fields(page) if f[0] == "text"]
    assert short == [v.label for v in b.kopvelden] + [v.label for o in b.onderdelen for v in o.velden]


def test_gesprek_checklist_has_every_point_of_bijlage_4() -> None:
    protocol = load(PROTOCOL)
    voorbereiding, stappen = gesprek(protocol)
    assert [i.tekst for g in voorbereiding for i in g.items] == protocol.bijlage_4.inhoud[0].lijst
    points = [i.tekst for g in stappen for i in g.items]
    assert "Beloof het kind geen geheimhouding!" not in points
    assert "4. Ouders delen de zorg" in points and "5. Ouders nemen de zorg over" in points
    assert len(points) == 2 + 1 + 4 + 2


def test_ids_are_unique_and_follow_the_text() -> None:
    protocol = load(PROTOCOL)
    for werkblad, ids in all_ids(protocol).items():
        assert len(ids) == len(set(ids)), werkblad
    assert text_id("x", "Littekens") == text_id("x", " Littekens ") != text_id("x", "Littekens!")
    # the helper's uitkomst writes the route into this field (werkblad-verslag.js)
    assert "F-ruimte" in all_ids(protocol)["overlegformulier"]


def test_forms_follow_an_edited_source(protocol_copy: Path, edit: Edit) -> None:
    before = load(protocol_copy)
    edit("bijlagen/bijlage-1-signalen.yaml", "- Littekens\n", "- Littekens op armen of benen\n")
    extra = "- Faalangst\n      - Slaapt in de klas\n      - Faalangst\n"  # a new signal, and one listed twice
    edit("bijlagen/bijlage-1-signalen.yaml", "- Faalangst\n", extra)
    edit(
        "bijlagen/bijlage-3-overlegformulier.yaml",
        "tekst: Waardoor is de zorg ontstaan? Bij wie?",
        "tekst: Wanneer en waardoor is de zorg ontstaan?",
    )
    edit(
        "bijlagen/bijlage-4-gesprekken.yaml",
        "- Beloof het kind geen geheimhouding!",
        "- Beloof het kind nooit geheimhouding.",
    )
    after = load(protocol_copy)
    renderer = Renderer(after)
    sig = renderer.render(SIGNALEN)
    texts = [t for _, t in CHECKBOX.findall(sig)]
    assert "Littekens op armen of benen" in texts and "Littekens" not in texts
    assert len(texts) == 85
    ids = [name for name, _ in CHECKBOX.findall(sig)]
    assert len(set(ids)) == len(ids), "a signal listed twice still gets its own checkbox"
    ov = renderer.render(OVERLEG)
    assert "3. Wanneer en waardoor is de zorg ontstaan?" in ov
    assert "Waardoor is de zorg ontstaan? Bij wie?" not in ov
    assert "Beloof het kind nooit geheimhouding." in renderer.render(GESPREK)
    # an inserted signal leaves the ids of the other signals alone; a changed one gets a new id
    old = {i.tekst: i.id for g in signalen(before) for i in g.items}
    new: dict[str, str] = {}
    for i in (i for g in signalen(after) for i in g.items):
        new.setdefault(i.tekst, i.id)
    assert all(new[t] == old[t] for t in old if t in new)
    assert new["Littekens op armen of benen"] not in old.values()
    kop_before, _ = overlegformulier(before)
    assert [v.id for v in kop_before] == [v.id for v in overlegformulier(after)[0]]


def test_every_werkblad_page_is_built(site: Path) -> None:
    for src, (werkblad, _) in WERKBLADEN.items():
        page = (site / src.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert f'data-werkblad="{werkblad}"' in page
        assert 'autocomplete="off"' in page
    for src, target in [
        ("meldcode/stap-1", "signalen-vastleggen"),
        ("meldcode/stap-3", "gesprek-met-ouders"),
        ("meldcode/stap-3", "overlegformulier"),
    ]:
        assert f'href="../../werkbladen/{target}/"' in (site / src / "index.html").read_text(encoding="utf-8")
