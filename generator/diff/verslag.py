"""The differences as a report in Dutch: plain text for the terminal, Markdown to paste
into the evaluation report, or HTML lines for the browser editor's panel, with the same words."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from generator.diff.vergelijken import Hoofdstuk, Wijziging

SHORT = 80  # texts up to this length are shown whole, longer ones word by word
Deel = tuple[str, str, str]  # (tag, old words, new words); tag is =, -, + or ~ (replaced)


Vorm = Literal["tekst", "markdown", "html"]


@dataclass(frozen=True)
class _Stijl:
    """Plain text for the terminal, Markdown for the report or HTML for the editor: the same words."""

    vorm: Vorm

    def _veilig(self, text: str) -> str:
        if self.vorm == "markdown":
            return _escape(text)
        return html.escape(text, quote=False) if self.vorm == "html" else text

    def waarde(self, text: str, quote: bool | None = None) -> str:
        """A value; text in quotes, a bare id, number or date without."""
        if quote is None:
            quote = bool(re.search(r"\s", text))
        text = self._veilig(text)
        return f"“{text}”" if quote else text

    def plaats(self, plaats: tuple[str, ...]) -> str:
        text = " › ".join(plaats)
        if self.vorm == "tekst" or not text:
            return text
        return f"**{_escape(text)}**" if self.vorm == "markdown" else f"<strong>{html.escape(text)}</strong>"

    def woorden(self, delen: list[Deel]) -> str:
        (weg, weg_eind), (erbij, erbij_eind) = _MARKEN[self.vorm]
        out = []
        for tag, oud, nieuw in delen:
            oud, nieuw = self._veilig(oud), self._veilig(nieuw)
            if tag == "=":
                out.append(oud)
            elif tag == "-":
                out.append(f"{weg}{oud}{weg_eind}")
            elif tag == "+":
                out.append(f"{erbij}{nieuw}{erbij_eind}")
            elif self.vorm == "tekst":  # a run of words replaced by another
                out.append(f"[{oud} → {nieuw}]")
            else:
                out.append(f"{weg}{oud}{weg_eind} {erbij}{nieuw}{erbij_eind}")
        return " ".join(out)


# how words taken out and put in are marked, per form
_MARKEN = {
    "tekst": (("[weg: ", "]"), ("[erbij: ", "]")),
    "markdown": (("~~", "~~"), ("**", "**")),
    "html": (("<del>", "</del>"), ("<ins>", "</ins>")),
}


def _escape(text: str) -> str:
    """Markdown-safe: the protocol text may hold *, _, [ and friends."""
    return re.sub(r"([\\`*_{}\[\]<>#|~])", r"\\\1", text)


def _woordverschil(oud: str, nieuw: str) -> list[Deel] | None:
    """Word-level changes with a little context, or None when the texts differ too much."""
    a, b = oud.split(), nieuw.split()
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < 0.5:
        return None
    delen: list[Deel] = []
    opcodes = matcher.get_opcodes()
    context = 4
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            first, last = n == 0, n == len(opcodes) - 1
            if len(words) > 2 * context + 1 or (first and len(words) > context) or (last and len(words) > context):
                head = [] if first else words[:context]
                tail = [] if last else words[-context:]
                delen.append(("=", " ".join([*head, "…", *tail]), ""))
            else:
                delen.append(("=", " ".join(words), ""))
        elif tag == "delete":
            delen.append(("-", " ".join(a[i1:i2]), ""))
        elif tag == "insert":
            delen.append(("+", "", " ".join(b[j1:j2])))
        else:
            delen.append(("~", " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return delen


def _regel(w: Wijziging, stijl: _Stijl) -> list[str]:
    """One change as one bullet (and, for long texts that differ a lot, two indented lines)."""
    plaats = stijl.plaats(w.plaats)
    kop = f"{plaats}: " if plaats else ""
    if w.soort == "toegevoegd":
        return [f"{kop}toegevoegd: {stijl.waarde(w.nieuw or '')}"]
    if w.soort == "verwijderd":
        return [f"{kop}verwijderd: {stijl.waarde(w.oud or '')}"]
    if w.soort == "verplaatst":
        return [f"{kop}verplaatst {w.nieuw}: {stijl.waarde(w.oud or '')}"]
    if w.soort == "volgorde":
        return [f"{kop}andere volgorde: {stijl.waarde(w.nieuw or '')} (was: {stijl.waarde(w.oud or '')})"]
    oud, nieuw = w.oud or "", w.nieuw or ""
    if max(len(oud), len(nieuw)) <= SHORT:
        quote = bool(re.search(r"\s", oud)) or bool(re.search(r"\s", nieuw))
        return [f"{kop}{stijl.waarde(oud, quote)} → {stijl.waarde(nieuw, quote)}"]
    delen = _woordverschil(oud, nieuw)
    if delen is not None:
        return [f"{kop}{stijl.woorden(delen)}"]
    return [f"{kop}tekst herschreven", f"was:   {stijl.waarde(oud)}", f"wordt: {stijl.waarde(nieuw)}"]


def render(hoofdstukken: list[Hoofdstuk], oud: str, nieuw: str, markdown: bool = False) -> str:
    """The report: per part a heading and a bullet per change."""
    stijl = _Stijl("markdown" if markdown else "tekst")
    lines: list[str] = []
    if markdown:
        lines += ["# Wijzigingen in het protocol", "", f"Vergeleken: oud `{oud}` met nieuw `{nieuw}`.", ""]
    else:
        lines += ["Wijzigingen in het protocol", f"  oud:   {oud}", f"  nieuw: {nieuw}", ""]
    if not hoofdstukken:
        lines.append(
            "Geen inhoudelijke verschillen: de teksten, routes, contacten, rollen en termijnen zijn gelijk "
            "(opmaak en commentaar in de YAML-bestanden tellen niet mee)."
        )
        return "\n".join(lines) + "\n"
    for hoofdstuk in hoofdstukken:
        n = len(hoofdstuk.wijzigingen)
        aantal = "1 wijziging" if n == 1 else f"{n} wijzigingen"
        lines.append(f"## {hoofdstuk.titel}" if markdown else f"{hoofdstuk.titel} – {aantal}")
        if markdown:
            lines.append("")
        for w in hoofdstuk.wijzigingen:
            first, *rest = _regel(w, stijl)
            lines.append(f"- {first}")
            lines += [f"  - {r}" if markdown else f"    {r}" for r in rest]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def samenvatting(hoofdstukken: list[Hoofdstuk]) -> str:
    """The changes in one line of plain text, per part: a first wording for the version
    history ("Contacten: Veilig Thuis › telefoon: “0800-2000” → “0800 2000”.")."""
    stijl = _Stijl("tekst")
    delen = []
    for h in hoofdstukken:
        titel = re.sub(r" \([^()]*\.yaml\)$", "", h.titel)
        delen.append(f"{titel}: {'; '.join(_regel(w, stijl)[0] for w in h.wijzigingen)}")
    return ". ".join(delen) + "." if delen else ""


def als_html(hoofdstukken: list[Hoofdstuk]) -> list[dict[str, object]]:
    """The report for the editor's panel: per part its heading and its changes as HTML lines
    (escaped here; <strong>, <del> and <ins> the only markup)."""
    stijl = _Stijl("html")
    return [{"titel": h.titel, "regels": ["<br>".join(_regel(w, stijl)) for w in h.wijzigingen]} for h in hoofdstukken]
