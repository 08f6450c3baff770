"""Bad input: each kind of mistake an editor can make gives one clear Dutch message
naming the file and the line, and the real source loads cleanly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROTOCOL, Edit

from generator.check import load_and_check
from generator.errors import ProtocolError

VRAAG_3_NEE = (
    "        volgende: uitkomst-melden\n      - id: ja\n        label: Ja\n        code: B\n        betekenis: wij"
)

# (id, file, old text, new text, expected words in the message, lines the new text adds before the error)
CASES = [
    ("tab", "termijnen.yaml", "  - id: binnen-een-week", "\t- id: binnen-een-week", "tab", 0),
    (
        "dubbele-punt-vergeten",
        "contacten.yaml",
        "    naam: Veilig Thuis\n",
        "    naam Veilig Thuis\n",
        "dubbele punt",
        0,
    ),
    ("aanhalingsteken-open", "metadata.yaml", 'versie: "2026.1"', 'versie: "2026.1', "aanhalingsteken", 0),
    (
        "sleutel-verkeerd-gespeld",
        "afwegingskader.yaml",
        "    titel: Veiligheid",
        "    tittel: Veiligheid",
        "onbekende sleutel 'tittel' (bedoelt u 'titel'?)",
        0,
    ),
    (
        "veld-ontbreekt",
        "afwegingskader.yaml",
        "    titel: Veiligheid\n    vraag: Heb ik een vermoeden van actuele of structurele onveiligheid?\n",
        "    titel: Veiligheid\n",
        "verplicht veld 'vraag' ontbreekt",
        -2,
    ),
    (
        "verkeerd-type",
        "afwegingskader.yaml",
        "    nummer: 3",
        "    nummer: drie",
        "'drie' is geen geheel getal",
        0,
    ),
    (
        "volgende-bestaat-niet",
        "afwegingskader.yaml",
        VRAAG_3_NEE,
        VRAAG_3_NEE.replace("uitkomst-melden", "vraag-9"),
        "vraag-3 › antwoorden › nee › volgende: 'vraag-9' bestaat niet",
        0,
    ),
    (
        "niet-bereikbaar",
        "afwegingskader.yaml",
        "        volgende: vraag-3\n",
        "        volgende: vraag-4\n",
        "'vraag-3' is niet bereikbaar vanaf vraag-1",
        None,
    ),
    (
        "kringloop",
        "afwegingskader.yaml",
        "        volgende: vraag-5\n",
        "        volgende: vraag-2\n",
        "kringloop (vraag-2 → vraag-3 → vraag-4 → vraag-2)",
        0,
    ),
    (
        "dubbele-id",
        "rollen.yaml",
        "  - id: ondersteuningsteam",
        "  - id: leerkracht",
        "id 'leerkracht' komt twee keer voor",
        0,
    ),
    (
        "onbekend-contact",
        "contacten.yaml",
        "spoedbalk: [alarmnummer, veilig-thuis]",
        "spoedbalk: [alarmnummer, veilig-thuiss]",
        "contact 'veilig-thuiss' bestaat niet (bedoelt u 'veilig-thuis'?",
        0,
    ),
    (
        "telefoon-met-letters",
        "contacten.yaml",
        "    telefoon: 0800-2000",
        "    telefoon: 0800-TWEEDUIZEND",
        "'0800-TWEEDUIZEND' is geen geldig telefoonnummer",
        0,
    ),
    (
        "datum-verkeerd-om",
        "metadata.yaml",
        "volgende_evaluatie: 2027-11-28",
        "volgende_evaluatie: 31-02-2026",
        "'31-02-2026' is geen geldige datum",
        0,
    ),
    (
        "datum-bestaat-niet",
        "metadata.yaml",
        "volgende_evaluatie: 2027-11-28",
        "volgende_evaluatie: 2026-02-31",
        "'2026-02-31' is geen geldige datum",
        0,
    ),
    (
        "html-in-tekst",
        "bijlagen/bijlage-1-signalen.yaml",
        "      - Littekens",
        "      - <script>alert(1)</script>",
        "bevat HTML of een script-tag",
        0,
    ),
    (
        "lege-antwoordenlijst",
        "afwegingskader.yaml",
        "    antwoorden:\n      - id: nee\n        label: Nee\n        code: A\n"
        "        betekenis: >-\n          op basis van",
        "    antwoorden: []\n    oud:\n      - id: nee\n        label: Nee\n        code: A\n        betekenis: >-\n"
        "          op basis van",
        "deze lijst is te kort",
        0,
    ),
    (
        "dubbele-sleutel",
        "metadata.yaml",
        "school_kort: KMS",
        "school_kort: KMS\nschool_kort: KMS",
        "staat twee keer in hetzelfde blok",
        1,
    ),
    (
        "telefoonnummer-in-tekst",
        "bijlagen/bijlage-1-signalen.yaml",
        "      - Littekens",
        "      - Bel 0800-2000",
        "bevat een telefoonnummer",
        0,
    ),
    (
        "onbekende-termijn",
        "stappen.yaml",
        "{termijn:vier-maanden}",
        "{termijn:vier-maandjes}",
        "'vier-maandjes' bestaat niet (bedoelt u 'vier-maanden'?",
        0,
    ),
    (
        "onbekende-rol-in-actie",
        "afwegingskader.yaml",
        "        rol: leerkracht\n",
        "        rol: juf\n",
        "rol 'juf' bestaat niet",
        0,
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected", "offset"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_names_file_line_and_problem(
    edit: Edit, protocol_copy: Path, file: str, old: str, new: str, expected: str, offset: int | None
) -> None:
    line = edit(file, old, new)
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    matching = [e for e in info.value.errors if expected in e.message or expected in str(e)]
    assert matching, f"no message with {expected!r} in:\n{info.value.report()}"
    error = matching[0]
    assert error.file.endswith(f"protocol/{file}")
    if offset is not None:
        assert error.line == line + offset, str(error)
    assert "Traceback" not in info.value.report()


def test_typo_gives_one_message_not_two(edit: Edit, protocol_copy: Path) -> None:
    edit("afwegingskader.yaml", "    titel: Veiligheid", "    tittel: Veiligheid")
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    assert len(info.value.errors) == 1, info.value.report()


def test_missing_file_is_named(protocol_copy: Path) -> None:
    (protocol_copy / "termijnen.yaml").unlink()
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    assert "termijnen.yaml: dit bestand ontbreekt" in info.value.report()


def test_all_errors_reported_together(edit: Edit, protocol_copy: Path) -> None:
    edit("contacten.yaml", "    telefoon: 0800-2000", "    telefoon: 0800-TWEEDUIZEND")
    edit("metadata.yaml", "volgende_evaluatie: 2027-11-28", "volgende_evaluatie: 31-02-2026")
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    files = {Path(e.file).name for e in info.value.errors}
    assert files == {"contacten.yaml", "metadata.yaml"}


def test_real_source_is_sound() -> None:
    loaded, warnings = load_and_check(PROTOCOL)
    assert [s.nummer for s in loaded.protocol.stappen.stappen] == [1, 2, 3, 4, 5, 6]
    assert isinstance(warnings, list)


def test_overdue_evaluation_is_a_warning_not_an_error(edit: Edit, protocol_copy: Path) -> None:
    edit("metadata.yaml", "laatste_evaluatie: 2026-11-28", "laatste_evaluatie: 2020-01-01")
    edit("metadata.yaml", "volgende_evaluatie: 2027-11-28", "volgende_evaluatie: 2021-01-01")
    _, warnings = load_and_check(protocol_copy)
    assert len(warnings) == 1 and "01-01-2021" in warnings[0] and "verstreken" in warnings[0]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, check=False)


def test_cli_check_exit_codes(edit: Edit, protocol_copy: Path) -> None:
    good = run_cli("check", str(protocol_copy))
    assert good.returncode == 0 and "De bron is in orde" in good.stdout
    edit("contacten.yaml", "    telefoon: 0800-2000", "    telefoon: 0800-TWEEDUIZEND")
    edit("termijnen.yaml", "  - id: binnen-een-week", "\t- id: binnen-een-week")
    bad = run_cli("check", str(protocol_copy))
    assert bad.returncode == 1
    assert "2 fouten" in bad.stderr and "TWEEDUIZEND" in bad.stderr and "tab" in bad.stderr
    assert "Traceback" not in bad.stderr + bad.stdout


def test_cli_check_on_missing_folder() -> None:
    result = run_cli("check", "/nergens/protocol")
    assert result.returncode == 1 and "deze map bestaat niet" in result.stderr
