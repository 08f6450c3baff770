"""Fidelity: the site says what the school's document says.

The seed (the PDF's text) is cut into sentences; each must appear, word for word,
on the built site. The wording changes listed under "Redactionele correcties" in
CHANGELOG.md are applied to the seed first, so an unlisted change shows up here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from sitetext import html_pages, normalise, read_page

THRESHOLD = 0.97
# "old" → "new"; "old" → "" for words taken out (a contact that no longer exists)
CORRECTION = re.compile(r"\"([^\"]+)\" → \"([^\"]*)\"")
# a line ending like this continues on the next line even if that starts with a capital
CONTINUES = re.compile(r"[,\-/(]$|\b(de|het|een|van|en|of|met|die|te|in)$")


def listed_corrections(changelog: str) -> list[tuple[str, str]]:
    # every version's "Redactionele correcties", each up to the next heading
    sections = [part.split("\n#", 1)[0] for part in changelog.split("### Redactionele correcties")[1:]]
    return [m.groups() for section in sections for line in section.splitlines() for m in CORRECTION.finditer(line)]


def seed_sentences(seed: str, corrections: list[tuple[str, str]]) -> list[str]:
    """The seed's sentences, normalised; list items and headings count as sentences."""
    lines = [line.strip() for line in seed.splitlines()]
    # link targets printed under the text, dotted writing lines and empty lines are not prose
    lines = [
        line
        for line in lines
        if line and not re.fullmatch(r"(https?://\S+|mailto:\S+)", line) and not re.fullmatch(r"[….\s]*", line)
    ]
    units: list[str] = []
    current = ""
    for line in lines:
        bullet = bool(re.match(r"^[•]", line))
        line = re.sub(r"^[•]\s*", "", line)
        starts_new = bullet or (line[:1].isupper() and not CONTINUES.search(current))
        if current and starts_new:
            units.append(current)
            current = line
        else:
            current = f"{current} {line}".strip()
    units.append(current)
    sentences: list[str] = []
    for unit in units:
        unit = " ".join(unit.split())
        for old, new in corrections:
            unit = unit.replace(old, new)
        # "A: NEE -> gevolg" and "A1:JA: gevolg": the option letter and answer word label the text
        unit = re.sub(r"^[AB][12]?\s*:\s*(JA|NEE)\s*:\s*", "", unit)
        for part in re.split(r"(?<=[.!?])\s+|\s*->\s*", unit):
            part = re.sub(r"^[AB][12]?\s*:\s*", "", part.strip())
            norm = normalise(part)
            if len(norm.split()) >= 3:
                sentences.append(norm)
    return sentences


def fidelity(site: Path) -> tuple[float, list[str], int]:
    corrections = listed_corrections((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    sentences = seed_sentences(SEED.read_text(encoding="utf-8"), corrections)
    text = normalise(" ".join(" ".join(read_page(p).text) for p in html_pages(site)))
    missing = [s for s in sentences if s not in text]
    return 1 - len(missing) / len(sentences), missing, len(sentences)


@pytest.mark.build
def test_seed_sentences_appear_on_site(site: Path) -> None:
    score, missing, total = fidelity(site)
    print(f"\nGetrouwheid: {score:.1%} van {total} zinnen uit het document staan op de site")
    assert score >= THRESHOLD, f"{score:.1%} < {THRESHOLD:.0%}; ontbrekend:\n" + "\n".join(missing)


def test_corrections_are_parsed() -> None:
    corrections = listed_corrections((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert ("njet", "niet") in corrections
    assert len(corrections) >= 10


def test_an_unlisted_change_is_caught(tmp_path: Path, site: Path) -> None:
    """A site that drops a sentence scores lower: the measure can fail."""
    copy = tmp_path / "site"
    import shutil

    shutil.copytree(site, copy)
    for page in copy.rglob("*.html"):  # the bijlage page and the print version
        page.write_text(page.read_text(encoding="utf-8").replace("Beloof het kind geen geheimhouding!", ""), "utf-8")
    before, _, _ = fidelity(site)
    after, missing, _ = fidelity(copy)
    assert after < before
    assert "beloof het kind geen geheimhouding" in missing
