"""`meldcode diff OUD NIEUW`: what changed, per section, in Dutch, for the evaluation report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROTOCOL

from generator.cli import main


@pytest.fixture
def oud(tmp_path: Path) -> Path:
    target = tmp_path / "oud"
    shutil.copytree(PROTOCOL, target)
    return target


@pytest.fixture
def nieuw(tmp_path: Path) -> Path:
    target = tmp_path / "nieuw"
    shutil.copytree(PROTOCOL, target)
    return target


def change(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def section(report: str, title: str) -> str:
    """The lines under one heading of the plain report."""
    block = report.split(f"\n{title}", 1)[1]
    return block.split("\n\n", 1)[0]


def test_phone_number_change(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(nieuw, "contacten.yaml", "telefoon: 0800-2000", "telefoon: 0800-2099")
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    assert "- Veilig Thuis › telefoon: 0800-2000 → 0800-2099" in section(
        out, "Contacten (contacten.yaml) – 1 wijziging"
    )
    assert "Afwegingskader" not in out and "Rollen" not in out


def test_role_invulling_change(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(nieuw, "rollen.yaml", "    invulling: intern begeleider", "    invulling: de intern begeleider (IB)")
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    assert "- aandachtsfunctionaris › invulling: “intern begeleider” → “de intern begeleider (IB)”" in section(
        out, "Rollen (rollen.yaml)"
    )


def test_question_text_change(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(
        nieuw,
        "afwegingskader.yaml",
        "vraag: Heb ik een vermoeden van actuele of structurele onveiligheid?",
        "vraag: Is er een vermoeden van acute of structurele onveiligheid?",
    )
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    teksten = section(out, "Afwegingskader: teksten (afwegingskader.yaml)")
    assert "- vraag-2 (Veiligheid) › vraag: “Heb ik een vermoeden van actuele" in teksten
    assert "→ “Is er een vermoeden van acute of structurele onveiligheid?”" in teksten
    assert "Afwegingskader: routes" not in out  # wording is not routing


def test_route_change(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # vraag-3, antwoord Nee: no longer straight to melden but via beslissing-1
    change(nieuw, "afwegingskader.yaml", "        volgende: uitkomst-melden\n", "        volgende: beslissing-1\n")
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    routes = section(out, "Afwegingskader: routes (afwegingskader.yaml)")
    assert "- vraag-3 (Hulp mogelijk) › antwoord Nee › gaat naar: uitkomst-melden → beslissing-1" in routes
    assert "aantal routes van vraag-1 tot een uitkomst" in routes
    assert "Afwegingskader: teksten" not in out


def test_meldnorm_and_added_answer_are_route_changes(
    oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change(nieuw, "afwegingskader.yaml", "    meldnorm: B\n", "    meldnorm: C\n")
    change(
        nieuw,
        "afwegingskader.yaml",
        "  - id: vraag-4\n",
        "      - id: twijfel\n        label: Twijfel\n        code: B\n        betekenis: ik twijfel.\n"
        "        volgende: uitkomst-melden\n\n  - id: vraag-4\n",
    )
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    routes = section(out, "Afwegingskader: routes")
    assert "- uitkomst-melden › meldnorm: B → C" in routes
    assert "- vraag-3 (Hulp mogelijk): toegevoegd: “Twijfel → uitkomst-melden”" in routes


def test_added_contact(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(
        nieuw,
        "contacten.yaml",
        "  - id: ggd\n",
        "  - id: ggd-gooi\n    naam: GGD Gooi en Vechtstreek\n    telefoon: 035-6926262\n"
        "    website: https://www.ggdgv.nl\n  - id: ggd\n",
    )
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    contacten = section(out, "Contacten (contacten.yaml)")
    assert "- toegevoegd: “GGD Gooi en Vechtstreek; telefoon 035-6926262; website https://www.ggdgv.nl”" in contacten


def test_removed_contact_and_changed_address(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(nieuw, "contacten.yaml", "      - 1213 VC HILVERSUM\n", "      - 1213 VD HILVERSUM\n")
    change(nieuw, "contacten.yaml", "  - kindertelefoon\n", "")
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    contacten = section(out, "Contacten (contacten.yaml)")
    assert "- Loket SWV Unita › adres: “1213 VC HILVERSUM” → “1213 VD HILVERSUM”" in contacten
    assert "- overige adressen: verwijderd: kindertelefoon" in contacten


def test_metadata_and_termijn(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(nieuw, "metadata.yaml", 'versie: "2026.2"', 'versie: "2027.1"')
    change(nieuw, "metadata.yaml", "vastgesteld: 2026-11-28", "vastgesteld: 2027-01-15")
    change(nieuw, "termijnen.yaml", "duur: {aantal: 3, eenheid: weken}", "duur: {aantal: 4, eenheid: weken}")
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    meta = section(out, "Versie en data (metadata.yaml)")
    assert "- versie: 2026.2 → 2027.1" in meta and "- vastgesteld: 28-11-2026 → 15-01-2027" in meta
    assert "- termijn ‘binnen drie weken’ › duur › aantal: 3 → 4" in section(out, "Termijnen (termijnen.yaml)")


def test_long_text_shows_the_changed_words(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(nieuw, "stappen.yaml", "vormt een belangrijk onderdeel", "is een wezenlijk onderdeel")
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    line = section(out, "Stappen (stappen.yaml)").splitlines()[1]
    assert line.startswith("- stap 1 (Signaleren en in kaart brengen) › 1e alinea: …")
    assert "[vormt → is] een [belangrijk → wezenlijk] onderdeel" in line
    assert len(line) < 200  # the paragraph is not repeated whole


def test_moved_and_reordered(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    augeo = "  - tekst: www.augeo.nl\n    url: https://www.augeo.nl\n"
    kinder = "  - tekst: www.kindermishandeling.nl\n    url: https://www.kindermishandeling.nl\n"
    change(nieuw, "contacten.yaml", augeo + kinder, kinder + augeo)  # links have no id: a move
    change(nieuw, "contacten.yaml", "spoedbalk: [alarmnummer, veilig-thuis]", "spoedbalk: [veilig-thuis, alarmnummer]")
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    contacten = section(out, "Contacten (contacten.yaml)")
    assert "- links: verplaatst van plek 2 naar plek 1: “www.kindermishandeling.nl (https://" in contacten
    assert "- spoedbalk: verplaatst van plek 2 naar plek 1: veilig-thuis" in contacten
    assert "toegevoegd" not in contacten and "verwijderd" not in contacten


def test_markdown(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(nieuw, "contacten.yaml", "telefoon: 0800-2000", "telefoon: 0800-2099")
    change(nieuw, "stappen.yaml", "vormt een belangrijk onderdeel", "is een wezenlijk onderdeel")
    code, out, _ = run(capsys, str(oud), str(nieuw), "--markdown")
    assert code == 0
    assert out.startswith("# Wijzigingen in het protocol\n")
    assert "\n## Contacten (contacten.yaml)\n\n- **Veilig Thuis › telefoon**: 0800-2000 → 0800-2099\n" in out
    assert "~~vormt~~ **is** een ~~belangrijk~~ **wezenlijk**" in out


def test_identical_sources(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # layout and comments are not content
    change(
        nieuw,
        "contacten.yaml",
        "spoedbalk: [alarmnummer, veilig-thuis]",
        "spoedbalk:\n  - alarmnummer\n  - veilig-thuis",
    )
    change(nieuw, "rollen.yaml", "# Rollen in het protocol", "# Rollen (bijgewerkt bij de evaluatie)")
    for args in ([str(oud), str(nieuw)], [str(oud), str(nieuw), "--markdown"]):
        code, out, err = run(capsys, *args)
        assert code == 0 and not err
        assert "Geen inhoudelijke verschillen" in out


def test_folder_holding_protocol_is_accepted(tmp_path: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROTOCOL, project / "protocol")
    code, out, _ = run(capsys, str(project), str(nieuw))
    assert code == 0 and "Geen inhoudelijke verschillen" in out


def test_broken_side_is_named_without_traceback(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(nieuw, "contacten.yaml", "telefoon: 0800-2000", "telefoon: 0800-TWEEDUIZEND")
    code, out, err = run(capsys, str(oud), str(nieuw))
    assert code == 1 and not out
    assert f"De bron in {nieuw} bevat 1 fout; er is niets vergeleken" in err
    assert "contacten.yaml:" in err and "'0800-TWEEDUIZEND' is geen geldig telefoonnummer" in err


def test_not_a_folder_nor_a_revision(
    tmp_path: Path, nieuw: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # not inside a git repository
    code, out, err = run(capsys, "bestaat-niet", str(nieuw))
    assert code == 1 and not out
    assert "'bestaat-niet' is geen map" in err and "ligt niet in een git-repository" in err


# --- git revisions -----------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with two commits: the protocol, then a phone number change."""
    repo = tmp_path / "repo"
    shutil.copytree(PROTOCOL, repo / "protocol")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "protocol")
    git(repo, "commit", "-q", "-m", "protocol")
    git(repo, "tag", "v2026.1")
    change(repo / "protocol", "contacten.yaml", "telefoon: 0800-2000", "telefoon: 0800-2099")
    git(repo, "commit", "-q", "-am", "nieuw nummer")
    return repo


def cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "diff", *args], cwd=repo, capture_output=True, text=True, check=False
    )


def test_git_revisions(repo: Path) -> None:
    result = cli(repo, "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "oud:   HEAD~1 (" in result.stdout and "nieuw: HEAD (" in result.stdout
    assert "- Veilig Thuis › telefoon: 0800-2000 → 0800-2099" in result.stdout
    # a tag against the working folder; a folder argument wins over a revision name
    change(repo / "protocol", "rollen.yaml", "    invulling: intern begeleider", "    invulling: IB")
    result = cli(repo, "v2026.1", "protocol", "--markdown")
    assert result.returncode == 0, result.stderr
    assert "**Veilig Thuis › telefoon**" in result.stdout and "**aandachtsfunctionaris › invulling**" in result.stdout
    assert "Vergeleken: oud `v2026.1 (" in result.stdout


def test_git_same_revision_twice(repo: Path) -> None:
    result = cli(repo, "main", "HEAD")
    assert result.returncode == 0 and "Geen inhoudelijke verschillen" in result.stdout


def test_git_unknown_revision(repo: Path) -> None:
    result = cli(repo, "HEAD~5", "HEAD")
    assert result.returncode == 1 and not result.stdout
    assert "'HEAD~5' is geen map en geen bekende git-revisie" in result.stderr
    assert "Traceback" not in result.stderr


def test_git_broken_revision_names_the_file_in_that_revision(repo: Path) -> None:
    change(repo / "protocol", "termijnen.yaml", "  - id: binnen-een-week", "\t- id: binnen-een-week")
    git(repo, "commit", "-q", "-am", "tab")
    result = cli(repo, "HEAD~1", "HEAD")
    assert result.returncode == 1 and not result.stdout
    assert "De bron in HEAD (" in result.stderr and "HEAD:protocol/termijnen.yaml:35: er staat een tab" in result.stderr
    assert "Traceback" not in result.stderr and "/tmp" not in result.stderr


def test_git_revision_without_protocol(repo: Path) -> None:
    (repo / "LEESMIJ").write_text("x", encoding="utf-8")
    git(repo, "rm", "-q", "-r", "protocol")
    git(repo, "add", "LEESMIJ")
    git(repo, "commit", "-q", "-m", "weg")
    result = cli(repo, "HEAD~1", "HEAD")
    assert result.returncode == 1 and "in revisie 'HEAD' staat geen map protocol/" in result.stderr


def test_added_and_removed_wijziging_read_as_dutch(oud: Path, nieuw: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = (
        "  - datum: 2026-12-07\n    versie: '2026.2'\n"
        "    wat: Nieuw nummer voor *Veilig Thuis*.\n    waarom: Evaluatie.\n"
    )
    change(nieuw, "wijzigingen.yaml", "wijzigingen:\n", "wijzigingen:\n" + entry)
    code, out, _ = run(capsys, str(oud), str(nieuw))
    assert code == 0
    line = "toegevoegd: “versie 2026.2 van 07-12-2026: Nieuw nummer voor *Veilig Thuis*. Waarom: Evaluatie.”"
    assert line in section(out, "Wijzigingen (wijzigingen.yaml)")
    assert "{" not in out and '"datum"' not in out
    code, out, _ = run(capsys, "--markdown", str(oud), str(nieuw))
    assert "Nieuw nummer voor \\*Veilig Thuis\\*" in out and "\\{" not in out
    code, out, _ = run(capsys, str(nieuw), str(oud))
    assert "verwijderd: “versie 2026.2 van 07-12-2026" in out
