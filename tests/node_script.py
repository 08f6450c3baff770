"""A Node script of tests/ run to its JSON answer: the Pyodide walk, the table walk, Firefox."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_node(script: str, *args: str, invoer: object = None, timeout: int = 180) -> Any:
    """`node tests/<script> <args>` with `invoer` as JSON on stdin; its stdout as JSON. A failure
    fails the test with Node's last words."""
    node = shutil.which("node")
    assert node, "Node.js ontbreekt"
    result = subprocess.run(
        [node, str(ROOT / "tests" / script), *args],
        input=None if invoer is None else json.dumps(invoer),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)
