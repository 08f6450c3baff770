"""`meldcode check --links`: every external address is collected; the checker tells a dead
link from a missing network and never fails the check.

Only 127.0.0.1 is ever asked: a small http.server here, and a port that nobody listens on.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import PROTOCOL

from generator.checks import external_links as links
from generator.checks.run import load_and_check
from generator.cli import main


class Handler(BaseHTTPRequestHandler):
    """/ok answers 200, /weg 404, /alleen-get refuses HEAD (405) but serves GET,
    /oud redirects to /ok."""

    def _answer(self, body: bool) -> None:
        if self.path == "/oud":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if self.path == "/alleen-get" and self.command == "HEAD":
            status = 405
        else:
            status = {"/ok": 200, "/alleen-get": 200}.get(self.path, 404)
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def closed_port() -> str:
    """An address on 127.0.0.1 where nothing listens: the connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def adressen(*urls: str) -> list[links.Adres]:
    return [links.Adres(url, f"test › {i}") for i, url in enumerate(urls)]


def test_collects_every_external_address() -> None:
    protocol = load_and_check(PROTOCOL)[0].protocol
    found = links.collect(protocol)
    urls = [a.url for a in found]
    assert len(urls) == len(set(urls)), "each address once"
    expected = {link.url for link in protocol.contacten.links if link.url}
    expected |= {bron.url for bron in protocol.adviezen_lkc.bronnen}
    expected |= {c.website for c in protocol.contacten.contacten if c.website}
    expected |= {c.bron for c in protocol.evaluatie.controles if c.bron}  # the sources of the controles
    if protocol.contacten.meldcode_app and protocol.contacten.meldcode_app.url:
        expected.add(protocol.contacten.meldcode_app.url)
    assert set(urls) == expected
    augeo = next(a for a in found if a.url == "https://www.augeo.nl")
    assert augeo.waar == "contacten.yaml › links › www.augeo.nl › url"


def test_collects_a_contact_website(protocol_copy: Path) -> None:
    path = protocol_copy / "contacten.yaml"
    text = path.read_text(encoding="utf-8")
    website = "    naam: Kindertelefoon\n    website: https://www.kindertelefoon.nl\n"
    path.write_text(text.replace("    naam: Kindertelefoon\n", website), encoding="utf-8")
    found = links.collect(load_and_check(protocol_copy)[0].protocol)
    adres = links.Adres("https://www.kindertelefoon.nl", "contacten.yaml › contacten › kindertelefoon › website")
    assert adres in found


def test_ok_dead_and_head_refused(server: str) -> None:
    urls = [f"{server}/ok", f"{server}/weg", f"{server}/alleen-get", f"{server}/oud"]
    ok, weg, alleen_get, oud = links.check_all(urls, timeout=5)
    assert ok.ok and ok.status == 200
    assert not weg.ok and weg.status == 404 and not weg.geen_verbinding
    assert alleen_get.ok and alleen_get.status == 200  # HEAD 405, then GET 200
    assert oud.ok and oud.doel == f"{server}/ok"


def test_report_lists_dead_links_with_a_dutch_summary(server: str, closed_port: str) -> None:
    found = adressen(f"{server}/ok", f"{server}/weg", f"{closed_port}/x")
    text = links.report(found, links.check_all([a.url for a in found], timeout=5))
    lines = text.splitlines()
    assert lines[0] == f"  ok    {server}/ok"
    assert lines[1] == f"  404   {server}/weg: pagina bestaat niet (test › 1)"
    assert lines[2] == f"  fout  {closed_port}/x: niet bereikbaar: verbinding geweigerd (test › 2)"
    assert lines[3].startswith("1 van de 3 links werken; 2 werken niet. Open ze in de browser")
    assert "Geen netwerk" not in text


def test_all_good(server: str) -> None:
    found = adressen(f"{server}/ok", f"{server}/alleen-get")
    assert links.report(found, links.check_all([a.url for a in found])).endswith("Alle 2 links werken.")


def test_no_network_at_all_is_said_plainly(closed_port: str) -> None:
    found = adressen(f"{closed_port}/a", f"{closed_port}/b", f"{closed_port}/c")
    results = links.check_all([a.url for a in found], timeout=2)
    assert all(r.geen_verbinding for r in results)
    text = links.report(found, results)
    assert text.startswith("Geen netwerk: de links zijn niet gecontroleerd (3 links).")
    assert "werken niet" not in text


def test_unroutable_name_counts_as_no_connection() -> None:
    # the classification alone: no lookup, no request
    result = links._no_answer("http://x.invalid/", socket.gaierror(-2, "Name or service not known"), 5)
    assert result.geen_verbinding and result.fout == "niet bereikbaar: domeinnaam onbekend"
    result = links._no_answer("http://x/", TimeoutError("timed out"), 5)
    assert result.geen_verbinding and "geen antwoord binnen 5 seconden" in (result.fout or "")


def test_check_links_command_never_fails(
    server: str, closed_port: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command end to end, with the collected addresses swapped for local ones."""
    local = adressen(f"{server}/ok", f"{server}/weg")
    monkeypatch.setattr(links, "collect", lambda protocol: local)
    assert main(["check", "--links", str(PROTOCOL)]) == 0
    out = capsys.readouterr().out
    assert "De bron is in orde" in out and "Links controleren: 2 adressen" in out
    assert f"404   {server}/weg" in out and "1 van de 2 links werken" in out

    offline = adressen(f"{closed_port}/a", f"{closed_port}/b")
    monkeypatch.setattr(links, "collect", lambda protocol: offline)
    assert main(["check", "--links", "--timeout", "2", str(PROTOCOL)]) == 0
    assert "Geen netwerk: de links zijn niet gecontroleerd (2 links)" in capsys.readouterr().out


def test_check_without_links_asks_nothing(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def forbidden(urls: list[str], timeout: float = 0) -> list[links.Uitslag]:
        raise AssertionError("no request without --links")

    monkeypatch.setattr(links, "check_all", forbidden)
    assert main(["check", str(PROTOCOL)]) == 0
    assert "Links" not in capsys.readouterr().out
