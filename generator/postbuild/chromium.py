"""Headless Chromium from Debian, and a local server for the built site.

Shared by the PDF step of the build and by the browser tests: never a downloaded
browser, and nothing served beyond 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

# Debian's chromium-headless-shell: the same Chromium release without the browser's window layer
# (what Playwright itself runs when headless). The gate's pages cost about a sixth less CPU in it
# than in `chromium --headless`, which also draws an interface no one sees. Where it is not
# installed (the GitHub runner's Chrome, named chromium there), the full browser.
CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium") or "/usr/bin/chromium"
# Playwright starts Chromium with a --disable-features list of its own; a second one replaces it
# (Chromium keeps the last), so ours repeats Playwright's (tests/unit/test_chromium.py checks
# that none is missing) and adds the browser's own interface that a headless run never shows:
# the address bar's popup is a page of its own, rendered for every window, so every browser
# context cost about 0.4 s of CPU for it.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
UNSEEN_BROWSER_UI = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup")
DISABLE_FEATURES = "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNSEEN_BROWSER_UI)
# background networking off: this machine has no internet and Chromium would keep trying
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    DISABLE_FEATURES,
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle(self) -> None:
        # a browser that closes a connection early is not an error worth a traceback
        with contextlib.suppress(ConnectionError):
            super().handle()


class LocalServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    # a browser still open may hold an idle connection (a preconnect that never asks): closing
    # the server must not wait for it, which took up to a minute
    daemon_threads = True
    block_on_close = False


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) and yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    with LocalServer(("127.0.0.1", 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}/"
        finally:
            httpd.shutdown()
