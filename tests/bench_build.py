"""Benchmark of the build: `make bench`. Figures, not a pass/fail test.

In one run, side by side for mkdocs-material and Zensical, each step of `meldcode build`
(without the PDF, which is the same Chromium print for both builders), median of N runs:
- generate: pages, chart files and the builder project (the helper's Pyodide runtime is
  made once and reused, as in every build after the first; its first making is shown apart);
- the builder itself, on the generated project;
- post-build: HTML fixes, style sheets, CSP hashes, service worker.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import builders  # noqa: E402
from generator.build.generate import generate  # noqa: E402
from generator.checks.run import load_and_check  # noqa: E402
from generator.postbuild.finish import finish  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    protocol = load_and_check(ROOT / "protocol")[0].protocol
    rows: dict[str, dict[str, list[float]]] = {}
    first: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-bouw-", dir=ROOT) as tmp:
        for builder in builders.BUILDERS:
            out = Path(tmp) / builder
            times: dict[str, list[float]] = {"genereren": [], "bouwer": [], "nabewerking": [], "totaal": []}
            for run in range(args.runs + 1):
                t0 = time.perf_counter()
                project = generate(protocol, ROOT, out, builder=builder, met_pdf=False)
                t1 = time.perf_counter()
                shutil.rmtree(project.site, ignore_errors=True)
                result = builders.build(builder, project.config)
                if result.returncode != 0:
                    print(result.stdout + result.stderr, file=sys.stderr)
                    return 1
                t2 = time.perf_counter()
                finish(
                    project.site,
                    versie=protocol.metadata.versie,
                    extra_css=project.extra_css,
                    offline=True,
                    met_pdf=False,
                )
                t3 = time.perf_counter()
                if run == 0:  # the first generation also prepares the Pyodide runtime
                    first[builder] = t1 - t0
                    continue
                for key, value in zip(times, (t1 - t0, t2 - t1, t3 - t2, t3 - t0), strict=True):
                    value_ms = value * 1000
                    times[key].append(value_ms)
            rows[builder] = times
    print(f"Bouwtijd per stap, mediaan van {args.runs} keer (ms), zonder PDF:")
    print(f"{'stap':<14}" + "".join(f"{b:>12}" for b in builders.BUILDERS) + f"{'verhouding':>12}")
    for key in ("genereren", "bouwer", "nabewerking", "totaal"):
        values = [statistics.median(rows[b][key]) for b in builders.BUILDERS]
        ratio = values[1] / values[0] if values[0] else 0
        print(f"{key:<14}" + "".join(f"{v:>12.0f}" for v in values) + f"{ratio:>11.2f}×")
    print(
        "eerste keer genereren (met de Pyodide-runtime): "
        + ", ".join(f"{b} {first[b] * 1000:.0f} ms" for b in builders.BUILDERS)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
