"""`meldcode` command: check the source and build the site without ever half-writing it;
regenerate the editor schema; show what changed between two versions of the source."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import links, schema
from .check import load_and_check
from .diff import DiffError, diff
from .errors import ProtocolError
from .pdf import write_pdf


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
    if args.links:
        adressen = links.collect(p)
        print(f"Links controleren: {len(adressen)} adressen, elk hooguit {args.timeout:g} seconden …", flush=True)
        print(links.report(adressen, links.check_all([a.url for a in adressen], args.timeout)))
    return 0  # dead links or no network are for the editor to follow up, not a broken source


def cmd_schema(args: argparse.Namespace) -> int:
    root = Path(args.pad)
    if not root.is_dir():
        print(f"{root}: deze map bestaat niet; geef de map protocol/ op", file=sys.stderr)
        return 1
    changed = schema.write(root)
    for path in changed:
        print(f"Bijgewerkt: {path}")
    if not changed:
        print(f"Het schema in {root / schema.SCHEMA_DIR} en de eerste regels van de bronbestanden kloppen al.")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="meldcode-diff-") as workdir:
        try:
            print(diff(args.oud, args.nieuw, Path(workdir), Path.cwd(), markdown=args.markdown), end="")
        except DiffError as exc:
            print(exc, file=sys.stderr)
            return 1
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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MELDCODE_PDF": "0" if args.zonder_pdf else "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", args.config, "-d", str(staging)]
    result = subprocess.run(command, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("De site is niet gebouwd; de vorige versie is niet aangeraakt.", file=sys.stderr)
        return 1
    if not args.zonder_pdf:
        try:
            write_pdf(staging)
        except ProtocolError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            print(exc.report(), file=sys.stderr)
            print("De site is niet gebouwd; de vorige versie is niet aangeraakt.", file=sys.stderr)
            return 1
    old = target.with_name(f".{target.name}-oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"De site staat in {target}.")
    if args.zonder_pdf:
        print(
            "Let op: gebouwd zonder PDF. De site linkt daarom niet naar een PDF; een PDF van een "
            "eerdere bouw is niet meegenomen. Bouw zonder --zonder-pdf voordat u de site publiceert.",
            file=sys.stderr,
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="meldcode", description="De meldcode-site: controleren en bouwen.")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    check = sub.add_parser("check", help="controleer de bron in protocol/")
    check.add_argument("pad", nargs="?", default="protocol", help="de map met de bron (standaard: protocol)")
    check.add_argument(
        "--links", action="store_true", help="controleer ook of elke externe link nog werkt (vraagt internet)"
    )
    check.add_argument(
        "--timeout", type=float, default=links.TIMEOUT, help="seconden per link (standaard: %(default)g)"
    )
    check.set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="controleer de bron en bouw de site")
    build.add_argument("--config", default="mkdocs.yml", help="het mkdocs-bestand (standaard: mkdocs.yml)")
    build.add_argument("--site-dir", default="site", help="waar de site komt (standaard: site)")
    build.add_argument("--zonder-pdf", action="store_true", help="sneller: bouw zonder de PDF van het protocol")
    build.set_defaults(func=cmd_build)
    schema_ = sub.add_parser("schema", help="maak het schema voor de editor opnieuw (protocol/schema/)")
    schema_.add_argument("pad", nargs="?", default="protocol", help="de map met de bron (standaard: protocol)")
    schema_.set_defaults(func=cmd_schema)
    diff_ = sub.add_parser(
        "diff",
        help="wat is er veranderd tussen twee versies van de bron",
        description="Vergelijk twee versies van de bron: twee mappen, of twee git-revisies van protocol/ "
        "(bijvoorbeeld HEAD~1, main of een tag). Een map gaat voor als die bestaat.",
    )
    diff_.add_argument("oud", help="de oude versie: een map of een git-revisie")
    diff_.add_argument("nieuw", help="de nieuwe versie: een map (bijvoorbeeld protocol) of een git-revisie")
    diff_.add_argument("--markdown", action="store_true", help="als Markdown, om in het evaluatieverslag te plakken")
    diff_.set_defaults(func=cmd_diff)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
