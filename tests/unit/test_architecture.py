"""The shape of `generator/`: packages in one order, each saying what it owns, small modules.

Read from the source with `ast`, nothing is imported. A package may import only itself and
the packages before it in LAYERS (so there are no cycles and nothing imports upward). The
engine (`generator/engine/`, its own wheel, also run in the browser) is outside this order:
it imports only the standard library and itself, and keeps the same size rules.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

# Lowest first: the flow source → checks → pages, charts and helper → build → post-build,
# with what they share (errors, links, the afwegingskader) below them, and the CLI on top.
LAYERS = (
    "paths",  # where the project's files are (the checkout, or the school's repository)
    "errors",
    "writing",
    "source",
    "links",
    "afwegingskader",
    "checks",
    "diff",  # the browser editor says what changes with it
    "kaarten",
    "hulp",
    "redactie",  # its Python is compiled for Pyodide as the helper's is (hulp.precompile)
    "pages",
    "build",
    "postbuild",
    "cli",
)
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# the typed model of every source file: long, but one class per file part, nothing to split
LONG_MODULES = {"source/model.py"}


def modules(root: Path = GENERATOR, engine: bool = False) -> list[Path]:
    """The generator's modules; with `engine`, the engine's too."""
    return sorted(p for p in root.rglob("*.py") if engine or "engine" not in p.relative_to(root).parts)


def part_of(path: Path, root: Path = GENERATOR) -> str:
    """The package (or top-level module) a file belongs to: `checks`, `errors`, `cli`, …"""
    first = path.relative_to(root).parts[0]
    return first.removesuffix(".py")


def imported_parts(path: Path, root: Path = GENERATOR) -> set[str]:
    """The generator packages and top-level modules a file imports from."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = list(path.relative_to(root).parent.parts)
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                dotted = ".".join(["generator", *base, *([node.module] if node.module else [])])
                names = [dotted] if node.module else [f"{dotted}.{a.name}" for a in node.names]
            elif node.module == "generator":
                names = [f"generator.{a.name}" for a in node.names]
            elif node.module:
                names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "generator" and len(parts) > 1 and parts[1] != "engine":
                found.add(parts[1])
    return found


def layer_violations(root: Path = GENERATOR) -> list[str]:
    problems = []
    for path in modules(root):
        own = part_of(path, root)
        if own == "__init__":
            continue
        if own not in LAYERS:
            problems.append(f"{path.relative_to(root)}: package '{own}' is not in LAYERS")
            continue
        for target in sorted(imported_parts(path, root)):
            if target not in LAYERS:
                problems.append(f"{path.relative_to(root)}: imports '{target}', which is not in LAYERS")
            elif LAYERS.index(target) > LAYERS.index(own):
                problems.append(f"{path.relative_to(root)}: '{own}' imports '{target}', which comes after it")
    return problems


def cycles(root: Path = GENERATOR) -> list[list[str]]:
    """Import cycles between packages (found even if LAYERS were wrong)."""
    graph: dict[str, set[str]] = {}
    for path in modules(root):
        own = part_of(path, root)
        graph.setdefault(own, set()).update(t for t in imported_parts(path, root) if t != own)
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                found.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target, [*stack, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def missing_docstrings(root: Path = GENERATOR) -> list[str]:
    packages = sorted(p for p in root.iterdir() if p.is_dir() and p.name not in ("engine", "__pycache__"))
    problems = []
    for package in packages:
        init = package / "__init__.py"
        if not init.exists():
            problems.append(f"{package.name}/: no __init__.py")
        elif not ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))):
            problems.append(f"{package.name}/__init__.py: no docstring saying what the package owns")
    return problems


def long_modules(root: Path = GENERATOR) -> list[str]:
    problems = []
    for path in modules(root, engine=True):
        name = path.relative_to(root).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES and name not in LONG_MODULES:
            problems.append(f"{name}: {lines} lines (at most {MAX_MODULE_LINES})")
    return problems


def long_functions(root: Path = GENERATOR) -> list[str]:
    problems = []
    for path in modules(root, engine=True):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    where = f"{path.relative_to(root).as_posix()}:{node.lineno}"
                    problems.append(f"{where}: {node.name} has {lines} lines (at most {MAX_FUNCTION_LINES})")
    return problems


def engine_imports(root: Path = GENERATOR) -> list[str]:
    """What the engine imports beyond the standard library and itself: it runs in Pyodide with
    nothing else installed."""
    problems = []
    for path in sorted((root / "engine").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "meldcode_engine":
                    problems.append(f"{path.relative_to(root).as_posix()}:{node.lineno}: imports '{name}'")
    return problems


def test_packages_import_only_downward():
    assert layer_violations() == []


def test_no_import_cycles_between_packages():
    assert cycles() == []


def test_the_engine_needs_only_the_standard_library():
    assert engine_imports() == []


def test_every_package_says_what_it_owns():
    assert missing_docstrings() == []


def test_modules_stay_small():
    assert long_modules() == []


def test_functions_stay_small():
    assert long_functions() == []


@pytest.fixture
def bad_tree(tmp_path):
    """A small generator tree with one of every violation, so the checks above can fail."""
    root = tmp_path / "generator"
    (root / "source").mkdir(parents=True)
    (root / "source" / "__init__.py").write_text('"""The source."""\n')
    (root / "source" / "load.py").write_text("from generator.checks.run import x\n" + "\n" * 401)
    (root / "checks").mkdir()
    (root / "checks" / "__init__.py").write_text("")
    body = "".join("    pass\n" for _ in range(61))
    (root / "checks" / "run.py").write_text(f"from ..source import load\n\n\ndef x():\n{body}")
    (root / "engine" / "meldcode_engine").mkdir(parents=True)
    (root / "engine" / "meldcode_engine" / "sessie.py").write_text(
        "import json\nfrom generator.source import load\n" + "\n" * 400
    )
    return root


def test_the_checks_can_fail(bad_tree):
    assert layer_violations(bad_tree) == ["source/load.py: 'source' imports 'checks', which comes after it"]
    assert cycles(bad_tree) == [["checks", "source", "checks"]]
    assert missing_docstrings(bad_tree) == ["checks/__init__.py: no docstring saying what the package owns"]
    assert long_modules(bad_tree) == [
        "engine/meldcode_engine/sessie.py: 402 lines (at most 400)",
        "source/load.py: 402 lines (at most 400)",
    ]
    assert engine_imports(bad_tree) == ["engine/meldcode_engine/sessie.py:2: imports 'generator.source'"]
    assert long_functions(bad_tree) == ["checks/run.py:4: x has 62 lines (at most 60)"]
