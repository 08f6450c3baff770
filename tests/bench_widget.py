"""Benchmark of the doorloop page: `make bench`. Figures, not a pass/fail test.

In one run, side by side, on the built site served from 127.0.0.1 in headless Chromium,
cold cache (a new browser context) and warm cache (a reload), median of N runs:
- navigation → first question visible and answerable (static HTML);
- navigation → engine ready, against the floor: a bare page that only starts Pyodide
  in a worker the same way and imports the engine;
- answer → next question shown, once the engine is ready;
- bytes transferred by the doorloop page and by an ordinary page.
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
from playwright.sync_api import BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
READY_MS = 120_000

# The floor: nothing but Pyodide in a blob: worker, the engine imported, "klaar" shown.
FLOOR_HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>vloer</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'
 'wasm-unsafe-eval' blob:; connect-src 'self'; worker-src 'self' blob:"></head><body><p id="s">laden</p>
<script>
const assets = new URL("../assets/afwegingskader/", location.href).href;
const code = `importScripts("${assets}pyodide/pyodide.js");
loadPyodide({indexURL: "${assets}pyodide/", lockFileURL: "${assets}pyodide/pyodide-lock.json",
  stdout: () => {}, stderr: () => {}})
  .then(p => p.loadPackage("meldcode_engine", {messageCallback: () => {}}).then(() => p))
  .then(p => { p.runPython("import meldcode_engine"); postMessage("klaar"); });`;
const w = new Worker(URL.createObjectURL(new Blob([code], {type: "text/javascript"})));
w.onmessage = () => { document.getElementById("s").textContent = "klaar"; };
</script></body></html>"""

# The floor for the first question: the same static question without the theme.
BARE_HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>kaal</title></head>
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


def timed(page: Page, url: str, selector: str, has_text: str | None = None) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    locator = page.locator(selector, has_text=has_text) if has_text else page.locator(selector)
    locator.first.wait_for(state="visible", timeout=READY_MS)
    return (time.perf_counter() - start) * 1000


def bytes_of(context: BrowserContext, url: str, wait_selector: str, has_text: str | None = None) -> int:
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
    context.remove_listener("response", on_response)
    page.close()
    return sum(sizes)


def median(values: list[float]) -> str:
    return f"{statistics.median(values):8.0f} ms" if values else "       -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site, site)
        (site / "vloer").mkdir()
        (site / "vloer" / "index.html").write_text(FLOOR_HTML, encoding="utf-8")
        (site / "kaal").mkdir()
        (site / "kaal" / "index.html").write_text(BARE_HTML, encoding="utf-8")
        results: dict[str, list[float]] = {}

        def add(key: str, value: float) -> None:
            results.setdefault(key, []).append(value)

        with serve(site) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            widget = base + "afwegingskader-doorlopen/"
            for _ in range(args.runs):
                for cache in ("koud", "warm"):
                    context = browser.new_context()
                    page = context.new_page()
                    if cache == "warm":  # fill the cache first, then measure a reload
                        timed(page, widget, ".doorlopen-status", "klaar")
                        timed(page, base + "vloer/", "#s", "klaar")
                    add(f"kale pagina ({cache})", timed(page, base + "kaal/", "#antwoord-ja"))
                    add(f"eerste vraag ({cache})", timed(page, widget, "#antwoord-ja"))
                    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY_MS)
                    add(f"engine klaar ({cache})", timed(page, widget, ".doorlopen-status", "klaar"))
                    add(f"vloer klaar ({cache})", timed(page, base + "vloer/", "#s", "klaar"))
                    timed(page, widget, ".doorlopen-status", "klaar")
                    add(f"antwoord → volgende vraag ({cache})", page.evaluate(NEXT_QUESTION_JS))
                    context.close()
            widget_bytes = bytes_of(browser.new_context(), widget, ".doorlopen-status", "klaar")
            ordinary_bytes = bytes_of(browser.new_context(), base + "meldcode/stap-1/", "h1")
            browser.close()

    print(f"Afwegingskader doorlopen: {args.runs} metingen per regel, mediaan (Chromium headless, 127.0.0.1)\n")
    print(f"{'meting':40} {'koud':>11} {'warm':>11}   doel")
    rows = [
        ("navigatie → eerste vraag beantwoordbaar", "eerste vraag", "≤ 300 ms"),
        ("vloer: kale HTML met dezelfde vraag", "kale pagina", ""),
        ("navigatie → engine klaar", "engine klaar", "≤ 1,1 × vloer"),
        ("vloer: alleen Pyodide + engine", "vloer klaar", ""),
        ("antwoord → volgende vraag", "antwoord → volgende vraag", "≤ 50 ms"),
    ]
    for label, key, goal in rows:
        print(f"{label:40} {median(results[f'{key} (koud)'])} {median(results[f'{key} (warm)'])}   {goal}")
    for cache in ("koud", "warm"):
        ratio = statistics.median(results[f"engine klaar ({cache})"]) / statistics.median(
            results[f"vloer klaar ({cache})"]
        )
        print(f"{'verhouding engine klaar / vloer (' + cache + ')':40} {ratio:11.2f}")
    print(f"\n{'bytes: pagina met de hulp (koud)':40} {widget_bytes / 1000:9.0f} kB")
    print(f"{'bytes: gewone pagina (koud, geen Pyodide)':40} {ordinary_bytes / 1000:9.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
