"""The JSON export for the engine: complete, plain text with every reference resolved,
and derived from protocol/ only (an edit there shows up in the engine's answers)."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from conftest import PROTOCOL, Edit
from meldcode_engine import Sessie

from generator.afwegingskader.export import FORMAAT, afwegingskader_data, write_json
from generator.afwegingskader.graph import Graph
from generator.checks.run import load_and_check
from generator.links.verwijzingen import REFERENCE, References

PROTOCOL_MODEL = load_and_check(PROTOCOL)[0].protocol
KADER = afwegingskader_data(PROTOCOL_MODEL)


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []


def test_shape():
    assert KADER["formaat"] == FORMAAT
    assert KADER["start"] == "vraag-1"
    graph = Graph.of(PROTOCOL_MODEL)
    assert [k["id"] for k in [*KADER["vragen"], *KADER["beslissingen"]]] == list(graph.knopen)
    assert {u["id"] for u in KADER["uitkomsten"]} == set(graph.uitkomsten)
    assert {k["soort"] for k in KADER["vragen"]} == {"vraag"}
    assert {k["soort"] for k in KADER["beslissingen"]} == {"beslissing"}
    assert KADER["metadata"]["versie"] == PROTOCOL_MODEL.metadata.versie
    assert KADER["metadata"]["school"] == PROTOCOL_MODEL.metadata.school


def test_every_reference_is_resolved():
    left = [s for s in strings(KADER) if REFERENCE.search(s) or "{" in s or "}" in s]
    assert left == []


def test_answers_are_complete():
    vraag_3 = next(k for k in KADER["vragen"] if k["id"] == "vraag-3")
    nee = next(a for a in vraag_3["antwoorden"] if a["id"] == "nee")
    assert nee == {
        "id": "nee",
        "label": "Nee",
        "code": "A",
        "betekenis": "wij kunnen geen effectieve hulp bieden of organiseren.",
        "gevolg": "melden bij Veilig Thuis, die binnen 5 werkdagen een besluit neemt en terugkoppelt naar de melder.",
        "volgende": "uitkomst-melden",
    }


def test_begrippen_come_from_bijlage_2():
    vraag_2 = next(k for k in KADER["vragen"] if k["id"] == "vraag-2")
    bijlage = {b.id: b for b in PROTOCOL_MODEL.bijlage_2.begrippen}
    assert [b["id"] for b in vraag_2["begrippen"]] == ["acute-onveiligheid", "structurele-onveiligheid", "disclosure"]
    for begrip in vraag_2["begrippen"]:
        assert begrip["naam"] == bijlage[begrip["id"]].naam
        assert begrip["definitie"] == " ".join(bijlage[begrip["id"]].definitie.split())
        assert begrip["toelichting"]
    assert len(vraag_2["begrippen"][0]["voorbeelden"]) == len(bijlage["acute-onveiligheid"].voorbeelden)


def test_beslissing_2_has_its_criteria():
    beslissing_2 = next(k for k in KADER["beslissingen"] if k["id"] == "beslissing-2")
    assert len(beslissing_2["criteria"]) == 6
    assert beslissing_2["toelichting"]


def test_uitkomst_with_roles_contacts_termijnen_and_meldnorm():
    uitkomst = next(u for u in KADER["uitkomsten"] if u["id"] == "uitkomst-direct-melden")
    assert uitkomst["melden"] is True
    norm = next(n for n in PROTOCOL_MODEL.bijlage_2.meldnormen if n.id == "A")
    assert uitkomst["meldnorm"] == {"id": "A", "tekst": norm.tekst, "regel": f"Meldnorm A: {norm.tekst}"}
    assert uitkomst["besluit"] == "Besluit: melden bij Veilig Thuis."
    ouders, melding_doen = uitkomst["acties"][:2]
    # first the parents, with the protocol's exception (a section of stap 3, in its words)
    assert ouders["uitzondering"]["id"] == "stap-3-geen-gesprek-met-ouders" and ouders["uitzondering"]["alineas"]
    assert melding_doen["uitzondering"] is None
    assert melding_doen["rol"] == {"id": "directeur", "naam": "directeur", "invulling": "casemanager", "personen": []}
    assert melding_doen["contact"]["telefoon"] == "0800-2000"
    assert melding_doen["contact"]["href"] == "tel:08002000"
    assert melding_doen["termijn"]["soort"] == "direct"
    termijn = next(a["termijn"] for a in uitkomst["acties"] if a["termijn"]["duur"])
    assert termijn["id"] == "binnen-vijf-werkdagen"
    assert termijn["tekst"] == "binnen 5 werkdagen"
    assert termijn["duur"] == {"aantal": 5, "eenheid": "werkdagen"}
    assert (termijn["soort"], termijn["vanaf"]["id"]) == ("binnen", "melding")
    besluit_vt = next(a for a in uitkomst["acties"] if a["termijn"]["id"] == "binnen-vijf-werkdagen")
    assert besluit_vt["door"]["id"] == "veilig-thuis" and besluit_vt["rol"] is None
    niet_melden = next(u for u in KADER["uitkomsten"] if u["id"] == "uitkomst-dossier-sluiten")
    assert niet_melden["melden"] is False
    assert niet_melden["meldnorm"] is None


def test_melding_and_spoed():
    melding = KADER["melding"]
    assert melding["titel"] == PROTOCOL_MODEL.melding.titel
    assert [s["id"] for s in melding["secties"]] == [s.id for s in PROTOCOL_MODEL.melding.secties]
    assert all(s["titel"] and s["alineas"] for s in melding["secties"])
    assert [c["id"] for c in melding["spoed"]] == PROTOCOL_MODEL.contacten.spoedbalk
    assert all(c["telefoon"] and c["href"].startswith("tel:") for c in melding["spoed"])


def test_all_termijnen():
    assert [t["id"] for t in KADER["termijnen"]] == [t.id for t in PROTOCOL_MODEL.termijnen.termijnen]


def test_plain_reference_labels():
    refs = References.of(PROTOCOL_MODEL)
    assert refs.plain("Dat gebeurt {termijn:binnen-een-week}.") == "Dat gebeurt binnen een week."
    assert refs.plain("Klaar. {termijn:binnen-een-week} praten we.") == "Klaar. Binnen een week praten we."
    assert refs.plain("{termijn:binnen-een-week} praten we.") == "Binnen een week praten we."
    assert refs.plain("Bel {telefoon:veilig-thuis}.") == "Bel 0800-2000."
    assert refs.plain("Zie {bijlage:3|Bijlage 3} en {stap:4}.") == "Zie Bijlage 3 en stap 4."
    assert refs.plain("De {rol:directeur} ({invulling:directeur}).") == "De directeur (casemanager)."
    assert refs.plain("Lees {anker:melding-crisis|wat te doen in een crisis}.") == "Lees wat te doen in een crisis."


def test_json_round_trip(tmp_path):
    path = write_json(PROTOCOL_MODEL, tmp_path / "assets" / "afwegingskader.json")
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == KADER
    assert "Veilig Thuis" in text  # UTF-8, not \u escapes
    assert not re.search(r"\\u00", text)
    assert text.endswith("}\n")


def test_export_is_derived_from_the_source(protocol_copy, edit: Edit):
    """Wording, routing and termijnen come from protocol/: change them there, the engine follows."""
    edit("afwegingskader.yaml", "    titel: Veiligheid", "    titel: Veiligheid van het kind")
    edit("termijnen.yaml", "duur: {aantal: 5, eenheid: werkdagen}", "duur: {aantal: 10, eenheid: werkdagen}")
    kader = afwegingskader_data(load_and_check(protocol_copy)[0].protocol)
    sessie = Sessie(kader)
    sessie.answer("vraag-1", "ja")
    assert sessie.state()["huidig"]["titel"] == "Veiligheid van het kind"
    sessie.answer("vraag-2", "ja")
    verslag = sessie.verslag(dt.date(2026, 12, 1), {"melding": dt.date(2026, 12, 4)})
    [vt] = verslag["verwachten"]
    assert vt["wanneer"]["datum"]["iso"] == "2026-12-18"
