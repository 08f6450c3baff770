"""Saving a source file changes only what the user changed (`generator.redactie.yaml_file`).

Every file in protocol/ is read and written back byte for byte; a change touches only its own
lines, keeps the value's style and the file's comments, and the result still passes
`meldcode check`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from generator.checks.run import load_and_check
from generator.errors import EditError
from generator.redactie.yaml_file import BREEDTE, dump, insert_at, load, replace_at
from generator.source.model import BRONNEN

PROTOCOL = Path(__file__).resolve().parents[2] / "protocol"
FILES = sorted(PROTOCOL.glob("*.yaml")) + sorted(PROTOCOL.glob("bijlagen/*.yaml"))
LANG = (
    "Draagt zorg voor de periodieke evaluatie van het protocol op schoolniveau en stelt zonodig "
    "de schoolspecifieke werkinstructie bij, samen met de directeur en het team, één keer per "
    "schooljaar in de eerste vergadering na de zomervakantie."
)


def text(name: str) -> str:
    return (PROTOCOL / name).read_text(encoding="utf-8")


def changes(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines taken out and put in, in order."""
    out: list[str] = []
    into: list[str] = []
    a, b = old.splitlines(), new.splitlines()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            out += a[i1:i2]
            into += b[j1:j2]
    return out, into


def comments(tekst: str) -> list[str]:
    return [line.strip() for line in tekst.splitlines() if line.lstrip().startswith("#")]


def warnings(root: Path) -> list[str]:
    """`meldcode check`'s warnings (it raises on an error), without the folder they name."""
    _loaded, found = load_and_check(root)
    return [w.split("protocol/", 1)[1] for w in found]


def checks_out(protocol_copy: Path, name: str, tekst: str) -> None:
    """The changed file loads and passes `meldcode check`, with the same warnings as before."""
    before = warnings(protocol_copy)
    (protocol_copy / name).write_text(tekst, encoding="utf-8")
    assert warnings(protocol_copy) == before


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(PROTOCOL).as_posix())
def test_every_file_round_trips_byte_for_byte(path):
    tekst = path.read_text(encoding="utf-8")
    assert dump(load(tekst)) == tekst


def test_every_source_file_is_covered():
    """Every file the model reads (and any added later in protocol/) is round-tripped above."""
    covered = {p.relative_to(PROTOCOL).as_posix() for p in FILES}
    assert {name for name, _model in BRONNEN.values()} <= covered


def test_wrapped_plain_items_keep_their_lines():
    """rollen.yaml wraps plain list items over two lines; a plain dumper joins them."""
    tekst = text("rollen.yaml")
    assert "      - Vult voor de aanmelding bij het Ondersteuningsteam Kindermishandeling het gehele\n" in tekst
    assert dump(load(tekst)).count("\n") == tekst.count("\n")


def test_changing_one_invulling_changes_that_line_only():
    tekst = text("rollen.yaml")
    nieuw = replace_at(tekst, ("rollen", 1, "invulling"), "zorgcoördinator")
    assert changes(tekst, nieuw) == (["    invulling: intern begeleider"], ["    invulling: zorgcoördinator"])
    assert comments(nieuw) == comments(tekst)


def test_unchanged_value_changes_nothing():
    """Saving a form in which nothing changed keeps even the author's own line breaks."""
    tekst = text("stappen.yaml")
    alinea = load(tekst)["stappen"][0]["inhoud"][0]["alinea"]
    assert replace_at(tekst, ("stappen", 0, "inhoud", 0, "alinea"), str(alinea)) == tekst


def test_a_folded_stap_text_stays_folded_and_wrapped(protocol_copy):
    tekst = text("stappen.yaml")
    pad = ("stappen", 0, "inhoud", 0, "alinea")
    oud = load(tekst)["stappen"][0]["inhoud"][0]["alinea"]
    nieuw = replace_at(tekst, pad, LANG + " " + LANG)
    out, into = changes(tekst, nieuw)
    assert " ".join(line.strip() for line in out) == oud  # only the old text's lines went
    assert " ".join(line.strip() for line in into) == LANG + " " + LANG
    assert all(len(line) <= BREEDTE and line.startswith(" " * 10) for line in into)
    assert "      - alinea: >-\n" + into[0] + "\n" in nieuw
    assert comments(nieuw) == comments(tekst)
    checks_out(protocol_copy, "stappen.yaml", nieuw)


def test_a_phone_number_changes_its_line_only(protocol_copy):
    tekst = text("contacten.yaml")
    nieuw = replace_at(tekst, ("contacten", 1, "telefoon"), "0800-2001")
    assert changes(tekst, nieuw) == (["    telefoon: 0800-2000"], ["    telefoon: 0800-2001"])
    assert comments(nieuw) == comments(tekst)
    checks_out(protocol_copy, "contacten.yaml", nieuw)
    loaded, _ = load_and_check(protocol_copy)
    assert loaded.protocol.contacten.contacten[1].telefoon == "0800-2001"


def test_a_quoted_phone_number_stays_quoted():
    tekst = text("contacten.yaml")
    assert changes(tekst, replace_at(tekst, ("contacten", 0, "telefoon"), "0800-1234")) == (
        ['    telefoon: "112"'],
        ['    telefoon: "0800-1234"'],
    )


def test_a_termijn_wanneer_changes_its_line_only(protocol_copy):
    tekst = text("termijnen.yaml")
    oud = "    wanneer: binnen drie weken na het eerste overleg met de aandachtsfunctionaris"
    nieuw = replace_at(tekst, ("termijnen", 1, "wanneer"), "binnen twee weken na het eerste overleg")
    assert changes(tekst, nieuw) == ([oud], ["    wanneer: binnen twee weken na het eerste overleg"])
    assert comments(nieuw) == comments(tekst)
    checks_out(protocol_copy, "termijnen.yaml", nieuw)


def test_long_plain_text_stays_plain_and_is_wrapped(protocol_copy):
    tekst = text("termijnen.yaml")
    nieuw = replace_at(tekst, ("termijnen", 1, "wanneer"), LANG)
    _out, into = changes(tekst, nieuw)
    assert len(into) > 1 and into[0].startswith("    wanneer: Draagt")  # plain, not quoted or >-
    assert all(len(line) <= BREEDTE for line in into)
    assert load(nieuw)["termijnen"][1]["wanneer"] == LANG
    checks_out(protocol_copy, "termijnen.yaml", nieuw)


def test_plain_text_that_needs_quotes_gets_them():
    tekst = text("rollen.yaml")
    nieuw = replace_at(tekst, ("rollen", 1, "invulling"), "ib: intern begeleider #1")
    assert load(nieuw)["rollen"][1]["invulling"] == "ib: intern begeleider #1"
    assert changes(tekst, nieuw)[1] == ["    invulling: 'ib: intern begeleider #1'"]


WIJZIGING = {
    "datum": dt.date(2027, 3, 1),
    "versie": "2027.1",
    "wat": "De telefoonnummers van Veilig Thuis zijn bijgewerkt. " + LANG,
    "waarom": "Het oude nummer werkt niet meer.",
}


def test_a_new_wijziging_comes_on_top_as_new_lines_only(protocol_copy):
    tekst = text("wijzigingen.yaml")
    nieuw = insert_at(tekst, ("wijzigingen",), WIJZIGING, plaats=0)
    out, into = changes(tekst, nieuw)
    assert out == []
    assert into[:3] == ["  - datum: 2027-03-01", '    versie: "2027.1"', "    wat: >-"]
    assert into[3].startswith("      De telefoonnummers van Veilig Thuis")
    assert into[-2:] == ["    waarom: >-", "      Het oude nummer werkt niet meer."]
    assert all(len(line) <= BREEDTE for line in into)
    assert nieuw.index(into[0]) < nieuw.index("  - datum: 2026-11-28")  # newest first
    assert comments(nieuw) == comments(tekst)
    before = warnings(protocol_copy)
    # a new version in metadata.yaml asks for a wijziging on top: the new entry is that one
    (protocol_copy / "metadata.yaml").write_text(text("metadata.yaml").replace('"2026.2"', '"2027.1"'), "utf-8")
    assert len(warnings(protocol_copy)) == len(before) + 1
    (protocol_copy / "wijzigingen.yaml").write_text(nieuw, encoding="utf-8")
    assert warnings(protocol_copy) == before


def test_appending_at_the_end_keeps_the_blank_line_after_the_list():
    tekst = text("stappen.yaml")
    nieuw = insert_at(tekst, ("eerste_minuten", "daarna"), "Bel bij twijfel Veilig Thuis.")
    assert changes(tekst, nieuw) == ([], ["    - >-", "      Bel bij twijfel Veilig Thuis."])
    assert "      Bel bij twijfel Veilig Thuis.\n\nstappen:\n" in nieuw


def test_appending_keeps_a_comment_after_the_list_after_it():
    tekst = "a:\n  - p\n  - q  # over q\n# over b\nb: 1\n"
    assert insert_at(tekst, ("a",), "r") == "a:\n  - p\n  - q  # over q\n  - r\n# over b\nb: 1\n"


@pytest.mark.parametrize(
    ("pad", "melding"),
    [
        (("rollen", 9, "invulling"), "rollen › 9: dit onderdeel bestaat niet: de lijst telt 5 onderdelen"),
        (("rollen", 1, "invuling"), "rollen › 1 › invuling: dit onderdeel bestaat niet in het bestand"),
        (("rollen", 1, "invulling", 0), "rollen › 1 › invulling › 0: hier staat één waarde"),
        ((), "geen onderdeel gekozen"),
    ],
)
def test_a_wrong_pad_says_where_in_dutch(pad, melding):
    with pytest.raises(EditError) as fout:
        replace_at(text("rollen.yaml"), pad, "x")
    assert str(fout.value).startswith(melding)


def test_adding_to_something_that_is_no_list_says_so():
    with pytest.raises(EditError, match=r"^rollen › 1 › invulling: hier staat geen lijst"):
        insert_at(text("rollen.yaml"), ("rollen", 1, "invulling"), "x")


def test_broken_yaml_says_which_line():
    with pytest.raises(EditError, match=r"^regel 2: dit is geen geldige YAML"):
        load("a: 1\n  b: [\n")
