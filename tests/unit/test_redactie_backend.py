"""Where the editor saves, from mkdocs.yml (`extra: redactie:`): the CMS backend and the one
extra origin the editor's CSP lets it reach; a wrong setting is a Dutch error naming the key."""

from __future__ import annotations

import pytest

from generator.errors import ToolError
from generator.pages.csp import policies
from generator.redactie.backend import GITHUB_API, LOKAAL, backend


def test_without_settings_the_editor_practises_in_the_browser() -> None:
    assert backend({}) == ({"name": "test-repo"}, [])
    assert backend({"redactie": {"git": "test"}}, lokaal=True) == (
        {"name": "github", "repo": LOKAAL, "branch": "main"},
        [],
    )


def test_github_takes_repository_and_branch_and_reaches_only_its_api() -> None:
    git, hosts = backend({"redactie": {"git": "github", "repository": "kbs/meldcode", "branch": "productie"}})
    assert git == {"name": "github", "repo": "kbs/meldcode", "branch": "productie"}
    assert hosts == [GITHUB_API]
    csp = policies(tuple(hosts))
    assert f"connect-src 'self' data: {GITHUB_API}" in csp["redactie"]
    assert GITHUB_API not in csp["pagina"] and GITHUB_API not in csp["hulp"]


def test_gitlab_signs_in_with_pkce_on_its_own_host() -> None:
    instellingen = {
        "git": "gitlab",
        "repository": "school/ict/meldcode",
        "gitlab_app_id": "123",
        "gitlab_url": "https://git.school.nl",
    }
    git, hosts = backend({"redactie": instellingen})
    assert git["auth_type"] == "pkce" and git["app_id"] == "123"
    assert git["api_root"] == "https://git.school.nl/api/v4"
    assert hosts == ["https://git.school.nl"]


@pytest.mark.parametrize(
    ("instellingen", "woorden"),
    [
        ({"git": "bitbucket"}, "git: 'bitbucket' is onbekend"),
        ({"git": "github"}, "repository: '' is geen repository"),
        ({"git": "github", "repository": "alleen-een-naam"}, "schrijf eigenaar/naam"),
        ({"git": "gitlab", "repository": "a/b"}, "gitlab_app_id ontbreekt"),
        ({"git": "gitlab", "repository": "a/b", "gitlab_app_id": "1", "gitlab_url": "http://git.nl"}, "https://"),
    ],
)
def test_a_wrong_setting_says_which_key_and_what_to_do(instellingen: dict[str, str], woorden: str) -> None:
    with pytest.raises(ToolError) as exc:
        backend({"redactie": instellingen})
    assert woorden in exc.value.report()
    assert "mkdocs.yml" in exc.value.report() and "Redactie instellen" in exc.value.report()
