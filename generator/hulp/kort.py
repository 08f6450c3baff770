"""The helper's standard library made shorter and ready to run: every module compiled to
bytecode, without docstrings (as `python -OO` leaves them out) and without line tables, stored
as a sourceless `.pyc`. Run inside Pyodide at build time (runtime.mjs), so the Python that
compiles the code is the one that will run it; stdlib only.

Python then no longer compiles some 180 modules at every start (0.55 s instead of 1.5 s under
Node, and a phone's worker is slower still), for 0.55 MB as the host's brotli copy instead of
0.34 MB of shortened source. Pyodide's own packages keep their docstrings: it reads some of
them at run time. Without line tables a traceback names no line numbers; the helper shows
none.
"""

from __future__ import annotations

import ast
import importlib._bootstrap_external as bootstrap
import types
import zipfile

KEEP_DOCSTRINGS = ("_pyodide/", "pyodide/")
_WITH_DOCSTRING = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _has_docstring(node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> bool:
    first = node.body[0] if node.body else None
    return isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)


def _without_lines(code: types.CodeType) -> types.CodeType:
    consts = tuple(_without_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)


def compiled(source: bytes, filename: str, keep_docstrings: bool = False, short: bool = True) -> bytes:
    """The module as the contents of a sourceless .pyc: the same program, less to load.
    Not `short`: docstrings and line tables stay (the project's own code: a traceback with
    line numbers)."""
    tree = ast.parse(source, filename)
    if short and not keep_docstrings:
        for node in ast.walk(tree):
            if isinstance(node, _WITH_DOCSTRING) and _has_docstring(node):
                node.body = node.body[1:] or [ast.Pass()]
    code = compile(ast.fix_missing_locations(tree), filename, "exec", dont_inherit=True)
    if short:
        code = _without_lines(code)
    # CPython's own .pyc layout (header, then marshal); typeshed does not list the private helper
    return bytes(bootstrap._code_to_timestamp_pyc(code, 0, 0))  # type: ignore[attr-defined]


def compile_zip(source: str, target: str, full: tuple[str, ...] = ()) -> tuple[int, int]:
    """Copy the archive at `source` to `target` (stored: the host compresses it) with every
    .py file replaced by its .pyc; files under a folder in `full` keep docstrings and line
    tables. Returns the bytes of the modules before and after."""
    before = after = 0
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as new:
        for info in old.infolist():
            data, name = old.read(info), info.filename
            before += len(data)
            if name.endswith(".py"):
                keep, short = name.startswith(KEEP_DOCSTRINGS), not name.startswith(full)
                data, name = compiled(data, name, keep, short), name + "c"
            after += len(data)
            new.writestr(zipfile.ZipInfo(name, info.date_time), data)
    return before, after
