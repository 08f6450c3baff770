"""A static host on a phone's network, for the benchmarks: the built site served from
127.0.0.1 as a static host serves it (its pre-compressed copies when the browser accepts
them, cache headers), through one shared link: every connection draws from the same
bandwidth, and every request waits a round trip before its first byte.
"""

from __future__ import annotations

import mimetypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHUNK = 16 * 1024
# as GitHub Pages serves: ten minutes, then ask again
CACHE_CONTROL = "max-age=600"
TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}


@dataclass(frozen=True)
class Link:
    """A phone's connection: bandwidth shared by all requests, and a delay per request."""

    naam: str
    mbit: float
    rtt_ms: int

    @property
    def bytes_per_s(self) -> float:
        return self.mbit * 1_000_000 / 8


LINKS = (Link("4G", 10, 100), Link("traag 3G", 2, 300))


class _Lijn:
    """One shared link: bytes leave in the order they are asked for, at the link's rate."""

    def __init__(self, link: Link) -> None:
        self.link = link
        self.vrij = 0.0  # when the link is free again
        self.lock = threading.Lock()
        self.verstuurd = 0  # bytes on the wire since the last reset

    def stuur(self, n: int) -> None:
        with self.lock:
            start = max(time.perf_counter(), self.vrij)
            self.vrij = start + n / self.link.bytes_per_s
            self.verstuurd += n
            klaar = self.vrij
        time.sleep(max(0.0, klaar - time.perf_counter()))


# Under this prefix the same site comes from a host that compresses nothing (as Python's
# http.server, or Apache without application/wasm in mod_deflate): the files as they are.
ZONDER_COMPRESSIE = "/zonder-compressie"


def _handler(root: Path, lijn: _Lijn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            time.sleep(lijn.link.rtt_ms / 1000)  # the round trip before the first byte
            adres = unquote(urlsplit(self.path).path)
            kaal = adres.startswith(ZONDER_COMPRESSIE)  # a host that compresses nothing
            pad = root / adres.removeprefix(ZONDER_COMPRESSIE if kaal else "").lstrip("/")
            if pad.is_dir():
                pad = pad / "index.html"
            if not pad.is_file() or root not in pad.resolve().parents:
                self._stuur(404, b"niet gevonden", {"Content-Type": "text/plain"})
                return
            kopjes = {
                "Content-Type": TYPES.get(pad.suffix) or mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
            }
            kopjes["Cache-Control"] = CACHE_CONTROL
            kopjes["Last-Modified"] = self.date_time_string(int(pad.stat().st_mtime))
            if self.headers.get("If-Modified-Since") == kopjes["Last-Modified"]:
                self._stuur(304, b"", kopjes)
                return
            accepted = "" if kaal else self.headers.get("Accept-Encoding", "")
            for codering, achtervoegsel in (("br", ".br"), ("gzip", ".gz")):
                kopie = pad.with_name(pad.name + achtervoegsel)
                if codering in accepted and kopie.is_file():
                    kopjes["Content-Encoding"] = codering
                    kopjes["Vary"] = "Accept-Encoding"
                    pad = kopie
                    break
            self._stuur(200, pad.read_bytes(), kopjes)

        def do_HEAD(self) -> None:
            # the headers only, as every web server answers (the helper asks so whether the
            # host compresses its runtime module)
            self.command = "HEAD"
            self.do_GET()

        def _stuur(self, status: int, body: bytes, kopjes: dict[str, str]) -> None:
            self.send_response(status)
            for naam, waarde in {**kopjes, "Content-Length": str(len(body))}.items():
                self.send_header(naam, waarde)
            self.end_headers()
            lijn.stuur(300)  # the status line and headers, roughly
            if self.command == "HEAD":
                return
            for i in range(0, len(body), CHUNK):
                deel = body[i : i + CHUNK]
                lijn.stuur(len(deel))
                self.wfile.write(deel)

    return Handler


@contextmanager
def serve_on_link(root: Path, link: Link) -> Iterator[tuple[str, _Lijn]]:
    """The site at `root` on `link`; yields its base URL and the link (its byte count)."""
    lijn = _Lijn(link)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(root.resolve(), lijn))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", lijn
    finally:
        server.shutdown()
        server.server_close()


__all__ = ["LINKS", "ZONDER_COMPRESSIE", "Link", "serve_on_link"]
