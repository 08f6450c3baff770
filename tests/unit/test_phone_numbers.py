"""Phone numbers: checked against the Dutch numbering plan (libphonenumber), a warning
for a number that cannot exist, an error for an emergency contact without a number, and
every `tel:` link dialable from a Dutch phone."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
from conftest import PROTOCOL, Edit

from generator.checks.run import load_and_check
from generator.errors import ProtocolError
from generator.pages.render import render_pages
from generator.source.telefoon import is_dutch_number, tel_href

CONTACTEN = load_and_check(PROTOCOL)[0].protocol.contacten.contacten


# the number 2026.1 listed for "Bureau Veilig Thuis Hilversum": 099 is no Dutch area code
ONMOGELIJK = "  - id: veilig-thuis-hilversum\n    naam: Bureau Veilig Thuis Hilversum\n    telefoon: 099-2001822\n"


def _met_onmogelijk_nummer(edit: Edit) -> int:
    """The impossible number back in a copy; returns its line."""
    return (
        edit(
            "contacten.yaml",
            "  - id: hulplijn-seksueel-misbruik\n",
            ONMOGELIJK + "  - id: hulplijn-seksueel-misbruik\n",
        )
        + 2
    )


def test_the_source_has_no_impossible_number() -> None:
    _, warnings = load_and_check(PROTOCOL)
    assert not [w for w in warnings if "geen geldig Nederlands telefoonnummer" in w]


def test_an_impossible_number_is_a_warning_with_file_and_line(protocol_copy: Path, edit: Edit) -> None:
    line = _met_onmogelijk_nummer(edit)
    _, warnings = load_and_check(protocol_copy)
    [warning] = [w for w in warnings if "099-2001822" in w]
    assert f"protocol/contacten.yaml:{line}:" in warning
    assert "geen geldig Nederlands telefoonnummer" in warning and "evaluatie" in warning


def test_cli_check_warns_and_passes(protocol_copy: Path, edit: Edit) -> None:
    _met_onmogelijk_nummer(edit)
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", str(protocol_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Let op:" in result.stderr and "099-2001822" in result.stderr


def test_checklist_lists_the_number_to_check(protocol_copy: Path, edit: Edit) -> None:
    _met_onmogelijk_nummer(edit)
    loaded, _ = load_and_check(protocol_copy)
    page = render_pages(loaded.protocol)["over/evaluatie-checklist.md"]
    part = page.split("Controleren bij de evaluatie", 1)[1][:2000]
    assert "099-2001822" in part and "Bureau Veilig Thuis Hilversum" in part


def test_emptied_emergency_number_is_an_error_with_file_and_line(protocol_copy: Path, edit: Edit) -> None:
    edit("contacten.yaml", "    telefoon: 0800-2000\n", "")
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    errors = info.value.errors
    assert all(e.file.endswith("contacten.yaml") or e.line > 0 for e in errors)
    spoed = [e for e in errors if "geen telefoonnummer" in e.message and e.file.endswith("contacten.yaml")]
    assert spoed and all(e.line > 0 for e in spoed)


def test_reference_to_a_contact_without_number_is_an_error(protocol_copy: Path, edit: Edit) -> None:
    edit("contacten.yaml", "    telefoon: 035-623 11 00\n", "")
    line = edit("melding.yaml", "alinea: De bron moet worden gemeld.", "alinea: Bel {telefoon:versa-welzijn}.")
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    [error] = [e for e in info.value.errors if e.file.endswith("melding.yaml")]
    assert error.line == line
    assert "heeft geen telefoonnummer" in error.message


@pytest.mark.parametrize("contact", [c for c in CONTACTEN if c.telefoon], ids=lambda c: c.id)
def test_tel_link_dials_from_a_dutch_phone(contact) -> None:
    href = tel_href(contact.telefoon)
    digits = href.removeprefix("tel:")
    assert re.fullmatch(r"\d+", digits), href  # no +31 for 112, 0800, 0900: dial as written
    assert digits == re.sub(r"\D", "", contact.telefoon)
    if is_dutch_number(contact.telefoon):
        # the digits dialled are the number the school wrote
        written = phonenumbers.parse(contact.telefoon, "NL")
        dialled = phonenumbers.parse(digits, "NL")
        assert written.national_number == dialled.national_number


def test_short_and_special_numbers_are_valid() -> None:
    for nummer in ("112", "0800-2000", "0900 88 44", "0800-0432", "116 111"):
        assert is_dutch_number(nummer), nummer
    for nummer in ("099-2001822", "12", "0800-20"):
        assert not is_dutch_number(nummer), nummer


def test_contacten_page_links_every_number(site: Path) -> None:
    html = (site / "contacten" / "index.html").read_text(encoding="utf-8")
    for contact in CONTACTEN:
        if contact.telefoon:
            assert f'href="{tel_href(contact.telefoon)}"' in html, contact.id
