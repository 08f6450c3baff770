"""What the editor in the browser runs (Pyodide, no pydantic): a file as form data, the
form's data written back into the file, and the checks of `meldcode check` that work on the
text as read, with the same Dutch messages, file and line.

Checked here before saving, with `meldcode check`'s own code and words: the model's rules
for single values (required fields, texts, phone numbers, addresses, ids), then the rules
across files (ids, references, routes), stray braces, HTML and runaway length (errors, which
block the save), and the evaluatie controles (warnings, which do not). The form itself also
marks required fields and patterns as typed (`cms.py`).

"Wat verandert er op de site" is `meldcode diff`'s own comparison and words, on the files
as they are and as they would be saved, with the pages that show each text now.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
import traceback
from collections.abc import Callable
from functools import partial
from typing import Any

from meldcode_engine.worker import expose

from generator.checks import samenhang
from generator.checks.evaluatie import verouderd_problems
from generator.checks.required import invulling_warnings
from generator.checks.tekst import MAX_TEKST, too_long
from generator.checks.values import value_errors
from generator.checks.versienummer import versie_key, volgende_versie
from generator.diff.vergelijken import Hoofdstuk, compare
from generator.diff.verslag import als_html, samenvatting
from generator.errors import EditError, SourceError
from generator.redactie.form import NAAM_VELDEN, as_data, save
from generator.redactie.insert import verwijzingen
from generator.redactie.messages import Woorden, for_her, item_names
from generator.redactie.page_texts import where_shown
from generator.redactie.woorden import PROGRAMMAFOUT
from generator.redactie.yaml_file import load
from generator.source.loaded import Loaded
from generator.source.positions import Source, strings, value_at
from generator.source.soorten import Item, Soorten
from generator.source.values import phone_numbers


def _bericht(
    fout: SourceError, soort: str, bron: Source | None = None, woorden: Woorden | None = None
) -> dict[str, Any]:
    """A message for the page: in her words (`tekst`), with `meldcode check`'s own words for the
    console (`technisch`), and with the text it is about (`waarde`), so the field that holds
    that text can show it beside itself."""
    waarde = value_at(bron.data, fout.loc) if bron is not None and fout.loc else None
    eigen = str(waarde) if isinstance(waarde, str) else ""
    tekst = for_her(fout, bron.data if bron is not None else None, woorden, eigen) if woorden else str(fout)
    bericht = {"soort": soort, "tekst": tekst, "technisch": str(fout)}
    return bericht | ({"waarde": str(waarde).strip()} if isinstance(waarde, str) else {})


_BOMEN: dict[str, Any] = {}
_CACHE: dict[tuple[str, str], Source] = {}


def _boom(tekst: str) -> Any:
    """A file's tree as read, once per text: the CMS reads every file (a `lees` request) and the first check
    reads them all again; pure-Python YAML in the browser takes most of a second for the lot.
    Only read from, never changed (`save` reads its own copy). The CMS hands over the text
    without its final newline: the same tree, the same key."""
    sleutel = tekst.rstrip()
    if sleutel not in _BOMEN:
        if len(_BOMEN) > 128:  # an editing session: a few versions of one file, the rest as built
            _BOMEN.clear()
        _BOMEN[sleutel] = load(tekst)
    return _BOMEN[sleutel]


def preload_trees(pad: str) -> None:
    """The published files' trees, read at build time (bundle.py, by this same code) and
    pickled: in the browser, reading them takes most of a second, unpickling a few ms."""
    with open(pad, "rb") as bestand:
        _BOMEN.update(pickle.load(bestand))


def _read_cached(pad: str, tekst: str) -> Source:
    """A file read with positions; the files not being edited are the same on every check."""
    sleutel = (pad, tekst)
    if sleutel not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[sleutel] = Source(pad, _boom(tekst), tekst.splitlines())
    return _CACHE[sleutel]


def _read_all(bestanden: dict[str, dict[str, str]], woorden: Woorden) -> tuple[dict[str, Source], list[dict[str, Any]]]:
    sources: dict[str, Source] = {}
    fouten: list[dict[str, Any]] = []
    for part, bestand in bestanden.items():
        try:
            sources[part] = _read_cached(bestand["pad"], bestand["tekst"])
        except EditError as exc:  # no YAML: the file as a whole is meant (line 0)
            fouten.append(_bericht(SourceError(bestand["pad"], 0, "", exc.message), "fout", woorden=woorden))
    return sources, fouten


def check_files(
    sources: dict[str, Source], onleesbaar: list[dict[str, Any]], pad: str, soorten: Soorten, woorden: Woorden
) -> list[dict[str, Any]]:
    """`sources`: every part of the source as read (`_read_all`), with the file `pad` as it
    would be saved; `onleesbaar`: the files that are no YAML. Errors first, from every file (a
    contact removed here breaks a reference there): the rules across files of `meldcode
    check`, on the raw files read with the model's table. Then the warnings of this file.
    A rule that throws is not caught here: that is a fault of the program (`check_form`)."""
    if onleesbaar:  # a file that is no YAML: nothing else can be said of it
        return onleesbaar
    uit: list[dict[str, Any]] = []
    # the model's rules for single values first: as on the desktop, where a file the model
    # refuses stops the check before the rules across files
    deel = next((d for d, b in sources.items() if b.name == pad), None)
    bron = sources[deel] if deel is not None else None
    if deel is not None and (fouten := value_errors(soorten, soorten.deel(deel), sources[deel])):
        return [_bericht(f, "fout", sources[deel], woorden) for f in _zonder_id_zonder_naam(fouten)]
    # the raw files read with the model's table stand in for the pydantic Protocol: the rules
    # across files read only the fields both have (the editor runs without pydantic)
    loaded = Loaded(_protocol(soorten, sources), sources)  # type: ignore[arg-type]
    fouten = samenhang.errors(loaded)
    uit += [_bericht(f, "fout", bron if f.file == pad else None, woorden) for f in sorted(set(fouten))]
    waarschuwingen = verouderd_problems(sources) + invulling_warnings(loaded)
    uit += [_bericht(w, "waarschuwing", bron, woorden) for w in waarschuwingen if w.file == pad]
    return uit


def _zonder_id_zonder_naam(fouten: list[SourceError]) -> list[SourceError]:
    """A new item's id is made from its name (form.py): while the name is missing, only the
    name is asked for, not also the id she never types."""
    naam_mist = {f.loc[:-1] for f in fouten if f.loc and f.loc[-1] in NAAM_VELDEN}
    return [f for f in fouten if not (f.loc and f.loc[-1] == "id" and f.loc[:-1] in naam_mist)]


_BESTAAT_NIET = re.compile(r"'([a-z0-9]+(?:-[a-z0-9]+)*)' bestaat niet")


def _nog_gebruikt(berichten: list[dict[str, Any]], weg: set[str], woorden: Woorden) -> list[dict[str, Any]]:
    """An item she removed (its id in `weg`) that a text still uses: one message that says
    where it is used, instead of one "bestaat niet" per use."""
    if not weg:
        return berichten
    gebruikt: dict[str, list[str]] = {}
    rest = []
    for b in berichten:
        m = _BESTAAT_NIET.search(b["technisch"])
        if b["soort"] == "fout" and m and m[1] in weg:
            gebruikt.setdefault(m[1], []).append(b["tekst"].split(": ", 1)[0])
        else:
            rest.append(b)
    for id_, plekken in gebruikt.items():
        tekst = (
            f"U haalt ‘{woorden.namen.get(id_, id_)}’ weg, maar het wordt nog gebruikt in: {'; '.join(plekken)}. "
            "Haal die verwijzingen eerst weg, of laat het staan: sluit dit bestand zonder op te slaan."
        )
        rest.insert(0, {"soort": "fout", "tekst": tekst, "technisch": tekst})
    return rest


def _te_lang(pad: str, bron: str, data: Any, woorden: Woorden) -> list[dict[str, Any]]:
    """A runaway text found in the form itself, before the file is written and read again
    (which takes seconds for a pasted document): the same message, at the line where the
    text starts in the file."""
    oversize = [(loc, t) for loc, t in strings(data) if len(t) > MAX_TEKST]
    if not oversize:
        return []
    source = _read_cached(pad, bron)
    return [_bericht(source.error(loc, too_long(t)), "fout", source, woorden) for loc, t in oversize]


_ITEMS: dict[int, tuple[Source, Any]] = {}
_NAMEN: dict[int, tuple[Source, Any]] = {}


def _eenmaal[T](cache: dict[int, tuple[Source, Any]], source: Source, maak: Callable[[], T]) -> T:
    """What `maak` makes of a file, once per file read: an unchanged file is the same object on
    every check (`_read_cached`), so what is made of it is made once."""
    gevonden = cache.get(id(source))
    if gevonden is None or gevonden[0] is not source:  # (the pair keeps the id in use)
        if len(cache) > 64:
            cache.clear()
        gevonden = cache[id(source)] = (source, maak())
    return gevonden[1]


def _item(soorten: Soorten, part: str, source: Source) -> Item:
    """A file as the diff reads it: comparing an unchanged file then costs nothing."""
    return _eenmaal(_ITEMS, source, partial(soorten.item, source.data, soorten.deel(part)))


def _namen(sources: dict[str, Source]) -> dict[str, str]:
    """Every id in the files with its name (`messages.item_names`), each file walked once."""
    uit: dict[str, str] = {}
    for source in sources.values():
        for id_, naam in _eenmaal(_NAMEN, source, partial(item_names, source.data)).items():
            uit.setdefault(id_, naam)
    return uit


def _protocol(soorten: Soorten, sources: dict[str, Source]) -> Item:
    velden = soorten.velden["Protocol"]
    return Item(
        "Protocol", {v.naam: _item(soorten, v.naam, sources[v.naam]) if v.naam in sources else None for v in velden}
    )


def what_changes(
    soorten: Soorten, oud: dict[str, Source], nieuw: dict[str, Source], paginas: list[dict[str, str]]
) -> list[dict[str, Any]]:
    """`meldcode diff` of the files before and after saving, per part: its heading, each change
    as an HTML line, and the pages where the changed texts stand now."""
    hoofdstukken: list[Hoofdstuk] = compare(_protocol(soorten, oud), _protocol(soorten, nieuw), soorten)
    uit: list[dict[str, Any]] = []
    for hoofdstuk, html in zip(hoofdstukken, als_html(hoofdstukken), strict=True):
        gevonden: dict[str, dict[str, str]] = {}
        for w in hoofdstuk.wijzigingen:
            for p in where_shown(paginas, w.oud or ""):
                gevonden.setdefault(p["url"], p)
        uit.append({"soort": "verandering", **html, "paginas": list(gevonden.values())})
    return uit


def versiegeschiedenis(sources: dict[str, Source], vandaag: dt.date) -> dict[str, Any]:
    """What the version rule of `meldcode check` asks after a change: a line on top of
    wijzigingen.yaml with the version that metadata.yaml names. Proposed: the next version
    and today, unless the newest line is of today already. (The words for such a line are
    proposed in the version history itself: `_proposal`.)"""
    nieuwste = sources["wijzigingen"].data["wijzigingen"][0]
    versie, datum = str(nieuwste["versie"]), nieuwste["datum"]
    if isinstance(datum, str):
        datum = dt.date.fromisoformat(datum)
    if datum >= vandaag:
        tekst = (
            f"De versiegeschiedenis heeft al een regel van {datum:%d-%m-%Y} (versie {versie}): "
            "vul die zo nodig aan met deze wijziging."
        )
        return {"soort": "versiegeschiedenis", "tekst": tekst}
    huidig = str(sources["metadata"].data["versie"])
    volgende = volgende_versie(max(versie, huidig, key=versie_key))
    tekst = (
        f"De versiegeschiedenis heeft nog geen regel voor deze wijziging (de nieuwste is versie {versie} "
        f"van {datum:%d-%m-%Y}). Voeg bovenaan een regel toe, bijvoorbeeld versie {volgende} van "
        f"{vandaag:%d-%m-%Y}, met wat er verandert en waarom, en zet in Versie en data de versie op {volgende}."
    )
    return {"soort": "versiegeschiedenis", "tekst": tekst}


def _proposal(
    soorten: Soorten, gepubliceerd: dict[str, Source], nieuw: dict[str, Source], bron: Source
) -> dict[str, Any] | None:
    """For a new line in the version history: the next version after the newest line as saved
    (not the line being typed) and what changed since the published version, in every file
    but the history itself, in `meldcode diff`'s words, as a text the check accepts."""
    zonder = {d: s for d, s in nieuw.items() if d != "wijzigingen"}
    oud = {d: gepubliceerd.get(d, s) for d, s in zonder.items()}
    wat = _zonder_nummers(samenvatting(compare(_protocol(soorten, oud), _protocol(soorten, zonder), soorten)), nieuw)
    regels = bron.data.get("wijzigingen") if isinstance(bron.data, dict) else None
    versies = [str(r["versie"]) for r in regels or [] if isinstance(r, dict) and r.get("versie")]
    huidig = str(nieuw["metadata"].data.get("versie", "")) if "metadata" in nieuw else ""
    versies += [huidig] if huidig else []
    if not versies:
        return None
    return {"versie": volgende_versie(max(versies, key=versie_key)), "wat": wat}


def _zonder_nummers(tekst: str, sources: dict[str, Source]) -> str:
    """A text holds no phone number (the rule for texts): a contact's number, as it is written
    now, as its reference, which the site shows as the number; any other (an old one, or one
    written otherwise before) as "(vorig nummer)"."""
    contacten = sources["contacten"].data.get("contacten") if "contacten" in sources else None
    nummers = {
        str(c["telefoon"]).strip(): c["id"]
        for c in contacten or []
        if isinstance(c, dict) and c.get("telefoon") and c.get("id")
    }
    for nummer in phone_numbers(tekst):
        id_ = nummers.get(nummer)
        tekst = tekst.replace(nummer, f"{{telefoon:{id_}}}" if id_ else "(vorig nummer)", 1)
    return tekst


def _check_form(vraag: dict[str, Any], woorden: Woorden) -> list[dict[str, Any]]:
    pad, bron, data = vraag["pad"], vraag["bron"], vraag["data"]
    if berichten := _te_lang(pad, bron, data, woorden):
        return berichten
    bestanden = {deel: {"pad": p, "tekst": vraag["teksten"].get(p, "")} for deel, p in vraag["bestanden"].items()}
    voor = {deel: dict(b) for deel, b in bestanden.items()}
    for deel, bestand in bestanden.items():
        if bestand["pad"] == pad:
            voor[deel]["tekst"] = bron
            bestand["tekst"] = save(bron, data)
    soorten = Soorten.van_json(vraag["soorten"])
    nieuw, onleesbaar = _read_all(bestanden, woorden)
    oud, _ = _read_all(voor, woorden)
    namen_oud, namen_nieuw = _namen(oud), _namen(nieuw)
    woorden.namen = namen_oud | namen_nieuw
    lijst = {"soort": "verwijzingen", "lijst": verwijzingen(nieuw)}
    berichten = check_files(nieuw, onleesbaar, pad, soorten, woorden)
    berichten = _nog_gebruikt(berichten, namen_oud.keys() - namen_nieuw.keys(), woorden)
    if any(b["soort"] == "fout" for b in berichten):
        return [*berichten, lijst]  # a file that does not pass is not compared
    wat = what_changes(soorten, oud, nieuw, vraag.get("paginas", []))
    if wat and pad != vraag["bestanden"].get("wijzigingen") and {"wijzigingen", "metadata"} <= nieuw.keys():
        wat.append(versiegeschiedenis(nieuw, dt.date.today()))
    if pad == vraag["bestanden"].get("wijzigingen") and "gepubliceerd" in vraag:
        gepubliceerd = {
            deel: {"pad": p, "tekst": vraag["gepubliceerd"].get(p, "")} for deel, p in vraag["bestanden"].items()
        }
        voorstel = _proposal(soorten, _read_all(gepubliceerd, woorden)[0], nieuw, _read_cached(pad, bron))
        if voorstel and voorstel["wat"]:
            wat.append({"soort": "voorstel", "voorstel": voorstel})
    return [*berichten, *wat, lijst]


def check_form(vraag: dict[str, Any]) -> list[dict[str, Any]]:
    """The file `pad` as the form would save it (`bron` with `data`), checked with the others
    as they are in her repository (`teksten`); then what changes on the site, and the list of
    what a text can refer to. Never an exception: a rule that throws is reported as a fault of
    the program, with its traceback for the console."""
    labels = vraag.get("labels") or {}
    woorden = Woorden(labels.get("bestanden", {}), labels.get("velden", {}))
    try:
        return _check_form(vraag, woorden)
    except Exception:  # any fault of a rule is shown, never taken for "no errors"
        return [{"soort": "programmafout", "tekst": PROGRAMMAFOUT, "technisch": traceback.format_exc()}]


def load_form(tekst: str) -> Any:
    """A file's text as the form's data."""
    return as_data(_boom(tekst))


# what the editor's page may ask (start.js), through the same bridge as the helper's engine
handle = expose({"load": load_form, "save": save, "check": check_form}, refused=(EditError,))


__all__ = ["check_files", "check_form", "handle", "load_form", "preload_trees"]
