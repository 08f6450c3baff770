"""Pre-compressed copies (`.gz`, `.br`) of the site's larger text and WebAssembly files.

A host that serves them (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, and
others) sends a phone a third or less of the bytes, without compressing on every request;
any other host ignores them. Runs last after the build: the copies must match the final
files, and the service worker neither precaches nor hashes them (see `is_copy`).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import brotli

from generator.paths import PROJECT

# .zip: the helper's standard library is a stored (uncompressed) archive, left for the host to compress
SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".wasm", ".zip", ".txt", ".xml", ".webmanifest"}
MIN_BYTES = 1024  # smaller files fit in a packet or two either way
MIN_SAVING = 0.1  # a copy must be at least 10 % smaller than the file to be worth keeping
# Large files (the helper's runtime: Pyodide's 9.6 MB .wasm, the standard library) get level 10:
# 10 % fewer bytes than level 9 for a phone, but about 15 s of work.
BROTLI_BEST_UP_TO = 1_000_000
BROTLI_LARGE = 10
# Every copy is kept by its file's content in CACHE: most files are the same build after build
# (the theme, the runtime, unchanged pages), and packing them all took half of a build (20 s).
CACHE = PROJECT / ".bouw" / "brotli"
KEEP = 4000  # copies kept: about five builds of both builders; the least recently used go
KEEP_BYTES = 300_000_000  # and at most this much (a file that changes every build adds its copies each time)
COPY_SUFFIXES = (".gz", ".br")


def is_copy(path: Path) -> bool:
    """Whether `path` is a pre-compressed copy of a file beside it (not a file of its own,
    such as a downloadable .gz)."""
    return path.suffix in COPY_SUFFIXES and path.with_suffix("").is_file()


def _kept(data: bytes, kind: str, pack: Callable[[bytes], bytes], unpack: Callable[[bytes], bytes]) -> bytes:
    """`pack(data)`, from CACHE when this content was packed this way before."""
    kept = CACHE / f"{hashlib.sha256(data).hexdigest()}-{kind}"
    if kept.is_file():
        packed = kept.read_bytes()
        if unpack(packed) == data:  # a damaged copy is made again, never served
            os.utime(kept)  # used: the last to go
            return packed
    packed = pack(data)
    CACHE.mkdir(parents=True, exist_ok=True)
    part = kept.with_name(f"{kept.name}.{os.getpid()}")  # two builds at once: each writes whole
    part.write_bytes(packed)
    part.replace(kept)
    return packed


def _gzip(data: bytes) -> bytes:
    # mtime 0 and no file name in the header: the same site gives the same bytes
    return _kept(data, "9.gz", lambda d: gzip.compress(d, compresslevel=9, mtime=0), gzip.decompress)


def _brotli(data: bytes) -> bytes:
    quality = 11 if len(data) <= BROTLI_BEST_UP_TO else BROTLI_LARGE
    return _kept(data, f"{quality}.br", lambda d: brotli.compress(d, quality=quality), brotli.decompress)


def _prune() -> None:
    # newest first; a copy another build is writing or pruning at this moment may be gone
    found: list[tuple[Path, os.stat_result]] = []
    for path in CACHE.glob("*-*.*") if CACHE.is_dir() else []:
        with contextlib.suppress(FileNotFoundError):
            found.append((path, path.stat()))
    found.sort(key=lambda entry: entry[1].st_mtime, reverse=True)
    total = 0
    for n, (path, stat) in enumerate(found):
        total += stat.st_size
        if n >= KEEP or total > KEEP_BYTES:
            path.unlink(missing_ok=True)


def apply(site_dir: Path) -> dict[str, int]:
    """Write `name.gz` and `name.br` beside every file worth compressing (and remove an old
    copy of a file that no longer gains). Returns the number of copies and their bytes."""
    compressors: dict[str, Callable[[bytes], bytes]] = {".gz": _gzip, ".br": _brotli}
    stats = {"copies": 0, "bytes": 0, "compressed": 0}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES:
            continue
        data = path.read_bytes()
        for suffix, compress in compressors.items():
            copy = path.with_name(path.name + suffix)
            packed = compress(data) if len(data) >= MIN_BYTES else b""
            if packed and len(packed) <= len(data) * (1 - MIN_SAVING):
                copy.write_bytes(packed)
                stats["copies"] += 1
                stats["bytes"] += len(data)
                stats["compressed"] += len(packed)
            else:
                copy.unlink(missing_ok=True)
    _prune()
    return stats


__all__ = ["apply", "is_copy"]
