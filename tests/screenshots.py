"""Take phone and desktop screenshots of the built site: `make screenshots`.

Not a test: a way to look at pages as a reader would. Writes PNGs to screenshots/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from browser import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "",
    "stap-3": "meldcode/stap-3/",
    "structuur": "meldcode/structuur/",
    "afwegingskader": "afwegingskader/",
    "bijlage-1": "bijlagen/bijlage-1/",
    "bijlage-3": "bijlagen/bijlage-3/",
    "contacten": "contacten/",
}
SIZES = {"telefoon": (390, 844), "desktop": (1366, 900)}


def main(argv: list[str]) -> int:
    names = argv or list(PAGES)
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with serve(ROOT / "site") as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            for size, (w, h) in SIZES.items():
                ctx = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
                page = ctx.new_page()
                for name in names:
                    page.goto(base + PAGES[name])
                    page.screenshot(path=out / f"{name}-{size}-{scheme}.png", full_page=size == "telefoon")
                ctx.close()
        for name in names:
            ctx = browser.new_context()
            page = ctx.new_page()
            page.goto(base + PAGES[name])
            page.emulate_media(media="print")
            page.pdf(path=out / f"{name}-print.pdf", format="A4", print_background=True)
            ctx.close()
        browser.close()
    print(f"Schermafdrukken in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
