"""The helper's standard library made shorter: every module without comments and, as
`python -OO` runs it, without docstrings. Run inside Pyodide at build time (runtime.mjs), so
the Python that parses and writes the code is the one that will run it; stdlib only.

1.75 MB instead of 2.8 MB of source, 0.34 MB instead of 0.58 MB as the host's brotli copy.
Pyodide's own packages keep their docstrings: it reads some of them at run time.
"""

from __future__ import annotations

import ast
import zipfile

KEEP_DOCSTRINGS = ("_pyodide/", "pyodide/")
_WITH_DOCSTRING = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _has_docstring(node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> bool:
    first = node.body[0] if node.body else None
    return isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)


def shorten(source: bytes, keep_docstrings: bool = False) -> bytes:
    """The module's code, written again from its syntax tree: the same program, no comments."""
    tree = ast.parse(source)
    if not keep_docstrings:
        for node in ast.walk(tree):
            if isinstance(node, _WITH_DOCSTRING) and _has_docstring(node):
                node.body = node.body[1:] or [ast.Pass()]
    return ast.unparse(tree).encode("utf-8") + b"\n"


def shorten_zip(source: str, target: str) -> tuple[int, int]:
    """Copy the archive at `source` to `target` (stored: the host compresses it) with every
    .py file shortened. Returns the bytes of source code before and after."""
    before = after = 0
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as new:
        for info in old.infolist():
            data = old.read(info)
            before += len(data)
            if info.filename.endswith(".py"):
                data = shorten(data, info.filename.startswith(KEEP_DOCSTRINGS))
            after += len(data)
            new.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)
    return before, after
