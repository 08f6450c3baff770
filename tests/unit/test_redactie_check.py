"""The editor's Python side without a browser: every file comes back byte for byte through
the form, a change touches only its lines, the browser's modules need no pydantic (exactly
the modules the site ships), and the check gives `meldcode check`'s messages."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROTOCOL

from generator.checks.run import load_and_check
from generator.checks.versienummer import volgende_versie
from generator.diff.command import diff
from generator.errors import ProtocolError
from generator.redactie.bundle import BROWSER_MODULES, TEST_BACKEND
from generator.redactie.check import handle, versiegeschiedenis
from generator.redactie.cms import cms_config, form_words
from generator.redactie.form import form_data, save
from generator.source.tabel import soorten_van_model

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(p for p in PROTOCOL.rglob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_file_comes_back_unchanged_through_the_form(path: Path) -> None:
    tekst = path.read_text(encoding="utf-8")
    data = json.loads(json.dumps(form_data(tekst)))  # as the browser hands it back
    assert save(tekst, data) == tekst


def test_a_form_without_a_key_keeps_that_key() -> None:
    tekst = (PROTOCOL / "rollen.yaml").read_text(encoding="utf-8")
    data = form_data(tekst)
    del data["rollen"][0]["taken"]  # a form that does not show the field
    assert save(tekst, data) == tekst


def test_a_removed_list_item_removes_only_its_lines() -> None:
    tekst = (PROTOCOL / "contacten.yaml").read_text(encoding="utf-8")
    data = form_data(tekst)
    weg = data["contacten"].pop(3)
    nieuw = save(tekst, data)
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
        "import generator.redactie.check\n"
        "ours = ('generator', 'meldcode_engine')\n"
        "print('\\n'.join(sorted(m.__file__ for n, m in sys.modules.items() if n.startswith(ours))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    used = {Path(f).resolve().relative_to(ROOT).as_posix() for f in result.stdout.split()}
    assert used == set(BROWSER_MODULES)


def _vraag(pad: str, data: object) -> dict[str, object]:
    bestanden = {part: f"protocol/{bestand}" for part, bestand in soorten_van_model().bestanden.items()}
    teksten = {p: (ROOT / p).read_text(encoding="utf-8") for p in bestanden.values() if p != pad}
    bron = (ROOT / pad).read_text(encoding="utf-8")
    vraag = {"pad": pad, "bron": bron, "data": data, "teksten": teksten, "bestanden": bestanden}
    labels = form_words(cms_config(TEST_BACKEND))
    return vraag | {"soorten": soorten_van_model().als_json(), "labels": labels}


def _check(vraag: dict[str, object]) -> list[dict[str, object]]:
    """What start.js's check call gets back: the messages, or a failed test with the refusal."""
    antwoord = json.loads(handle("check", json.dumps([vraag])))
    assert "fout" not in antwoord, antwoord
    return antwoord["ok"]


def test_the_editor_s_bridge_loads_saves_and_refuses_in_dutch() -> None:
    """What redactie-worker.js calls (the same bridge as the helper's): a file read into the
    form's data and saved back unchanged, a text that is no YAML refused with its message, and
    nothing but load, save and check reachable."""
    tekst = (PROTOCOL / "contacten.yaml").read_text(encoding="utf-8")
    data = json.loads(handle("load", json.dumps([tekst])))["ok"]
    assert data == form_data(tekst)
    assert json.loads(handle("save", json.dumps([tekst, data]))) == {"ok": tekst}
    refused = json.loads(handle("load", json.dumps(["contacten: [niet gesloten"])))
    assert set(refused) == {"fout"} and refused["fout"]
    for forbidden in ("__class__", "check_files", "lees"):
        assert json.loads(handle(forbidden, "[]")) == {"fout": f"onbekende vraag '{forbidden}'"}


def _technisch(berichten: list[dict[str, object]]) -> list[dict[str, object]]:
    """The messages in `meldcode check`'s own words (what the console gets), without the list
    of references the panel offers."""
    return [b | {"tekst": b.get("technisch", b.get("tekst"))} for b in berichten if b["soort"] != "verwijzingen"]


def test_the_check_names_file_line_and_key_as_meldcode_check_does() -> None:
    pad = "protocol/termijnen.yaml"
    data = form_data((ROOT / pad).read_text(encoding="utf-8"))
    data["termijnen"][0]["wanneer"] = "bel {telefoon:veilig-thuiss}"
    vraag = _vraag(pad, data)
    berichten = _technisch(_check(vraag))
    [fout] = [b for b in berichten if b["soort"] != "verandering"]
    assert fout["soort"] == "fout"
    assert fout["tekst"].startswith(f"{pad}:")
    assert (
        "verwijzing '{telefoon:veilig-thuiss}': 'veilig-thuiss' bestaat niet (bedoelt u 'veilig-thuis'" in fout["tekst"]
    )


def test_a_runaway_text_is_refused_before_the_file_is_written(tmp_path: Path) -> None:
    pad = "protocol/termijnen.yaml"
    tekst = (ROOT / pad).read_text(encoding="utf-8")
    data = form_data(tekst)
    data["termijnen"][1]["wanneer"] = "x " * 15_000
    [fout] = _technisch(_check(_vraag(pad, data)))  # nothing else said
    assert "deze tekst is 30.000 tekens lang (meer dan 20.000)" in fout["tekst"]
    # word for word what `meldcode check` says of the file as the editor would have written it,
    # at the same line: the browser test of a pasted 5 MB document counts on this
    copy = tmp_path / "protocol"
    shutil.copytree(PROTOCOL, copy)
    (copy / "termijnen.yaml").write_text(save(tekst, data), encoding="utf-8")
    with pytest.raises(ProtocolError) as exc:
        load_and_check(copy)
    assert [str(e).removeprefix(f"{tmp_path}/") for e in exc.value.errors] == [fout["tekst"]]


def test_what_changes_is_said_in_meldcode_diffs_words_with_the_pages_that_show_it(tmp_path: Path) -> None:
    pad = "protocol/contacten.yaml"
    tekst = (ROOT / pad).read_text(encoding="utf-8")
    data = form_data(tekst)
    data["contacten"][1]["telefoon"] = "0800 2000"
    data["contacten"].append({"id": "wijkagent", "naam": "Wijkagent", "telefoon": "0900-8844"})
    paginas = [
        {"url": "contacten/", "titel": "Contacten", "tekst": "bel veilig thuis: 0800-2000 (gratis)"},
        {"url": "zorgen/", "titel": "Ik maak me zorgen", "tekst": "lees eerst de meldcode"},
    ]
    vraag = _vraag(pad, data) | {"paginas": paginas}
    berichten = _technisch(_check(vraag))
    [wat] = [b for b in berichten if b["soort"] == "verandering"]
    assert wat["titel"] == "Contacten (contacten.yaml)"
    assert wat["regels"][0] == "<strong>Veilig Thuis › telefoon</strong>: “0800-2000” → “0800 2000”"
    assert wat["regels"][1] == "toegevoegd: “Wijkagent; telefoon 0900-8844”"
    assert wat["paginas"] == [{"url": "contacten/", "titel": "Contacten"}]
    # word for word what `meldcode diff` says of the same two versions
    nieuw = tmp_path / "nieuw"
    shutil.copytree(PROTOCOL, nieuw / "protocol")
    (nieuw / pad).write_text(save(tekst, data), encoding="utf-8")
    werk = tmp_path / "werk"
    werk.mkdir()
    rapport = diff(str(PROTOCOL), str(nieuw), werk, ROOT)
    for regel in wat["regels"]:
        eerste = html.unescape(re.sub(r"<[^>]+>", "", regel.split("<br>")[0]))
        assert f"\n- {eerste}\n" in rapport, rapport
    [logboek] = [b for b in berichten if b["soort"] == "versiegeschiedenis"]
    # a line of today already (the day a version was made) is to be completed, not added to
    nieuwste = load_and_check(PROTOCOL)[0].protocol.wijzigingen.wijzigingen[0].datum
    verwacht = "heeft al een regel van" if nieuwste >= dt.date.today() else "Voeg bovenaan een regel toe"
    assert verwacht in logboek["tekst"]
    # nothing changed, nothing said
    vraag["data"] = form_data(tekst)
    assert all(b["soort"] == "waarschuwing" for b in _technisch(_check(vraag)))


def test_a_new_item_leaves_out_the_fields_the_form_showed_empty() -> None:
    tekst = (PROTOCOL / "contacten.yaml").read_text(encoding="utf-8")
    data = form_data(tekst)
    leeg = {"bereikbaar": "", "adres": [], "email": None, "website": "", "toelichting": ""}
    data["contacten"].append({"id": "wijkagent", "naam": "Wijkagent", "telefoon": "0900-8844", **leeg})
    added = set(save(tekst, data).splitlines()) - set(tekst.splitlines())
    assert added == {"  - id: wijkagent", "    naam: Wijkagent", "    telefoon: 0900-8844"}


def test_an_optional_field_emptied_is_left_out() -> None:
    tekst = (PROTOCOL / "contacten.yaml").read_text(encoding="utf-8")
    data = form_data(tekst)
    contact = next(c for c in data["contacten"] if c.get("email"))
    weg = f"    email: {contact['email']}"
    contact["email"] = ""
    nieuw = save(tekst, data)
    assert set(tekst.splitlines()) - set(nieuw.splitlines()) == {weg}
    assert set(nieuw.splitlines()) <= set(tekst.splitlines())


def test_the_version_history_asks_for_a_line_unless_there_is_one_of_today() -> None:
    sources = load_and_check(PROTOCOL)[0].sources
    nieuwste = load_and_check(PROTOCOL)[0].protocol.wijzigingen.wijzigingen[0]
    later = versiegeschiedenis(sources, nieuwste.datum + dt.timedelta(days=1))["tekst"]
    assert "Voeg bovenaan een regel toe" in later and f"versie {volgende_versie(nieuwste.versie)}" in later
    dezelfde = versiegeschiedenis(sources, nieuwste.datum)["tekst"]
    assert f"heeft al een regel van {nieuwste.datum:%d-%m-%Y} (versie {nieuwste.versie})" in dezelfde


def test_a_contact_still_referenced_cannot_be_removed() -> None:
    """The rules across files in the editor too: the spoed list names the contact."""
    pad = "protocol/contacten.yaml"
    data = form_data((ROOT / pad).read_text(encoding="utf-8"))
    data["contacten"] = [c for c in data["contacten"] if c["id"] != "hulplijn-seksueel-misbruik"]
    berichten = _technisch(_check(_vraag(pad, data)))
    fouten = [b["tekst"] for b in berichten if b["soort"] == "fout"]
    assert any("U haalt ‘Hulplijn Seksueel Misbruik" in f for f in fouten), fouten
    assert not any(b["soort"] == "verandering" for b in berichten)  # a file that does not pass is not compared


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("naam", "", "contacten › alarmnummer › naam: verplicht veld 'naam' ontbreekt; voeg het toe"),
        ("telefoon", "112O", "contacten › alarmnummer › telefoon: '112O' is geen geldig telefoonnummer"),
        ("toelichting", "bel 035-1234567", "bevat een telefoonnummer; zet het nummer in protocol/contacten.yaml"),
    ],
)
def test_the_models_value_rules_run_before_saving(veld: str, waarde: str, melding: str) -> None:
    pad = "protocol/contacten.yaml"
    data = form_data((ROOT / pad).read_text(encoding="utf-8"))
    data["contacten"][0][veld] = waarde
    berichten = _technisch(_check(_vraag(pad, data)))
    assert [b["soort"] for b in berichten] == ["fout"]
    assert melding in berichten[0]["tekst"]


def test_an_id_made_from_the_name_stays_when_the_form_saves_again() -> None:
    """The CMS keeps a saved item's form as it was typed (its id empty): a second save keeps the id."""
    tekst = (PROTOCOL / "contacten.yaml").read_text(encoding="utf-8")
    data = form_data(tekst)
    data["contacten"].append({"id": "", "naam": "Jeugdteam Hilversum"})
    eerste = save(tekst, json.loads(json.dumps(data)))
    assert "  - id: jeugdteam-hilversum\n    naam: Jeugdteam Hilversum\n" in eerste
    data["contacten"][0]["naam"] = "Alarmnummer 112"
    tweede = save(eerste, data)
    assert "  - id: jeugdteam-hilversum\n    naam: Jeugdteam Hilversum\n" in tweede


def test_the_version_history_proposes_every_change_since_the_published_version() -> None:
    """Opened after a contact was saved: the next version, and the changes since the published
    copy in `meldcode diff`'s words, as a text the check accepts (numbers as references)."""
    contacten = "protocol/contacten.yaml"
    tekst = (ROOT / contacten).read_text(encoding="utf-8")
    data = form_data(tekst)
    data["contacten"][1]["telefoon"] = "0800 2000"
    data["contacten"].append({"id": "wijkagent", "naam": "Wijkagent", "telefoon": "0900-8844"})
    pad = "protocol/wijzigingen.yaml"
    logboek = (ROOT / pad).read_text(encoding="utf-8")
    vraag = _vraag(pad, form_data(logboek))
    gepubliceerd = {p: (ROOT / p).read_text(encoding="utf-8") for p in vraag["bestanden"].values()}
    vraag["teksten"] = {**vraag["teksten"], contacten: save(tekst, data)}  # as she saved it
    [voorstel] = [b["voorstel"] for b in _check(vraag | {"gepubliceerd": gepubliceerd}) if b["soort"] == "voorstel"]
    versie = load_and_check(PROTOCOL)[0].protocol.metadata.versie
    assert voorstel == {
        "versie": volgende_versie(versie),
        "wat": "Contacten: Veilig Thuis › telefoon: “(vorig nummer)” → “{telefoon:veilig-thuis}”; "
        "toegevoegd: “Wijkagent; telefoon {telefoon:wijkagent}”.",
    }
    # filled in as a new line on top, it passes the check
    nieuw = form_data(logboek)
    nieuw["wijzigingen"].insert(0, {"datum": "2030-01-01", **voorstel, "waarom": "Bij de evaluatie."})
    berichten = _check(vraag | {"data": nieuw})
    assert not [b["tekst"] for b in berichten if b["soort"] in ("fout", "programmafout")]


def test_a_persons_name_in_invulling_is_a_warning_in_the_editor_and_in_meldcode_check(protocol_copy: Path) -> None:
    """Who fills a role now belongs under personen: the same warning before saving and after."""
    pad = "protocol/rollen.yaml"
    data = form_data((ROOT / pad).read_text(encoding="utf-8"))
    data["rollen"][1]["invulling"] = "Anna de Vries"
    berichten = _check(_vraag(pad, data))
    [waarschuwing] = [b for b in berichten if b["soort"] == "waarschuwing" and "Anna" in b["tekst"]]
    assert waarschuwing["tekst"].startswith(
        "Aandachtsfunctionaris – Invulling: 'Anna de Vries' lijkt de naam van een persoon"
    )
    assert waarschuwing["tekst"].endswith(
        "zet wie het nu is onder personen, met telefoon en e-mail, in ‘Alle rollen in het protocol’"
    )
    (protocol_copy / "rollen.yaml").write_text(save((ROOT / pad).read_text(encoding="utf-8"), data), encoding="utf-8")
    _, warnings = load_and_check(protocol_copy)
    assert [w for w in warnings if "'Anna de Vries' lijkt de naam van een persoon" in w and "rollen.yaml:" in w]
    # a function is no person: the school's own invullingen say nothing
    assert not [w for w in load_and_check(PROTOCOL)[1] if "lijkt de naam van een persoon" in w]
