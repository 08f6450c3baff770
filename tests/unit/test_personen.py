"""Who is who at school: the people in a rol (rollen.yaml `personen`), how the engine
names them on every action, and the warning when the aandachtsfunctionaris or directeur
has nobody."""

from __future__ import annotations

from pathlib import Path

from conftest import Edit
from meldcode_engine.weergave import actie_item, rol_wie
from meldcode_engine.woorden import ONBEKEND

from generator.afwegingskader.export import afwegingskader_data
from generator.checks.run import load_and_check

LEEG = "    invulling: intern begeleider\n"
ANNA = (
    "    invulling: intern begeleider\n"
    "    personen:\n"
    "      - naam: Anna de Vries\n"
    "        telefoon: 035-6912345\n"
    "        email: a.devries@school.nl\n"
    "        bereikbaar: maandag en dinsdag\n"
)


def _aandachtsfunctionaris_actie(protocol: Path) -> dict:
    kader = afwegingskader_data(load_and_check(protocol)[0].protocol)
    acties = [a for u in kader["uitkomsten"] for a in u["acties"]]
    return next(a for a in acties if a["rol"] and a["rol"]["id"] == "aandachtsfunctionaris")


def test_nobody_named_says_ask_at_school_and_warns_with_file_and_line(protocol_copy: Path) -> None:
    actie = _aandachtsfunctionaris_actie(protocol_copy)
    assert rol_wie(actie["rol"]) == f"aandachtsfunctionaris (intern begeleider; {ONBEKEND})"
    warnings = [w for w in load_and_check(protocol_copy)[1] if "staat niemand" in w]
    lines = [_line(protocol_copy, "aandachtsfunctionaris"), _line(protocol_copy, "directeur")]
    assert [w.split(":")[0].endswith("rollen.yaml") for w in warnings] == [True, True]
    assert [w.split(":")[1] for w in warnings] == lines
    assert all("vul onder personen de naam in" in w for w in warnings)


def _line(protocol: Path, rol: str) -> str:
    """The line of `personen:` under a rol."""
    lines = (protocol / "rollen.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  - id: {rol}")
    return str(next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("personen:")) + 1)


def test_a_named_person_is_on_every_action_with_phone_and_mail(protocol_copy: Path, edit: Edit) -> None:
    edit("rollen.yaml", LEEG + "    # Wie", ANNA + "    # Wie")
    edit("rollen.yaml", "    personen: []\n", "")  # the example comment stays; the empty list goes
    actie = _aandachtsfunctionaris_actie(protocol_copy)
    item = actie_item({**actie, "wanneer": {"tekst": "nu", "soort": "direct", "datum_tekst": None, "moment": None}})
    regels = {r["label"]: r["delen"] for r in item["regels"]}
    assert regels["Wie"] == ["aandachtsfunctionaris (intern begeleider, Anna de Vries)"]
    assert regels["Bereikbaar"] == [
        "Anna de Vries",
        ", ",
        {"tekst": "035-6912345", "href": "tel:0356912345"},
        ", ",
        {"tekst": "a.devries@school.nl", "href": "mailto:a.devries@school.nl"},
        ", ",
        "maandag en dinsdag",
    ]
    warnings = load_and_check(protocol_copy)[1]
    assert not any("'aandachtsfunctionaris' staat niemand" in w for w in warnings)
    assert any("'directeur' staat niemand" in w for w in warnings)


def test_a_persons_wrong_number_is_a_warning_with_its_line(protocol_copy: Path, edit: Edit) -> None:
    edit("rollen.yaml", LEEG + "    # Wie", ANNA.replace("035-6912345", "099-1234") + "    # Wie")
    edit("rollen.yaml", "    personen: []\n", "")
    lines = (protocol_copy / "rollen.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "099-1234" in text)
    [warning] = [w for w in load_and_check(protocol_copy)[1] if "099-1234" in w]
    assert f"rollen.yaml:{line}:" in warning
    assert "geen geldig Nederlands telefoonnummer" in warning


def test_a_rol_without_fixed_people_names_no_one() -> None:
    rol = {"naam": "leerkracht", "invulling": None, "personen": None}
    assert rol_wie(rol) == "leerkracht"
