"""`meldcode check --links`: does every external address in the source still answer?

Collecting (from the model) and checking (over HTTP) are separate, so tests can check
addresses on 127.0.0.1 and the evaluation checklist can list the same addresses.
Never fails the check: a dead link is a task for the editor, not a broken source, and
without a network nothing can be said at all, which the report states plainly.
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPException
from ipaddress import ip_address
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import OpenerDirector, ProxyHandler, Request, build_opener

from pydantic import BaseModel

from generator.source.model import BRONNEN, Protocol

TIMEOUT = 5.0  # seconds per request: a school laptop should not wait minutes
WORKERS = 8
USER_AGENT = "meldcode-linkcontrole/1.0 (periodieke evaluatie van de meldcode)"
# what a status means for the editor; 5xx is "fout bij de website"
STATUS = {
    401: "inloggen nodig",
    403: "toegang geweigerd (de site weert misschien controleprogramma's: kijk in de browser)",
    404: "pagina bestaat niet",
    410: "pagina is verwijderd",
    429: "te veel verzoeken; probeer het later nog eens",
}


@dataclass(frozen=True)
class Adres:
    """An external address and where in the source it stands."""

    url: str
    waar: str  # e.g. "contacten.yaml › links › www.augeo.nl › url"


@dataclass(frozen=True)
class Uitslag:
    """The answer for one address: an HTTP status, or why there was none."""

    url: str
    status: int | None = None
    fout: str | None = None  # Dutch, when there was no HTTP answer
    geen_verbinding: bool = False  # DNS, refused, unreachable or timed out: says nothing about the page
    doel: str | None = None  # where a redirect ended, when elsewhere

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400


# --- collecting ---------------------------------------------------------------------


def collect(protocol: Protocol) -> list[Adres]:
    """Every http(s) address in the source, once, in source order.

    Walks the whole model rather than naming fields, so an address in a field added
    later (a contact website, a link, the meldcode app, the LKC sources) is never missed.
    """
    seen: dict[str, Adres] = {}
    for part, (bestand, _) in BRONNEN.items():
        for where, url in _urls(getattr(protocol, part), (bestand,)):
            seen.setdefault(url, Adres(url, " › ".join(where)))
    return list(seen.values())


def _urls(value: Any, where: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _urls(getattr(value, name), (*where, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            label = next(
                (
                    str(getattr(item, k))
                    for k in ("id", "naam", "tekst", "titel")
                    if isinstance(getattr(item, k, None), str)
                ),
                f"#{i + 1}",
            )
            yield from _urls(item, (*where, label))
    elif isinstance(value, str) and value.startswith(("http://", "https://")):
        yield where, value


# --- checking -----------------------------------------------------------------------


def _opener(url: str) -> OpenerDirector:
    """Proxies from the environment (a school network may need one), never for loopback."""
    host = urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ip_address(host).is_loopback
    except ValueError:
        loopback = False
    return build_opener(ProxyHandler({})) if loopback else build_opener()


def check_url(url: str, timeout: float = TIMEOUT) -> Uitslag:
    """HEAD first (cheap); GET when the server refuses HEAD or answers it with an error."""
    opener = _opener(url)
    status: int | None = None
    for method in ("HEAD", "GET"):
        request = Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with opener.open(request, timeout=timeout) as response:
                final = response.geturl()
                return Uitslag(url, response.status, doel=final if final != url else None)
        except HTTPError as exc:
            status = exc.code
            exc.close()  # it holds the open response
        except URLError as exc:
            return _no_answer(url, exc.reason, timeout)
        except (OSError, HTTPException, ValueError) as exc:
            return _no_answer(url, exc, timeout)
    return Uitslag(url, status)


def _no_answer(url: str, reason: object, timeout: float) -> Uitslag:
    # ssl.SSLError is an OSError too, but means the network works: test it first
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return Uitslag(url, fout="beveiligde verbinding mislukt (certificaat klopt niet)")
    if isinstance(reason, socket.gaierror):
        return Uitslag(url, fout="niet bereikbaar: domeinnaam onbekend", geen_verbinding=True)
    if isinstance(reason, ConnectionRefusedError):
        return Uitslag(url, fout="niet bereikbaar: verbinding geweigerd", geen_verbinding=True)
    if isinstance(reason, TimeoutError):
        return Uitslag(url, fout=f"niet bereikbaar: geen antwoord binnen {timeout:g} seconden", geen_verbinding=True)
    if isinstance(reason, ConnectionError) or (
        isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN)
    ):
        return Uitslag(url, fout="niet bereikbaar: geen verbinding", geen_verbinding=True)
    return Uitslag(url, fout=f"fout: {reason}")


def check_all(urls: list[str], timeout: float = TIMEOUT) -> list[Uitslag]:
    """Check in parallel (a few at a time), results in the order given."""
    if not urls:
        return []
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(urls))) as pool:
        return list(pool.map(lambda u: check_url(u, timeout), urls))


# --- reporting ----------------------------------------------------------------------


def geen_netwerk(uitslagen: list[Uitslag]) -> bool:
    """No address got through at all: then the network is missing, not the pages."""
    return bool(uitslagen) and all(u.geen_verbinding for u in uitslagen)


def report(adressen: list[Adres], uitslagen: list[Uitslag]) -> str:
    """Per address ok / status / error, then a Dutch summary."""
    n = len(adressen)
    if n == 0:
        return "Er staan geen externe links in de bron."
    if geen_netwerk(uitslagen):
        return (
            f"Geen netwerk: de links zijn niet gecontroleerd ({n} links). "
            f"Controleer ze opnieuw met een internetverbinding ({uitslagen[0].fout})."
        )
    lines: list[str] = []
    kapot: list[tuple[Adres, Uitslag]] = []
    for adres, uitslag in zip(adressen, uitslagen, strict=True):
        if uitslag.ok:
            doel = f" (verwijst door naar {uitslag.doel})" if uitslag.doel else ""
            lines.append(f"  ok    {adres.url}{doel}")
            continue
        kapot.append((adres, uitslag))
        if uitslag.status is not None:
            wat = STATUS.get(uitslag.status, "fout bij de website" if uitslag.status >= 500 else "fout")
            lines.append(f"  {uitslag.status:<5} {adres.url}: {wat} ({adres.waar})")
        else:
            lines.append(f"  fout  {adres.url}: {uitslag.fout} ({adres.waar})")
    if not kapot:
        lines.append(f"Alle {n} links werken.")
    else:
        werkt = n - len(kapot)
        lines.append(
            f"{werkt} van de {n} links werken; {len(kapot)} werk{'t' if len(kapot) == 1 else 'en'} niet. "
            "Open ze in de browser en pas het adres aan in protocol/ (laat url weg als de site "
            "niet meer bestaat). De bron zelf is in orde."
        )
    return "\n".join(lines)
