"""The project's package list is found, not typed: a wheel built from pyproject.toml holds every
package under generator/ and every template and build-time script beside them (an installed
copy that missed one would fail only when that part ran)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

DATA = ("*.j2", "*.js", "*.mjs")


def test_the_wheel_holds_every_package_and_its_files(tmp_path: Path) -> None:
    source = tmp_path / "project"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source)
    shutil.copytree(ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    wheel_command = ["wheel", str(source), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)]
    result = subprocess.run(
        [sys.executable, "-m", "pip", *wheel_command],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    [wheel] = tmp_path.glob("meldcode_site-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    generator = ROOT / "generator"
    engine = generator / "engine"  # its own wheel, made by the build from its source
    expected = {
        p.relative_to(ROOT).as_posix()
        for pattern in ("__init__.py", *DATA)
        for p in generator.rglob(pattern)
        if engine not in p.parents and "__pycache__" not in p.parts
    }
    assert len(expected) > 40
    assert sorted(expected - names) == []
    assert not [n for n in names if n.startswith("generator/engine/")]
