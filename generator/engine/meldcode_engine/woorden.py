"""The engine's words: every fixed text the helper, the verslag and the pages built from the
engine show, decided once. `weergave` places them; the page scripts receive them from the engine
(its state and blocks) and never type them again.

Standard library only: this runs in the browser (Pyodide) as well as in pytest.
"""

from __future__ import annotations

KOP = "Verslag van het afwegingskader"
SOORT = {"vraag": "Afwegingsvraag", "beslissing": "Beslissing"}
# The short form, where the knoop's title follows at once (Oefenen, the trainer page).
SOORT_KORT = {"vraag": "Vraag", "beslissing": "Beslissing"}
NIET_INGEVULD = "(niet ingevuld)"
WAT_NU = "Wat nu: wie doet wat en wanneer"
VERWACHTEN = "Wat u daarna kunt verwachten"
AFGELEID = "Volgt uit de afwegingsvragen; niet apart gevraagd."
DATUMS = "Data van de termijnen"
STARTDATUM = "Startdatum"  # the day of the verslag: the moment `besluit` the termijnen count from
ONBEKEND = "vraag op school wie dit is"  # a rol with fixed people, none named yet in rollen.yaml


STAP = "Stap {nummer}"


def stap_naam(nummer: int | str) -> str:
    """'Stap 3': a stap's name, the one way the site writes it (tests/unit/test_woorden.py)."""
    return STAP.format(nummer=nummer)


def kop(naam: str, titel: str | None = None) -> str:
    """'Afwegingsvraag 2: Veiligheid', 'Stap 3: In gesprek met de ouders': a name with its title,
    the one way the site composes such a heading (tests/unit/test_woorden.py holds every other
    place to it); the name alone when there is no title to add."""
    return f"{naam}: {titel}" if titel else naam


# The words around a question, the same for the first one (the page's HTML) and the next
# ones (drawn by the page script from the engine's state).
VRAAG = {
    "onderbouwing": "Onderbouwing (niet verplicht): waarom dit antwoord?",
    "begrip": "Wat is {naam}?",
    "definitie": "Definitie: ",
    "voorbeelden": "Voorbeelden:",
}

# The words of the question screen that fold away (so the answers and Volgende fit on a
# phone's first screen) and that ask before the user's answers are wiped.
VRAAG_SCHERM = {
    "toelichting": "Toelichting bij deze vraag",
    "gevolgen": "Wat volgt op elk antwoord?",
    "ingevuld": "(ingevuld)",  # beside the folded onderbouwing when it holds a reason
    "opnieuw": "Opnieuw beginnen? Al uw antwoorden en onderbouwingen worden gewist; ze zijn nergens bewaard.",
    # Volgende before the helper runs: the answer is kept, and the page says so at once
    "ontvangen": "Uw antwoord is ontvangen. De hulp wordt nog geladen; daarna gaat het vanzelf verder.",
    "kies": "Kies een antwoord om verder te gaan.",
    # said (aria-live) once the helper has taken over from the page's table
    "gestart": "De hulp is klaar. Alles gebeurt op dit apparaat.",
    # the last answer, given before the helper could make the uitkomst (only it can: dates)
    "uitkomst_volgt": "Uw antwoorden zijn ontvangen. De hulp wordt nog geladen; daarna ziet u meteen de uitkomst.",
    # the questions came from the page's table while the helper loaded; the helper, walking
    # the same answers, arrived elsewhere (a page older than its helper): the helper's route counts
    "anders": (
        "Let op: de hulp is bij uw antwoorden op een andere plek uitgekomen dan deze pagina liet "
        "zien. U ziet nu de plek van de hulp."
    ),
}

# The buttons under an uitkomst: what each does, in the words the page shows.
KNOPPEN = (
    ("afdrukken", "Afdrukken / opslaan als PDF"),
    ("terug", "Vorige"),
    ("opnieuw", "Opnieuw"),
    ("overlegformulier", "Opslaan voor het overlegformulier"),
)

# The words of "Opslaan voor het overlegformulier": the route goes into onderdeel F of the
# user's own Overlegformulier file (the rest of it kept as it is), or into a new file.
# `{bestand}` is the chosen file's name, `{werkblad}` the link to the werkblad page.
OVERLEG = {
    "uitleg": (
        "Hebt u het Overlegformulier al als bestand opgeslagen? Voeg uw route dan toe aan dat"
        " bestand: onderdeel F wordt ingevuld, al het andere blijft zoals het is. Nog geen"
        " bestand? Sla dan een nieuw Overlegformulier op. U krijgt een bestand in uw map voor"
        " downloads; de site bewaart niets en verstuurt niets."
    ),
    "toevoegen": "Toevoegen aan mijn Overlegformulier",
    "nieuw": "Nieuw Overlegformulier opslaan",
    "kiezen": "Uw Overlegformulier-bestand kiezen",
    "werkblad": "werkblad Overlegformulier",
    "toegevoegd": (
        "Uw route staat nu bij onderdeel F van {bestand}; de andere velden zijn niet veranderd."
        " Het nieuwe bestand staat in uw map voor downloads. Open het op het {werkblad} met"
        " Bestand openen."
    ),
    "vervangen": "Wat eerder bij onderdeel F stond, is vervangen door deze route.",
    "opgeslagen": (
        "Het bestand staat in uw map voor downloads. Open het op het {werkblad} met Bestand"
        " openen: uw route staat dan bij onderdeel F."
    ),
    "geen": (
        "{bestand} is geen Overlegformulier. Kies het bestand dat u op het {werkblad} met"
        " Opslaan als bestand hebt gemaakt (het eindigt op .json). Er is niets opgeslagen."
    ),
    "beschadigd": (
        "{bestand} is beschadigd of niet volledig. Kies een andere kopie van uw Overlegformulier,"
        " of sla een nieuw Overlegformulier op. Er is niets opgeslagen."
    ),
    "nieuwer": (
        "{bestand} is gemaakt met een nieuwere versie van de site. Vernieuw deze pagina en"
        " probeer het opnieuw. Er is niets opgeslagen."
    ),
}


# Counts in words, as the protocol writes them ("vijf afwegingsvragen"); above twaalf, digits.
TELWOORDEN = ("geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'vijf afwegingsvragen', 'één beslissing': a count from the model, in words."""
    woord = TELWOORDEN[n] if 0 <= n < len(TELWOORDEN) else str(n)
    return f"{woord} {enkelvoud if n == 1 else meervoud}"


__all__ = [
    "AFGELEID",
    "DATUMS",
    "KNOPPEN",
    "KOP",
    "NIET_INGEVULD",
    "ONBEKEND",
    "OVERLEG",
    "SOORT",
    "SOORT_KORT",
    "STARTDATUM",
    "TELWOORDEN",
    "VERWACHTEN",
    "VRAAG",
    "VRAAG_SCHERM",
    "WAT_NU",
    "aantal",
    "kop",
]
