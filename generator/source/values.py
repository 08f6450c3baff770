"""Rules for one value (a text, a phone number, a web address, an e-mail address, an id) that
the model and the browser editor share, with their Dutch messages (standard library only:
the editor runs them in Pyodide, where the typed model cannot be loaded)."""

from __future__ import annotations

import re
from typing import Any

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")
HTML_MESSAGE = "bevat HTML of een script-tag; schrijf gewone tekst zonder '<…>'"


def html_problem(value: str) -> str | None:
    """The Dutch message when a text holds HTML (a tag, a comment, a script), else None."""
    return HTML_MESSAGE if HTML_TAG.search(value) else None


_PHONE_IN_TEXT = re.compile(r"\b0\d{2,3}[- ]?\d{2,4}(?:[- ]?\d{2,4})?\b")
_PHONE = re.compile(r"^\+?[0-9 ()\-]+$")
_URL = re.compile(r"^https?://[a-z0-9.-]+\.[a-z]{2,}(/[^\s<>\"]*)?$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s<>]+@[a-z0-9.-]+\.[a-z]{2,}$", re.IGNORECASE)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def phone_numbers(value: str) -> list[str]:
    """The phone numbers in a text, as the rule for texts finds them (seven digits or more)."""
    return [m for m in _PHONE_IN_TEXT.findall(value) if len(re.sub(r"\D", "", m)) >= 7]


def check_tekst(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("tekst is leeg; vul de tekst in of verwijder het veld")
    if (problem := html_problem(value)) is not None:
        raise ValueError(problem)
    if phone_numbers(value):
        raise ValueError(
            "bevat een telefoonnummer; zet het nummer in protocol/contacten.yaml en verwijs ernaar met {telefoon:id}"
        )
    return value


def check_telefoon(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if not _PHONE.match(value) or not 3 <= len(digits) <= 15:
        raise ValueError(
            f"'{value}' is geen geldig telefoonnummer; gebruik alleen cijfers, "
            "spaties, '-', '(' en ')', bijvoorbeeld 0800-2000"
        )
    return value


def check_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(
            f"'{value}' is geen volledig webadres; begin met https:// en "
            "gebruik een volledige domeinnaam, bijvoorbeeld https://www.augeo.nl"
        )
    return value


def check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' is geen geldig e-mailadres, bijvoorbeeld info@ggdgooi.nl")
    return value


def check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(
            f"'{value}' is geen geldige id; gebruik kleine letters, cijfers en streepjes, bijvoorbeeld vraag-2"
        )
    return value


# a value left out or left empty, as the model's messages say it (source.validate)
LEEG = "hier staat niets; vul de tekst in achter de dubbele punt"


def ontbreekt(naam: str) -> str:
    return f"verplicht veld '{naam}' ontbreekt; voeg het toe"


def ongeldige_datum(value: object) -> str:
    return (
        f"'{value}' is geen geldige datum; schrijf de datum als JJJJ-MM-DD, "
        "bijvoorbeeld 2027-03-01, en controleer of de dag bestaat"
    )


_GOOD_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")


def voorbeeld_id(data: Any) -> str:
    """A valid id that already stands in this file (one with a dash, so it shows the form):
    the example an id's message gives instead of the model's 'vraag-2'."""
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            value = node.get("id")
            if isinstance(value, str) and _GOOD_ID.match(value):
                return value
            stack += list(node.values())
        elif isinstance(node, list):
            stack += node
    return "vraag-2"


# the rule of each kind of value, by name: the model's types (Tekst, Telefoon, …) use these
# functions, and the browser editor runs them by this name (`source.tabel`)
CONTROLES = {
    "tekst": check_tekst,
    "telefoon": check_telefoon,
    "url": check_url,
    "email": check_email,
    "id": check_id,
}

__all__ = [
    "CONTROLES",
    "HTML_MESSAGE",
    "HTML_TAG",
    "check_email",
    "check_id",
    "check_tekst",
    "check_telefoon",
    "check_url",
    "html_problem",
]
