"""The built site on a school's own web server as Debian installs it: nginx with its stock
/etc/nginx/mime.types (which knows no .mjs) and its brotli and gzip modules, the site under
/meldcode/. The helper must start and reach an uitkomst there, every script and worker must
arrive with a JavaScript type, and the large files compressed, with nothing changed in the
server's own files. Skipped with a reason where nginx is not installed (`make setup` installs it)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hulp_pagina import PAGE, READY, loop_route
from other_browsers import PROBE
from playwright.sync_api import Browser, Response
from sitecheck import one_page_of_each_kind
from test_offline import CACHES, wait_for_helper_cache, walk
from test_werkbladen_browser import content, fill, open_file, save

pytestmark = pytest.mark.browser

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
# Debian's package for the .br copies (libnginx-mod-http-brotli-static); gzip_static is built in
BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
PREFIX = "/meldcode/"
STRENG = "/streng/"  # the same site with the strict header a school's ICT adds
KAAL = "/kaal/"  # the same site from a server that compresses nothing (as Python's http.server)
# the usual strict header (no hashes, no 'unsafe-inline' for scripts), as README's Publiceren shows it
HEADER = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    "base-uri 'self'; frame-ancestors 'none'"
)
SCRIPT_TYPES = ("application/javascript", "text/javascript")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _config(site: Path, work: Path, port: int) -> str:
    """Debian's own nginx.conf in what matters here: its modules, its mime.types, gzip_static
    and brotli_static as a school would switch them on; the rest points at a scratch folder."""
    brotli = BROTLI.exists()
    return f"""
{f"load_module {BROTLI};" if brotli else ""}
daemon off;
user root;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
  include {MIME_TYPES};
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {work}/body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  gzip_static on;
  {"brotli_static on;" if brotli else ""}
  server {{
    listen 127.0.0.1:{port};
    location {PREFIX} {{ alias {site.resolve()}/; }}
    location {KAAL} {{
      alias {site.resolve()}/;
      gzip_static off;
      {"brotli_static off;" if brotli else ""}
    }}
    location {STRENG} {{
      alias {site.resolve()}/;
      add_header Content-Security-Policy "{HEADER}" always;
    }}
    # as the README says: the header left off for the editor, whose own policy (its <meta>)
    # also lets it reach the Git host and read its inline images
    location {STRENG}redactie/ {{ alias {site.resolve()}/redactie/; }}
  }}
}}
"""


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(NGINX).exists() or not MIME_TYPES.exists():
        pytest.skip("nginx is niet geïnstalleerd; 'make setup' installeert het (Debian-pakket nginx)")
    work = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    (work / "nginx.conf").write_text(_config(site, work, port), encoding="utf-8")
    log = work / "start.log"
    with log.open("wb") as out:
        process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)], stderr=out)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"nginx start niet: {log.read_text(encoding='utf-8')}") from None
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def test_stock_mime_types_know_no_mjs() -> None:
    """The premise: were a module served as .mjs, this server would send it as octet-stream."""
    if not MIME_TYPES.exists():
        pytest.skip("nginx is niet geïnstalleerd")
    assert " mjs" not in MIME_TYPES.read_text(encoding="utf-8").replace(";", " ")


def test_no_file_of_the_site_depends_on_the_mjs_type(site: Path) -> None:
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.mjs")) == []


def test_the_helper_starts_and_reaches_an_uitkomst_on_stock_nginx(browser: Browser, nginx: str) -> None:
    nginx += PREFIX
    context = browser.new_context(viewport={"width": 390, "height": 844})
    responses: list[Response] = []
    context.on("response", lambda r: responses.append(r))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(nginx + PAGE)
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    loop_route(page, [("vraag-1", "ja"), ("vraag-2", "ja")])
    assert "Direct melden bij Veilig Thuis" in page.locator("#uitkomst-kop").inner_text()
    # every script, module and worker came with a type a browser runs
    scripts = {r.url: r.headers.get("content-type", "") for r in responses if r.url.split("?")[0].endswith(".js")}
    assert any(u.endswith("/hulp-worker.js") for u in scripts) and any(u.endswith("/pyodide.asm.js") for u in scripts)
    wrong = {u: t for u, t in scripts.items() if not t.startswith(SCRIPT_TYPES)}
    assert wrong == {}
    # the runtime came compressed by the server's own static modules (its .br or .gz copy)
    wasm = next(r for r in responses if r.url.endswith("/pyodide.asm.wasm"))
    assert wasm.headers.get("content-type") == "application/wasm"
    assert wasm.headers.get("content-encoding") in ("br", "gzip")
    # and the service worker took the page under /meldcode/
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)", None) == nginx
    assert errors == []
    context.close()


@pytest.mark.parametrize("url", ["contacten/", PAGE])
def test_a_strict_csp_header_from_the_server_breaks_nothing(browser: Browser, nginx: str, url: str) -> None:
    """script-src 'self' without hashes: the theme's search and the helper still work."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(PROBE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(nginx + STRENG + url)
    assert response is not None and response.headers["content-security-policy"] == HEADER
    if url == PAGE:
        page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
        loop_route(page, [("vraag-1", "nee")])
    else:
        box = page.locator(".md-search__input")
        box.fill("veilig thuis")
        box.press("End")
        page.wait_for_function("() => document.querySelector('.md-search-result__list').children.length >= 5")
    violations = page.evaluate("window.__fouten")
    assert violations == [] and errors == []
    context.close()


def test_every_kind_of_page_behind_the_strict_header_runs_its_scripts(browser: Browser, nginx: str, site: Path) -> None:
    """A page of each kind (sitecheck.one_of_each_kind: the same scripts, style sheets and kinds of
    element; no page has a script of its own) under the strict header: 0 violations, 0 script
    errors, and the theme's own start-up ran (its helpers, which the search needs, are there)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    context.add_init_script(PROBE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    pages = [p.parent.relative_to(site).as_posix() for p in one_page_of_each_kind(site)]
    assert len(pages) > 10 and "redactie" in pages and "afwegingskader-doorlopen" in pages
    found: dict[str, object] = {}
    for path in pages:
        page.goto(nginx + STRENG + ("" if path == "." else path + "/"), wait_until="load")
        found[path] = page.evaluate("[window.__fouten, typeof __md_get === 'function' || location.pathname]")
    assert {p: f for p, f in found.items() if f != [[], True]} == {} and errors == []
    context.close()


def test_a_werkblad_behind_the_strict_header_saves_and_opens(browser: Browser, nginx: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    context.add_init_script(PROBE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(nginx + STRENG + "werkbladen/overlegformulier/")
    entered = fill(page)
    saved = save(page, tmp_path)
    page.reload()
    page.locator(".werkblad-knoppen").first.wait_for()
    open_file(page, saved)
    page.locator(".werkblad-status", has_text="is geopend").wait_for()
    assert content(page) == entered
    assert page.evaluate("window.__fouten") == [] and errors == []
    context.close()


def test_the_readme_shows_exactly_the_header_tested_here() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{HEADER}" always;' in readme


def _cold_visit(browser: Browser, url: str) -> tuple[dict[str, int], list[str]]:
    """The bytes of each response of a cold helper visit (no service worker) to an uitkomst,
    and the script errors on the way."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    finished: list[tuple[str, int]] = []
    context.on("requestfinished", lambda r: finished.append((r.url, r.sizes()["responseBodySize"])))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + PAGE)
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    loop_route(page, [("vraag-1", "ja"), ("vraag-2", "nee"), ("vraag-3", "nee")])
    page.wait_for_load_state("networkidle")
    context.close()
    sizes: dict[str, int] = {}
    for address, size in finished:
        name = address.removeprefix(url)
        sizes[name] = sizes.get(name, 0) + size
    return sizes, errors


def test_small_on_the_wire_from_a_server_that_compresses_nothing(browser: Browser, nginx: str) -> None:
    """The runtime's .br copies, unpacked in the worker: a cold visit to the helper on a server
    that compresses nothing puts at most 1.3 × the bytes on the wire that nginx with
    brotli_static does (13.8 MB if the files went as they are), and the helper works."""
    kaal, errors = _cold_visit(browser, nginx + KAAL)
    brotli_static, _ = _cold_visit(browser, nginx + PREFIX)
    runtime = "assets/hulp/pyodide/"
    for name in ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.js"):
        # the copy, not the file: the file is stopped after its headers (or only asked with HEAD)
        assert kaal.get(runtime + name + ".br", 0) > 100_000, name
        assert kaal.get(runtime + name, 0) == 0, name
    assert "assets/hulp/brotli/brotli-dec.wasm.gz" in kaal
    assert not [name for name in brotli_static if name.endswith((".br", ".gz"))]  # nginx compressed
    total, floor = sum(kaal.values()), sum(brotli_static.values())
    assert total <= 1.3 * floor, f"{total / 1e6:.2f} MB tegen {floor / 1e6:.2f} MB: {total / floor:.2f} ×"
    assert errors == []


def test_offline_after_one_visit_the_worker_kept_the_copies_it_fetched(browser: Browser, nginx: str) -> None:
    """On the server that compresses nothing the service worker keeps the .br copies the helper
    fetched and the decoder it needed (not a second, plain download of 13 MB), and the helper
    runs from them offline."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(nginx + KAAL + PAGE)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.locator(".doorlopen-status", has_text="klaar").wait_for(timeout=READY)
    wait_for_helper_cache(page)
    [bewaard] = [urls for naam, urls in page.evaluate(CACHES).items() if naam.endswith("-hulp")]
    namen = {u.rsplit("/", 1)[-1] for u in bewaard}
    assert {"pyodide.asm.wasm.br", "python_stdlib.zip.br", "pyodide.asm.js.br", "brotli-dec.wasm.gz"} <= namen, namen
    assert not {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.js"} & namen, namen
    context.set_offline(True)
    page.reload()
    walk(page)
    assert page.locator("#uitkomst-kop").inner_text() == "Uitkomst: Melden bij Veilig Thuis"
    context.close()
