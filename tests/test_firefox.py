"""Firefox (Debian's firefox-esr, headless, over WebDriver BiDi): the helper walked to its
uitkomst, the search and a werkblad, every page loaded, with no page error; driven by tests/firefox.mjs. Skipped
with a reason where Firefox is not installed (`make setup` installs it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from node_script import run_node
from sitetext import html_pages
from test_offline import ROUTE

from generator.postbuild.chromium import serve

pytestmark = pytest.mark.browser

FIREFOX = Path("/usr/bin/firefox-esr")


def test_helper_search_and_werkblad_in_firefox(site: Path) -> None:
    if shutil.which("node") is None or not FIREFOX.exists():
        pytest.skip("Firefox ontbreekt; 'make setup' installeert firefox-esr")
    # every page but the editor's (its own tests, in Chromium: it needs a Git host or Chrome's folder access)
    paginas = [p.relative_to(site).as_posix().removesuffix("index.html") for p in html_pages(site)]
    paginas = [p for p in paginas if not p.startswith("redactie/")]
    with serve(site) as base:
        uit = run_node("firefox.mjs", base, json.dumps(paginas), json.dumps(ROUTE), timeout=300)
    stappen = uit["stappen"]
    assert "mislukt" not in stappen, stappen
    assert "Firefox/" in stappen["agent"], stappen["agent"]
    assert stappen["paginas"] == len(paginas) > 30
    assert stappen["uitkomst"] == "Uitkomst: Melden bij Veilig Thuis"
    assert stappen["zoeken"] >= 1
    assert stappen["werkblad"] == "Juf zag blauwe plekken"
    assert uit["fouten"] == []
