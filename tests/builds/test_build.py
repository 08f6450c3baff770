"""The whole build: strict mkdocs, every link resolves, one source, nothing half-built."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser import serve_in_sub_path
from conftest import BUILDERS, ROOT, build_site
from playwright.sync_api import Browser
from sitecheck import AXE_SOURCE, STORAGE, axe_at_rest, check_files, protocol_link_hosts
from sitetext import html_pages, read_page

from generator.checks.run import load_and_check
from generator.pages.render import PAGES
from generator.pages.woorden import FOUTPAGINA

pytestmark = pytest.mark.build

# the school's repository: everything the build reads that is not the generator's Python
PROJECT_FILES = ["mkdocs.yml", "docs", "site_overrides", "protocol", "CHANGELOG.md", "flowcharts", "generator/engine"]


def project_copy(tmp_path: Path) -> Path:
    """A copy of everything the build reads, to change without touching the real one."""
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        else:
            shutil.copy2(src, project / name)
    # the generated projects of the real build, if any: their helper runtime is reused when
    # its source is the same (generate checks that), which saves half a minute per build
    if (ROOT / ".bouw").is_dir():
        shutil.copytree(ROOT / ".bouw", project / ".bouw", ignore=shutil.ignore_patterns("site"))
    return project


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_every_generated_page_is_built(site: Path) -> None:
    for src in PAGES:
        stem = src.removesuffix(".md")
        built = site / (
            "index.html" if stem == "index" else f"{stem.removesuffix('index')}/index.html".replace("//", "/")
        )
        assert built.exists(), f"{src} is not in the site"


def resolve(page: Path, site: Path, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    pages = {p.resolve(): read_page(p) for p in html_pages(site)}
    broken: list[str] = []
    external: set[str] = set()
    for path, page in pages.items():
        for attr, url in page.links:
            scheme = urlsplit(url).scheme
            if scheme in ("http", "https"):
                external.add(url)
                continue
            if scheme in ("tel", "mailto", "data"):
                continue
            target, fragment = resolve(path, site, url)
            if not target.exists():
                broken.append(f"{path.relative_to(site.resolve())}: {attr}={url} (bestand ontbreekt)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{path.relative_to(site.resolve())}: {attr}={url} (anker ontbreekt)")
    assert not broken, "\n".join(broken)
    assert any("augeo.nl" in u for u in external)


def test_anchor_ids_are_stable(site: Path) -> None:
    kader = read_page(site / "afwegingskader" / "index.html").ids
    expected = {f"vraag-{n}" for n in range(1, 6)} | {"beslissing-1", "beslissing-2", "beslistabel"}
    assert expected <= kader
    for n in range(1, 7):
        assert f"stap-{n}" in read_page(site / "meldcode" / f"stap-{n}" / "index.html").ids
    for n in range(1, 5):
        assert f"bijlage-{n}" in read_page(site / "bijlagen" / f"bijlage-{n}" / "index.html").ids


def test_no_external_resources_only_plain_links(site: Path) -> None:
    """Only <a href> may point off the site; scripts, styles, images, fonts may not."""
    offenders = []
    for path in html_pages(site):
        for attr, url in read_page(path).links:
            if urlsplit(url).scheme in ("http", "https") and attr != "a.href":
                offenders.append(f"{path.relative_to(site)}: {attr}={url}")
    assert not offenders, "\n".join(offenders)
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


def test_spoedbalk_on_every_page(site: Path) -> None:
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        assert 'class="spoedbalk"' in text and 'href="tel:08002000"' in text and 'href="tel:112"' in text, path


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_error_page_speaks_dutch_and_shows_the_way_on(
    builder: str, request: pytest.FixtureRequest, protocol_titel: str
) -> None:
    """404.html, which a server shows at an unknown address: the theme's English heading replaced,
    the first minutes and the start page one tap away, the emergency numbers as on every page."""
    site: Path = request.getfixturevalue("site" if builder == "mkdocs" else "site_zensical")
    page = read_page(site / "404.html")
    text = " ".join(" ".join(page.text).split())
    assert FOUTPAGINA["titel"] in text and FOUTPAGINA["tekst"] in text and "Not found" not in text
    assert f"{protocol_titel} {FOUTPAGINA['start']}" in text
    onward = {posixpath.normpath(url) for attr, url in page.links if attr == "a.href"}
    assert {"/zorgen", "/"} <= onward
    assert 'class="spoedbalk"' in (site / "404.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def protocol_titel() -> str:
    """The first minutes' page by its title (protocol/stappen.yaml)."""
    return load_and_check(ROOT / "protocol")[0].protocol.stappen.eerste_minuten.titel


def test_decision_table_is_plain_html(site: Path) -> None:
    text = (site / "afwegingskader" / "index.html").read_text(encoding="utf-8")
    table = text.split('<table class="beslistabel">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 1 + 15  # header + every answer of every question
    assert "Twijfel" in table and 'href="#uitkomst-direct-melden"' in table


INJECTED = "*Littekens* [x](javascript:alert(1)) & _b_ # c"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generator installed as a school would, not editable: `pip install` of the project
    (pyproject.toml with what it finds) into a folder of its own, where `meldcode` runs from."""
    folder = tmp_path_factory.mktemp("installed")
    source = folder / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    )
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip, "--target", str(folder / "lib"), str(source)], check=True, capture_output=True, text=True)
    return folder / "lib"


def installed_env(lib: Path) -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(lib)}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory, installed: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One scratch build for the tests below that need a changed source (a build takes a
    minute): another phone number, markup typed into a signal, offline use off, no PDF, the
    site's address in a sub path (`--site-url`, without its closing slash). Built
    by the installed generator (`installed`), run in the school's repository as a school
    would: the project copy, with the npm packages of this checkout."""
    project = project_copy(tmp_path_factory.mktemp("scratch"))
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    contacten = project / "protocol" / "contacten.yaml"
    contacten.write_text(contacten.read_text(encoding="utf-8").replace("0800-2000", "0800-2099"), "utf-8")
    signalen = project / "protocol" / "bijlagen" / "bijlage-1-signalen.yaml"
    text = signalen.read_text(encoding="utf-8")
    signalen.write_text(text.replace("      - Littekens", f"      - '{INJECTED}'"), "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  offline: true", "  offline: false"), "utf-8")
    command = [
        *[str(installed / "bin" / "meldcode"), "build", "--site-dir", str(project / "site"), "--zonder-pdf"],
        *["--site-url", SITE_URL.rstrip("/")],
    ]
    result = subprocess.run(
        command, cwd=project, env=installed_env(installed), capture_output=True, text=True, check=False
    )
    return project, result


SITE_URL = "https://school.nl/meldcode/"


def test_a_site_in_a_sub_path_finds_its_own_files_from_its_error_page(
    scratch: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    """A web server shows 404.html at any address below the site (GitHub Pages does for a
    project's site, in a sub path): with the site's address its styles, scripts and links are
    written from the site's path, not from the server's root. Each page names its own address."""
    project, result = scratch
    assert result.returncode == 0, result.stderr
    site = project / "site"
    paths = [url for _, url in read_page(site / "404.html").links if url.startswith("/")]
    assert len(paths) > 10 and [u for u in paths if not u.startswith("/meldcode/")] == []
    assert any(u.startswith("/meldcode/assets/stylesheets/") for u in paths)
    for path in html_pages(site):
        own = SITE_URL + path.relative_to(site).as_posix().removesuffix("index.html")
        assert ("link.canonical", own) in read_page(path).links, path
    assert check_files(site, protocol_link_hosts()) == {}


@pytest.mark.browser
def test_the_error_page_in_a_sub_path_is_styled_and_leads_home(
    scratch: tuple[Path, subprocess.CompletedProcess[str]], browser: Browser, tmp_path: Path
) -> None:
    """As a server shows it for an address that does not exist below the site: the theme's
    styles apply and its link home goes to the site, not to the server's root."""
    project, result = scratch
    assert result.returncode == 0, result.stderr
    with serve_in_sub_path(project / "site", tmp_path) as base:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        missing = base + "stappen/bestaat-niet/"
        page.route(missing, lambda route: route.fulfill(status=404, path=project / "site" / "404.html"))
        failed: list[str] = []
        page.on("response", lambda r: r.status >= 400 and r.url != missing and failed.append(r.url))
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(missing, wait_until="networkidle")
        styled = page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position")
        home = page.evaluate("() => document.querySelector('a.md-header__button.md-logo, a.md-logo')?.href")
        heading = page.locator("article h1").inner_text()
        page.evaluate(AXE_SOURCE)
        axe = axe_at_rest(page)
        onward = page.locator("ul.foutpagina a").evaluate_all("(as) => as.map((a) => a.href)")
        stored = {k: v for k, v in page.evaluate(STORAGE).items() if v}
        cookies = context.cookies()
        context.close()
    # as every page: nothing asked of another server, nothing kept in the browser
    assert requested and [u for u in requested if not u.startswith(base) and not u.startswith("data:")] == []
    assert stored == {} and cookies == []
    assert failed == [] and styled == "sticky"
    assert home == base
    assert heading == FOUTPAGINA["titel"] and axe == []
    assert onward == [base + "zorgen/", base]


WHERE = (
    "import generator, meldcode_engine, generator.paths as p;"
    " print(generator.__file__, meldcode_engine.__file__, p.PROJECT)"
)


def test_the_scratch_build_ran_the_installed_generator(
    installed: Path, scratch: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    """Not the checkout's code: the generator from the installed copy, its templates and build
    scripts beside it, the engine and everything else from the project it ran in."""
    project, result = scratch
    assert result.returncode == 0, result.stderr
    where = subprocess.run(
        [sys.executable, "-c", WHERE],
        cwd=project,
        env=installed_env(installed),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert where == [
        str(installed / "generator" / "__init__.py"),
        str(project.resolve() / "generator" / "engine" / "meldcode_engine" / "__init__.py"),
        str(project.resolve()),
    ]
    assert (installed / "generator" / "pages" / "templates" / "home.md.j2").is_file()
    assert (installed / "generator" / "hulp" / "runtime.mjs").is_file()
    assert (project / "site" / "afwegingskader-doorlopen" / "index.html").is_file()


def test_changing_a_phone_number_changes_every_page(scratch: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    project, result = scratch
    assert result.returncode == 0, result.stderr
    # without the PDF: said so, and no link to it; every link on the home page works
    assert "gebouwd zonder PDF" in result.stderr
    home = project / "site" / "index.html"
    assert not (project / "site" / "meldcode.pdf").exists()
    for _, url in read_page(home).links:
        if urlsplit(url).scheme not in ("http", "https", "tel", "mailto", "data"):
            assert resolve(home, project / "site", url)[0].exists(), f"dode link op de startpagina: {url}"
    assert '<meta name="meldcode-offline" content="uit">' in (project / "site" / "index.html").read_text("utf-8")
    sw = (project / "site" / "sw.js").read_text(encoding="utf-8")
    assert "unregister()" in sw and "precache" not in sw.lower()
    pages = html_pages(project / "site")
    for path in pages:
        text = path.read_text(encoding="utf-8")
        # the guide's code examples quote the source as it was; everything shown as content changes
        shown = re.sub(r"<pre\b.*?</pre>|<code\b.*?</code>", "", text, flags=re.S)
        assert "0800-2000" not in shown and "08002000" not in shown, path
        assert 'href="tel:08002099"' in text, path


def test_protocol_text_cannot_inject_markup(scratch: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    project, result = scratch
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "bijlagen" / "bijlage-1" / "index.html").read_text(encoding="utf-8")
    assert "<em>Littekens</em>" not in html and 'href="javascript' not in html
    shown = " ".join(read_page(project / "site" / "bijlagen" / "bijlage-1" / "index.html").text)
    assert INJECTED in shown


def test_failed_build_leaves_previous_site_untouched(scratch: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    project, result = scratch
    assert result.returncode == 0, result.stderr
    site = project / "site"
    before = tree_digest(site)
    termijnen = project / "protocol" / "termijnen.yaml"
    privacy = project / "docs" / "over" / "privacy.md"
    good, good_privacy = termijnen.read_text(encoding="utf-8"), privacy.read_text(encoding="utf-8")
    try:
        # a source error: caught before anything is written
        termijnen.write_text(good.replace("  - id: binnen-een-week", "\t- id: binnen-een-week"), "utf-8")
        result = build_site(project, site)
        assert result.returncode == 1
        tab_line = good.splitlines().index("  - id: binnen-een-week") + 1  # counts the schema header line too
        assert f"termijnen.yaml:{tab_line}" in result.stderr and "tab" in result.stderr
        assert "Traceback" not in result.stderr
        assert tree_digest(site) == before

        # an error only the builder sees (a dead link in a hand-written page): same guarantee
        termijnen.write_text(good, "utf-8")
        privacy.write_text("# Privacy\n\n[kapot](bestaat-niet.md)\n", "utf-8")
        for builder in ("mkdocs", "zensical"):
            result = build_site(project, site, "--bouwer", builder)
            assert result.returncode == 1
            assert "over/privacy.md" in result.stderr and "bestaat-niet.md" in result.stderr, builder
            assert "Traceback" not in result.stderr and "\x1b[" not in result.stderr, builder
            assert tree_digest(site) == before
        assert not list(project.glob(".site-*")), "staging folder left behind"
    finally:
        termijnen.write_text(good, "utf-8")
        privacy.write_text(good_privacy, "utf-8")


def test_chart_downloads_are_built(site: Path) -> None:
    sizes = {
        "routekaart-a3-liggend.pdf": (1190.55, 841.89),
        "routekaart-a4-liggend.pdf": (841.89, 595.28),
        "afwegingskader-a3-staand.pdf": (841.89, 1190.55),
        "afwegingskader-a4-staand.pdf": (595.28, 841.89),
    }
    folder = site / "routekaart"
    for name, (width, height) in sizes.items():
        data = (folder / name).read_bytes()
        assert data.startswith(b"%PDF-"), name
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
        assert box, name
        assert abs(float(box.group(1)) - width) < 1.5 and abs(float(box.group(2)) - height) < 1.5, (name, box.groups())
    for name in ("routekaart.svg", "afwegingskader.svg"):
        ET.fromstring((folder / name).read_bytes())  # well-formed
    page = (folder / "index.html").read_text(encoding="utf-8")
    for name in [*sizes, "routekaart.svg", "afwegingskader.svg"]:
        assert f'href="./{name}"' in page


def test_evaluation_checklist_lists_everything_to_verify(site: Path) -> None:
    from conftest import PROTOCOL

    from generator.checks.run import load_and_check

    p = load_and_check(PROTOCOL)[0].protocol
    text = " ".join(read_page(site / "over" / "evaluatie-checklist" / "index.html").text)
    for c in p.contacten.contacten:
        assert c.naam in text and (c.telefoon or "") in text
    for r in p.rollen.rollen:
        assert r.naam in text
    for t in p.termijnen.termijnen:
        assert t.wanneer in text
    links = {url for _, url in read_page(site / "over" / "evaluatie-checklist" / "index.html").links}
    for url in [c.website for c in p.contacten.contacten if c.website] + [b.url for b in p.adviezen_lkc.bronnen]:
        assert url in links
    history = " ".join(read_page(site / "over" / "versiegeschiedenis" / "index.html").text)
    assert p.wijzigingen.wijzigingen[0].versie in history
