"""Out-of-date references: the controles of protocol/evaluatie.yaml give one warning per
match in the school's text (file and line of the words), a bad pattern is an error with its
line, and the Evaluatie-checklist lists every match."""

from __future__ import annotations

import re
from pathlib import Path

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

LOADED, WARNINGS = load_and_check(PROTOCOL)


def verouderd(loaded: Loaded) -> list[Treffer]:
    return verouderde_verwijzingen(loaded.sources)


def _lines(file: str, needle: str) -> list[int]:
    text = (PROTOCOL / file).read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(text, 1) if needle in line]


@pytest.mark.parametrize(("controle", "file", "words", "needle"), EXPECTED)
def test_each_controle_finds_its_words_at_their_line(controle: str, file: str, words: str, needle: str | None) -> None:
    lines = _lines(file, needle or words)
    assert lines, f"{needle or words!r} not in {file}"
    found = [t for t in verouderd(LOADED) if t.controle.id == controle and t.bestand.endswith(file)]
    assert {t.regel for t in found if t.gevonden == words} >= set(lines)
    for line in lines:
        [warning] = [w for w in WARNINGS if w.startswith(f"protocol/{file}:{line}:") and f"'{words}'" in w]
        regel = next(c for c in LOADED.protocol.evaluatie.controles if c.id == controle)
        # what was found, why, what to check, and where to change it
        assert " ".join(regel.waarom.split()) in warning and " ".join(regel.controleer.split()) in warning
        assert f"Pas de tekst zo nodig aan in protocol/{file} (regel {line})" in warning
        assert f"controle '{controle}'" in warning and "protocol/evaluatie.yaml" in warning


def test_every_match_today_is_expected() -> None:
    """No match beyond the list above (an over-eager pattern would flood the checklist)."""
    places = {(t.controle.id, t.bestand.removeprefix("protocol/"), t.gevonden) for t in verouderd(LOADED)}
    assert places == {(c, f, w) for c, f, w, _ in EXPECTED}
    assert len(verouderd(LOADED)) == 10  # two of each in the afwegingskader


def test_warnings_only_never_an_error() -> None:
    assert sum("is mogelijk verouderd" in w for w in WARNINGS) == 10


def _without_the_words(edit: Edit) -> None:
    edit("bijlagen/bijlage-3-overlegformulier.yaml", "Wet op Persoonsregistraties", "AVG")
    edit("contacten.yaml", "naam: Steunpunt Huiselijk Geweld", "naam: Advies huiselijk geweld")
    edit("inleiding.yaml", "met het Steunpunt Huiselijk Geweld of", "met")
    edit("inleiding.yaml", "(onderdeel van Bureau", "(vroeger onderdeel van")
    edit("inleiding.yaml", "zetten Meldpunt en Steunpunt zelf", "zet Veilig Thuis zelf")
    edit("inleiding.yaml", "het Meldpunt of\n          Steunpunt anders", "Veilig Thuis\n          anders")
    for _ in range(2):
        edit("afwegingskader.yaml", "(anoniem) melding", "melding")


def test_a_protocol_without_the_words_gives_no_warning(edit: Edit, protocol_copy: Path) -> None:
    _without_the_words(edit)
    loaded, warnings = load_and_check(protocol_copy)
    assert verouderd(loaded) == []
    # evaluatie.yaml itself names every one of these words: it is never matched
    assert "Steunpunt Huiselijk Geweld" in (protocol_copy / "evaluatie.yaml").read_text(encoding="utf-8")
    assert not [w for w in warnings if "verouderd" in w]


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


def test_braces_of_a_pattern_are_no_references(edit: Edit, protocol_copy: Path) -> None:
    edit("evaluatie.yaml", r"|\bAMK\b|", r"|\bAMK\b|\bA{2}MK\b|")
    loaded, _ = load_and_check(protocol_copy)
    assert verouderd(loaded)


def test_match_line_reads_a_folded_text_as_yaml_does() -> None:
    lines = ["tekst: >-", "  bij het Steunpunt", "  Huiselijk Geweld of het", "  Steunpunt Huiselijk", "  Geweld."]
    pattern = re.compile(r"Steunpunt\s+Huiselijk\s+Geweld", re.IGNORECASE)
    assert [match_line(lines, 1, pattern, n) for n in range(3)] == [2, 4, 1]


@pytest.fixture(scope="module")
def checklist() -> str:
    return render_pages(LOADED.protocol, verouderd=verouderd(LOADED))["over/evaluatie-checklist.md"]


def test_the_checklist_lists_every_match(checklist: str) -> None:
    section = checklist.split("## Verouderde verwijzingen", 1)[1].split("\n## ", 1)[0]
    for controle, file, words, needle in EXPECTED:
        regel = next(c for c in LOADED.protocol.evaluatie.controles if c.id == controle)
        assert " ".join(regel.waarom.split()) in section and " ".join(regel.controleer.split()) in section
        for line in _lines(file, needle or words):
            assert f"- ☐ `protocol/{file}`, regel {line}: „{words}”" in section
    assert section.count("- ☐ ") == 10
    assert '<p class="admonition-title">Wet op Persoonsregistraties</p>' in section


def test_the_checklist_says_so_when_nothing_is_found(edit: Edit, protocol_copy: Path) -> None:
    _without_the_words(edit)
    loaded, _ = load_and_check(protocol_copy)
    page = render_pages(loaded.protocol, verouderd=verouderd(loaded))["over/evaluatie-checklist.md"]
    section = page.split("## Verouderde verwijzingen", 1)[1].split("\n## ", 1)[0]
    assert "Geen verouderde verwijzingen gevonden." in section and "- ☐ " not in section
