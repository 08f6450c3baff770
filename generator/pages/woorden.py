"""The words the site's page scripts show, decided once: one group per module, one key per text.

The engine's words (`meldcode_engine.woorden`: the helper, the verslag, the oefencasussen'
summaries) and the editor's (`generator.redactie.woorden`) have their own catalogues; this one
holds what the other scripts say: the werkbladen, Oefenen, the oefencasussen, offline use.

A page carries the groups of the modules it loads as one JSON block
(`<script type="application/json" class="meldcode-woorden">`, placed by main.html), read by
`woorden.js`; no script types a sentence of its own (tests/unit/test_woorden.py). `{naam}` marks
a value the script fills in. Words that follow from the model (a werkblad's name, the moment of
the gesprek met de ouders) are taken from it in `page_woorden`, never typed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.links.verwijzingen import References
from generator.pages.modules import JAVASCRIPTS, module_graph
from generator.pages.werkbladen import WERKBLAD_NAMEN
from generator.paths import PROJECT
from generator.source.model import Protocol

WOORDEN: dict[str, dict[str, str]] = {
    "offline.js": {
        "nieuwe_versie": "Er is een nieuwe versie; vernieuw de pagina.",
        "vernieuwen": "Vernieuwen",
    },
    "werkblad-file.js": {
        "leeg": "Het bestand is leeg. Kies het bestand dat u met Opslaan als bestand hebt gemaakt.",
        "geen_json": (
            "Dit is geen werkbladbestand van deze site. Kies een bestand dat u hier met Opslaan als"
            " bestand hebt gemaakt (het eindigt op .json)."
        ),
        "onleesbaar": (
            "Het bestand is beschadigd of niet volledig. Open een andere kopie, of vul het formulier opnieuw in."
        ),
        "onleesbaar_regel": (
            "Het bestand is beschadigd of niet volledig (de fout zit in regel {regel}). Open een andere"
            " kopie, of vul het formulier opnieuw in."
        ),
        "geen_werkblad": (
            "Dit is geen werkbladbestand van deze site. Kies een bestand dat u hier met Opslaan als"
            " bestand hebt gemaakt."
        ),
        "formaat": "Het bestand is beschadigd: het formaatnummer ontbreekt of klopt niet. Open een andere kopie.",
        "nieuwer": (
            "Dit bestand is gemaakt met een nieuwere versie van de site (formaat {formaat}; deze pagina"
            " leest formaat {leest}). Open het op de nieuwste versie van de site; vernieuw de pagina als"
            " u die net hebt."
        ),
        "ander_werkblad": (
            "Dit bestand hoort bij het werkblad {naam}, niet bij dit werkblad. Open het op de pagina {naam}."
        ),
        "onbekend_werkblad": "Dit bestand hoort bij geen van de werkbladen van deze site.",
        "geen_versie": "Het bestand is beschadigd: de versie van het protocol ontbreekt. Open een andere kopie.",
        "geen_velden": "Het bestand is beschadigd: de ingevulde velden ontbreken. Open een andere kopie.",
        "veld_naam": "Het bestand is beschadigd bij veld {nummer}: het veld heeft geen naam. Open een andere kopie.",
        "veld_vraag": (
            "Het bestand is beschadigd bij veld {nummer}: de vraag is geen tekst of veel te lang. Open een"
            " andere kopie."
        ),
        "veld_lang": (
            "Het veld {veld} bevat {tekens} tekens; een werkblad bevat ten hoogste {max} tekens per veld."
            " Dit bestand is niet geopend."
        ),
        "veld_waarde": (
            "Het bestand is beschadigd bij veld {nummer}: de ingevulde waarde is geen tekst. Open een andere kopie."
        ),
    },
    "werkblad.js": {
        "niet_geopend": "{bestand} is niet geopend. ",
        "naar_werkblad": "Naar het werkblad {naam}",
        "niet_veranderd": "Het formulier is niet veranderd.",
        "andere_versie": "Dit bestand is gemaakt met versie {was} van het protocol; deze site heeft versie {nu}.",
        "formulier_veranderd": "Het formulier is veranderd sinds u dit bestand opsloeg.",
        "anders": "Deze vragen of signalen zijn anders geformuleerd; uw antwoord staat er nog bij:",
        "nu": "Nu: ",
        "in_bestand": ". In uw bestand: ",
        "verweesd": (
            "Deze vragen of signalen staan niet meer in het formulier. Uw invoer staat hieronder en"
            " blijft in het bestand als u opnieuw opslaat; neem over wat nog nodig is:"
        ),
        "aangevinkt": "aangevinkt",
        "niet_aangevinkt": "niet aangevinkt",
        "zelfde_vragen": "De vragen en signalen van dit werkblad zijn niet veranderd.",
        "bestand": "Het bestand {naam}",
        "te_groot": (
            "Het is {mb} MB groot; een werkbladbestand is veel kleiner (hoogstens {max} MB). Kies het"
            " bestand dat u met Opslaan als bestand hebt gemaakt."
        ),
        "vervangen": (
            "Het formulier bevat invoer die nog niet is opgeslagen. Wilt u die vervangen door de inhoud"
            " van het bestand?"
        ),
        "niet_vervangen": "Het bestand is niet geopend; uw invoer is gebleven.",
        "geopend": "{bestand} is geopend.",
        "opgeslagen": (
            "Het bestand is opgeslagen in uw map voor downloads. Bewaar het zoals de school dat voorschrijft."
        ),
        "wissen": "Alles wissen wat op dit werkblad is ingevuld? Wat u niet als bestand hebt opgeslagen, is dan weg.",
        "gewist": "Het werkblad is gewist.",
    },
    "oefenen-tekst.js": {
        "score": "Gedaan: {casussen} van {aantal} casussen, {goed} van {totaal} antwoorden goed.",
        "gedaan": "(gedaan: {goed} van {totaal} goed)",
        "goed": "Goed.",
        "goed_tekst": " U koos {gekozen}, zoals het protocol verwacht.",
        "fout": "Niet wat het protocol verwacht.",
        "fout_tekst": " U koos {gekozen}; het protocol verwacht {verwacht}.",
    },
    "oefenen.js": {
        "bij": "U bent bij {knoop}.",
        "uitkomst": "Uitkomst",
        "einde_uitleg": "Kies Terug om een ander antwoord te proberen, of Opnieuw om bij vraag 1 te beginnen.",
        "einde": "Einde van de route: {titel}.",
        "niet_gestart": (
            "Oefenen kan nu niet starten. U kunt de kaart wel bekijken en op elk onderdeel klikken voor de uitleg."
        ),
    },
    "oefencasussen-laden.js": {
        "niet_geladen": "De casussen kunnen nu niet laden. Ze staan ook op de pagina Oefencasussen voor de trainer.",
    },
    "oefencasussen.js": {
        "eerdere_vragen": "Eerdere vragen",
        "u_koos": "{knoop}: u koos ",
        "goed_kort": " (goed)",
        "verwacht": "; het protocol verwacht {verwacht}",
        "waarom": "Waarom: ",
        "lkc": "LKC-advies",
        "gaat_verder": "De casus gaat verder met het antwoord dat het protocol verwacht.",
        "naar_uitkomst": "Naar de uitkomst",
        "volgende_vraag": "Volgende vraag",
        "samenvatting": "Samenvatting: {goed} van {aantal} antwoorden goed",
        "kolom_vraag": "Vraag",
        "kolom_antwoord": "Uw antwoord",
        "kolom_protocol": "Het protocol",
        "kolom_oordeel": "Oordeel",
        "goed": "goed",
        "niet_goed": "niet goed",
        "volgende_casus": "Volgende casus",
        "terug": "Terug naar de lijst",
        "label": "Oefencasus {nummer} van {aantal} · oefenmateriaal, verzonnen situatie",
        "situatie": "Wat de leerkracht zag en hoorde",
        # the legend names what meldcode.css gives .legenda-gekozen and .legenda-verwacht (and
        # the chart's .is-gekozen and .is-verwacht edges): change them together
        "legenda": "Op de kaart: ",
        "legenda_gekozen": "oranje",
        "legenda_gekozen_tekst": " is uw antwoord, ",
        "legenda_verwacht": "groen gestreept",
        "legenda_verwacht_tekst": " de route van het protocol.",
    },
}

# the site-wide entry module (mkdocs.yml extra_javascript), on every page
SITE_MODULE = "meldcode.js"

# The theme's own pages, read through config.extra.meldcode (generate.site_data): the heading of
# the emergency numbers on every page and in print, and the page a server shows at an address the
# site does not have (404.html), which leads on to the first minutes and the start page.
SPOED_KOP = "Spoed?"
FOUTPAGINA = {
    "titel": "Deze pagina bestaat niet",
    "tekst": "Het adres klopt niet, of de pagina is verplaatst. Zoek hierboven, of ga verder met:",
    "start": "De startpagina",
}


def loaded_modules(entry: str) -> list[str]:
    """`entry` and every module it imports, now or later: those whose words its page carries."""
    return module_graph(entry, later=True)


def _from_model(protocol: Protocol) -> dict[str, dict[str, Any]]:
    """The words that follow from the source and the site's own structure."""
    plain = References.of(protocol).plain
    momenten = {m.id: plain(m.naam) for m in protocol.termijnen.momenten}
    return {
        "werkblad-file.js": {"namen": dict(WERKBLAD_NAMEN)},
        # "Uit het gesprek met de ouders (stap 3)": the moment as termijnen.yaml names it
        "oefencasussen.js": {"gesprek": f"Uit {momenten['gesprek-ouders']}"},
    }


def page_woorden(protocol: Protocol, modules: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The groups of `modules` (those that have words), for the page's JSON block."""
    model = _from_model(protocol)
    groups: dict[str, dict[str, Any]] = {}
    for module in modules:
        if module in WOORDEN or module in model:
            groups[module] = WOORDEN.get(module, {}) | model.get(module, {})
    return groups


def site_woorden(protocol: Protocol) -> dict[str, dict[str, Any]]:
    """The words every page carries: those of the site-wide entry module and its imports."""
    return page_woorden(protocol, loaded_modules(SITE_MODULE))


def all_woorden(protocol: Protocol) -> dict[str, dict[str, Any]]:
    """Every group, as a page loading every module would carry them (the node tests' words)."""
    return page_woorden(protocol, sorted(p.name for p in JAVASCRIPTS.glob("*.js")))


if __name__ == "__main__":  # `python -m generator.pages.woorden [protocol/]`: every group as JSON
    import json
    import sys

    from generator.source.load import load

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT / "protocol"
    print(json.dumps(all_woorden(load(folder).protocol), ensure_ascii=False))
