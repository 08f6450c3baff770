"""Lighthouse on the built site: `make bench`. Figures, not a pass/fail test.

Lighthouse 12 (npm, installed by `make bench` into .bouw/lighthouse, not a dependency of the
site or its tests) with its mobile preset (a simulated slow 4G and a 4× slower CPU) and the
Debian Chromium, on the site served as a static host serves it (tests/netwerk.py: the
pre-compressed copies and cache headers, no shaping: Lighthouse simulates the link). Scores
(performance, accessibility, best practices, SEO) and the performance metrics per page, median
of N runs, beside the issue's targets: performance ≥ 90 on home, Contacten and the helper;
accessibility 100 on every page (every page of the site once, the audits that fail named).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from browser import CHROMIUM_ARGS
from netwerk import Link, serve_on_link

ROOT = Path(__file__).resolve().parent.parent
# Lighthouse scores a page as a user's Chrome loads it: the whole browser (Debian's chromium) in
# its new headless mode, not the tests' chromium-headless-shell
CHROME = shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE = ROOT / ".bouw" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"home": "", "Contacten": "contacten/", "hulp": "afwegingskader-doorlopen/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
TARGETS = {"performance": 90, "accessibility": 100}


def _pages(site: Path) -> list[str]:
    """Every page of the site, as a path below its root."""
    return sorted(
        p.parent.relative_to(site).as_posix() + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
        if "assets" not in p.relative_to(site).parts
    )


def _run(url: str, out: Path, categories: tuple[str, ...] = CATEGORIES) -> dict:
    # lighthouse's launcher disables features of its own, which ours would replace
    ours = [a for a in CHROMIUM_ARGS if a != "--headless" and not a.startswith("--disable-features=")]
    flags = " ".join(ours) + " --headless=new"
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-path={CHROME}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(categories)}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse mislukte voor {url}: {result.stderr.strip()[-600:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def _failing(report: dict) -> set[str]:
    """The accessibility audits that count and did not pass."""
    failed = set()
    for ref in report["categories"]["accessibility"]["auditRefs"]:
        score = report["audits"][ref["id"]]["score"]
        if ref["weight"] and score is not None and score < 1:
            failed.add(ref["id"])
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse ontbreekt; `make bench` installeert het in .bouw/lighthouse", file=sys.stderr)
        return 2
    scores: dict[str, dict[str, list[float]]] = {}
    metrics: dict[str, dict[str, list[float]]] = {}
    failing: dict[str, set[str]] = {}
    toegankelijk: dict[str, float] = {}
    with serve_on_link(Path(args.site), Link("lokaal", 10_000, 0)) as (base, _), tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            for name, path in PAGES.items():
                report = _run(base + path, Path(tmp) / "lh.json")
                for cat in CATEGORIES:
                    scores.setdefault(name, {}).setdefault(cat, []).append(100 * report["categories"][cat]["score"])
                for metric in METRICS:
                    metrics.setdefault(name, {}).setdefault(metric, []).append(report["audits"][metric]["numericValue"])
                failing.setdefault(name, set()).update(_failing(report))
        # accessibility on every page, once (it does not vary from run to run)
        alle = _pages(Path(args.site))
        for path in alle:
            report = _run(base + path, Path(tmp) / "lh.json", ("accessibility",))
            toegankelijk[path or "/"] = 100 * report["categories"]["accessibility"]["score"]
            failing.setdefault(path or "/", set()).update(_failing(report))
    print(
        f"\nLighthouse 12, mobiel (gesimuleerd traag 4G, CPU 4×), mediaan van {args.runs}; "
        "vooraf gecomprimeerde kopieën"
    )
    print(
        f"{'pagina':12} {'prestaties':>10} {'toegankelijk':>12} {'praktijk':>9} {'SEO':>5}"
        "   FCP    LCP    TBT   CLS    SI"
    )
    for name in PAGES:
        s = {cat: statistics.median(v) for cat, v in scores[name].items()}
        m = {k: statistics.median(v) for k, v in metrics[name].items()}
        print(
            f"{name:12} {s['performance']:10.0f} {s['accessibility']:12.0f} "
            f"{s['best-practices']:9.0f} {s['seo']:5.0f}  "
            f"{m['first-contentful-paint'] / 1000:4.1f}s {m['largest-contentful-paint'] / 1000:5.1f}s "
            f"{m['total-blocking-time']:5.0f}ms {m['cumulative-layout-shift']:4.2f} {m['speed-index'] / 1000:5.1f}s"
        )
    print(
        f"doel: prestaties ≥ {TARGETS['performance']} (home, Contacten, hulp), "
        f"toegankelijkheid {TARGETS['accessibility']}"
    )
    onder = {path: score for path, score in toegankelijk.items() if score < TARGETS["accessibility"]}
    print(f"toegankelijkheid op alle {len(toegankelijk)} pagina's: {min(toegankelijk.values()):.0f} tot 100")
    for name, ids in failing.items():
        if ids:
            print(f"  toegankelijkheid {name} ({onder.get(name, '')}): {', '.join(sorted(ids))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
