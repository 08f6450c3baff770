"""Rules for one text value that the model and the browser editor share (standard library
only: the editor runs them in Pyodide, where the typed model cannot be loaded)."""

from __future__ import annotations

import re

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")
HTML_MESSAGE = "bevat HTML of een script-tag; schrijf gewone tekst zonder '<…>'"


def html_problem(value: str) -> str | None:
    """The Dutch message when a text holds HTML (a tag, a comment, a script), else None."""
    return HTML_MESSAGE if HTML_TAG.search(value) else None


__all__ = ["HTML_MESSAGE", "HTML_TAG", "html_problem"]
