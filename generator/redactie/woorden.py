"""Every word the editor's own parts show (the check's panel, the fields we add, the notes
around the CMS), decided once here: `bundle.py` hands them to the page in controle.json,
`check.py` uses them in the browser's Python. Standard library only (it runs in Pyodide).
"""

from __future__ import annotations

CONTROLE_WOORDEN = {
    "bezig": "Bezig met controleren…",
    "fouten": "Fouten: dit bestand kan zo niet worden opgeslagen",
    "waarschuwingen": "Waarschuwingen: opslaan kan, kijk ze wel na",
    "goed": "Geen fouten of waarschuwingen.",
    "verandering": "Wat verandert er op de site als u opslaat",
    "te_zien": "Staat nu op:",
    "overal": "En in de afdrukversie en de PDF van het hele protocol.",
    "nergens": "Nieuw: staat nog op geen pagina.",
    "versiegeschiedenis": "De versiegeschiedenis openen",
    "voorstel": "Voorstel invullen:",
    "mislukt": "De controle kon niet starten; opslaan wacht tot hij werkt. Wat u typte blijft staan; probeer "
    "het over een minuut opnieuw met Opslaan.",
    # a rule that throws is a fault in the program, not in her text: said plainly, not hidden
    "programmafout": "De controle liep vast op een fout in het programma, niet in uw tekst. Opslaan kan; bij het "
    "publiceren controleert de site alles opnieuw. Meld dit aan wie de site onderhoudt.",
    "samenvatting_een": "Eén probleem houdt het opslaan tegen:",
    "samenvatting": "{n} problemen houden het opslaan tegen:",
    "oefenen": "Oefenomgeving: wat u hier opslaat, blijft in deze browser. Er wordt niets gepubliceerd.",
    "opgeslagen_oefenen": "Opgeslagen in de oefenomgeving. Er is niets gepubliceerd.",
    "opgeslagen": "Opgeslagen. De site wordt nu opnieuw gecontroleerd en gebouwd; over een paar minuten staat de "
    "wijziging op de site. Lukt dat niet, dan ziet u dat bij de bouwstappen van de repository (Actions of "
    "CI/CD) en blijft de vorige versie online.",
    "id_uit_naam": "Wordt gemaakt uit de naam.",
    "id_zelf": "Zelf kiezen",
    "id_uitleg": "De korte naam waarmee teksten en de site naar dit onderdeel verwijzen. Bij een nieuw "
    "onderdeel wordt hij bij het opslaan uit de naam gemaakt; een bestaande ligt vast.",
    "invoegen": "Invoegen…",
    "weg_vragen": "Dit onderdeel verwijderen? Wat erin staat, gaat verloren zodra u opslaat.",
    "terug_vragen": "U hebt wijzigingen die nog niet zijn opgeslagen. Toch teruggaan? Dan gaan ze verloren.",
}
# the groups of Invoegen, by reference kind (`{soort:id}`)
INVOEGEN_GROEPEN = {
    "telefoon": "Telefoonnummer",
    "contact": "Contact",
    "rol": "Rol",
    "invulling": "Wie de rol vervult",
    "termijn": "Termijn",
    "stap": "Stap",
    "bijlage": "Bijlage",
}

# The CMS's own words in its Dutch translation (its package's locales/nl.json), where that
# lacks one (then the CMS shows English) or uses a programmer's word: completed here, at build time
CMS_WOORDEN = {
    "show_errors": "Fouten tonen",
    "list_item_options": "Opties voor dit onderdeel",
    "collections": "Onderdelen",
    "entry": "Onderdeel",
    "entries": "Onderdelen",
    "live_site": "De site",
    "visit_live_site": "De site bekijken",
    "entry_saved": ".input {$count :integer} .match $count one {{Opgeslagen.}} * {{{$count} onderdelen opgeslagen.}}",
}

PROGRAMMAFOUT = CONTROLE_WOORDEN["programmafout"]

__all__ = ["CMS_WOORDEN", "CONTROLE_WOORDEN", "INVOEGEN_GROEPEN", "PROGRAMMAFOUT"]
