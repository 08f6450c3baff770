"""Benchmark of the helper on a phone's network: `make bench`. Figures, not a pass/fail test.

The built site on a static host (its pre-compressed copies, ten minutes of cache) behind one
shared link (`netwerk.py`: all requests draw from the same bandwidth, each waits a round trip
first), at 10 Mbit/s + 100 ms (4G) and 2 Mbit/s + 300 ms (a slow 3G); Chromium headless at
390 × 844 with the page's CPU slowed 4×, service worker off (the network path). Side by side
in the same run, with the same server and the same compression rules:
- the helper: navigation → the longest route answered as fast as the page takes answers →
  the second question shown, and the uitkomst shown (made by the engine, with its dates);
- the same helper from a host that compresses nothing (its worker then takes the .br copies
  and unpacks them, compressed-fetch.js);
- the same helper page with the scripts the build moved into files (no inline script, for any
  strict CSP) put back in it: what moving them costs a first visit;
- stock Pyodide: the npm package's loader and full standard library in a module worker,
  importing the engine wheel → ready.
Cold (a new browser context) and warm (the same page opened again), median of N runs; and the
bytes each put on the wire, cold and warm.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_hulp import CPU_SLOWDOWN, VIEWPORT, prepare, slow_page
from browser import CHROMIUM, CHROMIUM_ARGS
from netwerk import LINKS, ZONDER_COMPRESSIE, Link, serve_on_link
from playwright.sync_api import Browser, Page, sync_playwright

from generator.afwegingskader.graph import Graph
from generator.checks.run import load_and_check
from generator.pages import csp
from generator.postbuild import precompress

ROOT = Path(__file__).resolve().parent.parent
READY_MS = 300_000
TARGET_BYTES = 0.75  # issue: a cold helper visit ≤ 0.75 × stock Pyodide's bytes
TARGET_UITKOMST = 0.75  # issue: a full route's uitkomst ≤ 0.75 × stock Pyodide's ready, cold


def _route() -> list[tuple[str, str]]:
    protocol = load_and_check(ROOT / "protocol")[0].protocol
    return max(Graph.of(protocol).routes(), key=len)


ROUTE = _route()


INLINE = "afwegingskader-doorlopen-inline"  # the helper's page as it was: its scripts in the page
_EXTERN = re.compile(r'<script( [^>]*)? src="([^"]*assets/javascripts/inline/[^"]*)"></script>')


def _inline_variant(site: Path) -> None:
    """The helper's page with the scripts that external_scripts.py moved out put back in it
    (allowed by their hashes, as before), beside the real page at the same depth: the cost of
    the moved scripts on a first visit, side by side in one run."""
    page = site / "afwegingskader-doorlopen"
    html = (page / "index.html").read_text(encoding="utf-8")
    html = _EXTERN.sub(
        lambda m: f"<script{m.group(1) or ''}>{(page / m.group(2)).resolve().read_text()}</script>", html
    )
    html = csp.harden(
        html.replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'")
    )
    (site / INLINE).mkdir()
    (site / INLINE / "index.html").write_text(html, encoding="utf-8")
    precompress.apply(site / INLINE)


def _helper_ready(page: Page, url: str) -> dict[str, float]:
    """Seconds from navigation to the second question, and to the uitkomst."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    tijden = {}
    for i, (knoop, antwoord) in enumerate(ROUTE):
        # each answer as soon as its question can be answered
        page.locator(f"fieldset[data-knoop='{knoop}'] #antwoord-{antwoord}").check(timeout=READY_MS)
        if i == 1:
            tijden["vraag 2"] = time.perf_counter() - start
        page.locator("button[data-actie=volgende]").click()
    page.locator("#uitkomst-kop").wait_for(timeout=READY_MS)
    tijden["uitkomst"] = time.perf_counter() - start
    return tijden


def _stock_ready(page: Page, url: str) -> dict[str, float]:
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.locator("#s", has_text="klaar").wait_for(timeout=READY_MS)
    return {"klaar": time.perf_counter() - start}


def _measure(browser: Browser, base: str, lijn: object, link: Link, runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    variants = (
        ("hulp", base + "afwegingskader-doorlopen/", _helper_ready),
        ("kaal", base + ZONDER_COMPRESSIE.lstrip("/") + "/afwegingskader-doorlopen/", _helper_ready),
        ("inline", base + f"{INLINE}/", _helper_ready),
        ("standaard", base + "vloer/", _stock_ready),
    )
    for _ in range(runs):
        for naam, url, ready in variants:
            context = browser.new_context(viewport=VIEWPORT, service_workers="block")
            page = slow_page(context)
            page.on("dialog", lambda dialog: dialog.accept())  # leaving an uitkomst: the page asks
            for bezoek in ("koud", "warm"):
                lijn.verstuurd = 0  # type: ignore[attr-defined]
                for meting, s in ready(page, url).items():
                    results.setdefault(f"{naam} {meting} {bezoek} s", []).append(s)
                page.wait_for_load_state("networkidle")
                results.setdefault(f"{naam} {bezoek} MB", []).append(lijn.verstuurd / 1e6)  # type: ignore[attr-defined]
            context.close()
        print(f"  {link.naam}: meting klaar", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        site = prepare(Path(args.site), Path(tmp))
        precompress.apply(site / "vloer")  # stock Pyodide under the same compression rules
        _inline_variant(site)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        per_link = {}
        for link in LINKS:
            with serve_on_link(site, link) as (base, lijn):
                per_link[link] = _measure(browser, base, lijn, link, args.runs)
        browser.close()

    print(
        f"\nDe hulp op een telefoonnetwerk: mediaan van {args.runs}; Chromium headless "
        f"{VIEWPORT['width']} × {VIEWPORT['height']}, CPU van de pagina {CPU_SLOWDOWN}× vertraagd, "
        "vooraf gecomprimeerde kopieën, service worker uit"
    )
    for link, r in per_link.items():
        m = {k: statistics.median(v) for k, v in r.items()}
        print(f"\n{link.naam}: {link.mbit:g} Mbit/s gedeeld, {link.rtt_ms} ms per verzoek")
        print(f"  {'':42} {'koud':>9} {'warm':>9}")
        for sleutel, label in (
            ("hulp vraag 2", "hulp: tweede vraag na direct antwoord"),
            ("hulp uitkomst", f"hulp: uitkomst na {len(ROUTE)} directe antwoorden"),
            ("kaal uitkomst", "  idem, host zonder compressie: uitkomst"),
            ("inline vraag 2", "  idem, scripts in de pagina: tweede vraag"),
            ("inline uitkomst", "  idem, scripts in de pagina: uitkomst"),
            ("standaard klaar", "standaard-Pyodide + engine klaar"),
        ):
            print(f"  {label:42} {m[f'{sleutel} koud s']:8.1f}s {m[f'{sleutel} warm s']:8.1f}s")
        print(f"  {'MB op de lijn':42} {'koud':>9} {'warm':>9}")
        for naam, label in (
            ("hulp", "hulp"),
            ("kaal", "hulp, host zonder compressie"),
            ("inline", "hulp, scripts in de pagina"),
            ("standaard", "standaard-Pyodide"),
        ):
            print(f"  {label:42} {m[f'{naam} koud MB']:9.2f} {m[f'{naam} warm MB']:9.2f}")
        uitkomst = m["hulp uitkomst koud s"] / m["standaard klaar koud s"]
        bytes_ = m["hulp koud MB"] / m["standaard koud MB"]
        print(
            f"  verhouding hulp / standaard, koud: uitkomst / klaar {uitkomst:.2f} × (doel ≤ {TARGET_UITKOMST}), "
            f"bytes {bytes_:.2f} × (doel ≤ {TARGET_BYTES})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
