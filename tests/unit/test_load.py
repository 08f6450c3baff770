"""Loading the source: the real one loads cleanly; missing files and folders, several
mistakes at once, warnings and the `meldcode check` exit codes.

The mistakes an editor can make, one by one, are the corpus in tests/bad_input/
(run by test_bad_input.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROTOCOL, Edit

from generator.checks.run import load_and_check
from generator.errors import ProtocolError


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
    [overdue] = [w for w in warnings if "verstreken" in w]
    assert "01-01-2021" in overdue


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


def test_wijzigingen_newest_first_and_matching_version(edit: Edit, protocol_copy: Path) -> None:
    line = edit(
        "wijzigingen.yaml",
        "wijzigingen:\n",
        "wijzigingen:\n  - datum: 2020-01-01\n    versie: '2019.1'\n"
        "    wat: Eerste versie.\n    waarom: Vastgesteld.\n",
    )
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    [error] = info.value.errors
    assert error.file.endswith("protocol/wijzigingen.yaml") and "zet de nieuwste bovenaan" in error.message
    assert error.line > line
    edit("metadata.yaml", 'versie: "2026.2"', 'versie: "2027.1"')
    edit(
        "wijzigingen.yaml",
        "  - datum: 2020-01-01\n    versie: '2019.1'\n    wat: Eerste versie.\n    waarom: Vastgesteld.\n",
        "",
    )
    _, warnings = load_and_check(protocol_copy)
    [warning] = [w for w in warnings if "2027.1" in w]
    assert "wijzigingen.yaml" in warning and "noteer bovenaan in wijzigingen.yaml" in warning

    # the other direction: the change noted first, the version not yet raised
    edit("metadata.yaml", 'versie: "2027.1"', 'versie: "2026.2"')
    edit(
        "wijzigingen.yaml",
        "wijzigingen:\n",
        "wijzigingen:\n  - datum: 2026-12-07\n    versie: '2027.1'\n    wat: Nieuw nummer.\n    waarom: Evaluatie.\n",
    )
    _, warnings = load_and_check(protocol_copy)
    [warning] = [w for w in warnings if "2027.1" in w]
    assert warning.startswith(str(protocol_copy / "metadata.yaml")) or "metadata.yaml" in warning.split(":")[0]
    assert "zet versie in metadata.yaml op '2027.1'" in warning
