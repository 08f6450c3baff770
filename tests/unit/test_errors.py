"""Two kinds of error, one base: a problem in protocol/ (ProtocolError, the editor's report
with file and line) and a tool that is missing or failed (ToolError), which is not the
source's fault and must not say so. The command prints either without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cli
from generator.errors import MeldcodeError, ProtocolError, SourceError, ToolError
from generator.postbuild import pdf

ROOT = Path(__file__).resolve().parents[2]
BRON_KOP = "De bron in protocol/ bevat"


def test_both_kinds_share_one_base():
    assert issubclass(ProtocolError, MeldcodeError)
    assert issubclass(ToolError, MeldcodeError)
    assert not issubclass(ToolError, ProtocolError)


def test_source_errors_keep_the_editors_report():
    error = ProtocolError([SourceError("protocol/contacten.yaml", 10, "contacten", "ontbreekt")])
    assert error.report().startswith(f"{BRON_KOP} 1 fout; er is niets gebouwd:")
    assert "protocol/contacten.yaml:10: contacten: ontbreekt" in error.report()


def test_missing_chromium_is_a_tool_error_not_a_source_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "CHROMIUM", str(tmp_path / "geen-chromium"))
    with pytest.raises(ToolError) as caught:
        pdf.write_pdf(tmp_path)
    report = caught.value.report()
    assert "Chromium ontbreekt" in report
    assert "make setup" in report  # what to do
    assert BRON_KOP not in report


def test_build_reports_a_tool_failure_without_traceback(monkeypatch, tmp_path, capsys):
    def fails(*args, **kwargs):
        raise ToolError("Node.js ontbreekt; voer 'make setup' uit", "afwegingskader (hulp in de browser)")

    monkeypatch.setattr(cli, "generate", fails)
    site = tmp_path / "site"
    code = cli.main(["build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(site), "--zonder-pdf"])
    err = capsys.readouterr().err
    assert code == 1
    assert "afwegingskader (hulp in de browser): Node.js ontbreekt; voer 'make setup' uit" in err
    assert BRON_KOP not in err
    assert "Traceback" not in err
    assert "De site is niet gebouwd; de vorige versie is niet aangeraakt." in err
    assert not site.exists()
