"""What the WebKit and Firefox tests share: the routes they walk, a server that can go
offline, and a probe that keeps what a werkblad would download (neither driver hands over a
download the way Chromium's does)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

from test_hulp import ROUTES, expected_uitkomst

from generator.postbuild.chromium import LocalServer

# three routes to three different uitkomsten, with the heading the engine gives each
THREE_ROUTES = [
    (ROUTES[name], f"Uitkomst: {expected_uitkomst(ROUTES[name])['titel']}")
    for name in ("dossier-sluiten", "melden-meldnorm-c", "zelf-hulp")
]
OFFLINE_PATH = "__offline"  # asking for it takes the server offline (for a driver in another process)

# run in the page: a file a werkblad saves (a blob behind a download link) is kept in
# window.__bestanden as [name, text] instead of going to a download folder
CAPTURE_DOWNLOADS = """(() => {
  if (window.__bestanden) return;
  window.__bestanden = [];
  const blobs = new Map();
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => { const url = make(blob); blobs.set(url, blob); return url; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = this.download && blobs.get(this.href);
    if (!blob) return click.call(this);
    const name = this.download;
    blob.text().then((text) => window.__bestanden.push([name, text]));
  };
})();"""
# run in the page from its start: script errors and CSP violations in window.__fouten
PROBE = """window.__fouten = window.__fouten || [];
if (!window.__probe) { window.__probe = true;
  window.addEventListener("error", (e) => window.__fouten.push(String(e.message)));
  window.addEventListener("unhandledrejection", (e) => window.__fouten.push(String(e.reason)));
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__fouten.push("CSP " + e.violatedDirective + " " + e.blockedURI)); }"""


class Switch:
    offline = False


def _handler(switch: Switch) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def handle_one_request(self) -> None:
            if switch.offline:
                # no answer at all, as a network that is gone: the connection just closes
                self.close_connection = True
                return
            super().handle_one_request()

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith(OFFLINE_PATH):
                switch.offline = True
                self.send_response(204)
                self.end_headers()
                return
            super().do_GET()

        def handle(self) -> None:
            with contextlib.suppress(ConnectionError):
                super().handle()

    return Handler


@contextlib.contextmanager
def serve_switchable(root: Path) -> Iterator[tuple[str, Switch]]:
    """Serve `root` on 127.0.0.1 until `switch.offline` is set (or OFFLINE_PATH is asked for)."""
    switch = Switch()
    handler = functools.partial(_handler(switch), directory=str(root))
    with LocalServer(("127.0.0.1", 0), handler) as httpd:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}/", switch
        finally:
            httpd.shutdown()
