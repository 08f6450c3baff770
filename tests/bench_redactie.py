"""Benchmark of the editor (/redactie/): `make bench`. Figures, not a pass/fail test.

On the built site served from 127.0.0.1 in headless Chromium at 1280 × 900 (a desktop, no CPU
slowdown), a new browser context per run (cold: nothing cached, no service worker, an empty
test repository),
median of N runs:
- navigation → the sign-in screen, → the list of files, → the rollen form editable (its first
  text box takes keys), → its check shown (Pyodide started, every file read, checked);
- the check before saving: one field changed → the panel says what will change;
- saving: Opslaan → the file written and the editor closed.
For scale, in the same run (in a context of its own): navigation → the Contacten page loaded
(an ordinary page).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import Browser, sync_playwright
from test_redactie_opslaan import FIND, GEVONDEN, LABELS, SETTLED, TOP

from generator.redactie.cms import CONTROLE_WOORDEN

READY_MS = 120_000
VIEWPORT = {"width": 1280, "height": 900}


def _run(browser: Browser, base: str) -> dict[str, float]:
    times: dict[str, float] = {}
    # the ordinary page in a context of its own: its service worker then copies the site for
    # offline use, which would otherwise share the CPU with the editor measured next
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    start = time.perf_counter()
    context.new_page().goto(base + "contacten/", wait_until="load")
    times["Contacten geladen (gewone pagina)"] = time.perf_counter() - start
    context.close()
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    page = context.new_page()
    start = time.perf_counter()
    page.goto(base + "redactie/")
    aanmelden = page.get_by_role("button", name="Werken met een testrepository")
    aanmelden.wait_for(timeout=READY_MS)
    times["aanmeldscherm"] = time.perf_counter() - start
    aanmelden.click()
    lijst = page.get_by_text(LABELS["protocol/rollen.yaml"], exact=True).first
    lijst.wait_for(timeout=READY_MS)
    times["lijst met bestanden"] = time.perf_counter() - start
    lijst.click()
    veld = page.locator("textarea").first
    veld.wait_for(timeout=READY_MS)
    assert veld.is_editable()
    times["formulier bewerkbaar"] = time.perf_counter() - start
    page.locator(".meldcode-controle :is(section, p, details)").first.wait_for(timeout=READY_MS)
    page.locator(".meldcode-controle").get_by_text(CONTROLE_WOORDEN["bezig"]).wait_for(
        state="detached", timeout=READY_MS
    )
    times["controle getoond"] = time.perf_counter() - start
    assert page.evaluate(FIND, ["intern begeleider", 0])
    veld = page.locator(GEVONDEN)
    begin = time.perf_counter()
    veld.fill("intern begeleider en zorgcoördinator")
    page.evaluate(TOP)
    page.locator(".meldcode-controle-verandering").wait_for(timeout=READY_MS)
    times["controle na een wijziging"] = time.perf_counter() - begin
    begin = time.perf_counter()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_role("button", name="Opslaan", exact=True).wait_for(state="detached", timeout=READY_MS)
    page.wait_for_function(SETTLED)
    times["opslaan (controle, schrijven)"] = time.perf_counter() - begin
    context.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs: list[dict[str, float]] = []
    with serve(Path(args.site)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            runs.append(_run(browser, base))
        browser.close()
    print(f"\nRedactie, desktop {VIEWPORT['width']}×{VIEWPORT['height']}, koud, mediaan van {args.runs}:")
    for name in runs[0]:
        values = [r[name] for r in runs]
        print(f"  {name:42} {statistics.median(values):6.2f} s   ({min(values):.2f}–{max(values):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
