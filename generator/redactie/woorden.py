"""Every word the editor's own parts show (the check's panel, the fields we add, the notes
around the CMS), decided once here: `bundel.py` hands them to the page in controle.json,
`controle.py` uses them in the browser's Python. Standard library only (it runs in Pyodide).
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

PROGRAMMAFOUT = CONTROLE_WOORDEN["programmafout"]

__all__ = ["CONTROLE_WOORDEN", "INVOEGEN_GROEPEN", "PROGRAMMAFOUT"]
