"""The Content-Security-Policy of every page, made here and only here.

The policy is one list of directives (POLICY); the helper's page adds one source to
`script-src` (HULP_SCRIPT_SRC). The generated builder configuration hands both policies to
the theme (`config.extra.csp`), whose `main.html` only places them in a `<meta>` tag.

Then strict: every inline script allowed by its sha256 hash. `harden` and `apply` run after
the builder has written the pages (so it serves mkdocs and any later builder
alike): in each page's CSP meta tag, `'unsafe-inline'` in `script-src` is replaced by
the hashes of exactly the inline scripts of that page. Injected script never runs, even
if some text escaped. `style-src` keeps `'unsafe-inline'`: the theme sets style
attributes from its own scripts (e.g. the header shadow and the sidebar height), and CSS
cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Same-origin only: the browser itself refuses any request off the site.
POLICY = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
)
# The helper's page also runs WebAssembly (Pyodide) in a module worker from the site's own origin.
HULP_SCRIPT_SRC = "'wasm-unsafe-eval'"
# The editor's page (/redactie/) runs the CMS from the site's own origin, never with
# 'unsafe-eval': it shows images it made itself (blob:), may start a worker from one, and
# reads its own inline images with fetch (data:, which goes nowhere). connect-src is the
# site itself (and data:) until the Git host's API is configured.
REDACTIE_EXTRA = {"img-src": "blob:", "connect-src": "data:", "worker-src": "blob:", "media-src": "'self' blob:"}


def policy(hulp: bool = False, redactie: bool = False, git_hosts: tuple[str, ...] = ()) -> str:
    """The policy of a page, as it goes into the `<meta>` tag (before the hashes). The editor's
    page may also reach the configured Git host's API (`git_hosts`)."""
    extra = {"script-src": HULP_SCRIPT_SRC} if hulp else dict(REDACTIE_EXTRA) if redactie else {}
    if redactie and git_hosts:
        extra["connect-src"] = " ".join((extra["connect-src"], *git_hosts))
    directives = [f"{d} {extra[d.split()[0]]}" if d.split()[0] in extra else d for d in POLICY]
    added = [f"{name} {value}" for name, value in extra.items() if not any(d.split()[0] == name for d in POLICY)]
    return "; ".join(directives + added)


def policies(git_hosts: tuple[str, ...] = ()) -> dict[str, str]:
    """The policies for the theme: `config.extra.csp.pagina`, `.hulp` and `.redactie`."""
    return {"pagina": policy(), "hulp": policy(hulp=True), "redactie": policy(redactie=True, git_hosts=git_hosts)}


# a script element with its attributes and body (external_scripts.py moves the inline ones out)
SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")', re.I)
# types the browser runs as script; anything else (application/json) is data
_RUNS = {"", "text/javascript", "application/javascript", "module"}


def runs_inline(attrs: str) -> bool:
    """Whether a `<script>` with these attributes is inline code the browser runs: no `src`,
    and not a data block (application/json)."""
    if _SRC.search(attrs):
        return False
    kind = _TYPE.search(attrs)
    return (kind.group(1).lower() if kind else "") in _RUNS


def inline_hashes(html: str) -> list[str]:
    """`'sha256-…'` of every inline script the browser would run, in page order, once each."""
    found: list[str] = []
    for match in SCRIPT.finditer(html):
        if not runs_inline(match.group("attrs")):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in found:
            found.append(token)
    return found


def harden(html: str) -> str:
    """The page with `'unsafe-inline'` in its script-src replaced by its scripts' hashes."""
    hashes = " ".join(inline_hashes(html))

    def rewrite(match: re.Match[str]) -> str:
        directives = []
        for directive in match.group(2).split(";"):
            parts = directive.split()
            if parts and parts[0] == "script-src":
                parts = [p for p in parts if p != "'unsafe-inline'"]
                directive = " ".join(parts + ([hashes] if hashes else []))
            directives.append(directive.strip())
        return match.group(1) + "; ".join(d for d in directives if d) + match.group(3)

    return _META.sub(rewrite, html, count=1)


def apply(site_dir: Path) -> int:
    """Harden every page of a built site; returns the number of pages changed."""
    changed = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        hardened = harden(html)
        if hardened != html:
            page.write_text(hardened, encoding="utf-8")
            changed += 1
    return changed


__all__ = [
    "HULP_SCRIPT_SRC",
    "POLICY",
    "REDACTIE_EXTRA",
    "SCRIPT",
    "apply",
    "harden",
    "inline_hashes",
    "policies",
    "policy",
    "runs_inline",
]
