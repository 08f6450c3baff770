"""Firefox (Debian's firefox-esr, headless, over WebDriver BiDi), driven by tests/firefox.mjs:
one page of each kind loaded (sitecheck.page_kind: the same scripts, style sheets and kinds of
element; every page is walked in Chromium by the gate), three helper routes to the engine's
uitkomst, home and /zorgen/ at 390 px, the search, a werkblad saved and opened again, and the
helper offline from what the service worker kept; no page error, no CSP violation. Skipped with
a reason where Firefox is not installed (`make setup` installs it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from node_script import run_node
from other_browsers import CAPTURE_DOWNLOADS, OFFLINE_PATH, PROBE, THREE_ROUTES, serve_switchable
from sitecheck import one_page_of_each_kind

pytestmark = pytest.mark.browser

FIREFOX = Path("/usr/bin/firefox-esr")


def test_the_site_in_firefox(site: Path, tmp_path: Path) -> None:
    if shutil.which("node") is None or not FIREFOX.exists():
        pytest.skip("Firefox ontbreekt; 'make setup' installeert firefox-esr")
    # every page but the editor's (its own tests, in Chromium: it needs a Git host or Chrome's folder access)
    paginas = [p.relative_to(site).as_posix().removesuffix("index.html") for p in one_page_of_each_kind(site)]
    paginas = [p for p in paginas if not p.startswith("redactie/")]
    with serve_switchable(site) as (base, switch):
        settings = {
            "pages": paginas,
            "routes": [route for route, _ in THREE_ROUTES],
            "probe": PROBE,
            "capture": CAPTURE_DOWNLOADS,
            "offline": base + OFFLINE_PATH,
            "folder": str(tmp_path),
        }
        uit = run_node("firefox.mjs", base, json.dumps(settings), timeout=400)
    stappen = uit["stappen"]
    assert "mislukt" not in stappen, (stappen.get("mislukt"), uit["fouten"])
    assert switch.offline, "the server was never taken away"
    assert "Firefox/" in stappen["agent"], stappen["agent"]
    assert stappen["paginas"] == len(paginas) > 10
    assert stappen["uitkomsten"] == [heading for _, heading in THREE_ROUTES]
    assert all(scroll <= client for client, scroll in stappen["breedte"].values()), stappen["breedte"]
    assert stappen["zoeken"] >= 1
    assert stappen["werkblad"] == "Juf zag blauwe plekken"
    assert stappen["offlineBeheerd"] is True
    assert stappen["offline"] == THREE_ROUTES[0][1]
    assert uit["fouten"] == []
