"""The whole protocol as one A4 PDF: title page, numbered contents that point at the
right pages, page numbers, every chapter including the overlegformulier."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import PROTOCOL

from generator.checks.run import load_and_check
from generator.postbuild.pdf import _normalise, page_texts

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def pdf(site: Path) -> bytes:
    return (site / "meldcode.pdf").read_bytes()


def test_pdf_is_a4_with_page_numbers(pdf: bytes, site: Path) -> None:
    info = subprocess.run(["pdfinfo", str(site / "meldcode.pdf")], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 30
    assert "(A4)" in info
    texts = page_texts(pdf)
    assert texts[0].endswith(f"1 {pages}")  # the footer: "1 / 48", slash dropped by _normalise
    assert texts[pages - 1].endswith(f"{pages} {pages}")


def test_title_page_names_school_version_and_date(pdf: bytes) -> None:
    meta = load_and_check(PROTOCOL)[0].protocol.metadata
    first = page_texts(pdf)[0]
    for text in (meta.school, meta.titel, f"versie {meta.versie}", meta.vastgesteld.strftime("%d %m %Y")):
        assert _normalise(text) in first, text


def test_contents_point_at_the_right_pages(pdf: bytes) -> None:
    texts = page_texts(pdf)
    contents = texts[1]
    assert contents.startswith("inhoud")
    entries = re.findall(r"(\d+) (.+?) pagina (\d+)", contents)
    assert len(entries) >= 19
    for _, title, number in entries:
        assert texts[int(number) - 1].startswith(title[:40]), (title, number)
    titles = " ".join(title for _, title, _ in entries)
    for chapter in ("stap 1", "afwegingskader", "routekaart", "bijlage 1", "bijlage 2", "bijlage 3", "bijlage 4"):
        assert chapter in titles


def test_overlegformulier_prints_with_its_questions(pdf: bytes) -> None:
    texts = page_texts(pdf)
    start = next(i for i, t in enumerate(texts) if t.startswith("bijlage 3"))
    form = " ".join(texts[start : start + 4])
    for words in ("naam kind", "analyse van de situatie", "datum volgend overlegmoment", "resultaten acties"):
        assert words in form


def test_emergency_numbers_on_the_title_page_and_every_page(pdf: bytes) -> None:
    """Whoever holds any printed page holds the numbers: on the cover and in every footer."""
    protocol = load_and_check(PROTOCOL)[0].protocol
    contacten = {c.id: c for c in protocol.contacten.contacten}
    numbers = [_normalise(contacten[cid].telefoon or "") for cid in protocol.contacten.spoedbalk]
    texts = page_texts(pdf)
    # on the cover itself, and once more in its footer
    assert all(n and texts[0].count(n) >= 2 for n in numbers), texts[0]
    missing = [i + 1 for i, text in enumerate(texts) if text and not all(n in text for n in numbers)]
    assert missing == []
