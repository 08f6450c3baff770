"""The helper's page in Chromium, shared by the browser tests that walk it: open it ready,
with every page error collected, and walk a route to its uitkomst as a user does."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Browser, Page

PAGE = "afwegingskader-doorlopen/"
READY = 60_000  # ms; Pyodide on a slow machine


@contextmanager
def hulp_pagina(
    browser: Browser, url: str, voor_laden: Callable[[Page], None] | None = None, **context: Any
) -> Iterator[Page]:
    """The helper page, loaded and ready; no page error may have happened when it closes.
    `voor_laden` runs before the page opens (to set its clock, for instance)."""
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    if voor_laden:
        voor_laden(page)
    page.goto(url + PAGE)
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    yield page
    assert errors == []
    ctx.close()


def loop_route(page: Page, route: Sequence[tuple[str, ...]]) -> None:
    """From the start (through Opnieuw when an uitkomst shows) to the uitkomst: each step is
    (knoop, antwoord) or (knoop, antwoord, onderbouwing); the onderbouwing is unfolded to type it."""
    if page.locator(".doorlopen-uitkomst").is_visible():
        page.once("dialog", lambda dialog: dialog.accept())
        page.click(".doorlopen-uitkomst button[data-actie=opnieuw]")
    for knoop, antwoord, *onderbouwing in route:
        page.wait_for_selector(f"fieldset[data-knoop='{knoop}']", timeout=READY)
        page.check(f"#antwoord-{antwoord}")
        if onderbouwing and onderbouwing[0]:
            if page.locator("#onderbouwing").is_hidden():  # folded behind its label
                page.click("#onderbouwing-kop")
            page.fill("#onderbouwing", onderbouwing[0])
        page.click("button[data-actie=volgende]")
    page.locator("#uitkomst-kop").wait_for(timeout=READY)
