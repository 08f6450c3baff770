"""The two sides of `meldcode diff`: a folder, or a git revision of protocol/ exported into
a work folder, each loaded and checked before anything is compared."""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass, replace
from pathlib import Path

from generator.checks.run import load_and_check
from generator.errors import MeldcodeError, ProtocolError
from generator.source.load import Loaded


class DiffError(MeldcodeError):
    """A problem with the arguments or a source; the message is Dutch and complete."""


@dataclass(frozen=True)
class Bron:
    """One side of the comparison: where its protocol/ lies and how to name it."""

    root: Path
    label: str
    git_prefix: str | None = None  # "HEAD~1:protocol/" for a revision, for error messages


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise DiffError("git is niet geïnstalleerd; geef twee mappen op in plaats van revisies") from None


def resolve(arg: str, workdir: Path, cwd: Path) -> Bron:
    """A folder (which wins when it exists) or a git revision exported into `workdir`."""
    path = cwd / arg
    if path.is_dir():
        if not (path / "metadata.yaml").exists() and (path / "protocol").is_dir():
            return Bron(path / "protocol", f"{arg.rstrip('/')}/protocol")
        return Bron(path, arg)
    if arg.startswith("-") or not arg.strip():
        raise DiffError(f"'{arg}' is geen map en geen git-revisie")
    top = _git(["rev-parse", "--show-prefix"], cwd)
    if top.returncode != 0:
        raise DiffError(
            f"'{arg}' is geen map, en {cwd} ligt niet in een git-repository, dus het is ook geen "
            "revisie; geef twee mappen op, of twee revisies binnen de repository"
        )
    prefix = top.stdout.decode().strip()
    sha = _git(["rev-parse", "--verify", "--quiet", f"{arg}^{{commit}}"], cwd)
    if sha.returncode != 0:
        raise DiffError(
            f"'{arg}' is geen map en geen bekende git-revisie; gebruik bijvoorbeeld HEAD~1, main of een "
            "tag (`git log --oneline` en `git tag` tonen wat er is)"
        )
    commit = sha.stdout.decode().strip()
    archive = _git(["archive", "--format=tar", f"{commit}:{prefix}protocol"], cwd)
    if archive.returncode != 0:
        raise DiffError(f"in revisie '{arg}' staat geen map {prefix}protocol/")
    target = workdir / f"bron-{len(list(workdir.iterdir()))}"
    target.mkdir()
    with tarfile.open(fileobj=io.BytesIO(archive.stdout), mode="r:") as tar:
        tar.extractall(target, filter="data")
    return Bron(target, f"{arg} ({commit[:7]})", f"{arg}:{prefix}protocol/")


def load(bron: Bron) -> Loaded:
    try:
        loaded, _ = load_and_check(bron.root, casussen=False)  # a stale case does not hide the diff
    except ProtocolError as exc:
        errors = exc.errors
        if bron.git_prefix is not None:
            # name files as git does ("HEAD~1:protocol/contacten.yaml"), not by the temp folder
            root = str(bron.root)
            errors = [
                replace(e, file=bron.git_prefix + Path(e.file).relative_to(root).as_posix())
                if e.file.startswith(root)
                else e
                for e in errors
            ]
        kop = "1 fout" if len(errors) == 1 else f"{len(errors)} fouten"
        regels = "\n".join(f"  {e}" for e in errors)
        raise DiffError(
            f"De bron in {bron.label} bevat {kop}; er is niets vergeleken. Herstel de bron "
            f"(meldcode check) of kies een andere versie:\n{regels}"
        ) from None
    return loaded
