"""Benchmark of the doorloop page: `make bench`. Figures, not a pass/fail test.

In one run, side by side, on the built site served from 127.0.0.1 in headless Chromium at
390 × 844 with the page's CPU slowed 4× (a mid-range phone; Chromium does not slow the
worker, so the helper is compared with a worker-based floor), cold cache (a new browser
context) and warm cache (a reload), median of N runs:
- navigation → first question visible and answerable, against the floor: a bare HTML page
  with one radio button;
- navigation → helper ready, against the floor: stock Pyodide (the npm package's own
  loader and full standard library) in a module worker, importing the engine wheel;
- answer → next question, and the bytes each page transfers.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
READY_MS = 120_000
CPU_SLOWDOWN = 4
VIEWPORT = {"width": 390, "height": 844}
TARGET_FIRST = 1.5  # first question ≤ 1.5 × the bare page
TARGET_READY = 0.6  # helper ready ≤ 0.6 × stock Pyodide

# Stock Pyodide: the npm package as it comes, in a module worker, the engine from its wheel.
FLOOR_HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>vloer</title>
<meta name="viewport" content="width=device-width"></head><body><p id="s">laden</p>
<script>
const w = new Worker(new URL("worker.mjs", location.href), {type: "module"});
w.onmessage = () => { document.getElementById("s").textContent = "klaar"; };
</script></body></html>"""
FLOOR_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
const base = new URL("./pyodide/", import.meta.url).href;
const pyodide = await loadPyodide({indexURL: base, lockFileURL: base + "pyodide-lock.json",
  stdout: () => {}, stderr: () => {}});
await pyodide.loadPackage("meldcode_engine", {messageCallback: () => {}});
pyodide.runPython("import json, meldcode_engine");
postMessage("klaar");
"""

# The floor for the first question: the same static question without the theme.
BARE_HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>kaal</title>
<meta name="viewport" content="width=device-width"></head>
<body><form><fieldset><legend>Vraag</legend><input type="radio" name="a" id="antwoord-ja" value="ja">
<label for="antwoord-ja">Ja</label></fieldset><button>Volgende</button></form></body></html>"""

NEXT_QUESTION_JS = """() => new Promise((resolve) => {
  const t0 = performance.now();
  const seen = () => document.querySelector("fieldset[data-knoop='vraag-2']");
  const observer = new MutationObserver(() => {
    if (seen()) { observer.disconnect(); resolve(performance.now() - t0); }
  });
  observer.observe(document.body, {subtree: true, childList: true});
  document.querySelector("#antwoord-ja").click();
  document.querySelector("button[data-actie=volgende]").click();
})"""


def slow_page(context: BrowserContext) -> Page:
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return page


def timed(page: Page, url: str, selector: str, has_text: str | None = None) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    locator = page.locator(selector, has_text=has_text) if has_text else page.locator(selector)
    locator.first.wait_for(state="visible", timeout=READY_MS)
    if selector.startswith("#antwoord"):
        locator.first.check(timeout=READY_MS)  # answerable: the click lands and selects it
    return (time.perf_counter() - start) * 1000


def bytes_of(browser: Browser, url: str, wait_selector: str, has_text: str | None = None) -> int:
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    sizes: list[int] = []

    def on_response(response: object) -> None:
        try:
            sizes.append(len(response.body()))  # type: ignore[attr-defined]
        except Exception:  # redirects and aborted requests have no body
            sizes.append(0)

    context.on("response", on_response)
    page = context.new_page()
    timed(page, url, wait_selector, has_text)
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(sizes)


def median(values: list[float]) -> str:
    return f"{statistics.median(values):8.0f} ms" if values else "       -"


def prepare(site_src: Path, tmp: Path) -> Path:
    """A copy of the site with the two floor pages and a stock Pyodide beside it."""
    site = tmp / "site"
    shutil.copytree(site_src, site)
    (site / "kaal").mkdir()
    (site / "kaal" / "index.html").write_text(BARE_HTML, encoding="utf-8")
    floor = site / "vloer"
    (floor / "pyodide").mkdir(parents=True)
    (floor / "index.html").write_text(FLOOR_HTML, encoding="utf-8")
    (floor / "worker.mjs").write_text(FLOOR_WORKER, encoding="utf-8")
    stock = ROOT / "node_modules" / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        shutil.copy2(stock / name, floor / "pyodide" / name)  # the full standard library
    runtime = site / "assets" / "hulp" / "pyodide"
    for path in [runtime / "pyodide-lock.json", *runtime.glob("meldcode_engine-*.whl")]:
        shutil.copy2(path, floor / "pyodide" / path.name)
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    results: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        results.setdefault(key, []).append(value)

    with (
        tempfile.TemporaryDirectory() as tmp,
        serve(prepare(Path(args.site), Path(tmp))) as base,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        hulp = base + "afwegingskader-doorlopen/"
        variants: list[tuple[str, str, str, str | None]] = [
            ("kale pagina", base + "kaal/", "#antwoord-ja", None),
            ("eerste vraag", hulp, "#antwoord-ja", None),
            ("vloer klaar", base + "vloer/", "#s", "klaar"),
            ("hulp klaar", hulp, ".doorlopen-status", "klaar"),
        ]
        for _ in range(args.runs):
            for label, url, selector, text in variants:
                # the service worker is measured by the offline tests; here only the network path
                context = browser.new_context(viewport=VIEWPORT, service_workers="block")
                page = slow_page(context)
                add(f"{label} (koud)", timed(page, url, selector, text))
                add(f"{label} (warm)", timed(page, url, selector, text))
                if label == "hulp klaar":
                    add("antwoord → volgende vraag (warm)", page.evaluate(NEXT_QUESTION_JS))
                context.close()
        hulp_bytes = bytes_of(browser, hulp, ".doorlopen-status", "klaar")
        floor_bytes = bytes_of(browser, base + "vloer/", "#s", "klaar")
        ordinary_bytes = bytes_of(browser, base + "meldcode/stap-1/", "h1")
        browser.close()

    print(
        f"Afwegingskader doorlopen: {args.runs} metingen per regel, mediaan; Chromium headless, "
        f"{VIEWPORT['width']} × {VIEWPORT['height']}, CPU van de pagina {CPU_SLOWDOWN}× vertraagd, 127.0.0.1\n"
    )
    print(f"{'meting':44} {'koud':>11} {'warm':>11}")
    rows = [
        ("navigatie → eerste vraag beantwoordbaar", "eerste vraag"),
        ("vloer: kale HTML met één keuzerondje", "kale pagina"),
        ("navigatie → hulp klaar", "hulp klaar"),
        ("vloer: standaard-Pyodide + engine (worker)", "vloer klaar"),
    ]
    for label, key in rows:
        print(f"{label:44} {median(results[f'{key} (koud)'])} {median(results[f'{key} (warm)'])}")
    print(f"{'antwoord → volgende vraag':44} {'':>11} {median(results['antwoord → volgende vraag (warm)'])}")
    print(f"\n{'verhouding':44} {'koud':>11} {'warm':>11}   doel")
    for label, top, bottom, goal in (
        ("eerste vraag / kale pagina", "eerste vraag", "kale pagina", f"≤ {TARGET_FIRST}"),
        ("hulp klaar / standaard-Pyodide", "hulp klaar", "vloer klaar", f"≤ {TARGET_READY}"),
    ):
        ratios = [
            statistics.median(results[f"{top} ({c})"]) / statistics.median(results[f"{bottom} ({c})"])
            for c in ("koud", "warm")
        ]
        print(f"{label:44} {ratios[0]:11.2f} {ratios[1]:11.2f}   {goal}")
    print(f"\n{'bytes: pagina met de hulp (koud)':44} {hulp_bytes / 1000:9.0f} kB")
    print(f"{'bytes: standaard-Pyodide + engine (koud)':44} {floor_bytes / 1000:9.0f} kB")
    print(f"{'bytes: gewone pagina (koud, geen Pyodide)':44} {ordinary_bytes / 1000:9.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
