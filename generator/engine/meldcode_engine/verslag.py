"""The verslag as plain Dutch text: for printing, and as the golden files in review.

Only the layout words live here (Antwoord, Wie, Wanneer, …); every sentence of the
protocol comes from the verslag dict, which comes from the exported JSON.
"""

from __future__ import annotations

import textwrap
from typing import Any

WIDTH = 78
INDENT = "  "
SOORT = {"vraag": "Afwegingsvraag", "beslissing": "Beslissing"}


class _Text:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, text: str = "") -> None:
        self.lines.append(text)

    def para(self, text: str, first: str = "", rest: str | None = None) -> None:
        """Wrapped text; phone numbers and 't/m' never break (no hyphen or long-word breaks)."""
        wrapped = textwrap.wrap(
            text,
            width=WIDTH,
            initial_indent=first,
            subsequent_indent=first if rest is None else rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        self.lines += wrapped or [first.rstrip()]

    def heading(self, text: str) -> None:
        if self.lines and self.lines[-1]:
            self.line()
        self.line(text)
        self.line("=" * len(text))

    def __str__(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines).strip("\n") + "\n"


def _antwoord(entry: dict[str, Any]) -> str:
    return f"{entry['label']}: {entry['betekenis']}"


def protocol_code(entry: dict[str, Any]) -> str:
    """The protocol's letter code as a small reference, never as the text."""
    return f"(in het protocol: {entry['code']})" if entry.get("code") else ""


def _onderbouwing(out: _Text, onderbouwing: str) -> None:
    """What the user typed, line by line as typed."""
    label = f"{INDENT}Onderbouwing: "
    if not onderbouwing.strip():
        out.line(f"{label}(niet ingevuld)")
        return
    rest = " " * len(label)
    for i, regel in enumerate(onderbouwing.splitlines()):
        out.para(regel, label if i == 0 else rest, rest)


def _knoop_kop(out: _Text, entry: dict[str, Any]) -> None:
    out.line()
    out.para(f"{SOORT.get(entry['soort'], entry['soort'])} {entry['nummer']}: {entry['titel']}")
    if entry["vraag"] != entry["titel"]:
        out.para(entry["vraag"], INDENT)


def _actie(out: _Text, actie: dict[str, Any]) -> None:
    out.line()
    out.para(actie["tekst"], "- ", INDENT)
    if actie["rol"]:
        rol = actie["rol"]
        invulling = f" ({rol['invulling']})" if rol["invulling"] else ""
        out.para(f"{rol['naam']}{invulling}", f"{INDENT}Wie: ", INDENT * 2)
    if actie["door"]:
        out.para(actie["door"]["naam"], f"{INDENT}Wie: ", INDENT * 2)
    if actie["contact"] and actie["contact"]["telefoon"]:
        contact = actie["contact"]
        out.para(f"{contact['naam']}, {contact['telefoon']}", f"{INDENT}Bellen: ", INDENT * 2)
    moment = actie["wanneer"]
    out.para(moment["tekst"], f"{INDENT}Wanneer: ", INDENT * 2)
    if moment["datum_tekst"]:
        out.para(moment["datum_tekst"], f"{INDENT}Datum: ", INDENT * 2)
    elif moment["moment"]:
        vanaf = actie["termijn"]["vanaf"]
        out.para(f"nog niet bekend; vul {vanaf['datum']} in", f"{INDENT}Datum: ", INDENT * 2)


def tekst(verslag: dict[str, Any]) -> str:
    """Render a verslag dict (from Sessie.verslag) as plain text: the decision and what
    to do first, the reasons after."""
    out = _Text()
    meta = verslag["metadata"]
    out.line("Verslag van het afwegingskader")
    out.para(meta["titel"])
    out.para(f"{meta['school']}, versie {meta['versie']}")
    out.line(f"Startdatum: {verslag['startdatum']['tekst']}")

    uitkomst = verslag["uitkomst"]
    out.heading(f"Uitkomst: {uitkomst['titel']}")
    out.line("Besluit: melden bij Veilig Thuis." if uitkomst["melden"] else "Besluit: geen melding bij Veilig Thuis.")

    out.heading("Wat nu: wie doet wat en wanneer")
    for actie in verslag["acties"]:
        _actie(out, actie)
    if verslag["verwachten"]:
        out.heading("Wat u daarna kunt verwachten")
        for actie in verslag["verwachten"]:
            _actie(out, actie)

    if uitkomst["meldnorm"] or uitkomst["voorwaarde"] or uitkomst["tekst"]:
        out.heading("Waarom deze uitkomst")
        if uitkomst["meldnorm"]:
            norm = uitkomst["meldnorm"]
            out.para(f"Meldnorm {norm['id']}: {norm['tekst']}")
        if uitkomst["voorwaarde"]:
            out.para(f"(in het protocol: {uitkomst['voorwaarde']})")
        for alinea in uitkomst["tekst"]:
            out.line()
            out.para(alinea)

    out.heading("Uw antwoorden")
    for entry in verslag["route"]:
        _knoop_kop(out, entry)
        out.para(f"{_antwoord(entry)} {protocol_code(entry)}", f"{INDENT}Antwoord: ", INDENT * 2)
        _onderbouwing(out, entry["onderbouwing"])

    if verslag["beslissingen"]:
        out.heading("Beslissingen die niet gevraagd zijn")
        for entry in verslag["beslissingen"]:
            _knoop_kop(out, entry)
            if entry["herkomst"] == "afgeleid":
                out.para(f"{_antwoord(entry)} {protocol_code(entry)}", f"{INDENT}Antwoord: ", INDENT * 2)
                out.line(f"{INDENT}Volgt uit de afwegingsvragen; niet apart gevraagd.")
            else:
                out.para(f"{entry['label']} ({entry['betekenis']})", INDENT)

    melding = verslag["melding"]
    if melding:
        out.heading(melding["titel"])
        for sectie in melding["secties"]:
            out.line()
            out.para(sectie["titel"])
            for i, alinea in enumerate(sectie["alineas"]):
                if i:
                    out.line()
                out.para(alinea, INDENT)
        out.line()
        out.line("Bij spoed:")
        for contact in melding["spoed"]:
            waarvoor = f" ({contact['toelichting']})" if contact["toelichting"] else ""
            out.para(f"{contact['naam']}: {contact['telefoon']}{waarvoor}", "- ", INDENT)
    return str(out)
