"""Where the browser editor saves: the school's choice in mkdocs.yml (`extra: redactie:`).

- `git: test` (the default): the CMS's test repository, kept in this browser only. For
  practice and training; nothing reaches the school's files.
- `git: github`: sign-in with a personal access token for one repository (no server of ours).
- `git: gitlab`: sign-in with GitLab's PKCE flow (an application id, no secret, no server).

`make redactie` serves the site on 127.0.0.1 with a Git host configured so the CMS offers to
work on the local checkout (its local-repository mode, Chrome or Edge); with `git: test` it
names a placeholder repository, as the local mode reads only the chosen folder.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from generator.errors import ToolError

HOSTS = ("test", "github", "gitlab")
GITHUB_API = "https://api.github.com"
GITLAB = "https://gitlab.com"
_REPO = re.compile(r"^[\w.-]+(/[\w.-]+)+$")
_ONDERDEEL = "Redactie (mkdocs.yml, extra: redactie:)"
LOKAAL = "school/meldcode"  # the local mode's placeholder when no Git host is configured


def _fout(message: str) -> ToolError:
    return ToolError(f"{message}; zie de pagina Redactie instellen (docs/over/redactie-instellen.md)", _ONDERDEEL)


def backend(extra: dict[str, Any], *, lokaal: bool = False) -> tuple[dict[str, Any], list[str]]:
    """The CMS backend and the origins `connect-src` must allow for it."""
    instellingen = extra.get("redactie") or {}
    if not isinstance(instellingen, dict):
        raise _fout("'redactie' moet onderdelen hebben (git, repository, branch)")
    git = str(instellingen.get("git", "test"))
    if git not in HOSTS:
        raise _fout(f"git: '{git}' is onbekend; kies test, github of gitlab")
    branch = str(instellingen.get("branch") or "main")
    repository = str(instellingen.get("repository") or "")
    if git == "test":
        if lokaal:
            return {"name": "github", "repo": LOKAAL, "branch": branch}, []
        return {"name": "test-repo"}, []
    if not _REPO.match(repository):
        raise _fout(f"repository: '{repository}' is geen repository; schrijf eigenaar/naam, bijvoorbeeld kbs/meldcode")
    if git == "github":
        return {"name": "github", "repo": repository, "branch": branch}, [GITHUB_API]
    base = str(instellingen.get("gitlab_url") or GITLAB).rstrip("/")
    if urlsplit(base).scheme != "https":
        raise _fout(f"gitlab_url: '{base}' moet met https:// beginnen")
    app_id = str(instellingen.get("gitlab_app_id") or "")
    if not app_id and not lokaal:
        raise _fout("gitlab_app_id ontbreekt; maak in GitLab een applicatie aan (zonder geheim) en vul haar id in")
    gitlab = {"name": "gitlab", "repo": repository, "branch": branch, "auth_type": "pkce", "app_id": app_id}
    if base != GITLAB:
        gitlab |= {"base_url": base, "api_root": f"{base}/api/v4"}
    return gitlab, [base]


__all__ = ["HOSTS", "LOKAAL", "backend"]
