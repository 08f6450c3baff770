"""Keyboard only: every link and control is reachable with Tab and shows a visible focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

# Every element a keyboard user must be able to reach, if it is visible. Each gets a
# number, and its look without focus is remembered: focus is visible when the focused
# element (or the label that stands in for a visually hidden input) looks different.
FOCUSABLE = """() => {
  // the element, what draws around it (parent, form, the label standing in for a hidden
  // input) and, for a chart link, the shape it wraps
  window.__look = el => [el, el.parentElement, el.closest('form'), el.nextElementSibling,
                         el.querySelector('path, polygon, ellipse'), ...(el.labels || [])]
    .filter(Boolean).map(p => {
    const s = getComputedStyle(p);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
            s.borderColor, s.color, s.textDecorationLine].join('|');
  }).join('#');
  window.__looks = new Map();
  window.__showsFocus = el => window.__look(el) !== window.__looks.get(el.dataset.kbd);
  const groups = new Map();
  const wanted = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
  )].filter(el => {
    if (el.disabled || el.getAttribute('tabindex') === '-1' || el.closest('[hidden],[inert]')) return false;
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (s.display === 'none' || s.visibility !== 'visible') return false;
    // inside a closed <details> (content-visibility) counts as hidden, as for the Tab key
    if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true}) && el.type !== 'radio') {
      const label = [...(el.labels || [])].some(l => l.checkVisibility());
      if (!label) return false;
    }
    if (el.type === 'radio') return true;  // judged as a group below
    // a visually hidden input counts when a visible label stands in for it
    const label = [...(el.labels || [])].some(l => l.getBoundingClientRect().width > 0);
    return (r.width > 0 && r.height > 0) || label;
  });
  const ids = [];
  wanted.forEach((el, i) => {
    // a radio group is one stop for the Tab key
    let id = String(i);
    if (el.type === 'radio' && el.name) { id = groups.get(el.name) ?? id; groups.set(el.name, id); }
    el.dataset.kbd = id;
    if (!ids.includes(id)) { ids.push(id); window.__looks.set(id, window.__look(el)); }
  });
  return ids;
}"""

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (el.dataset.kbd === undefined) return {id: null, html: el.outerHTML.slice(0, 100), visible: true};
  return {id: el.dataset.kbd, html: el.outerHTML.slice(0, 100),
          visible: window.__showsFocus(el)};
}"""
# the theme draws some rings from its own focus handlers (the search box): give them time
SHOWS_FOCUS = "() => window.__showsFocus(document.activeElement)"


@pytest.fixture(scope="module")
def page(site: Path) -> Iterator[tuple[Page, str]]:
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        yield context.new_page(), base
        browser.close()


def shows_focus_soon(tab: Page) -> bool:
    try:
        tab.wait_for_function(SHOWS_FOCUS, timeout=3000)
    except PlaywrightTimeout:
        return False
    return True


@pytest.mark.parametrize(
    "path", ["", "afwegingskader/", "afwegingskader-doorlopen/", "routekaart/", "bijlagen/bijlage-3/"]
)
def test_tab_reaches_everything_with_visible_focus(page: tuple[Page, str], path: str) -> None:
    tab, base = page
    tab.goto(base + path)
    # read the focused look at once, not halfway through a transition
    tab.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    expected = tab.evaluate(FOCUSABLE)
    assert len(expected) > 5
    reached: dict[str, str] = {}
    invisible: list[str] = []
    for _ in range(len(expected) + 40):
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUS_STYLE)
        if focus is None or focus["id"] is None or focus["id"] in reached:
            continue
        reached[focus["id"]] = focus["html"]
        if not focus["visible"] and not shows_focus_soon(tab):
            invisible.append(focus["html"])
    missing = [i for i in expected if i not in reached]
    assert not missing, f"niet bereikbaar met Tab: {missing[:5]}"
    assert not invisible, f"focus niet zichtbaar op: {invisible[:5]}"
