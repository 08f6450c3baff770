"""`meldcode serve` (what `make serve` runs) shows a change in protocol/ at once, with either builder."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
from test_build import project_copy

pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
def test_serve_rebuilds_on_protocol_change(tmp_path: Path, builder: str) -> None:
    project = project_copy(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-P", "-m", "generator.cli", "serve", "--bouwer", builder, "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/contacten/"
        assert wait_for(url, "0800-2000", 120), f"meldcode serve ({builder}) did not start"
        # every link on the home page works while editing: no PDF link without a PDF
        home = f"http://127.0.0.1:{port}/"
        links = {urljoin(home, h) for h in re.findall(r'href="([^"#][^"]*)"', fetch(home))}
        local = sorted(u for u in links if u.startswith(home))
        assert len(local) > 20
        for link in local:
            with urllib.request.urlopen(link, timeout=10) as response:
                assert response.status == 200, link
        assert not any(u.endswith(".pdf") for u in local)
        contacten = project / "protocol" / "contacten.yaml"
        contacten.write_text(contacten.read_text(encoding="utf-8").replace("0800-2000", "0800-2077"), "utf-8")
        assert wait_for(url, "0800-2077", 60), "the page did not change after editing protocol/"
    finally:
        server.terminate()
        server.wait(timeout=10)
