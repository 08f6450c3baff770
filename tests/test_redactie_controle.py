"""The editor's Python side without a browser: every file comes back byte for byte through
the form, a change touches only its lines, the browser's modules need no pydantic (exactly
the modules the site ships), and the check gives `meldcode check`'s messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROTOCOL

from generator.redactie.bundel import BROWSER_MODULES
from generator.redactie.controle import verwerk
from generator.redactie.formulier import bewaar, formulier

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for p in PROTOCOL.rglob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_file_comes_back_unchanged_through_the_form(path: Path) -> None:
    tekst = path.read_text(encoding="utf-8")
    data = json.loads(json.dumps(formulier(tekst)))  # as the browser hands it back
    assert bewaar(tekst, data) == tekst


def test_a_form_without_a_key_keeps_that_key() -> None:
    tekst = (PROTOCOL / "rollen.yaml").read_text(encoding="utf-8")
    data = formulier(tekst)
    del data["rollen"][0]["taken"]  # a form that does not show the field
    assert bewaar(tekst, data) == tekst


def test_a_removed_list_item_removes_only_its_lines() -> None:
    tekst = (PROTOCOL / "contacten.yaml").read_text(encoding="utf-8")
    data = formulier(tekst)
    weg = data["contacten"].pop(3)
    nieuw = bewaar(tekst, data)
    removed = set(tekst.splitlines()) - set(nieuw.splitlines())
    assert f"  - id: {weg['id']}" in removed
    assert set(nieuw.splitlines()) <= set(tekst.splitlines())  # nothing else rewritten


def test_the_browser_modules_import_without_pydantic_and_are_the_ones_shipped() -> None:
    script = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] in ('pydantic', 'phonenumbers', 'jinja2'):\n"
        "            raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import generator.redactie.controle\n"
        "print('\\n'.join(sorted(m.__file__ for n, m in sys.modules.items() if n.startswith('generator'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    used = {Path(f).resolve().relative_to(ROOT).as_posix() for f in result.stdout.split()}
    assert used == set(BROWSER_MODULES)


def _vraag(pad: str, data: object) -> dict[str, object]:
    bestanden = {"termijnen": "protocol/termijnen.yaml", "contacten": "protocol/contacten.yaml"}
    teksten = {p: (ROOT / p).read_text(encoding="utf-8") for p in bestanden.values() if p != pad}
    bron = (ROOT / pad).read_text(encoding="utf-8")
    return {"soort": "controleer", "pad": pad, "bron": bron, "data": data, "teksten": teksten, "bestanden": bestanden}


def test_the_check_names_file_line_and_key_as_meldcode_check_does() -> None:
    pad = "protocol/termijnen.yaml"
    data = formulier((ROOT / pad).read_text(encoding="utf-8"))
    data["termijnen"][0]["wanneer"] = "bel {telefoon:veilig-thuiss}"
    vraag = _vraag(pad, data) | {"ankers": []}
    berichten = json.loads(verwerk(json.dumps(vraag)))["berichten"]
    [fout] = [b for b in berichten if b["soort"] != "verandering"]
    assert fout["soort"] == "fout"
    assert fout["tekst"].startswith(f"{pad}:")
    assert (
        "verwijzing '{telefoon:veilig-thuiss}': 'veilig-thuiss' bestaat niet (bedoelt u 'veilig-thuis'" in fout["tekst"]
    )


def test_a_runaway_text_is_refused_before_the_file_is_written() -> None:
    pad = "protocol/termijnen.yaml"
    data = formulier((ROOT / pad).read_text(encoding="utf-8"))
    data["termijnen"][1]["wanneer"] = "x" * 30_000
    [fout] = json.loads(verwerk(json.dumps(_vraag(pad, data) | {"ankers": []})))["berichten"]  # nothing else said
    assert "deze tekst is 30.000 tekens lang (meer dan 20.000)" in fout["tekst"]


def test_what_changes_is_said_in_words_with_the_key_path() -> None:
    from generator.redactie.verschil import veranderingen

    tekst = (PROTOCOL / "contacten.yaml").read_text(encoding="utf-8")
    data = formulier(tekst)
    data["contacten"][1]["telefoon"] = "0800 2000"
    weg = data["contacten"].pop(4)
    assert veranderingen(tekst, data) == [
        "contacten › veilig-thuis › telefoon: '0800-2000' wordt '0800 2000'",
        f"contacten: '{weg['id']}' weggehaald",
    ]
    assert veranderingen(tekst, formulier(tekst)) == []
