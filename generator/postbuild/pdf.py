"""The whole protocol as one A4 PDF, printed by headless Chromium from the site's own
print version (afdrukken/): title page, contents with page numbers, page numbers in
the footer, the overlegformulier with its writing lines."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from generator.errors import ToolError
from generator.postbuild.chromium import CHROMIUM, CHROMIUM_ARGS, serve

PDF_NAME = "meldcode.pdf"
PRINT_URL = "afdrukken/"
FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#444;font-family:sans-serif">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
OPTIONS: dict[str, Any] = {
    "format": "A4",
    "margin": {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
    "display_header_footer": True,
    "header_template": "<span></span>",
    "footer_template": FOOTER,
    "print_background": True,
    "outline": True,  # the headings become the PDF's bookmarks
    "tagged": True,  # a tagged PDF reads better with a screen reader
}


def _fail(message: str) -> ToolError:
    return ToolError(message, "PDF van het protocol")


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page (pdftotext), normalised for matching headings."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(pdf)
        tmp.flush()
        result = subprocess.run(["pdftotext", "-layout", tmp.name, "-"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise _fail(f"pdftotext mislukte: {result.stderr.strip()[:300]}")
    return [_normalise(page) for page in result.stdout.split("\f")]


def chapter_pages(pages: list[str], titles: list[str]) -> list[int]:
    """1-based page on which each chapter starts: chapters start on a new page with their
    title on top, in order, so search forward from the previous chapter's page."""
    numbers: list[int] = []
    start = 0
    for title in titles:
        wanted = _normalise(title)
        found = next((i for i in range(start, len(pages)) if pages[i].startswith(wanted)), None)
        if found is None:
            raise _fail(f"hoofdstuk '{title}' niet gevonden in de PDF")
        numbers.append(found + 1)
        start = found
    return numbers


def write_pdf(site_dir: Path) -> Path:
    """Print site_dir/afdrukken/ to site_dir/meldcode.pdf, contents numbered in two passes."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise _fail("Playwright ontbreekt; voer 'make setup' uit") from None
    if not Path(CHROMIUM).exists():
        raise _fail("Chromium ontbreekt (nodig voor de PDF); voer 'make setup' uit of bouw met --zonder-pdf")
    target = site_dir / PDF_NAME
    try:
        with serve(site_dir) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + PRINT_URL, wait_until="networkidle")
            page.emulate_media(media="print")
            entries = page.evaluate(
                "() => [...document.querySelectorAll('.toc-pagina')].map(s => [s.dataset.doel,"
                " document.getElementById(s.dataset.doel).textContent.replace('¶', '').trim()])"
            )
            pdf = page.pdf(**OPTIONS)
            # numbering can change the layout of the contents; repeat until it holds still
            for _ in range(3):
                numbers = chapter_pages(page_texts(pdf), [title for _, title in entries])
                page.evaluate(
                    "(pairs) => pairs.forEach(([doel, n]) =>"
                    " { document.querySelector(`.toc-pagina[data-doel='${doel}']`).textContent = n; })",
                    [[doel, n] for (doel, _), n in zip(entries, numbers, strict=True)],
                )
                pdf = page.pdf(**OPTIONS)
                if chapter_pages(page_texts(pdf), [title for _, title in entries]) == numbers:
                    break
            browser.close()
    except PlaywrightError as exc:
        raise _fail(f"Chromium kon de PDF niet maken: {str(exc).splitlines()[0]}") from None
    target.write_bytes(pdf)
    return target
