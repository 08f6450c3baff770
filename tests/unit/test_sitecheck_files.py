"""The gate's file check (tests/sitecheck.py, check_files): a page's canonical address, which a
site with its address set (site_url, --site-url) names on every page, is the page itself and is
never loaded; anything a page loads from another host still fails."""

from __future__ import annotations

from pathlib import Path

from sitecheck import check_files

CANONICAL = '<link rel="canonical" href="{}">'


def page(site: Path, path: str, head: str) -> None:
    file = site / path / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<!doctype html><html><head>{head}</head><body></body></html>", encoding="utf-8")


def test_a_canonical_address_is_the_page_itself_and_nothing_loaded(tmp_path: Path) -> None:
    page(tmp_path, "", CANONICAL.format("https://school.nl/meldcode/"))
    page(tmp_path, "contacten", CANONICAL.format("https://school.nl/meldcode/contacten/"))
    page(tmp_path, "zorgen", CANONICAL.format("https://school.nl/meldcode/contacten/"))  # another page's
    page(tmp_path, "melding", '<link rel="stylesheet" href="https://cdn.example.org/thema.css">')
    assert check_files(tmp_path, set()) == {
        "zorgen/index.html": [
            "canonical https://school.nl/meldcode/contacten/ is niet het adres van deze pagina (/zorgen/)"
        ],
        "melding/index.html": ["link.href laadt https://cdn.example.org/thema.css van een andere site"],
    }
