"""The editor's Python archive is the same bytes for the same protocol in every build: the trees
the worker preloads are pickled with sets sorted (ruamel keeps a mapping's keys in a set, whose
order follows each process's string hashing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# both pickles of every published file's tree, in a process with the given hash seed
PICKLE = """
import hashlib, pickle
from pathlib import Path
from generator.redactie.bundle import trees_pickle
from generator.redactie.yaml_file import load
from generator.source.model import BRONNEN
bomen = {t: load(t) for t in (Path("protocol", r).read_text(encoding="utf-8") for r, _ in BRONNEN.values())}
print(hashlib.sha256(trees_pickle(bomen)).hexdigest(), hashlib.sha256(pickle.dumps(bomen, protocol=5)).hexdigest())
"""


def pickles(seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-c", PICKLE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_the_preloaded_trees_are_the_same_bytes_in_every_process() -> None:
    ours_1, plain_1 = pickles("1")
    ours_2, plain_2 = pickles("2")
    assert plain_1 != plain_2, "a plain pickle differs between these processes (what the test must see)"
    assert ours_1 == ours_2
