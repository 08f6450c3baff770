"""`meldcode build --config school.yml` builds from that file, not from a mkdocs.yml beside it
(the file name was dropped: only its folder was used)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.build.generate import read_base_config, site_address
from generator.errors import ToolError

ROOT = Path(__file__).resolve().parents[2]


def test_build_and_serve_read_the_configuration_file_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "protocol").symlink_to(ROOT / "protocol", target_is_directory=True)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    school = (ROOT / "mkdocs.yml").read_text(encoding="utf-8") + "\nsite_url: https://school.nl/meldcode/\n"
    (tmp_path / "school.yml").write_text(school, encoding="utf-8")
    seen: list[tuple[Path, str]] = []

    def generate(protocol: Any, root: Path, out: Path, **options: Any) -> Any:
        seen.append((root, options["config_file"]))
        raise ToolError("gestopt na het lezen van de configuratie", "test")

    monkeypatch.setattr(cli, "generate", generate)
    config = str(tmp_path / "school.yml")
    assert cli.main(["build", "--config", config, "--site-dir", str(tmp_path / "site"), "--zonder-pdf"]) == 1
    assert cli.main(["serve", "--config", config]) == 1
    assert seen == [(tmp_path, "school.yml")] * 2
    assert read_base_config(tmp_path, "school.yml")["site_url"] == "https://school.nl/meldcode/"
    assert "site_url" not in read_base_config(tmp_path)


@pytest.mark.parametrize("adres", ["school.nl/meldcode", "ftp://school.nl/", "https://school.nl/?a=1"])
def test_an_address_that_is_not_a_site_is_refused_before_anything_is_built(
    adres: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    code = cli.main(["build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(site), "--site-url", adres])
    assert code == 1 and not site.exists()
    assert f"--site-url {adres}: dat is geen adres van een site" in capsys.readouterr().err


def test_a_site_address_ends_in_a_slash() -> None:
    assert site_address("https://school.nl/meldcode") == "https://school.nl/meldcode/"
    assert site_address("https://school.github.io/meldcode/") == "https://school.github.io/meldcode/"
    assert site_address("https://school.github.io/meldcode//") == "https://school.github.io/meldcode/"
