"""Pre-compressed copies (`.gz`, `.br`) of the site's larger text and WebAssembly files.

A host that serves them (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, and
others) sends a phone a third or less of the bytes, without compressing on every request;
any other host ignores them. Runs last after the build: the copies must match the final
files, and the service worker neither precaches nor hashes them (see `is_copy`).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import brotli

# .zip: the helper's standard library is a stored (uncompressed) archive, left for the host to compress
SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".wasm", ".zip", ".txt", ".xml", ".webmanifest"}
MIN_BYTES = 1024  # smaller files fit in a packet or two either way
MIN_SAVING = 0.1  # a copy must be at least 10 % smaller than the file to be worth keeping
# brotli's best level takes about 20 s for Pyodide's 9.6 MB .wasm on a slow machine, for
# 12 % fewer bytes than level 9; every build would pay that, so large files get level 9
BROTLI_BEST_UP_TO = 1_000_000
COPY_SUFFIXES = (".gz", ".br")


def is_copy(path: Path) -> bool:
    """Whether `path` is a pre-compressed copy of a file beside it (not a file of its own,
    such as a downloadable .gz)."""
    return path.suffix in COPY_SUFFIXES and path.with_suffix("").is_file()


def _gzip(data: bytes) -> bytes:
    # mtime 0 and no file name in the header: the same site gives the same bytes
    return gzip.compress(data, compresslevel=9, mtime=0)


def _brotli(data: bytes) -> bytes:
    return brotli.compress(data, quality=11 if len(data) <= BROTLI_BEST_UP_TO else 9)


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
    return stats


__all__ = ["apply", "is_copy"]
