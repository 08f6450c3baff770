"""Shared fixtures: a scratch copy of protocol/ to break, and one built site per run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from generator.postbuild.chromium import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
PROTOCOL = ROOT / "protocol"
# the text of the school's original document (PDF extraction), kept for the fidelity test
SEED = ROOT / "tests" / "fixtures" / "meldcode-document.txt"

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def protocol_copy(tmp_path: Path) -> Path:
    """A writable copy of protocol/ for a test to change."""
    target = tmp_path / "protocol"
    shutil.copytree(PROTOCOL, target)
    return target


Edit = Callable[[str, str, str], int]


@pytest.fixture
def edit(protocol_copy: Path) -> Edit:
    """Replace `old` by `new` once in a source file; return the 1-based line where `new` starts."""

    def apply(file: str, old: str, new: str) -> int:
        path = protocol_copy / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= 1, f"{old!r} not in {file}"
        index = text.index(old)
        path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
        return text[:index].count("\n") + 1

    return apply


def build_site(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the real build (`meldcode build`) for a project folder."""
    return subprocess.run(
        [
            sys.executable,
            "-P",  # not the project's folder on sys.path: its generator/engine/ is no package
            "-m",
            "generator.cli",
            "build",
            "--config",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
            *extra,
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


BUILDERS = ("mkdocs", "zensical")


def _built(tmp_path_factory: pytest.TempPathFactory, builder: str) -> Path:
    """The real source built once per run by `builder`. `make test` has built it already for
    the quality gate and names the folder in MELDCODE_SITE_<BUILDER>; otherwise it is built here."""
    ready = os.environ.get(f"MELDCODE_SITE_{builder.upper()}")
    if ready:
        path = Path(ready).resolve()
        assert (path / "index.html").exists(), f"MELDCODE_SITE_{builder.upper()}={ready}: geen gebouwde site"
        return path
    out = tmp_path_factory.mktemp(f"build-{builder}") / "site"
    result = build_site(ROOT, out, "--bouwer", builder)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by mkdocs-material (the school's builder), for build and browser tests."""
    return _built(tmp_path_factory, "mkdocs")


@pytest.fixture(scope="session")
def site_zensical(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same source built by Zensical, the successor builder."""
    return _built(tmp_path_factory, "zensical")


@pytest.fixture(scope="module", params=BUILDERS)
def site_each_builder(request: pytest.FixtureRequest) -> Path:
    """Each builder's site in turn: a module using it runs all its tests on both outputs."""
    return request.getfixturevalue("site" if request.param == "mkdocs" else "site_zensical")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--deel",
        choices=("zonder-site", "met-site"),
        help="zonder-site: only the tests of tests/unit that need neither a browser nor a built site "
        "(make test runs them while the sites are built); met-site: every other test",
    )


def needs_no_site(item: pytest.Item) -> bool:
    """A test of tests/unit that needs neither a browser nor a build."""
    return item.path.parent.name == "unit" and not (
        item.get_closest_marker("browser") or item.get_closest_marker("build")
    )


@pytest.hookimpl(tryfirst=True)  # before -m selects: the `build` mark added here counts
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that reads a built site needs a whole build (when make test has not given one):
    it is marked `build`, so the quick round (make test-snel, -m "not build") leaves it out.
    A test marked `one_builder` runs on one builder's site: what it tests (the helper's own
    script and engine) is the same files on both, and what differs between the builders (the
    page around it, its start, search, layout) is tested on both by the tests left unmarked."""
    for item in items:
        if BUILT_SITE.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
    deel = config.getoption("deel")
    dropped = [item for item in items if deel and needs_no_site(item) != (deel == "zonder-site")]
    dropped += [
        item
        for item in items
        if item.get_closest_marker("one_builder")
        and getattr(item, "callspec", None) is not None
        and item.callspec.params.get("site_each_builder", "mkdocs") != "mkdocs"  # type: ignore[attr-defined]
    ]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]
    # The longest modules first: pytest-xdist hands out whole modules (--dist loadfile) in
    # this order (with --no-loadscope-reorder, as make test runs it), so a long one started
    # last would keep one process busy while the others wait. Measured in make test; the rest
    # keep their order after them.
    first = {name: rank for rank, name in enumerate(LONGEST_MODULES)}
    items.sort(key=lambda item: first.get(item.path.name, len(first)))


BUILT_SITE = {"site", "site_zensical", "site_each_builder"}
LONGEST_MODULES = (
    "test_build.py",  # a whole build by the installed generator, then three that fail
    "test_gate.py",  # every page of each site through every gate
    "test_gate_zensical.py",
    "test_redactie_typen.py",
    "test_redactie_opslaan.py",
    "test_hulp.py",
    "test_serve.py",
    "test_firefox.py",
    "test_redactie_fuzz.py",
    "test_webkit.py",
    "test_nginx.py",
    "test_netwerk.py",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium (chromium-headless-shell), one per test module."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt; voer 'make setup' uit (installeert het Debian-pakket chromium-headless-shell)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser context the size of a phone (390 × 844): no cache, no service worker yet."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1."""
    with serve(site) as url:
        yield url
