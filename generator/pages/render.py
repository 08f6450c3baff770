"""Render the model into Markdown pages: a pure function, source in, files out."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from meldcode_engine import Sessie
from meldcode_engine.weergave import rol_regels, taak_item
from meldcode_engine.woorden import VRAAG, VRAAG_SCHERM, aantal, kop, stap_naam

from generator.afwegingskader.export import afwegingskader_data, contact_data, rol_data
from generator.afwegingskader.graph import Graph
from generator.checks.evaluatie import Treffer
from generator.kaarten.placement import inline_chart_pair
from generator.links.adressen import WERKBLAD_PAGINAS, Adressen, page_url
from generator.links.verwijzingen import ReferenceLinks, References
from generator.pages import werkbladen
from generator.pages.modules import module_graph
from generator.pages.oefencasussen import antwoordsleutel
from generator.pages.woorden import SITE_MODULE, SPOED_KOP, loaded_modules, page_woorden
from generator.source.model import Contact, EersteActie, Protocol, Sectie
from generator.source.required import ROLLEN
from generator.source.telefoon import is_dutch_number, tel_href

TEMPLATES = Path(__file__).parent / "templates"

# Pages generated from the model: src path (as mkdocs sees it) → template.
PAGES: dict[str, str] = {
    "index.md": "home.md.j2",
    "zorgen.md": "zorgen.md.j2",
    "meldcode/index.md": "inleiding.md.j2",
    "meldcode/structuur.md": "structuur.md.j2",
    **{f"meldcode/stap-{n}.md": "stap.md.j2" for n in range(1, 7)},
    "afwegingskader.md": "afwegingskader.md.j2",
    "afwegingskader-doorlopen.md": "doorlopen.md.j2",
    "routekaart.md": "routekaart.md.j2",
    "oefenen.md": "oefenen.md.j2",
    "oefencasussen.md": "oefencasussen.md.j2",
    "melding.md": "melding.md.j2",
    "contacten.md": "contacten.md.j2",
    "rollen-en-termijnen.md": "rollen.md.j2",
    "achtergrond.md": "achtergrond.md.j2",
    "adviezen-lkc.md": "adviezen.md.j2",
    "bijlagen/bijlage-1.md": "bijlage-1.md.j2",
    "bijlagen/bijlage-2.md": "bijlage-2.md.j2",
    "bijlagen/bijlage-3.md": "bijlage-3.md.j2",
    "bijlagen/bijlage-4.md": "bijlage-4.md.j2",
    **{src: template for src, (_, template) in werkbladen.WERKBLADEN.items()},
    "over/index.md": "over.md.j2",
    "over/versiegeschiedenis.md": "versies.md.j2",
    "over/evaluatie-checklist.md": "checklist.md.j2",
    "redactie.md": "redactie.md.j2",
}

# How each soort of termijn reads on the pages (site words, not protocol text).
TERMIJN_SOORT = {
    "binnen": "uiterlijk (deadline)",
    "minimaal": "minstens (minimum)",
    "voorwaardelijk": "bij spoed eerder",
    "direct": "direct",
    "voor": "vooraf",
    "afspreken": "af te spreken",
    "geen": "geen termijn",
}


@dataclass
class Renderer:
    protocol: Protocol
    met_pdf: bool = True  # whether the build writes meldcode.pdf: no link to a PDF that is not there
    verouderd: Sequence[Treffer] = ()  # out-of-date references (checks.evaluatie), for the checklist

    def __post_init__(self) -> None:
        self.adressen = self._adressen()
        self.references = References.of(self.protocol)
        self.links = ReferenceLinks(self.references, self.adressen)
        self.rollen = self.references.rollen
        self.contacten = self.references.contacten
        self.termijnen = self.references.termijnen
        # numbers to check at the evaluation (the checklist shows them): parsed once, not per page
        self.telefoon_waarschuwingen = [
            c for c in self.protocol.contacten.contacten if c.telefoon and not is_dutch_number(c.telefoon)
        ]
        self.begrippen = {b.id: b for b in self.protocol.bijlage_2.begrippen}
        self.meldnormen = {n.id: n for n in self.protocol.bijlage_2.meldnormen}
        kader = self.protocol.afwegingskader
        self.knopen = {k.id: k for k in [*kader.vragen, *kader.beslissingen]}
        self.uitkomsten = {u.id: u for u in kader.uitkomsten}
        self.graph = Graph.of(self.protocol)
        self._charts: dict[tuple[str, str], str] = {}
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,  # output is Markdown; text goes through `t` instead
            # `{#id}` is a Markdown heading anchor, so Jinja comments use `{## … ##}`
            comment_start_string="{##",
            comment_end_string="##}",
        )
        self.env.globals["spoed_kop"] = SPOED_KOP  # the emergency numbers' heading, as on every page

    def _adressen(self) -> Adressen:
        # the print version overrides this: its links between printed pages stay in the document
        return Adressen(self.protocol)

    def chart(self, page: str, naam: str) -> str:
        """One chart as inline SVG (desktop and phone layout) with links relative to `page`,
        laid out by Graphviz only when a page shows it, and only once per page."""
        if (page, naam) not in self._charts:
            self._charts[page, naam] = inline_chart_pair(self.protocol, naam, page)
        return self._charts[page, naam]

    def script_front_matter(self, entry: str) -> str:
        """Front matter of a page with its own entry module: the module, what it imports (for
        the head to preload) and the words of every module it loads and of the site-wide one
        (main.html puts them in the page as JSON, for woorden.js)."""
        words = page_woorden(self.protocol, [*loaded_modules(entry), *loaded_modules(SITE_MODULE)])
        return f"script: {entry}\nmodules: {json.dumps(module_graph(entry))}\nwoorden: {json.dumps(words)}"

    # --- afwegingskader helpers ---------------------------------------------------
    def vragen_tabel(self) -> str:
        """The engine's table of every knoop and where each answer leads (Sessie.tabel), as
        JSON to put in the helper's page: it shows the next question from it at once while
        the engine loads. `</` is escaped, so no text can end the script element."""
        tabel = Sessie(afwegingskader_data(self.protocol)).tabel()
        return json.dumps(tabel, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")

    def node_title(self, node_id: str) -> str:
        """How a link to a vraag, beslissing or uitkomst reads."""
        if node_id in self.uitkomsten:
            u = self.uitkomsten[node_id]
            return f"{u.titel} (meldnorm {u.meldnorm})" if u.meldnorm else u.titel
        return kop(self.graph.naam(node_id, kort=True), self.knopen[node_id].titel)

    def herkomst(self, uitkomst_id: str) -> list[tuple[str, str]]:
        """Which answers lead to this uitkomst: [(label, knoop id), ...]."""
        return [
            (f"{self.node_title(k.id).split(':')[0]}, {a.label}", k.id)
            for k in self.knopen.values()
            for a in k.antwoorden
            if a.volgende == uitkomst_id
        ]

    def plain_or_none(self, value: str | None) -> str | None:
        """A source text as plain text for the engine's data; no text stays None."""
        return None if value is None else self.references.plain(value)

    def rol_data(self, rol_id: str) -> dict[str, Any]:
        return rol_data(self.rollen[rol_id], self.plain_or_none)

    def stap_sectie(self, sectie_id: str) -> tuple[int, Sectie]:
        """The stap nummer and section of a stap's section id (checked to exist: `uitzondering`)."""
        return next((st.nummer, s) for st in self.protocol.stappen.stappen for s in st.secties if s.id == sectie_id)

    def taak(self, actie: EersteActie) -> dict[str, Any]:
        """A first-minutes task in the engine's words: what, when, and whom to go to."""
        plain = self.references.plain
        contact = None
        if actie.contact is not None:
            c = self.contacten[actie.contact]
            contact = contact_data(c, self.plain_or_none, c.toelichting)
        return taak_item(plain(actie.kop), plain(actie.wanneer), actie.rol and self.rol_data(actie.rol), contact)

    def werkblad_link(self, at: str, werkblad: str) -> str:
        """A link to a werkblad by its name, as its page is titled: [Overlegformulier](…)."""
        return f"[{werkbladen.WERKBLAD_NAMEN[werkblad]}]({self.adressen.page_link(at, WERKBLAD_PAGINAS[werkblad])})"

    # --- pages ---------------------------------------------------------------------
    def render(self, src: str, at: str | None = None) -> str:
        """The page `src`; links are written as seen from page `at` (default: `src`)."""
        template = self.env.get_template(PAGES[src])
        at = at or src
        context = {
            "p": self.protocol,
            "met_pdf": self.met_pdf,
            "page": at,
            "t": self.links.inline(at),
            "h": self.links.inline(at, as_html=True),
            "href": lambda target: self.adressen.url(at, self.adressen.link(at, target)),
            "kaart": lambda naam: self.chart(at, naam),
            "asset": lambda path: posixpath.relpath(path, page_url(at).rstrip("/") or ".") + "/",
            "link": lambda target: self.adressen.link(at, target),
            "page_link": lambda dest: self.adressen.page_link(at, dest),
            "werkblad_link": lambda w: self.werkblad_link(at, w),
            "rol": self.rollen,
            "contact": self.contacten,
            "termijn": self.termijnen,
            "tel": tel_href,
            "graph": self.graph,
            # "Afwegingsvraag 2", "Beslissing 1"; kort=True: "Vraag 2" (a knoop or its id)
            "knoop_naam": lambda k, kort=False: self.graph.naam(str(getattr(k, "id", k)), kort),
            # the words around the helper's first question, as the engine has them
            "vraag_woorden": VRAAG | VRAAG_SCHERM,
            "vragen_tabel": self.vragen_tabel,
            # counts from the model, in words: aantal(n, "afwegingsvraag", "afwegingsvragen")
            "aantal": aantal,
            # 'Stap 3: In gesprek met de ouders': a name with its title, the one rule
            "kop": kop,
            "stap_naam": stap_naam,
            "vragen": aantal(len(self.protocol.afwegingskader.vragen), "afwegingsvraag", "afwegingsvragen"),
            "beslissingen": aantal(len(self.protocol.afwegingskader.beslissingen), "beslissing", "beslissingen"),
            # front matter: the page's entry module, and all it imports for the head to preload
            "script": self.script_front_matter,
            "contact_regels": contact_regels,
            "begrip_naam": lambda bid: self.begrippen[bid].naam,
            "meldnorm_tekst": lambda nid: self.meldnormen[nid].tekst,
            "uitkomst_titel": self.node_title,
            "herkomst": self.herkomst,
            "termijn_soort": TERMIJN_SOORT,
            "telefoon_waarschuwingen": self.telefoon_waarschuwingen,
            "verouderd": _per_controle(self.verouderd),
            "taak": self.taak,
            "stap_sectie": self.stap_sectie,
            # the rollen a colleague goes to, with who they are (Contacten: "Op school")
            "school_rollen": [(self.rollen[r], rol_regels(self.rol_data(r))) for r in ROLLEN],
        }
        if src in werkbladen.WERKBLADEN:
            context["werkblad"] = werkbladen.WERKBLADEN[src][0]
            context["werkblad_naam"] = werkbladen.WERKBLAD_NAMEN[context["werkblad"]]
            context["wb"] = werkbladen
            context["plain"] = self.references.plain
            context["stappen"] = {s.nummer: s for s in self.protocol.stappen.stappen}
        if src == "oefencasussen.md":
            context["sleutel"] = antwoordsleutel(self.protocol)
        if src.startswith("meldcode/stap-"):
            nummer = int(src.removeprefix("meldcode/stap-").removesuffix(".md"))
            context["stap"] = next(s for s in self.protocol.stappen.stappen if s.nummer == nummer)
        return template.render(context)


class PrintRenderer(Renderer):
    """Renders pages into the one-page print version: links between printed pages
    become links within the document, links to other pages stay site links."""

    def _adressen(self) -> Adressen:
        return _PrintAdressen(self.protocol)

    def document(self) -> str:
        """The print version: title page, contents, then every printed page in order."""
        chapters = []
        for src in PRINTED:
            body = _FRONT_MATTER.sub("", self.render(src, at=PRINT_PAGE), count=1)
            chapters.append(body)
        contents = [
            (page_anchor(self.protocol, src), _first_heading(body)) for src, body in zip(PRINTED, chapters, strict=True)
        ]
        head = self.env.get_template("afdrukken.md.j2").render(
            p=self.protocol, t=self.links.inline(PRINT_PAGE), inhoud=contents
        )
        return head + "\n\n".join(chapters)


# The print version: which pages, in which order (the helper and oefenen need a screen).
PRINT_PAGE = "afdrukken.md"
PRINTED: tuple[str, ...] = (
    "zorgen.md",
    "meldcode/index.md",
    "meldcode/structuur.md",
    *(f"meldcode/stap-{n}.md" for n in range(1, 7)),
    "afwegingskader.md",
    "melding.md",
    "routekaart.md",
    "rollen-en-termijnen.md",
    "contacten.md",
    "achtergrond.md",
    "adviezen-lkc.md",
    *(f"bijlagen/bijlage-{n}.md" for n in range(1, 5)),
    "oefencasussen.md",  # appendix for the trainer: the cases with their answer keys
)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_HEADING = re.compile(r"^# (.+?)(?: \{#[^}]+\})?$", re.M)


def _first_heading(markdown: str) -> str:
    match = _HEADING.search(markdown)
    return match.group(1) if match else ""


class _PrintAdressen(Adressen):
    """Addresses in the print version: a printed page is a place in the document."""

    def link(self, page: str, target: str) -> str:
        if self.anchors.get(target) in PRINTED:
            return f"#{target}"
        return super().link(page, target)

    def page_link(self, page: str, dest: str) -> str:
        if dest in PRINTED:
            return f"#{page_anchor(self.protocol, dest)}"
        return super().page_link(page, dest)


def page_anchor(protocol: Protocol, src: str) -> str:
    """The id of a page's title (its H1), so a whole page can be a link target."""
    fixed = {
        "index.md": "start",
        "meldcode/index.md": "inleiding",
        "meldcode/structuur.md": protocol.inleiding.structuur.id,
        "afwegingskader-doorlopen.md": "doorlopen",
        "over/index.md": "over",
    }
    return fixed.get(src) or src.removesuffix(".md").rsplit("/", 1)[-1]


def contact_regels(contact: Contact) -> list[str]:
    """Address lines of a contact, for templates."""
    return list(contact.adres)


def _per_controle(treffers: Sequence[Treffer]) -> list[tuple[Treffer, list[Treffer]]]:
    """The matches grouped by controle, in the order each controle is first found."""
    groups: dict[str, list[Treffer]] = {}
    for treffer in treffers:
        groups.setdefault(treffer.controle.id, []).append(treffer)
    return [(found[0], found) for found in groups.values()]


def render_pages(protocol: Protocol, met_pdf: bool = True, verouderd: Sequence[Treffer] = ()) -> dict[str, str]:
    """Every generated page: src path → Markdown. Pure: same model (and matches), same output.

    `verouderd`: the out-of-date references `meldcode check` found (with file and line, which
    the model does not know), listed on the Evaluatie-checklist."""
    renderer = Renderer(protocol, met_pdf, verouderd)
    pages = {src: renderer.render(src) for src in PAGES}
    pages[PRINT_PAGE] = PrintRenderer(protocol).document()
    return pages
