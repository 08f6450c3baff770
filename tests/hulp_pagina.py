"""The helper's page in Chromium, shared by the browser tests that walk it: open it ready,
with every page error collected, and walk a route to its uitkomst as a user does; or open it
with parts held back, as a slow link would, and let them go when the test says so."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Route

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


def from_the_start(page: Page) -> None:
    """Back at the first question: through Opnieuw (it asks first: yes) when an uitkomst shows."""
    if page.locator(".doorlopen-uitkomst").is_visible():
        page.once("dialog", lambda dialog: dialog.accept())
        page.click(".doorlopen-uitkomst button[data-actie=opnieuw]")


def loop_route(page: Page, route: Sequence[tuple[str, ...]]) -> None:
    """From the start (through Opnieuw when an uitkomst shows) to the uitkomst: each step is
    (knoop, antwoord) or (knoop, antwoord, onderbouwing); the onderbouwing is unfolded to type it."""
    from_the_start(page)
    for knoop, antwoord, *onderbouwing in route:
        page.wait_for_selector(f"fieldset[data-knoop='{knoop}']", timeout=READY)
        page.check(f"#antwoord-{antwoord}")
        if onderbouwing and onderbouwing[0]:
            if page.locator("#onderbouwing").is_hidden():  # folded behind its label
                page.click("#onderbouwing-kop")
            page.fill("#onderbouwing", onderbouwing[0])
        page.click("button[data-actie=volgende]")
    page.locator("#uitkomst-kop").wait_for(timeout=READY)


def tap_volgende(page: Page, times: int) -> None:
    """Quick taps on Volgende, each on the button as it is drawn then, 30 ms apart: tapped from
    inside the page, so a busy machine running the test cannot space them out. (The browser's own
    double click aims at one spot; the button may have moved after the first tap.)"""
    page.evaluate(
        """async (times) => {
          for (let tap = 0; tap < times; tap++) {
            document.querySelector("button[data-actie=volgende]").click();
            await new Promise((resolve) => setTimeout(resolve, 30));
          }
        }""",
        times,
    )


def open_hulp(context: BrowserContext, base: str, wait_until: str = "load") -> Page:
    """The helper's page, not waited for; its page errors in `page.errors`."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors  # type: ignore[attr-defined]
    page.goto(base + PAGE, wait_until=wait_until)  # type: ignore[arg-type]
    return page


def hold(context: BrowserContext, pattern: str) -> list[Route]:
    """Hold the requests matching `pattern` back until `release`."""
    held: list[Route] = []
    context.route(pattern, lambda route: held.append(route))
    return held


def hold_runtime(context: BrowserContext) -> list[Route]:
    """Hold the runtime's download back until the test lets it go: the engine cannot start."""
    return hold(context, "**/pyodide.asm.wasm")


def release(page: Page, held: list[Route]) -> None:
    """Let every held request go, once the page has asked for one."""
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page never asked for what was held back"
    while held:
        held.pop(0).continue_()
