"""`meldcode` command: check the source and build the site without ever half-writing it;
regenerate the editor schema; show what changed between two versions of the source."""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import webbrowser
from pathlib import Path

from generator.build import builders
from generator.build.generate import Project, generate, site_address
from generator.checks import external_links as links
from generator.checks.evaluatie import verouderde_verwijzingen
from generator.checks.run import load_and_check
from generator.diff.command import DiffError, diff
from generator.errors import MeldcodeError, ProtocolError, ToolError
from generator.postbuild.finish import finish
from generator.source import schema
from generator.source.load import Loaded

# the generated builder projects (one to build, one to serve), inside the project folder
BUILD_DIR = ".bouw"
BOUWER_HELP = "mkdocs (mkdocs-material, standaard) of zensical (de opvolger)"


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


def _checked(root: Path) -> Loaded | None:
    """The checked source, its warnings shown; None (and the report shown) when it is broken."""
    try:
        loaded, warnings = load_and_check(root / "protocol")
    except ProtocolError as exc:
        print(exc.report(), file=sys.stderr)
        return None
    for warning in warnings:
        print(f"Let op: {warning}", file=sys.stderr)
    return loaded


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _builder_output(result: subprocess.CompletedProcess[str]) -> str:
    """The builder's own lines that explain a failure: no progress lines, colours or the
    Python traceback of its exit."""
    lines = []
    for line in _ANSI.sub("", result.stdout + result.stderr).splitlines():
        if line.startswith("Traceback"):
            break
        if not line.startswith(("INFO", "Build started")):
            lines.append(line)
    return "\n".join(lines).strip()


def _refuse_site_url(given: str) -> int:
    print(
        f"--site-url {given}: dat is geen adres van een site. Geef het hele adres, bijvoorbeeld "
        "https://school.nl/meldcode/. De vorige versie van de site is niet aangeraakt.",
        file=sys.stderr,
    )
    return 1


def _swap_in(staging: Path, target: Path) -> None:
    """The new site in the place of the old, the old removed only once the new one is there."""
    old = target.with_name(f".{target.name}-oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def cmd_build(args: argparse.Namespace) -> int:
    """Check, generate, build into a fresh folder, finish, then swap it in: a failure at
    any step leaves site/ as it was."""
    root = Path(args.config).resolve().parent
    site_url = site_address(args.site_url) if args.site_url else None
    if args.site_url and site_url is None:
        return _refuse_site_url(args.site_url)
    loaded = _checked(root)
    if loaded is None:
        print("De vorige versie van de site is niet aangeraakt.", file=sys.stderr)
        return 1
    protocol = loaded.protocol
    target = Path(args.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-nieuw-", dir=target.parent))
    met_pdf = not args.zonder_pdf
    try:
        project = generate(
            protocol,
            root,
            root / BUILD_DIR / "bouw",
            builder=args.bouwer,
            met_pdf=met_pdf,
            verouderd=verouderde_verwijzingen(loaded.sources),
            config_file=Path(args.config).name,
            site_url=site_url,
        )
        shutil.rmtree(project.site, ignore_errors=True)
        result = builders.build(args.bouwer, project.config)
        if result.returncode != 0:
            raise ToolError(
                f"{args.bouwer} kon de site niet bouwen. Een pad in de melding hieronder telt vanaf docs/ "
                f"(de pagina's over de site); een link naar een pagina die niet bestaat is de meest "
                f"voorkomende oorzaak.\n{_builder_output(result)}"
            )
        staging.rmdir()
        shutil.move(project.site, staging)
        finish(
            staging,
            versie=protocol.metadata.versie,
            extra_css=project.extra_css,
            offline=project.offline,
            met_pdf=met_pdf,
            bronpaginas=project.bronpaginas,
        )
    except MeldcodeError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(exc.report(), file=sys.stderr)
        print("De site is niet gebouwd; de vorige versie is niet aangeraakt.", file=sys.stderr)
        return 1
    _swap_in(staging, target)
    print(f"De site staat in {target} (gebouwd met {args.bouwer}).")
    if args.zonder_pdf:
        print(
            "Let op: gebouwd zonder PDF. De site linkt daarom niet naar een PDF; een PDF van een "
            "eerdere bouw is niet meegenomen. Bouw zonder --zonder-pdf voordat u de site publiceert.",
            file=sys.stderr,
        )
    return 0


def _snapshot(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    """Modification time and size of every file under `paths`: what the editor may change."""
    seen: dict[Path, tuple[int, int]] = {}
    for path in (p for p in paths if p.exists()):
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            stat = file.stat()
            seen[file] = (stat.st_mtime_ns, stat.st_size)
    return seen


def _generate_for_serve(loaded: Loaded, root: Path, out: Path, args: argparse.Namespace) -> Project:
    """No PDF and no offline cache while editing: every save shows at once, no dead link.
    `args.redactie`: the editor works on this checkout (`make redactie`)."""
    return generate(
        loaded.protocol,
        root,
        out,
        builder=args.bouwer,
        met_pdf=False,
        offline=False,
        verouderd=verouderde_verwijzingen(loaded.sources),
        lokale_redactie=args.redactie,
        config_file=Path(args.config).name,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """Generate, let the builder serve the generated project with live reload, and generate
    again whenever the source changes: the builder then reloads the pages that changed."""
    root = Path(args.config).resolve().parent
    loaded = _checked(root)
    if loaded is None:
        return 1
    out = root / BUILD_DIR / "serve"
    try:
        project = _generate_for_serve(loaded, root, out, args)
    except MeldcodeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    # stopping `meldcode serve` (Ctrl-C or a signal) also stops the builder's server
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    watched = [root / "protocol", root / "docs", root / "flowcharts", root / "CHANGELOG.md", root / "mkdocs.yml"]
    server = builders.serve(args.bouwer, project.config, args.adres)
    if args.redactie:
        adres = f"http://{args.adres}/redactie/"
        print(
            f"De redactie staat op {adres}. Open die in Chrome of Edge, kies 'Werken met een lokale "
            "repository' en selecteer deze map: wat u opslaat, staat meteen in protocol/ (en de site hier "
            "toont het). Zet het daarna met git in de repository van de school."
        )
        webbrowser.open(adres)
    before = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = _snapshot(watched)
            if now == before:
                continue
            before = now
            loaded = _checked(root)
            if loaded is None:
                print("De site toont nog de vorige versie; herstel de fout en sla opnieuw op.", file=sys.stderr)
                continue
            try:
                _generate_for_serve(loaded, root, out, args)
                print("Bijgewerkt vanuit de bron.", file=sys.stderr)
            except MeldcodeError as exc:
                print(exc.report(), file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
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
    build.add_argument("--bouwer", choices=builders.BUILDERS, default=builders.DEFAULT, help=BOUWER_HELP)
    build.add_argument(
        "--site-url",
        help="het adres waarop de site komt, bijvoorbeeld https://school.nl/meldcode/: nodig in een submap, "
        "zodat ook de foutpagina (404) haar stijl en links vindt (standaard: site_url uit mkdocs.yml)",
    )
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="bouw de site en bekijk hem; elke wijziging in de bron is meteen te zien")
    serve.add_argument("--config", default="mkdocs.yml", help="het mkdocs-bestand (standaard: mkdocs.yml)")
    serve.add_argument("--bouwer", choices=builders.BUILDERS, default=builders.DEFAULT, help=BOUWER_HELP)
    serve.add_argument("-a", "--adres", default="127.0.0.1:8000", help="adres:poort (standaard: %(default)s)")
    serve.add_argument(
        "--redactie", action="store_true", help="open de redactie, die op deze map werkt (lokale repository)"
    )
    serve.set_defaults(func=cmd_serve)
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
    try:
        return int(args.func(args))
    except MeldcodeError as exc:  # a tool that fails outside a step that says so itself
        print(exc.report(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
