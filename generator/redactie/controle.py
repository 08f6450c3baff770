"""What the editor in the browser runs (Pyodide, no pydantic): a file as form data, the
form's data written back into the file, and the checks of `meldcode check` that work on the
text as read, with the same Dutch messages, file and line.

Checked here before saving: every reference, stray braces, HTML, runaway length (errors,
which block the save) and the evaluatie controles (warnings, which do not). Required fields,
patterns and read-only ids are in the form itself, from the model (`cms.py`).
"""

from __future__ import annotations

import json
from typing import Any

from generator.checks.evaluatie import patroon_errors, verouderd_problems
from generator.checks.tekst import MAX_TEKST, targets, text_errors, too_long
from generator.errors import BewerkFout, SourceError
from generator.redactie.formulier import bewaar, formulier
from generator.redactie.verschil import veranderingen
from generator.redactie.yamlbestand import lees
from generator.source.positions import Source, strings


def _bericht(fout: SourceError, soort: str) -> dict[str, Any]:
    return {"soort": soort, "bestand": fout.file, "regel": fout.line, "sleutel": fout.path, "tekst": str(fout)}


_CACHE: dict[tuple[str, str], Source] = {}


def _gelezen(pad: str, tekst: str) -> Source:
    """A file read with positions; the files not being edited are the same on every check, and
    reading them again (pure-Python YAML in the browser) took most of a check's time."""
    sleutel = (pad, tekst)
    if sleutel not in _CACHE:
        if len(_CACHE) > 64:  # an editing session: a few versions of one file, the rest as built
            _CACHE.clear()
        _CACHE[sleutel] = Source(pad, lees(tekst), tekst.splitlines())
    return _CACHE[sleutel]


def controleer(bestanden: dict[str, dict[str, str]], ankers: list[str], pad: str) -> list[dict[str, Any]]:
    """`bestanden`: per part of the source its path (`protocol/rollen.yaml`) and text, with the
    file `pad` as it would be saved. Errors first, from every file (a contact removed here
    breaks a reference there), then the warnings of this file."""
    sources: dict[str, Source] = {}
    uit: list[dict[str, Any]] = []
    for part, bestand in bestanden.items():
        try:
            sources[part] = _gelezen(bestand["pad"], bestand["tekst"])
        except BewerkFout as exc:  # no YAML: the file as a whole is meant (line 0)
            uit.append(_bericht(SourceError(bestand["pad"], 0, "", exc.message), "fout"))
    fouten = text_errors(sources, targets(sources, set(ankers)), set()) + patroon_errors(sources)
    uit += [_bericht(f, "fout") for f in sorted(set(fouten))]
    uit += [_bericht(w, "waarschuwing") for w in verouderd_problems(sources) if w.file == pad]
    return uit


def _te_lang(pad: str, bron: str, data: Any) -> list[dict[str, Any]]:
    """A runaway text found in the form itself, before the file is written and read again
    (which takes seconds for a pasted document): the same message, at the line where the
    text starts in the file."""
    oversize = [(loc, t) for loc, t in strings(data) if len(t) > MAX_TEKST]
    if not oversize:
        return []
    source = _gelezen(pad, bron)
    return [_bericht(source.error(loc, too_long(t)), "fout") for loc, t in oversize]


def controleer_formulier(vraag: dict[str, Any]) -> list[dict[str, Any]]:
    """The file `pad` as the form would save it (`bron` with `data`), checked with the others."""
    pad, bron, data = vraag["pad"], vraag["bron"], vraag["data"]
    if berichten := _te_lang(pad, bron, data):
        return berichten
    bestanden = {deel: {"pad": p, "tekst": vraag["teksten"].get(p, "")} for deel, p in vraag["bestanden"].items()}
    for bestand in bestanden.values():
        if bestand["pad"] == pad:
            bestand["tekst"] = bewaar(bron, data)
    wat = [{"soort": "verandering", "tekst": t} for t in veranderingen(bron, data)]
    return controleer(bestanden, vraag["ankers"], pad) + wat


def verwerk(verzoek: str) -> str:
    """One request from the page, as JSON in and JSON out (the worker's only entry)."""
    vraag = json.loads(verzoek)
    soort = vraag["soort"]
    try:
        if soort == "lees":
            return json.dumps({"data": formulier(vraag["tekst"])})
        if soort == "bewaar":
            return json.dumps({"tekst": bewaar(vraag["tekst"], vraag["data"])})
        if soort == "controleer":
            return json.dumps({"berichten": controleer_formulier(vraag)})
    except BewerkFout as exc:
        return json.dumps({"fout": exc.report()})
    return json.dumps({"fout": f"onbekend verzoek '{soort}'"})


__all__ = ["controleer", "controleer_formulier", "verwerk"]
