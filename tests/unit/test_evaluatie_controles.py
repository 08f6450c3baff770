"""Out-of-date references: the controles of protocol/evaluatie.yaml give one warning per
match in the school's text (file and line of the words), a bad pattern is an error with its
line, and the Evaluatie-checklist lists every match.

Version 2026.2 corrected every match; the rules stay so that none comes back. The tests run
them on a copy with the 2026.1 wording put back (OUDE_WOORDEN), and on the source as it is."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import PROTOCOL, Edit

from generator.checks.evaluatie import Treffer, match_line, verouderde_verwijzingen
from generator.checks.run import load_and_check
from generator.errors import ProtocolError
from generator.pages.render import render_pages
from generator.source.load import Loaded

# controle id, file, the words found, a piece of the line where they begin (so the
# expected line is read from today's file, not written down here)
EXPECTED = [
    ("wet-op-persoonsregistraties", "bijlagen/bijlage-3-overlegformulier.yaml", "Wet op Persoonsregistraties", None),
    ("steunpunt-huiselijk-geweld", "contacten.yaml", "Steunpunt Huiselijk Geweld", "naam: Steunpunt"),
    ("steunpunt-huiselijk-geweld", "inleiding.yaml", "Steunpunt Huiselijk Geweld", None),
    # split over two lines in the file: the line where "Bureau" stands
    ("bureau-jeugdzorg", "inleiding.yaml", "Bureau Jeugdzorg", "(onderdeel van Bureau"),
    ("meldpunt-en-steunpunt", "inleiding.yaml", "Meldpunt", "zetten Meldpunt en Steunpunt"),
    ("meldpunt-en-steunpunt", "inleiding.yaml", "Steunpunt", "zetten Meldpunt en Steunpunt"),
    ("meldpunt-en-steunpunt", "inleiding.yaml", "Meldpunt", "het Meldpunt of"),
    ("meldpunt-en-steunpunt", "inleiding.yaml", "Steunpunt", "Steunpunt anders geen"),
    ("anonieme-melding", "afwegingskader.yaml", "(anoniem) melding", None),
]

# the 2026.1 wording that 2026.2 corrected (file, the words now, the words then)
OUDE_WOORDEN = [
    (
        "bijlagen/bijlage-3-overlegformulier.yaml",
        "Algemene verordening gegevensbescherming (AVG)",
        "Wet op Persoonsregistraties",
    ),
    (
        "contacten.yaml",
        "  - id: alarmnummer\n",
        "  - id: steunpunt-huiselijk-geweld\n    naam: Steunpunt Huiselijk Geweld\n    telefoon: 035-6926444\n"
        "  - id: alarmnummer\n",
    ),
    (
        "inleiding.yaml",
        "met VEILIG THUIS. Bij Veilig Thuis",
        "met het Steunpunt Huiselijk Geweld of VEILIG THUIS\n          (onderdeel van Bureau\n"
        "          Jeugdzorg). Bij deze instanties",
    ),
    ("inleiding.yaml", "zet Veilig Thuis zelf geen stappen", "zetten Meldpunt en Steunpunt zelf geen stappen"),
    (
        "inleiding.yaml",
        "omdat Veilig Thuis\n          anders geen",
        "omdat het Meldpunt of\n          Steunpunt anders geen",
    ),
    ("afwegingskader.yaml", "(telefonisch) melding", "(telefonisch) (anoniem) melding"),
    ("afwegingskader.yaml", "(telefonisch) melding", "(telefonisch) (anoniem) melding"),
]


def _oude_bron(target: Path) -> Path:
    shutil.copytree(PROTOCOL, target)
    for file, nu, toen in OUDE_WOORDEN:
        path = target / file
        text = path.read_text(encoding="utf-8")
        assert nu in text, f"{nu!r} not in {file}"
        path.write_text(text.replace(nu, toen, 1), encoding="utf-8")
    return target


class Oud(NamedTuple):
    pad: Path
    loaded: Loaded
    warnings: list[str]


@pytest.fixture(scope="module")
def oud(tmp_path_factory: pytest.TempPathFactory) -> Oud:
    pad = _oude_bron(tmp_path_factory.mktemp("2026.1") / "protocol")
    return Oud(pad, *load_and_check(pad))


def verouderd(loaded: Loaded) -> list[Treffer]:
    return verouderde_verwijzingen(loaded.sources)


def _lines(oud: Oud, file: str, needle: str) -> list[int]:
    text = (oud.pad / file).read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(text, 1) if needle in line]


@pytest.mark.parametrize(("controle", "file", "words", "needle"), EXPECTED)
def test_each_controle_finds_its_words_at_their_line(
    oud: Oud, controle: str, file: str, words: str, needle: str | None
) -> None:
    lines = _lines(oud, file, needle or words)
    assert lines, f"{needle or words!r} not in {file}"
    found = [t for t in verouderd(oud.loaded) if t.controle.id == controle and t.bestand.endswith(file)]
    assert {t.regel for t in found if t.gevonden == words} >= set(lines)
    for line in lines:
        [warning] = [w for w in oud.warnings if f"protocol/{file}:{line}:" in w and f"'{words}'" in w]
        regel = next(c for c in oud.loaded.protocol.evaluatie.controles if c.id == controle)
        # what was found, why, what to check, and where to change it
        assert " ".join(regel.waarom.split()) in warning and " ".join(regel.controleer.split()) in warning
        assert f"Pas de tekst zo nodig aan in {oud.pad}/{file} (regel {line})" in warning
        assert f"controle '{controle}'" in warning and "protocol/evaluatie.yaml" in warning


def test_every_match_in_2026_1_is_expected(oud: Oud) -> None:
    """No match beyond the list above (an over-eager pattern would flood the checklist)."""
    places = {(t.controle.id, t.bestand.rsplit("protocol/", 1)[1], t.gevonden) for t in verouderd(oud.loaded)}
    assert places == {(c, f, w) for c, f, w, _ in EXPECTED}
    assert len(verouderd(oud.loaded)) == 10  # two of each in the afwegingskader


def test_warnings_only_never_an_error(oud: Oud) -> None:
    assert sum("is mogelijk verouderd" in w for w in oud.warnings) == 10


def test_the_source_as_it_is_gives_no_warning() -> None:
    """2026.2 corrected every match; the version history quotes the old words and is not read."""
    loaded, warnings = load_and_check(PROTOCOL)
    assert verouderd(loaded) == []
    assert not [w for w in warnings if "verouderd" in w]
    # evaluatie.yaml and wijzigingen.yaml name these words: neither is matched
    for part in ("evaluatie.yaml", "wijzigingen.yaml"):
        assert "Steunpunt Huiselijk Geweld" in (PROTOCOL / part).read_text(encoding="utf-8")


def test_each_corrected_fact_is_gone_from_what_the_site_says() -> None:
    """No dead 099 number, no Steunpunt, Bureau Jeugdzorg, Meldpunt or WPR as today's bodies,
    no anonymous melding: in any file but the rules and the version history, which quote them."""
    teksten = {
        path.relative_to(PROTOCOL).as_posix(): " ".join(path.read_text(encoding="utf-8").split())
        for path in PROTOCOL.rglob("*.yaml")
        if path.name not in ("evaluatie.yaml", "wijzigingen.yaml")
    }
    for woorden in ("099", "Steunpunt", "Bureau Jeugdzorg", "Meldpunt", "Persoonsregistraties", "(anoniem) melding"):
        assert not [naam for naam, tekst in teksten.items() if woorden in tekst], woorden
    contacten = (PROTOCOL / "contacten.yaml").read_text(encoding="utf-8")
    assert contacten.count("naam: Veilig Thuis") == 1 and "Bureau Veilig Thuis" not in contacten
    geschiedenis = (PROTOCOL / "wijzigingen.yaml").read_text(encoding="utf-8")
    for _, _, toen in OUDE_WOORDEN[:1]:
        assert toen in geschiedenis  # the old wording kept in the version history


def test_new_words_in_a_text_are_found_at_their_line(edit: Edit, protocol_copy: Path) -> None:
    line = edit("melding.yaml", "anoniem.)", "anoniem; zie ook de WPR.)")
    loaded, warnings = load_and_check(protocol_copy)
    [treffer] = [t for t in verouderd(loaded) if t.gevonden == "WPR"]
    assert treffer.bestand.endswith("protocol/melding.yaml") and treffer.regel == line
    assert any(
        w.endswith(
            f"melding.yaml (regel {line}); klopt hij toch, haal dan de controle "
            "'wet-op-persoonsregistraties' weg uit " + loaded.sources["evaluatie"].name
        )
        for w in warnings
    )


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (
            r"Steunpunt\s+(Huiselijk",
            "geen geldige reguliere expressie (missing ), unterminated subpattern bij teken 13)",
        ),
        (r"Steunpunt|", "past ook op lege tekst"),
    ],
)
def test_a_bad_pattern_is_an_error_with_its_line(edit: Edit, protocol_copy: Path, pattern: str, message: str) -> None:
    line = edit("evaluatie.yaml", r"patroon: Steunpunt\s+Huiselijk\s+Geweld", f"patroon: {pattern}")
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    [error] = info.value.errors
    assert error.file.endswith("protocol/evaluatie.yaml") and error.line == line
    assert error.path == "controles › steunpunt-huiselijk-geweld › patroon"
    assert message in error.message


def test_braces_of_a_pattern_are_no_references(oud: Oud, tmp_path: Path) -> None:
    kopie = shutil.copytree(oud.pad, tmp_path / "protocol")
    regels = kopie / "evaluatie.yaml"
    tekst = regels.read_text(encoding="utf-8")
    assert r"|\bAMK\b|" in tekst
    regels.write_text(tekst.replace(r"|\bAMK\b|", r"|\bAMK\b|\bA{2}MK\b|"), "utf-8")
    loaded, _ = load_and_check(kopie)
    assert verouderd(loaded)


def test_match_line_reads_a_folded_text_as_yaml_does() -> None:
    lines = ["tekst: >-", "  bij het Steunpunt", "  Huiselijk Geweld of het", "  Steunpunt Huiselijk", "  Geweld."]
    pattern = re.compile(r"Steunpunt\s+Huiselijk\s+Geweld", re.IGNORECASE)
    assert [match_line(lines, 1, pattern, n) for n in range(3)] == [2, 4, 1]


@pytest.fixture(scope="module")
def checklist(oud: Oud) -> str:
    return render_pages(oud.loaded.protocol, verouderd=verouderd(oud.loaded))["over/evaluatie-checklist.md"]


def test_the_checklist_lists_every_match(oud: Oud, checklist: str) -> None:
    section = checklist.split("## Verouderde verwijzingen", 1)[1].split("\n## ", 1)[0]
    for controle, file, words, needle in EXPECTED:
        regel = next(c for c in oud.loaded.protocol.evaluatie.controles if c.id == controle)
        assert " ".join(regel.waarom.split()) in section and " ".join(regel.controleer.split()) in section
        for line in _lines(oud, file, needle or words):
            assert f"- ☐ `{oud.pad}/{file}`, regel {line}: „{words}”" in section
    assert section.count("- ☐ ") == 10
    assert '<p class="admonition-title">Wet op Persoonsregistraties</p>' in section


def test_the_checklist_says_so_when_nothing_is_found() -> None:
    loaded, _ = load_and_check(PROTOCOL)
    page = render_pages(loaded.protocol, verouderd=verouderd(loaded))["over/evaluatie-checklist.md"]
    section = page.split("## Verouderde verwijzingen", 1)[1].split("\n## ", 1)[0]
    assert "Geen verouderde verwijzingen gevonden." in section and "- ☐ " not in section
