"""Ids in `protocol/` that the site names itself, in a template or in code.

The checks make sure each exists (`generator.checks.required`), so that renaming one in
the source gives a Dutch message with file and line instead of a traceback while the
pages are made. A template that names another id literally must add it here;
tests/unit/test_required.py reads the templates for `contact["…"]`.
"""

from __future__ import annotations

VEILIG_THUIS = "veilig-thuis"
ALARMNUMMER = "alarmnummer"
ADVIES_SECTIE = "inleiding-advies-bij-iedere-stap"
AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris"
DIRECTEUR = "directeur"

# contact id → where the site shows it by that id (for the message)
CONTACTEN = {
    VEILIG_THUIS: "de routekaart, bij het afwegingskader, bij de hulp bij het afwegingskader en bij de melding",
    ALARMNUMMER: "de pagina over de melding",
}
# rol id → where the site names the people in that role (they must be reachable: a warning when nobody is named)
ROLLEN = {
    AANDACHTSFUNCTIONARIS: (
        "op de pagina 'Ik maak me zorgen over een kind', bij Contacten en bij elke actie van de uitkomst"
    ),
    DIRECTEUR: "bij Contacten en bij elke actie van de uitkomst",
}
# id of a section of the inleiding → where the site links to it by that id
INLEIDING_SECTIES = {
    ADVIES_SECTIE: "de routekaart",
}
