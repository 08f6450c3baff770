"""`meldcode` command: check the source and build the site without ever half-writing it."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .check import load_and_check
from .errors import ProtocolError


def cmd_check(args: argparse.Namespace) -> int:
    try:
        loaded, warnings = load_and_check(Path(args.pad))
    except ProtocolError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"Let op: {warning}", file=sys.stderr)
    p = loaded.protocol
    aantal = len(p.afwegingskader.vragen) + len(p.afwegingskader.beslissingen)
    print(
        f"De bron is in orde: {len(p.stappen.stappen)} stappen, {aantal} vragen en beslissingen, "
        f"{len(p.afwegingskader.uitkomsten)} uitkomsten, {len(p.contacten.contacten)} contacten."
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Check, build into a fresh folder, then swap it in: a failure leaves site/ as it was."""
    root = Path(args.config).resolve().parent
    try:
        _, warnings = load_and_check(root / "protocol")
    except ProtocolError as exc:
        print(exc.report(), file=sys.stderr)
        print("De vorige versie van de site is niet aangeraakt.", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"Let op: {warning}", file=sys.stderr)
    target = Path(args.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-nieuw-", dir=target.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", args.config, "-d", str(staging)]
    result = subprocess.run(command, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("De site is niet gebouwd; de vorige versie is niet aangeraakt.", file=sys.stderr)
        return 1
    old = target.with_name(f".{target.name}-oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"De site staat in {target}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="meldcode", description="De meldcode-site: controleren en bouwen.")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    check = sub.add_parser("check", help="controleer de bron in protocol/")
    check.add_argument("pad", nargs="?", default="protocol", help="de map met de bron (standaard: protocol)")
    check.set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="controleer de bron en bouw de site")
    build.add_argument("--config", default="mkdocs.yml", help="het mkdocs-bestand (standaard: mkdocs.yml)")
    build.add_argument("--site-dir", default="site", help="waar de site komt (standaard: site)")
    build.set_defaults(func=cmd_build)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
