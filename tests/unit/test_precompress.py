"""Pre-compressed copies for hosts that serve them: the same bytes once unpacked, only where
they gain, and never in the service worker's caches or its version key."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import brotli
import pytest

from generator.postbuild import precompress
from generator.postbuild.offline import cache_key, extra_config

RUNTIME = "assets/hulp/pyodide"


def test_copies_unpack_to_the_file(tmp_path: Path) -> None:
    page = tmp_path / "stap" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>Signalen vastleggen, in overleg met de aandachtsfunctionaris.</p>\n" * 200, "utf-8")
    precompress.apply(tmp_path)
    data = page.read_bytes()
    assert gzip.decompress((tmp_path / "stap" / "index.html.gz").read_bytes()) == data
    assert brotli.decompress((tmp_path / "stap" / "index.html.br").read_bytes()) == data
    assert precompress.is_copy(tmp_path / "stap" / "index.html.gz")


def test_only_where_it_gains(tmp_path: Path) -> None:
    (tmp_path / "klein.css").write_text("a { color: red; }\n", "utf-8")
    (tmp_path / "ruis.js").write_bytes(os.urandom(20_000))  # incompressible, like a zip
    (tmp_path / "archief.pdf").write_bytes(b"%PDF" + b"0" * 50_000)  # not a type we compress
    (tmp_path / "ingepakt.zip").write_bytes(os.urandom(20_000))  # a zip of compressed files gains nothing
    stale = tmp_path / "ruis.js.gz"
    stale.write_bytes(b"from an earlier build")
    precompress.apply(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archief.pdf", "ingepakt.zip", "klein.css", "ruis.js"]


def test_same_site_same_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(list(range(5000))), "utf-8")
    precompress.apply(tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    precompress.apply(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == first


def test_a_gz_file_of_its_own_is_not_a_copy(tmp_path: Path) -> None:
    (tmp_path / "werkbladen.tar.gz").write_bytes(gzip.compress(b"werkbladen"))
    assert not precompress.is_copy(tmp_path / "werkbladen.tar.gz")


@pytest.mark.build
def test_built_site_has_copies_the_service_worker_leaves_alone(site: Path, tmp_path: Path) -> None:
    wasm = site / RUNTIME / "pyodide.asm.wasm"
    assert brotli.decompress((site / RUNTIME / "pyodide.asm.wasm.br").read_bytes()) == wasm.read_bytes()
    assert (
        gzip.decompress((site / "afwegingskader-doorlopen" / "index.html.gz").read_bytes())
        == (site / "afwegingskader-doorlopen" / "index.html").read_bytes()
    )
    # the final files were compressed: the page copies refer to the scripts moved out of the
    # pages after the build (generator/postbuild/external_scripts.py)
    assert "assets/javascripts/inline/" in gzip.decompress((site / "index.html.gz").read_bytes()).decode("utf-8")
    # the trimmed standard library is a stored zip: the host's brotli copy is what travels
    stdlib = site / RUNTIME / "python_stdlib.zip"
    assert brotli.decompress((site / RUNTIME / "python_stdlib.zip.br").read_bytes()) == stdlib.read_bytes()
    assert (site / RUNTIME / "python_stdlib.zip.br").stat().st_size < 0.25 * stdlib.stat().st_size

    # precache list and helper runtime list: only real files
    precached = re.findall(r'\{url:"([^"]+)",revision:', (site / "sw.js").read_text("utf-8"))
    assert precached and not [u for u in precached if u.endswith((".gz", ".br"))]
    hulp = extra_config(site)["runtime"]
    assert isinstance(hulp, list)
    assert f"{RUNTIME}/python_stdlib.zip" in hulp
    assert not [u for u in hulp if precompress.is_copy(site / u)]

    # the version key does not depend on whether the copies are there
    bare = tmp_path / "site"
    shutil.copytree(site / RUNTIME, bare / RUNTIME)
    for path in list((bare / RUNTIME).iterdir()):
        if precompress.is_copy(path):
            path.unlink()
    assert cache_key(bare, "1") == cache_key(site, "1")


def test_large_files_are_compressed_once_and_a_damaged_copy_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setattr(precompress, "CACHE", cache)
    # "large" lowered to 50 kB for the test: the same path as the 1.6 MB Pyodide runtime, in a
    # tenth of a second instead of seven
    monkeypatch.setattr(precompress, "BROTLI_BEST_UP_TO", 50_000)
    site = tmp_path / "site"
    site.mkdir()
    runtime = site / "runtime.wasm"
    runtime.write_bytes(b"".join(i.to_bytes(4, "little") for i in range(25_000)))  # 100 kB
    precompress.apply(site)
    [kept] = cache.glob("*.br")
    assert kept.name.endswith(f"-{precompress.BROTLI_LARGE}.br")
    assert brotli.decompress((site / "runtime.wasm.br").read_bytes()) == runtime.read_bytes()
    assert kept.read_bytes() == (site / "runtime.wasm.br").read_bytes()
    kept.write_bytes(brotli.compress(b"another file"))  # damaged, or left by another version
    (site / "runtime.wasm.br").unlink()
    precompress.apply(site)
    assert brotli.decompress((site / "runtime.wasm.br").read_bytes()) == runtime.read_bytes()
    assert brotli.decompress(kept.read_bytes()) == runtime.read_bytes()


def test_every_copy_comes_from_the_cache_once_packed_and_the_least_used_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second build packs nothing again (the copies are the same bytes); past KEEP copies,
    the ones no build used for longest are removed."""
    cache = tmp_path / "cache"
    monkeypatch.setattr(precompress, "CACHE", cache)
    site = tmp_path / "site"
    site.mkdir()
    for n in range(3):
        (site / f"pagina-{n}.html").write_text(f"<p>pagina {n}</p>" * 400, encoding="utf-8")
    first = precompress.apply(site)
    copies = {p.name: p.read_bytes() for p in site.glob("*.*z") if precompress.is_copy(p)}
    copies |= {p.name: p.read_bytes() for p in site.glob("*.br")}
    assert len(copies) == 6 and len(list(cache.iterdir())) == 6
    packed: list[bytes] = []
    monkeypatch.setattr(precompress.brotli, "compress", lambda d, **k: packed.append(d) or b"")
    monkeypatch.setattr(precompress.gzip, "compress", lambda d, **k: packed.append(d) or b"")
    for path in site.glob("*.html.*"):
        path.unlink()
    assert precompress.apply(site) == first
    assert packed == []  # nothing packed again
    assert {p.name: p.read_bytes() for p in site.glob("*.html.*")} == copies
    # room for four copies: those of the page no build used for longest go
    monkeypatch.undo()
    monkeypatch.setattr(precompress, "CACHE", cache)
    monkeypatch.setattr(precompress, "KEEP", 4)
    weg = hashlib.sha256((site / "pagina-0.html").read_bytes()).hexdigest()
    for path in cache.glob(f"{weg}-*"):
        os.utime(path, (1, 1))  # last used long ago
    (site / "pagina-0.html").unlink()
    for path in site.glob("pagina-0.html.*"):
        path.unlink()
    precompress.apply(site)
    assert len(list(cache.iterdir())) == 4
    assert not list(cache.glob(f"{weg}-*"))
    # and no more bytes than KEEP_BYTES: room for the newest copy alone
    newest = next(cache.iterdir())
    os.utime(newest, (4_000_000_000, 4_000_000_000))  # used last of all
    monkeypatch.setattr(precompress, "KEEP_BYTES", newest.stat().st_size)
    precompress._prune()
    assert list(cache.iterdir()) == [newest]


def test_a_copy_gone_while_the_cache_is_pruned_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builds share the cache: a part another build is writing may be renamed between the
    listing and the look at its size (here: a name whose file is gone, a dangling link)."""
    cache = tmp_path / "cache"
    monkeypatch.setattr(precompress, "CACHE", cache)
    cache.mkdir()
    (cache / f"{'0' * 64}-11.br.4242").symlink_to(tmp_path / "al-hernoemd")
    site = tmp_path / "site"
    site.mkdir()
    (site / "pagina.html").write_text("<p>pagina</p>" * 400, encoding="utf-8")
    precompress.apply(site)
    assert (site / "pagina.html.br").is_file()
