"""The bad-input corpus (tests/bad_input/*.yaml): every plausible editor mistake gives
exactly one Dutch message naming file, line and what to do; `meldcode check` fails;
`meldcode build` leaves the previous site byte for byte as it was."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from ruamel.yaml import YAML

from generator.checks.run import load_and_check
from generator.cli import main
from generator.errors import ProtocolError, SourceError

CORPUS = Path(__file__).resolve().parents[1] / "bad_input"
KEYS = {"bestand", "zoek", "tot", "vervang", "verwacht", "regel", "fouten"}

# what leaks through when a message is not translated (pydantic, the YAML parser, Python)
NOT_DUTCH = (
    "Input should",
    "Field required",
    "Extra inputs",
    "Value error",
    "validation error",
    "Traceback",
    "expected",
    "found",
    "while ",
    " or '",
)

# the mistakes the issue names; the corpus may hold more, never fewer
REQUIRED = {
    "tab-als-inspringing",
    "dubbele-punt-vergeten",
    "aanhalingsteken-open",
    "sleutel-verkeerd-gespeld",
    "vraag-weg-maar-nog-gebruikt",
    "telefoon-met-letters",
    "twee-vragen-zelfde-id",
    "lege-antwoordenlijst",
    "datum-verkeerd-om",
    "html-in-tekst",
}


@dataclass(frozen=True)
class Case:
    name: str
    bestand: str
    zoek: str | None
    tot: str | None
    vervang: str
    verwacht: list[str]
    regel: int | str
    fouten: int

    @classmethod
    def read(cls, path: Path) -> Case:
        data: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        unknown = set(data) - KEYS
        assert not unknown, f"{path.name}: onbekende sleutel(s) {sorted(unknown)}; toegestaan: {sorted(KEYS)}"
        assert data.get("zoek") != data["vervang"], f"{path.name}: zoek en vervang zijn gelijk"
        return cls(
            name=path.stem,
            bestand=data["bestand"],
            zoek=data.get("zoek"),
            tot=data.get("tot"),
            vervang=data["vervang"],
            verwacht=list(data["verwacht"]),
            regel=data.get("regel", 0),
            fouten=data.get("fouten", 1),
        )

    def apply(self, protocol: Path) -> int:
        """Break the copy in `protocol`; return the line the message must name (0: the file)."""
        path = protocol / self.bestand
        text = path.read_text(encoding="utf-8")
        if self.zoek is None:
            start, end = 0, len(text)
        else:
            assert self.zoek in text, f"{self.name}: zoek-tekst staat niet (meer) in {self.bestand}: {self.zoek!r}"
            start = text.index(self.zoek)
            end = start + len(self.zoek)
            if self.tot is not None:
                assert self.tot in text[end:], f"{self.name}: tot-tekst staat niet na de zoek-tekst: {self.tot!r}"
                end = text.index(self.tot, end)
        broken = text[:start] + self.vervang + text[end:]
        path.write_text(broken, encoding="utf-8")
        if self.regel == "bestand":
            return 0
        if isinstance(self.regel, int):
            return text[:start].count("\n") + 1 + self.regel
        lines = [n for n, line in enumerate(broken.splitlines(), 1) if line.strip() == self.regel.strip()]
        assert lines, f"{self.name}: regel {self.regel!r} staat niet in het kapotte bestand"
        return lines[0]


CASES = [Case.read(p) for p in sorted(CORPUS.glob("*.yaml"))]
IDS = [c.name for c in CASES]


def assert_clear(case: Case, errors: list[SourceError], line: int) -> None:
    report = "\n".join(map(str, errors))
    assert len(errors) == case.fouten, f"{case.name}: {len(errors)} meldingen, verwacht {case.fouten}:\n{report}"
    error = errors[0]
    assert error.file.endswith(f"protocol/{case.bestand}"), report
    assert error.line == line, f"{case.name}: regel {error.line}, verwacht {line}:\n{report}"
    for words in case.verwacht:
        assert words in str(error), f"{case.name}: {words!r} ontbreekt in:\n{report}"
    for leak in NOT_DUTCH:
        assert leak not in error.message, f"{case.name}: niet-Nederlandse melding:\n{report}"


def test_corpus_holds_the_named_mistakes() -> None:
    assert set(IDS) >= REQUIRED, f"ontbreekt in tests/bad_input: {sorted(REQUIRED - set(IDS))}"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_mistake_gives_one_clear_message(case: Case, protocol_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = case.apply(protocol_copy)
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    assert_clear(case, info.value.errors, line)

    # the command an editor runs: exit code 1, the same message, no traceback
    assert main(["check", str(protocol_copy)]) == 1
    out = capsys.readouterr()
    assert str(info.value.errors[0]) in out.err
    assert "Traceback" not in out.err + out.out


# an id the site names itself, renamed everywhere in the source (references included)
_VEILIG_THUIS = re.compile(r"(?<![\w/-])veilig-thuis(?![\w-])")


def test_renamed_contact_the_site_names_gives_one_clear_message(
    protocol_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in protocol_copy.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(_VEILIG_THUIS.sub("veilig-thuis-landelijk", text), encoding="utf-8")
    with pytest.raises(ProtocolError) as info:
        load_and_check(protocol_copy)
    errors = info.value.errors
    assert len(errors) == 1, "\n".join(map(str, errors))
    error = errors[0]
    lines = (protocol_copy / "contacten.yaml").read_text(encoding="utf-8").splitlines()
    assert error.file.endswith("protocol/contacten.yaml")
    assert error.line == lines.index("contacten:") + 1
    assert "contact 'veilig-thuis' ontbreekt" in error.message
    assert "geef het contact weer de id 'veilig-thuis'" in error.message

    assert main(["check", str(protocol_copy)]) == 1
    out = capsys.readouterr()
    assert str(error) in out.err
    assert "Traceback" not in out.err + out.out


def stat_digest(folder: Path) -> list[tuple[str, int, int]]:
    """Every file's name, size and time of last change: a tree nobody wrote to keeps all three."""
    return sorted(
        (p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    )


@pytest.fixture(scope="module")
def previous_site(site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, int, int]]]:
    """A good site from an earlier build, shared by the cases: a failed build must not touch it."""
    target = tmp_path_factory.mktemp("vorige") / "site"
    shutil.copytree(site, target)
    return target, stat_digest(target)


@pytest.mark.build
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_build_leaves_previous_site_untouched(
    case: Case,
    protocol_copy: Path,
    previous_site: tuple[Path, list[tuple[str, int, int]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`meldcode build` as the editor runs it, in this process (the command itself, in its own
    process and with a whole build after it, is tests/builds/test_build.py's)."""
    site, before = previous_site
    case.apply(protocol_copy)
    shutil.copy2(ROOT / "mkdocs.yml", protocol_copy.parent / "mkdocs.yml")
    config = str(protocol_copy.parent / "mkdocs.yml")
    assert main(["build", "--config", config, "--site-dir", str(site), "--zonder-pdf"]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    assert "De vorige versie van de site is niet aangeraakt." in out.err
    assert stat_digest(site) == before, f"{case.name}: de vorige site is veranderd"
    assert not list(site.parent.glob(".site-*")), "tijdelijke map blijft achter"
