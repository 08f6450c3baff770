"""The {soort:id|tekst} references in protocol text: their syntax, the words a reader
sees, and the text as Markdown or HTML with each reference as a link where it has one.

Text from `protocol/` is escaped before it reaches Markdown, so an editor's
`*`, `_` or `<` shows as typed and can never become markup or script.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.links.adressen import Adressen
from generator.source.model import Contact, Protocol, Rol, Termijn
from generator.source.syntaxis import REFERENCE
from generator.source.telefoon import tel_href

_MD_SPECIAL = {
    "*": "&#42;",
    "_": "&#95;",
    "`": "&#96;",
    "[": "&#91;",
    "]": "&#93;",
    "\\": "&#92;",
    "|": "&#124;",
    "#": "&#35;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
}
_SENTENCE_END = re.compile(r"(^|[.!?]\s+)$")


def escape_markdown(text: str) -> str:
    """Plain text → Markdown that shows exactly this text and nothing else."""
    out = html.escape(text, quote=False)
    out = "".join(_MD_SPECIAL.get(ch, ch) for ch in out)
    # a leading "1. ", "- " or "+ " would start a list
    out = re.sub(r"^(\d+)\.(\s)", r"\1&#46;\2", out)
    out = re.sub(r"^([-+])(\s)", lambda m: f"&#{ord(m.group(1))};{m.group(2)}", out)
    return " ".join(out.split())


def escape_markdown_keep_space(text: str) -> str:
    """Like escape_markdown but keeps edge spaces, for text between references."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    core = escape_markdown(text) if text.strip() else ""
    return f"{lead}{core}{trail}" if core else lead or trail


def html_text(text: str) -> str:
    """Plain text for raw HTML: escaped, whitespace kept at the edges."""
    return html.escape(text, quote=False)


def starts_sentence(text: str, pos: int) -> bool:
    """Whether position `pos` in `text` begins a sentence (a termijn there gets a capital)."""
    return bool(_SENTENCE_END.search(text[:pos]))


@dataclass(frozen=True)
class References:
    """The plain-text label of each {soort:id|tekst} reference.

    Shared by the pages (which add links around it) and the JSON export for the
    engine (which needs plain text), so both read a reference the same way.
    """

    rollen: dict[str, Rol]
    contacten: dict[str, Contact]
    termijnen: dict[str, Termijn]

    @classmethod
    def of(cls, protocol: Protocol) -> References:
        return cls(
            rollen={r.id: r for r in protocol.rollen.rollen},
            contacten={c.id: c for c in protocol.contacten.contacten},
            termijnen={t.id: t for t in protocol.termijnen.termijnen},
        )

    def label(self, match: re.Match[str], at_start: bool) -> str:
        """What a reader sees for one reference; an explicit `|tekst` always wins."""
        kind, target, label = match.group(1), match.group(2).strip(), match.group(3)
        if label:
            return label
        if kind == "termijn":
            word = self.termijnen[target].tekst
            return word[:1].upper() + word[1:] if at_start else word
        if kind == "rol":
            return self.rollen[target].naam
        if kind == "invulling":
            return self.rollen[target].invulling or ""
        if kind == "contact":
            return self.contacten[target].naam
        if kind == "telefoon":
            return self.contacten[target].telefoon or ""
        if kind in ("bijlage", "stap"):
            return f"{kind} {target}"
        return target

    def plain(self, text: str) -> str:
        """Text with every reference replaced by its label and whitespace collapsed."""
        resolved = REFERENCE.sub(lambda m: self.label(m, starts_sentence(text, m.start())), text)
        return " ".join(resolved.split())


@dataclass(frozen=True)
class ReferenceLinks:
    """Model text for one page: escaped, each reference as its label and, where it points
    somewhere, a link relative to that page (the print version passes its own addresses)."""

    references: References
    adressen: Adressen

    def inline(self, page: str, as_html: bool = False) -> Callable[[str | None], str]:
        """The text filter for one page: escape text and expand {soort:id} references.

        Markdown (`t`) for running text; HTML (`h`) inside raw HTML such as tables,
        where Markdown is not parsed.
        """
        escape = html_text if as_html else escape_markdown_keep_space

        def t(text: str | None) -> str:
            if text is None:
                return ""
            parts: list[str] = []
            pos = 0
            for match in REFERENCE.finditer(text):
                parts.append(escape(text[pos : match.start()]))
                label, href = self.reference(page, match, starts_sentence(text, match.start()))
                if href is None:
                    parts.append(escape(label))
                elif as_html:
                    parts.append(f'<a href="{html.escape(self.adressen.url(page, href))}">{html_text(label)}</a>')
                else:
                    parts.append(f"[{escape_markdown(label)}]({href})")
                pos = match.end()
            parts.append(escape(text[pos:]))
            return " ".join("".join(parts).split())

        return t

    def reference(self, page: str, match: re.Match[str], at_start: bool) -> tuple[str, str | None]:
        """(label, Markdown href or None) for one {soort:id|label} reference."""
        kind, target = match.group(1), match.group(2).strip()
        label = self.references.label(match, at_start)
        if kind in ("termijn", "rol", "invulling", "contact"):
            return label, None
        if kind == "telefoon":
            return label, tel_href(self.references.contacten[target].telefoon or "")
        if kind in ("bijlage", "stap"):
            return label, self.adressen.link(page, f"{kind}-{target}")
        return label, self.adressen.link(page, target)
