"""Benchmark of the helper on a phone's network: `make bench`. Figures, not a pass/fail test.

The built site on a static host (its pre-compressed copies, ten minutes of cache) behind one
shared link (`netwerk.py`: all requests draw from the same bandwidth, each waits a round trip
first), at 10 Mbit/s + 100 ms (4G) and 2 Mbit/s + 300 ms (a slow 3G); Chromium headless at
390 × 844 with the page's CPU slowed 4×, service worker off (the network path). Side by side
in the same run, with the same server and the same compression rules:
- the helper: navigation → the first question answered at once → the second question shown
  (ready: the engine took the answer);
- stock Pyodide: the npm package's loader and full standard library in a module worker,
  importing the engine wheel → ready.
Cold (a new browser context) and warm (the same page opened again), median of N runs; and the
bytes each put on the wire, cold and warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_hulp import CPU_SLOWDOWN, VIEWPORT, prepare, slow_page
from browser import CHROMIUM, CHROMIUM_ARGS
from netwerk import LINKS, Link, serve_on_link
from playwright.sync_api import Browser, Page, sync_playwright

from generator.postbuild import precompress

ROOT = Path(__file__).resolve().parent.parent
READY_MS = 300_000
TARGET_BYTES = 0.75  # issue: a cold helper visit ≤ 0.75 × stock Pyodide's bytes


def _helper_ready(page: Page, url: str) -> None:
    page.goto(url, wait_until="commit")
    page.locator("#antwoord-ja").check(timeout=READY_MS)  # as soon as it can be answered
    page.locator("button[data-actie=volgende]").click()
    page.locator("fieldset[data-knoop='vraag-2']").wait_for(timeout=READY_MS)


def _stock_ready(page: Page, url: str) -> None:
    page.goto(url, wait_until="commit")
    page.locator("#s", has_text="klaar").wait_for(timeout=READY_MS)


def _measure(browser: Browser, base: str, lijn: object, link: Link, runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    variants = (
        ("hulp", base + "afwegingskader-doorlopen/", _helper_ready),
        ("standaard", base + "vloer/", _stock_ready),
    )
    for _ in range(runs):
        for naam, url, ready in variants:
            context = browser.new_context(viewport=VIEWPORT, service_workers="block")
            page = slow_page(context)
            for bezoek in ("koud", "warm"):
                lijn.verstuurd = 0  # type: ignore[attr-defined]
                start = time.perf_counter()
                ready(page, url)
                results.setdefault(f"{naam} {bezoek} s", []).append(time.perf_counter() - start)
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
        print(f"  {'':38} {'koud':>9} {'warm':>9} {'MB koud':>8} {'MB warm':>8}")
        for naam, label in (
            ("hulp", "hulp: tweede vraag na direct antwoord"),
            ("standaard", "standaard-Pyodide + engine klaar"),
        ):
            print(
                f"  {label:38} {m[f'{naam} koud s']:8.1f}s {m[f'{naam} warm s']:8.1f}s "
                f"{m[f'{naam} koud MB']:8.2f} {m[f'{naam} warm MB']:8.2f}"
            )
        tijd = m["hulp koud s"] / m["standaard koud s"]
        bytes_ = m["hulp koud MB"] / m["standaard koud MB"]
        doel = f"doel bytes ≤ {TARGET_BYTES}"
        print(f"  verhouding hulp / standaard, koud: tijd {tijd:.2f} ×, bytes {bytes_:.2f} × ({doel})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
