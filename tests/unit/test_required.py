"""Every source id a template or the code names literally is declared in
generator/source/required.py, so the checks make sure it exists."""

from __future__ import annotations

import re
from pathlib import Path

from generator.kaarten.routekaart import ADVIES_CONTACT, ADVIES_SECTIE
from generator.source.required import CONTACTEN, INLEIDING_SECTIES

TEMPLATES = Path(__file__).resolve().parents[2] / "generator" / "pages" / "templates"
LITERAL_CONTACT = re.compile(r"""contact\[\s*["']([^"']+)["']\s*\]""")


def test_every_contact_a_template_names_is_declared():
    named = {
        (path.name, cid)
        for path in TEMPLATES.glob("*.j2")
        for cid in LITERAL_CONTACT.findall(path.read_text(encoding="utf-8"))
    }
    assert named, "the templates name no contact by id any more: update this test"
    assert {(name, cid) for name, cid in named if cid not in CONTACTEN} == set()


def test_the_routekaart_names_only_declared_ids():
    assert ADVIES_CONTACT in CONTACTEN
    assert ADVIES_SECTIE in INLEIDING_SECTIES
