"""The school's repository stops a change before it is published: GitHub's and GitLab's pipelines
run `make test-snel` on every pull or merge request and before the site is built, with the Node.js
and Python the project asks for (Node 20, Python 3.12 or newer), and build the site with its address
(a project's Pages are in a sub path)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github" / "workflows" / "pages.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
QUICK = "make test-snel"
# the Node.js each Debian release ships (packages.debian.org: nodejs)
DEBIAN_NODE = {"bookworm": 18, "trixie": 20, "forky": 22}
MIN_NODE = 20
MIN_PYTHON = (3, 12)
# the site's address, given to the build: in a sub path (a project's Pages) the error page (404)
# finds its styles and links only with it
ADDRESS = "SITE_URL="


def read(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def github_findings(workflow: dict) -> list[str]:
    """What lets a change through GitHub untested, or tests it on the wrong versions."""
    found = []
    triggers = workflow.get("on") or {}
    if "pull_request" not in triggers:
        found.append("geen pull_request onder on:")
    jobs = workflow["jobs"]
    quick = [name for name, job in jobs.items() if any(QUICK in str(s.get("run", "")) for s in job["steps"])]
    if not quick:
        found.append(f"geen job draait {QUICK}")
    for name, job in jobs.items():
        needs = job.get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        builds = [str(s["run"]) for s in job.get("steps", []) if "make site" in str(s.get("run", ""))]
        if builds and not set(quick) & set(needs):
            found.append(f"{name} bouwt de site zonder eerst op {QUICK} te wachten (needs)")
        uses = [str(s.get("uses", "")) for s in job.get("steps", [])]
        if builds and not (any("configure-pages" in u for u in uses) and all(ADDRESS in b for b in builds)):
            found.append(f"{name} bouwt de site zonder haar adres (configure-pages en {ADDRESS})")
        for step in job.get("steps", []):
            version = str((step.get("with") or {}).get("node-version", MIN_NODE))
            if int(version.split(".")[0]) < MIN_NODE:
                found.append(f"{name}: node-version {version}, de site vraagt {MIN_NODE} of nieuwer")
            python = str((step.get("with") or {}).get("python-version", "3.12"))
            if tuple(map(int, python.split(".")[:2])) < MIN_PYTHON:
                found.append(f"{name}: python-version {python}")
    return found


def gitlab_findings(pipeline: dict) -> list[str]:
    """The same for GitLab: the quick job in an earlier stage, on merge requests and on main."""
    found = []
    image = str(pipeline.get("image", ""))
    release = next((r for r in DEBIAN_NODE if r in image), None)
    if release is None:
        found.append(f"image {image}: onbekende Debian-versie, dus onbekende Node.js")
    elif DEBIAN_NODE[release] < MIN_NODE:
        found.append(f"image {image}: Debian {release} heeft Node.js {DEBIAN_NODE[release]}, de site vraagt {MIN_NODE}")
    python = re.search(r"python:(\d+)\.(\d+)", image)
    if python and (int(python[1]), int(python[2])) < MIN_PYTHON:
        found.append(f"image {image}: Python {python[1]}.{python[2]}")
    stages = pipeline.get("stages", ["build", "test", "deploy"])
    jobs = {name: job for name, job in pipeline.items() if isinstance(job, dict) and "script" in job}
    quick = {name: job for name, job in jobs.items() if QUICK in job["script"]}
    if not quick:
        return [*found, f"geen job draait {QUICK}"]
    when = {str(rule.get("if", "")) for job in quick.values() for rule in job.get("rules", [])}
    if not any("merge_request_event" in w for w in when):
        found.append(f"{QUICK} draait niet bij een merge request")
    first = min(stages.index(job.get("stage", "test")) for job in quick.values())
    for name, job in jobs.items():
        builds = [line for line in job["script"] if "make site" in line]
        if builds and stages.index(job.get("stage", "test")) <= first:
            found.append(f"{name} publiceert in een stage die niet na {QUICK} komt")
        if not all(f"{ADDRESS}$CI_PAGES_URL" in b or f'{ADDRESS}"$CI_PAGES_URL' in b for b in builds):
            found.append(f"{name} bouwt de site zonder haar adres ({ADDRESS}$CI_PAGES_URL)")
    return found


def test_github_runs_the_quick_tests_before_publishing() -> None:
    assert github_findings(read(GITHUB)) == []


def test_gitlab_runs_the_quick_tests_before_publishing() -> None:
    assert gitlab_findings(read(GITLAB)) == []


def test_the_pipeline_checks_can_fail() -> None:
    github = read(GITHUB)
    del github["on"]["pull_request"]
    github["jobs"]["build"].pop("needs")
    github["jobs"]["test"]["steps"][2]["with"]["node-version"] = "18"
    github["jobs"]["build"]["steps"] = [s for s in github["jobs"]["build"]["steps"] if s.get("id") != "pages"]
    assert github_findings(github) == [
        "geen pull_request onder on:",
        "test: node-version 18, de site vraagt 20 of nieuwer",
        "build bouwt de site zonder eerst op make test-snel te wachten (needs)",
        "build bouwt de site zonder haar adres (configure-pages en SITE_URL=)",
    ]
    gitlab = read(GITLAB)
    gitlab["image"] = "python:3.11-bookworm"
    gitlab["pages"]["stage"] = "test"
    gitlab["test-snel"]["rules"] = [{"if": '$CI_COMMIT_BRANCH == "main"'}]
    gitlab["pages"]["script"] = ["make site" if "make site" in line else line for line in gitlab["pages"]["script"]]
    assert gitlab_findings(gitlab) == [
        "image python:3.11-bookworm: Debian bookworm heeft Node.js 18, de site vraagt 20",
        "image python:3.11-bookworm: Python 3.11",
        "make test-snel draait niet bij een merge request",
        "pages publiceert in een stage die niet na make test-snel komt",
        "pages bouwt de site zonder haar adres (SITE_URL=$CI_PAGES_URL)",
    ]
