"""The site's search, typed in Chromium as a user would: what a worried reader looks for
(a phone number, a contact, a protocol word) is the first result; pages about the site
itself, fallback texts and the change log are not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# query → the page its first result must be on (site-relative URL)
FIRST_RESULT = {
    "0800": "contacten/",
    "0800-2000": "contacten/",
    "112": "contacten/",
    "Veilig Thuis": "contacten/",
    "kindertelefoon": "contacten/",
    "meldnorm": "bijlagen/bijlage-2/",
    "overlegformulier": "bijlagen/bijlage-3/",
    "signalen": "bijlagen/bijlage-1/",
    "aandachtsfunctionaris": "rollen-en-termijnen/",
    "termijn": "rollen-en-termijnen/",
    "disclosure": "bijlagen/bijlage-2/",
    "blauwe plekken": "bijlagen/bijlage-1/",
    # a worried teacher's own words lead to "Ik maak me zorgen over een kind"
    "wat moet ik doen": "zorgen/",
    "zorgen": "zorgen/",
    "vermoeden": "zorgen/",
    "wat nu": "zorgen/",
}
# pages that must not answer a protocol word at all: the change log, and system texts
NEVER = ("over/wijzigingen/", "over/werkinstructie-bijwerken/")


@pytest.fixture(scope="module")
def search(browser: Browser, base: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base, wait_until="networkidle")
    yield page
    context.close()


def results(page: Page, base: str, query: str) -> list[tuple[str, str]]:
    """(page URL, text) of every result, best first, after typing `query`."""
    box = page.locator(".md-search__input")
    # the whole query at once, then one key press: the theme searches on key events, and
    # typing letter by letter would show results of a shorter query in between
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list').children.length")
    box.fill(query)
    box.press("End")
    page.wait_for_function("() => document.querySelector('.md-search-result__list').children.length > 0")
    links = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "els => els.map(e => [e.href, e.textContent.trim()])",
    )
    return [(href.removeprefix(base).split("?")[0].split("#")[0], text) for href, text in links]


@pytest.mark.parametrize("query", list(FIRST_RESULT))
def test_first_result(search: Page, base: str, query: str) -> None:
    found = results(search, base, query)
    assert found, f"geen resultaat voor {query!r}"
    assert found[0][0] == FIRST_RESULT[query], f"{query!r}: eerste resultaat {found[0]}"
    assert not [url for url, _ in found if url in NEVER], f"{query!r}: {found}"


def test_helper_fallback_text_is_not_a_result(search: Page, base: str) -> None:
    """The helper's 'cannot start' message names Veilig Thuis' number; it is no answer to it."""
    found = results(search, base, "0800")
    assert all("niet starten" not in text for _, text in found), found
