"""Safari's engine: the site in WebKitGTK (Debian's webkit2gtk-driver, its MiniBrowser under
Xvfb), driven over WebDriver. About half of the staff's phones are iPhones, where every browser
is WebKit: a change that breaks the helper, the search or the werkbladen there must not land
unseen. WebKitWebDriver gives no console log, so a probe in the page collects script errors
from the moment it is installed. Skipped with a reason where the driver is not installed
(`make setup` installs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hulp_pagina import PAGE
from other_browsers import CAPTURE_DOWNLOADS, PROBE, THREE_ROUTES, Switch, serve_switchable
from sitecheck import one_page_of_each_kind
from sitetext import html_pages

pytestmark = [
    pytest.mark.browser,
    # selenium's own WebKitGTK class still uses an argument it deprecates itself
    pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning"),
]

DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
READY_S = 90  # Pyodide on a slow machine, in an engine without the JIT tiers Chromium has


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    if not (Path(DRIVER).exists() and Path(MINIBROWSER).exists() and shutil.which("Xvfb")):
        pytest.skip("WebKitGTK ontbreekt; 'make setup' installeert webkit2gtk-driver en xvfb")
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"])
    time.sleep(0.5)
    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    service = Service(DRIVER, env={**os.environ, "DISPLAY": display})
    browser = webdriver.WebKitGTK(options=options, service=service)
    browser.set_window_size(390, 844)
    yield browser
    browser.quit()
    xvfb.terminate()
    xvfb.wait(timeout=10)


PROBE_FILE = "__probe.js"


@pytest.fixture(scope="module")
def served(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Switch]]:
    """A copy of the site with a probe as the first script of every page: it collects script
    errors and CSP violations from the start of each load (the driver has no console log to
    read). Served until the offline test, the module's last, takes the server away."""
    copy = tmp_path_factory.mktemp("webkit") / "site"
    shutil.copytree(site, copy)
    (copy / PROBE_FILE).write_text(PROBE, encoding="utf-8")
    for page in html_pages(copy):
        diepte = len(page.relative_to(copy).parts) - 1
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("<head>", f'<head><script src="{"../" * diepte}{PROBE_FILE}"></script>', 1))
        for kopie in (page.with_name(page.name + ".br"), page.with_name(page.name + ".gz")):
            kopie.unlink(missing_ok=True)  # the served page is the one with the probe
    with serve_switchable(copy) as (url, switch):
        yield url, switch


@pytest.fixture(scope="module")
def base(served: tuple[str, Switch]) -> str:
    return served[0]


def test_every_page_loads_without_a_script_error(driver: object, base: str, site: Path) -> None:
    """One page of each kind (sitecheck.page_kind: the same scripts, style sheets and kinds of
    element); every page is walked in Chromium by the gate."""
    fouten = {}
    for page in one_page_of_each_kind(site):
        pad = page.relative_to(site).as_posix().removesuffix("index.html")
        if pad.startswith("redactie/"):
            continue  # the editor: its own tests, in Chromium (it needs a Git host or Chrome's folder access)
        driver.get(base + pad)  # type: ignore[attr-defined]
        gevonden = driver.execute_script("return window.__fouten")  # type: ignore[attr-defined]
        if gevonden != []:  # None: the probe did not run, which would hide every error
            fouten[pad] = gevonden
    assert fouten == {}


def wait(condition: object, seconds: float = READY_S) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("niet op tijd")


def walk(d: object, route: list[tuple[str, str]], heading: str) -> None:
    from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException
    from selenium.webdriver.common.by import By

    def shown(selector: str) -> bool:
        # asked in the page in one go: the page draws questions anew, a handle would go stale
        script = "return [...document.querySelectorAll(arguments[0])].some((e) => e.getClientRects().length > 0)"
        return bool(d.execute_script(script, selector))  # type: ignore[attr-defined]

    def tap(selector: str) -> None:
        # a real click, tried again while the element is being replaced under it
        for _ in range(50):
            try:
                d.find_element(By.CSS_SELECTOR, selector).click()  # type: ignore[attr-defined]
                return
            except (StaleElementReferenceException, ElementNotInteractableException):
                time.sleep(0.1)
        raise AssertionError(f"{selector} niet aan te tikken")

    for knoop, antwoord in route:
        wait(lambda k=knoop, a=antwoord: shown(f"fieldset[data-knoop='{k}']") and shown(f"label[for=antwoord-{a}]"))
        tap(f"label[for=antwoord-{antwoord}]")
        tap("button[data-actie=volgende]")
    kop = (
        "const h = document.getElementById('uitkomst-kop'); return h && h.getClientRects().length ? h.innerText : null"
    )
    wait(lambda: d.execute_script(kop) is not None)  # type: ignore[attr-defined]
    assert d.execute_script(kop) == heading  # type: ignore[attr-defined]


def test_the_helper_walks_three_routes_to_the_engine_s_uitkomst(driver: object, base: str) -> None:
    from selenium.webdriver.common.by import By

    d = driver
    d.get(base + PAGE)  # type: ignore[attr-defined]
    d.execute_script(PROBE)  # type: ignore[attr-defined]
    agent = d.execute_script("return navigator.userAgent")  # type: ignore[attr-defined]
    assert "AppleWebKit" in agent and "Chrome" not in agent, agent  # WebKit itself, not Chromium
    status = lambda: d.find_element(By.CSS_SELECTOR, ".doorlopen-status").text  # type: ignore[attr-defined] # noqa: E731
    wait(lambda: "klaar" in status())
    for i, (route, heading) in enumerate(THREE_ROUTES):
        if i:
            # Opnieuw asks first (its dialog is tested in Chromium); here the answer is yes
            d.execute_script("window.confirm = () => true")  # type: ignore[attr-defined]
            [knop] = [k for k in d.find_elements(By.CSS_SELECTOR, "[data-actie=opnieuw]") if k.is_displayed()]  # type: ignore[attr-defined]
            d.execute_script("arguments[0].scrollIntoView({block: 'center'})", knop)  # type: ignore[attr-defined]
            knop.click()
        walk(d, route, heading)
    assert d.execute_script("return window.__fouten") == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["", "zorgen/"])
def test_home_and_zorgen_fit_a_phone(driver: object, base: str, path: str) -> None:
    d = driver
    d.set_window_size(390, 844)  # type: ignore[attr-defined]
    d.get(base + path)  # type: ignore[attr-defined]
    width = d.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")  # type: ignore[attr-defined]
    assert width[1] <= width[0], width  # nothing sticks out sideways
    assert d.execute_script("return document.querySelector('h1').getBoundingClientRect().right") <= width[0]  # type: ignore[attr-defined]
    assert d.execute_script("return window.__fouten") == []  # type: ignore[attr-defined]


def test_search_finds_veilig_thuis(driver: object, base: str) -> None:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = driver
    d.set_window_size(1280, 900)  # type: ignore[attr-defined]  # the search field in the header
    d.get(base + "contacten/")  # type: ignore[attr-defined]
    d.execute_script(PROBE)  # type: ignore[attr-defined]
    wait(lambda: d.execute_script("return document.documentElement.classList.contains('js')"))  # type: ignore[attr-defined]
    # the theme may still replace the search field while it starts (a stale reference under
    # load): the field is looked up again until the typing reached the one on the page
    for _ in range(50):
        try:
            veld = d.find_element(By.CSS_SELECTOR, ".md-search__input")  # type: ignore[attr-defined]
            veld.click()
            veld.send_keys("veilig thuis")
            veld.send_keys(Keys.END)
            break
        except StaleElementReferenceException:
            time.sleep(0.1)

    def found() -> bool:
        # the list is drawn again while the search runs: WebKit's driver may then meet an item
        # that is gone while it makes its handle
        try:
            return len(d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")) > 0  # type: ignore[attr-defined]
        except StaleElementReferenceException:
            return False

    wait(found, 30)
    assert d.execute_script("return window.__fouten") == []  # type: ignore[attr-defined]
    d.set_window_size(390, 844)  # type: ignore[attr-defined]


def test_a_werkblad_is_saved_and_opened_again(driver: object, base: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    d = driver
    d.get(base + "werkbladen/overlegformulier/")  # type: ignore[attr-defined]
    d.execute_script(CAPTURE_DOWNLOADS)  # type: ignore[attr-defined]
    veld = d.find_element(By.CSS_SELECTOR, "form textarea")  # type: ignore[attr-defined]
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", veld)  # type: ignore[attr-defined]
    veld.click()
    veld.send_keys("Juf zag blauwe plekken")
    assert veld.get_attribute("value") == "Juf zag blauwe plekken"
    # the printed copy (the werkblad's print text beside each field) follows what is typed
    wait(lambda: "Juf zag blauwe plekken" in d.execute_script("return document.body.textContent"), 5)  # type: ignore[attr-defined]
    d.execute_script("document.querySelector('.werkblad-knoppen [data-actie=opslaan]').click()")  # type: ignore[attr-defined]
    wait(lambda: d.execute_script("return window.__bestanden.length"), 10)  # type: ignore[attr-defined]
    naam, tekst = d.execute_script("return window.__bestanden[0]")  # type: ignore[attr-defined]
    bestand = tmp_path / naam
    bestand.write_text(tekst, encoding="utf-8")
    d.refresh()  # type: ignore[attr-defined]
    kiezer = d.find_element(By.CSS_SELECTOR, ".werkblad-bestand")  # type: ignore[attr-defined]
    kiezer.send_keys(str(bestand))
    wait(lambda: "is geopend" in d.find_element(By.CSS_SELECTOR, ".werkblad-status").text, 10)  # type: ignore[attr-defined]
    assert d.find_element(By.CSS_SELECTOR, "form textarea").get_attribute("value") == "Juf zag blauwe plekken"  # type: ignore[attr-defined]
    assert d.execute_script("return window.__fouten") == []  # type: ignore[attr-defined]


def test_offline_after_one_visit_the_helper_still_runs(driver: object, served: tuple[str, Switch]) -> None:
    """The module's last test: the server goes away. The service worker kept the pages and the
    runtime (as the worker fetched it) on the first visit; the helper runs from them."""
    from selenium.webdriver.common.by import By

    d = driver
    base, switch = served
    d.get(base + PAGE)  # type: ignore[attr-defined]
    wait(lambda: "klaar" in d.find_element(By.CSS_SELECTOR, ".doorlopen-status").text)  # type: ignore[attr-defined]
    cached = """return caches.keys().then(async (names) => {
      const name = names.find((n) => n.endsWith("-hulp"));
      return name ? (await (await caches.open(name)).keys()).length : 0; })"""
    wait(lambda: d.execute_script(cached) >= 6, 60)  # type: ignore[attr-defined]
    switch.offline = True
    d.refresh()  # type: ignore[attr-defined]
    assert d.execute_script("return navigator.serviceWorker.controller !== null")  # type: ignore[attr-defined]
    # the probe's own file came after the build, so the service worker does not hold it
    d.execute_script(PROBE)  # type: ignore[attr-defined]
    wait(lambda: "klaar" in d.find_element(By.CSS_SELECTOR, ".doorlopen-status").text)  # type: ignore[attr-defined]
    route, heading = THREE_ROUTES[0]
    walk(d, route, heading)
    assert d.execute_script("return window.__fouten") == []  # type: ignore[attr-defined]
