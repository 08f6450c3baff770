"""Quality gates over every page of a built site: `make check-site`.

Each gate is a real, independent tool run over every HTML page the build made:
- accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA) in headless Chromium: every page light
  at 1280 px and dark at 390 px, one page of each kind (`one_of_each_kind`) also dark at 1280 and
  light at 390 (a page's own text and colours are the same at both widths);
- valid HTML: the Nu Html Checker (vnu.jar on the machine's Java);
- links: every internal link and anchor resolves; external links are listed, not fetched;
- privacy: no request off the origin, no cookie, no storage; no external host in the files
  except plain <a href> links to sites the protocol names;
- the Content-Security-Policy: no violation while a page loads and runs, in each of its views
  (axe is handed to the page by the browser's debugging protocol, which the policy does not
  govern, so the page runs under its own policy unchanged);
- a phone: at 390 px nothing wider than the screen, every table readable without sideways
  scrolling and labelled for its stacked layout, the emergency number in reach with a target
  large enough to tap;
- page weight: bytes per page on a cold cache, uncompressed and gzipped.

One walk over every page does all of the browser's part; pytest runs it for each builder's site
(tests/browser/test_gate.py), `make check-site` from the command line. Over the second builder's
site the browser may walk one page of each kind (`walk="kinds"`): pages loading the same scripts,
style sheets and images, with the same kinds of element in their article, are alike for a
browser, and their text is the first builder's (tests/builds/test_parity.py).

Writes a readable report to site-report/ and prints a table. Exit 1 when a gate fails.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import json
import posixpath
import re
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import Browser, Page, Request, sync_playwright
from sitetext import html_pages, read_page

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_SOURCE = AXE.read_text(encoding="utf-8") if AXE.exists() else ""
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# wcag22aa adds target-size (2.5.8): the spoedbalk's buttons and every other target
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# every page is checked as on a desktop and as on a phone: a table or chart that scrolls
# sideways, or a target too small to tap, shows only at phone width
VIEWPORTS = {"1280 px": {"width": 1280, "height": 900}, "390 px": {"width": 390, "height": 844}}
ORDINARY_PAGE_LIMIT = 500_000  # bytes, uncompressed
# A page that shows a chart holds it twice: the desktop layout and the one drawn for a
# phone (about 12 kB for the routekaart, 27 kB for the afwegingskader); one of them is
# hidden by the style sheet. Those pages may weigh that much more, and no more.
CHART_PAGE_LIMIT = 560_000
# The theme's own script and style sheets are the builder's, the same on every page. The
# budgets above hold with mkdocs-material's (264 kB); Zensical's weigh 338 kB (its script
# bundle is 63 kB larger). A page is measured with the theme counted at up to THEME_ALLOWANCE,
# and the theme itself may not grow past THEME_LIMIT: so a heavier builder shows as one
# finding about the theme, not as every page of our own being too heavy.
THEME_ALLOWANCE = 270_000
THEME_LIMIT = 345_000
THEME_FILE = re.compile(r"/assets/(javascripts/bundle\.|stylesheets/(?:modern/|classic/)?(?:main|palette)\.)")
# Pages that are not ordinary reading pages and may be heavier, with the reason.
HEAVY_PAGES = {
    "afdrukken/": "de afdrukversie: het hele protocol met beide kaarten op één pagina, de bron van de PDF",
    # about 2.2 MB of script: the CMS with its interface and fonts, for one user at a desk,
    # never for staff on a phone; it is not cached for offline use either
    "redactie/": "de redactie (de editor van de aandachtsfunctionaris), niet voor het team",
}
# The one page that keeps something in the browser (the CMS's sign-in and drafts), as the
# privacy page says: its storage is not a finding. Requests off the site still are.
STORING_PAGES = {"redactie/"}
# A page that draws its content after the load event: what shows it is there (the CMS's
# sign-in screen), to wait for before axe reads the page.
DRAWN_LATE = {"redactie/": "#nc-root button"}
# The CMS bundle names the services it can work with (Git hosts, image libraries, its own
# documentation); the editor's CSP allows no request to any of them, and the browser test
# (tests/browser/test_redactie_browser.py) records that none is made.
DORMANT_SCRIPT_DIRS = ("assets/redactie/",)

# Nu checker warnings we accept, each with the reason (shown in the report as well).
DATA_BLOCK = "Inline script violates Content Security Policy (meta tag)"
ACCEPTED_WARNINGS = {
    DATA_BLOCK: (
        'alleen voor het gegevensblok van het thema (<script type="application/json">): de browser voert '
        "het niet uit, dus de CSP geldt er niet voor; een ander inline script is er niet "
        "(tests/unit/test_csp.py) en de poort ziet in de browser op elke pagina geen enkele overtreding"
    ),
    "Resource violates Content Security Policy (meta tag)": (
        "vnu leest de bestanden van schijf, zonder herkomst; daar past 'self' op niets. In de browser "
        "laadt alles (de browsertest ziet geen CSP-fout)."
    ),
}

# Hosts that occur in the theme's and search's JavaScript without ever being requested:
# licence comments, namespaces, and loaders for features this site does not switch on.
DORMANT_SCRIPT_HOSTS = {
    "www.w3.org": "XML-namespaces (SVG), geen verzoek",
    "cdn.jsdelivr.net": (
        "standaardlocatie van Pyodide; de site geeft altijd haar eigen indexURL en lockFileURL mee, "
        "en de Content-Security-Policy zou het verzoek weigeren"
    ),
    "unpkg.com": "laadt Mermaid alleen voor een Mermaid-diagram; de site heeft er geen",
    "api.github.com": "haalt repository-gegevens alleen met repo_url; niet ingesteld",
    "github.com": "licentie- en bronvermeldingen in commentaar",
    "fontawesome.com": "licentievermelding van iconen",
    "clipboardjs.com": "licentievermelding",
    "bit.ly": "link in een foutmelding van een bibliotheek",
    "www.mozilla.org": "licentievermelding (MPL) in commentaar",
    "people.mozilla.org": "commentaar in lunr",
    "developer.mozilla.org": "commentaar",
    "snowball.tartarus.org": "licentievermelding van de Nederlandse stemmer",
    "tartarus.org": "licentievermelding van de Nederlandse stemmer",
    "code.google.com": "commentaar in lunr",
    "en.wikipedia.org": "commentaar in lunr",
    "wiki.ecmascript.org": "commentaar",
    "wiki.commonjs.org": "commentaar",
    "underscorejs.org": "licentievermelding",
    "narwhaljs.org": "commentaar",
    "msdn.microsoft.com": "commentaar",
    "lunrjs.com": "licentievermelding",
    "docs.python.org": "commentaar",
    "chasen.org": "commentaar",
}

URL_IN_TEXT = re.compile(r"https?://([a-zA-Z0-9.-]+\.[a-zA-Z]{2,})")
# what a stylesheet can load: url(...) and @import (data: URIs with SVG namespaces load nothing)
CSS_LOAD = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"]?)(?:https?:)?//([a-zA-Z0-9.-]+)")


@dataclass
class PageReport:
    page: str
    axe: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    privacy: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    phone: list[str] = field(default_factory=list)
    requests: int = 0
    bytes: int = 0
    theme: int = 0  # of which the theme's own script and style sheets
    gzip: int = 0
    pyodide: bool = False
    charts: bool = False  # shows a chart in both layouts (CHART_PAGE_LIMIT)
    like: str = ""  # not walked in the browser: the page of its kind that was (`one_of_each_kind`)

    def findings(self) -> list[tuple[str, str]]:
        """Every finding as (gate, text), in the order of the report."""
        kinds = (
            ("axe", self.axe),
            ("html", self.html),
            ("link", self.links),
            ("privacy", self.privacy),
            ("console", self.console),
            ("csp", self.csp),
            ("telefoon", self.phone),
        )
        return [(kind, item) for kind, items in kinds for item in items]

    @property
    def limit(self) -> int | None:
        """The page-weight budget of this page; None: no budget (Pyodide, print version)."""
        if self.pyodide or self.page in HEAVY_PAGES:
            return None
        return CHART_PAGE_LIMIT if self.charts else ORDINARY_PAGE_LIMIT

    @property
    def weighed(self) -> int:
        """The bytes held against the budget: the theme counted at most at THEME_ALLOWANCE."""
        return self.bytes - max(0, self.theme - THEME_ALLOWANCE)

    def weight_findings(self) -> list[str]:
        found = []
        if self.limit is not None and self.weighed >= self.limit:
            found.append(f"{kb(self.weighed)} is meer dan {kb(self.limit)}")
        if self.theme > THEME_LIMIT:
            found.append(f"het thema alleen weegt {kb(self.theme)}, meer dan {kb(THEME_LIMIT)}")
        return found

    @property
    def problems(self) -> int:
        weight = self.weight_findings()
        return len(self.findings()) + len(weight)


def page_url(site: Path, path: Path) -> str:
    """Site-relative URL of a built page: meldcode/stap-1/index.html → meldcode/stap-1/."""
    return path.relative_to(site).as_posix().removesuffix("index.html")


# --- links ------------------------------------------------------------------------


def check_links(site: Path, pages: list[Path]) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Broken internal links per page, and every external link with the pages that use it."""
    parsed = {p.resolve(): read_page(p) for p in pages}
    broken: dict[str, list[str]] = defaultdict(list)
    external: dict[str, set[str]] = defaultdict(set)
    for path, page in parsed.items():
        name = page_url(site.resolve(), path)
        for attr, url in page.links:
            parts = urlsplit(url)
            if attr == "link.canonical":  # the page's own address: check_files
                continue
            if parts.scheme in ("http", "https"):
                external[url].add(name)
                continue
            if parts.scheme in ("tel", "mailto", "data", "blob", "javascript"):
                if parts.scheme == "javascript":
                    broken[name].append(f"{attr}={url}: javascript-link")
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken[name].append(f"{attr}={url}: bestand ontbreekt")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else read_page(target).ids
                if unquote(parts.fragment) not in ids:
                    broken[name].append(f"{attr}={url}: anker ontbreekt")
    return broken, external


# --- files: no external host except plain links ----------------------------------------


def check_files(site: Path, allowed_link_hosts: set[str]) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = defaultdict(list)
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            for attr, url in read_page(path).links:
                host = urlsplit(url).hostname
                if attr == "link.canonical":
                    # a page's public address (site_url): its own path there, never loaded
                    own = "/" + name.removesuffix("index.html")
                    if not urlsplit(url).path.endswith(own):
                        problems[name].append(f"canonical {url} is niet het adres van deze pagina ({own})")
                    continue
                if urlsplit(url).scheme not in ("http", "https") or host is None:
                    continue
                if attr != "a.href":
                    problems[name].append(f"{attr} laadt {url} van een andere site")
                elif host not in allowed_link_hosts:
                    problems[name].append(f"link naar {host} staat niet in het protocol")
        elif path.suffix == ".css":
            for host in sorted(set(CSS_LOAD.findall(path.read_text(encoding="utf-8", errors="replace")))):
                problems[name].append(f"stijlblad laadt iets van {host}")
        elif path.suffix in (".js", ".mjs", ".json") and not name.startswith(DORMANT_SCRIPT_DIRS):
            text = path.read_text(encoding="utf-8", errors="replace")
            for host in sorted(set(URL_IN_TEXT.findall(text))):
                if host not in DORMANT_SCRIPT_HOSTS and host not in allowed_link_hosts:
                    problems[name].append(f"script verwijst naar {host}")
    return problems


# --- Nu Html Checker ----------------------------------------------------------------


def _is_data_block(url: str, line: int | None) -> bool:
    """Whether the script vnu names (its start tag ends on `line`) is a JSON data block."""
    if not url or not line:
        return False
    lines = Path(url.removeprefix("file:")).read_text(encoding="utf-8").splitlines()
    return any('type="application/json"' in text for text in lines[max(0, line - 3) : line])


def check_html(site: Path, pages: list[Path]) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Errors and unaccepted warnings per page; counts of accepted warnings."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not result.stderr.strip().startswith("{"):
        raise RuntimeError(f"Nu Html Checker kon niet draaien: {result.stderr[:500]}")
    problems: dict[str, list[str]] = defaultdict(list)
    accepted: dict[str, int] = defaultdict(int)
    for message in json.loads(result.stderr)["messages"]:
        url = message.get("url", "")
        name = page_url(site.resolve(), Path(url.removeprefix("file:")).resolve()) if url else "?"
        text = f"regel {message.get('lastLine', '?')}: {message['message']}"
        if message["type"] == "info" and message.get("subType") == "warning":
            known = next((k for k in ACCEPTED_WARNINGS if message["message"].startswith(k)), None)
            if known == DATA_BLOCK and not _is_data_block(url, message.get("lastLine")):
                known = None  # an inline script that would run: a real finding
            if known:
                accepted[known] += 1
                continue
            problems[name].append(f"waarschuwing, {text}")
        elif message["type"] in ("error", "non-document-error"):
            problems[name].append(text)
    return problems, accepted


# --- browser: axe, CSP, phone fit, privacy, weight ----------------------------------------

# the WCAG rules, and a dialog's name (a best practice, which Lighthouse reports too)
AXE_RUN = """async (tags) => {
  const rules = {'aria-dialog-name': {enabled: true}};
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules});
  return r.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')})`);
}"""
# a fade or view transition under way when axe reads the colours gives a contrast it never has
# at rest (the CMS's sign-in screen fades in): let every one that ends, end first
SETTLE = """async () => {
  const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.race([Promise.all(ending.map((a) => a.finished.catch(() => null))),
                      new Promise((done) => setTimeout(done, 5000))]);
}"""


def axe_at_rest(page: Page, tags: list[str] = AXE_TAGS) -> list[str]:
    """axe's findings once every fade or transition under way has ended (SETTLE); axe must be on
    the page already (AXE_SOURCE, or add_script_tag(path=AXE))."""
    page.evaluate(SETTLE)
    return list(page.evaluate(AXE_RUN, tags))


STORAGE = """async () => {
  const dbs = indexedDB.databases ? await indexedDB.databases() : [];
  return {localStorage: localStorage.length, sessionStorage: sessionStorage.length,
          indexedDB: dbs.length, cookie: document.cookie.length};
}"""
# every violation of the page's policy, from before its first script
CSP_LISTEN = """window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""
PHONE = VIEWPORTS["390 px"]
MIN_TARGET = 44  # CSS px, WCAG 2.5.5
MIN_TABLE_TEXT = 16  # CSS px
LAYOUT = """() => {
  const width = document.documentElement.clientWidth;
  const wide = (el) => Math.round(el.getBoundingClientRect().right) > width || el.scrollWidth > el.clientWidth + 1;
  const tables = [...document.querySelectorAll('.md-content table')].filter((t) => t.getBoundingClientRect().width);
  const fonts = tables.flatMap((t) => [...t.querySelectorAll('td')])
    .map((td) => parseFloat(getComputedStyle(td).fontSize));
  return {
    overflow: document.documentElement.scrollWidth - width,
    wideTables: tables.filter((t) => wide(t) || wide(t.parentElement)).map((t) => t.outerHTML.slice(0, 80)),
    // a cell whose column has a header must carry it, to be shown beside it when stacked
    unlabelled: tables.filter((t) => !t.classList.length).flatMap((t) => {
      const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      return [...t.querySelectorAll('tbody tr')].flatMap((tr) => [...tr.children]
        .filter((td, i) => heads[i] && td.textContent.trim() && td.dataset.label !== heads[i]));
    }).length,
    smallestTableText: fonts.length ? Math.min(...fonts) : null,
  };
}"""
# the emergency number's links in view at the foot of the screen, as [width, height]
SPOED_IN_VIEW = """(href) => {
  window.scrollTo(0, document.documentElement.scrollHeight);
  return [...document.querySelectorAll(`a[href="${href}"]`)].map((a) => a.getBoundingClientRect())
    .filter((r) => r.width && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth)
    .map((r) => [r.width, r.height]);
}"""


def phone_findings(layout: dict, targets: list[list[float]], spoed: str) -> list[str]:
    """What a 390-px screen shows wrong: LAYOUT's and SPOED_IN_VIEW's results in words."""
    found = []
    if layout["overflow"] > 0:
        found.append(f"{layout['overflow']} px breder dan het scherm")
    found += [f"tabel breder dan het scherm: {t}" for t in layout["wideTables"]]
    if layout["unlabelled"]:
        found.append(f"{layout['unlabelled']} tabelcellen zonder kolomnaam (data-label) voor het smalle scherm")
    if layout["smallestTableText"] is not None and layout["smallestTableText"] < MIN_TABLE_TEXT:
        found.append(f"tabeltekst {layout['smallestTableText']} px, kleiner dan {MIN_TABLE_TEXT} px")
    if not any(w >= MIN_TARGET and h >= MIN_TARGET for w, h in targets):
        found.append(f"geen {spoed}-knop van {MIN_TARGET} px in beeld onderaan: {targets}")
    return found


# elements that give a page a behaviour or a layout of its own in the browser
KIND_TAGS = {"table", "svg", "form", "input", "textarea", "select", "button", "details", "img", "video", "iframe"}
FETCHED = {
    "script.src",
    "link.href",
    "img.src",
    "img.srcset",
    "source.srcset",
    "video.src",
    "iframe.src",
    "object.data",
}


def page_kind(site: Path, path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """What makes two pages alike in a browser: what they fetch (scripts, style sheets, images,
    by their place in the site; not links to pages) and the kinds of element in their article."""
    page = read_page(path)
    here = path.parent.relative_to(site).as_posix()
    fetched = frozenset(
        posixpath.normpath(posixpath.join(here, urlsplit(url).path))
        for attr, url in page.links
        if attr in FETCHED and not urlsplit(url).path.endswith(("/", ".html"))
    )
    return fetched, frozenset(page.tags & KIND_TAGS)


def one_of_each_kind(site: Path, pages: list[Path]) -> dict[Path, Path]:
    """For each page the page of its kind the browser walks: the first of that kind."""
    first: dict[tuple[frozenset[str], frozenset[str]], Path] = {}
    return {p: first.setdefault(page_kind(site, p), p) for p in pages}


def one_page_of_each_kind(site: Path) -> list[Path]:
    """The pages a walk over the site's kinds loads: the first of each kind."""
    return sorted(set(one_of_each_kind(site, html_pages(site)).values()))


def like_walked(report: PageReport, walked: PageReport, own: tuple[int, int], walked_html: tuple[int, int]) -> None:
    """A page not walked is weighed as the page of its kind that was: the same requests, with its
    own document instead of that page's (the browser's findings stay on the page walked).
    `own` and `walked_html` are each document's (bytes, gzipped)."""
    report.like = walked.page
    report.requests, report.theme, report.pyodide, report.charts = (
        walked.requests,
        walked.theme,
        walked.pyodide,
        walked.charts,
    )
    report.bytes = walked.bytes - walked_html[0] + own[0]
    report.gzip = walked.gzip - walked_html[1] + own[1]


# each (width, scheme) a page is looked at in: every page light at 1280 px and dark at 390 px, so
# its own text and colours are seen in both schemes and at both widths; one page of each kind in
# all four, for what the theme does only in dark at 1280 or in light at 390
VIEWS = [("1280 px", "light"), ("1280 px", "dark"), ("390 px", "light"), ("390 px", "dark")]
TWO_VIEWS = [VIEWS[0], VIEWS[3]]


def sizes(data: bytes) -> tuple[int, int]:
    """What a response weighs: its bytes as sent and gzipped."""
    return len(data), len(gzip.compress(data, 6))


@functools.cache
def served_size(path: Path) -> tuple[int, int]:
    """A file of the site as served (the theme's files are on every page: packed once)."""
    return sizes(path.read_bytes())


def check_in_browser(
    browser: Browser, site: Path, base: str, url: str, spoed: str, views: list[tuple[str, str]] = VIEWS
) -> PageReport:
    """One page on a cold cache: requests, bytes, storage, console; then in each of `views`
    (width, scheme): axe and the page's own CSP; at 390 px, dark, the phone layout and the
    emergency number (`spoed`, the tel: link of Veilig Thuis)."""
    report = PageReport(url)
    # the service worker would add its precache to the page's bytes: tested on its own
    # (tests/browser/test_offline.py)
    context = browser.new_context(color_scheme="light", viewport=VIEWPORTS["1280 px"], service_workers="block")
    context.add_init_script(CSP_LISTEN)
    weights: list[tuple[int, int]] = []  # (bytes, gzipped) of each response
    theme: list[int] = []
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    origin = base.rstrip("/")

    def on_finished(request: Request) -> None:
        # only what came in whole (a download the page broke off for its .br copy does not count);
        # a file of the site is measured on disk (the test server sends it as it is), anything
        # else (a blob, an error page) by the body the browser got
        response = request.response()
        if response is None:
            return
        path = unquote(urlsplit(response.url).path)
        file = site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        if response.url.startswith(origin + "/") and response.status == 200 and file.is_file():
            size = served_size(file)
        else:
            try:
                body = response.body()
            except Exception:  # a redirect or aborted request has no body
                body = b""
            size = sizes(body)
        weights.append(size)
        if THEME_FILE.search(response.url):
            theme.append(size[0])

    context.on("requestfinished", on_finished)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and report.console.append(m.text))
    page.on("pageerror", lambda e: report.console.append(str(e)))
    page.goto(base + url, wait_until="networkidle")
    report.requests = len(requested)
    report.bytes = sum(size for size, _ in weights)
    report.theme = sum(theme)
    report.gzip = sum(packed for _, packed in weights)
    report.pyodide = any("pyodide" in u for u in requested)
    report.charts = page.locator("svg.kaart--smal").count() > 0
    report.privacy += [
        f"verzoek buiten de site: {u}"
        for u in requested
        if not u.startswith(origin + "/") and urlsplit(u).scheme not in ("data", "blob")
    ]
    storage = page.evaluate(STORAGE)
    if url not in STORING_PAGES:
        report.privacy += [f"{k} in gebruik ({v})" for k, v in storage.items() if v]
    report.privacy += [f"cookie gezet: {c['name']}" for c in context.cookies()]
    for width, scheme in views:
        page.set_viewport_size(VIEWPORTS[width])
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        # the first load is at 1280 px, light; for each other, load the page again (the bytes
        # were counted after the first load; axe needs the page, not an idle network)
        if (width, scheme) != VIEWS[0]:
            page.reload(wait_until="load")
        naam = f"{width}, {'licht' if scheme == 'light' else 'donker'}"
        report.csp += [f"{naam}: {v}" for v in page.evaluate("window.__csp")]
        if url in DRAWN_LATE:
            page.wait_for_selector(DRAWN_LATE[url], timeout=30_000)
        page.evaluate(AXE_SOURCE)
        report.axe += [f"{naam}: {v}" for v in axe_at_rest(page)]
        # last, after axe: the spoedbalk check scrolls to the foot, and a page loaded again
        # keeps its scroll position (the header's title would then be fading in for axe)
        if VIEWPORTS[width] == PHONE and scheme == "dark":
            layout = page.evaluate(LAYOUT)
            report.phone += phone_findings(layout, page.evaluate(SPOED_IN_VIEW, spoed), spoed)
    report.csp += [f"na het laden: {v}" for v in page.evaluate("window.__csp")]
    context.close()
    return report


# --- all together ---------------------------------------------------------------------


def protocol_link_hosts() -> set[str]:
    """Hosts the protocol itself names: the only ones a plain link may point to."""
    from generator.checks.external_links import collect
    from generator.checks.run import load_and_check

    # every address in the source, as `meldcode check --links` finds them (a field added
    # later, such as the evaluatie rules' bron, is never missed)
    p = load_and_check(ROOT / "protocol")[0].protocol
    return {urlsplit(a.url).hostname or "" for a in collect(p)}


def spoed_href() -> str:
    """The tel: link of Veilig Thuis, which every page keeps in reach (the spoedbalk)."""
    from generator.checks.run import load_and_check
    from generator.source.telefoon import tel_href

    p = load_and_check(ROOT / "protocol")[0].protocol
    return tel_href(next(c.telefoon for c in p.contacten.contacten if c.id == "veilig-thuis") or "")


def _check_pages(
    site: Path, base: str, pages: list[tuple[str, list[tuple[str, str]]]], spoed: str
) -> dict[str, PageReport]:
    """Some pages, each in its views, in a browser of their own (one Playwright per thread)."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        checked = {name: check_in_browser(browser, site, base, name, spoed, views) for name, views in pages}
        browser.close()
    return checked


def check_site(
    site: Path, pages: list[Path] | None = None, browsers: int = 2, walk: str = "every"
) -> tuple[list[PageReport], dict, dict[str, int]]:
    """Every gate over `pages` (all of the site's by default), the browser's part in
    `browsers` browsers side by side, over every page or (`walk="kinds"`) one of each kind."""
    pages = pages if pages is not None else html_pages(site)
    reports = {page_url(site, p): PageReport(page_url(site, p)) for p in pages}
    stand_in = one_of_each_kind(site, pages)
    # walk="every": every page in two views, one of each kind in all four (what differs by width
    # in a page's own content, a chart or a table, is then seen in both schemes at each width);
    # "kinds": one of each kind in two views, for a second builder of the same pages (the cross
    # views of each kind's content are walked on the first builder's site)
    walked = [
        (page_url(site, p), VIEWS if stand_in[p] == p and walk == "every" else TWO_VIEWS)
        for p in pages
        if walk == "every" or stand_in[p] == p
    ]
    broken, external = check_links(site, pages)
    html_problems, accepted = check_html(site, pages)
    file_problems = check_files(site, protocol_link_hosts())
    # from the command line two browsers side by side: a page's check mostly waits (loads,
    # reloads), so two halves of the site take little more than one half on these two cores;
    # under pytest one, beside the other tests
    spoed = spoed_href()
    with serve(site) as base, ThreadPoolExecutor(max_workers=browsers) as pool:
        for checked in pool.map(
            lambda deel: _check_pages(site, base, deel, spoed), [walked[i::browsers] for i in range(browsers)]
        ):
            reports.update(checked)
    for p, kind in stand_in.items():
        if walk == "kinds" and kind != p:
            own, theirs = reports[page_url(site, p)], reports[page_url(site, kind)]
            like_walked(own, theirs, served_size(p), served_size(kind))
    for name, report in reports.items():
        report.links = broken.get(name, [])
        report.html = html_problems.get(name, [])
        report.privacy += file_problems.pop(f"{name}index.html", [])
    # problems in non-page files (scripts, styles) are reported on a line of their own
    extra = [PageReport(name, privacy=problems) for name, problems in sorted(file_problems.items())]
    return [*reports.values(), *extra], external, dict(accepted)


def kb(n: int) -> str:
    return f"{n / 1000:,.0f} kB".replace(",", ".")


def walked_as(report: PageReport) -> str:
    """Said of a page the browser did not walk itself."""
    return f" (in de browser: als {report.like or '/'})" if report.like else ""


def table(reports: list[PageReport]) -> str:
    head = (
        f"{'pagina':44} {'axe':>4} {'html':>4} {'links':>5} {'privacy':>7} {'csp':>4} {'telefoon':>8} "
        f"{'ongecomprimeerd':>15} {'gzip':>8}  pyodide"
    )
    rows = [head, "-" * len(head)]
    for r in reports:
        rows.append(
            f"{r.page or '/':44} {len(r.axe):>4} {len(r.html):>4} {len(r.links):>5} "
            f"{len(r.privacy) + len(r.console):>7} {len(r.csp):>4} {len(r.phone):>8} "
            f"{kb(r.bytes):>15} {kb(r.gzip):>8}  {'ja' if r.pyodide else 'nee'}{walked_as(r)}"
        )
    return "\n".join(rows)


def write_report(out: Path, reports: list[PageReport], external: dict, accepted: dict[str, int]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data = {
        "pages": [asdict(r) | {"problems": r.problems} for r in reports],
        "external_links": {u: sorted(p) for u, p in sorted(external.items())},
        "accepted_warnings": {k: {"count": v, "reason": ACCEPTED_WARNINGS[k]} for k, v in accepted.items()},
    }
    (out / "report.json").write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    rows = []
    for r in reports:
        details = "".join(
            f"<li><strong>{html.escape(kind)}</strong>: {html.escape(item)}</li>" for kind, item in r.findings()
        )
        rows.append(
            f"<tr class='{'fout' if r.problems else 'goed'}'><td>{html.escape(r.page or '/')}</td>"
            f"<td>{len(r.axe)}</td><td>{len(r.html)}</td><td>{len(r.links)}</td>"
            f"<td>{len(r.privacy) + len(r.console)}</td><td>{len(r.csp)}</td><td>{len(r.phone)}</td>"
            f"<td>{r.requests}</td><td>{kb(r.bytes)}</td>"
            f"<td>{kb(r.gzip)}</td><td>{'ja' if r.pyodide else 'nee'}</td>"
            f"<td>{'<ul>' + details + '</ul>' if details else 'in orde'}{html.escape(walked_as(r))}</td></tr>"
        )
    links = "".join(
        f"<li><a href='{html.escape(u)}'>{html.escape(u)}</a> ({len(p)} pagina's)</li>"
        for u, p in sorted(external.items())
    )
    warnings = "".join(
        f"<li>{v}× “{html.escape(k)}”: {html.escape(ACCEPTED_WARNINGS[k])}</li>" for k, v in accepted.items()
    )
    page = f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Kwaliteitsrapport</title>
<style>body{{font-family:sans-serif;margin:2rem}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;
padding:.3rem .5rem;vertical-align:top;text-align:left}}tr.fout td:first-child{{color:#a00;font-weight:bold}}</style>
</head><body><h1>Kwaliteitsrapport van de site</h1>
<p>{len(reports)} pagina's en bestanden gecontroleerd. Poorten: toegankelijkheid (axe-core, WCAG 2.2 A en AA,
elke pagina licht op 1280 en donker op 390 pixels breed, één pagina van elke soort ook donker op 1280 en licht
op 390), geldige HTML (Nu Html Checker), links en ankers, privacy
(verzoeken, cookies, opslag, externe adressen), de Content-Security-Policy van elke pagina (in dezelfde
weergaven), een telefoon van 390 pixels (niets breder dan het scherm, tabellen leesbaar, het spoednummer
in bereik), paginagewicht (koude cache).</p>
<table><thead><tr><th>pagina</th><th>axe</th><th>html</th><th>links</th><th>privacy</th><th>csp</th><th>telefoon</th><th>verzoeken</th>
<th>bytes</th><th>gzip</th><th>pyodide</th><th>bevindingen</th></tr></thead><tbody>{"".join(rows)}</tbody></table>
<h2>Geaccepteerde waarschuwingen</h2><ul>{warnings or "<li>geen</li>"}</ul>
<h2>Externe links (niet opgevraagd)</h2><ul>{links}</ul></body></html>"""
    (out / "index.html").write_text(page, encoding="utf-8")


def findings_text(reports: list[PageReport]) -> str:
    """Every finding, page by page, as the gate prints it."""
    lines = []
    for r in reports:
        if r.problems:
            lines.append(f"{r.page or '/'}:")
            lines += [f"  [{kind}] {item}" for kind, item in r.findings()]
            lines += [f"  [gewicht] {finding}" for finding in r.weight_findings()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kwaliteitspoorten over elke pagina van de gebouwde site.")
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--report", default=str(ROOT / "site-report"))
    args = parser.parse_args(argv)
    site = Path(args.site)
    reports, external, accepted = check_site(site)
    write_report(Path(args.report), reports, external, accepted)
    print(table(reports))
    failing = [r for r in reports if r.problems]
    pages = sum(1 for r in reports if not r.page.endswith((".js", ".css", ".json")))
    print(f"\n{pages} pagina's gecontroleerd, {len(external)} externe links (niet opgevraagd); rapport: {args.report}")
    if failing:
        print("\n" + findings_text(failing))
    if failing:
        print(f"\n{len(failing)} pagina('s) met bevindingen: de poorten zijn niet gehaald.")
        return 1
    print("Alle poorten gehaald: 0 bevindingen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
