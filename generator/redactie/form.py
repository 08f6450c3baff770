"""A source file as the editor's form sees it (plain data), and the form's data written back
into the file with only what the user changed.

The CMS hands over the whole form on save, not the edits. `save` compares it with the file
and changes only the values that differ, in the style they had (yaml_file): comments,
quoting, folded text and key order of everything else stay byte for byte. A list item added
or removed is matched by its `id` (or its content), so an entry added at the top of
`wijzigingen.yaml` is one insertion, not a rewrite of every entry below it.

Standard library and ruamel.yaml only: it runs in the browser (Pyodide) as on the desktop.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from typing import Any

from generator.redactie.yaml_file import _einde, _in_stijl, _verhuis_staart, dump, load


def as_data(waarde: Any) -> Any:
    """A read tree as JSON data for the form: dates as `JJJJ-MM-DD` text, the rest as is."""
    if isinstance(waarde, dict):
        return {str(k): as_data(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [as_data(v) for v in waarde]
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, str):
        return str(waarde)
    return waarde


def form_data(tekst: str) -> Any:
    """The file's text as the form's data."""
    return as_data(load(tekst))


def _leeg(waarde: Any) -> bool:
    return waarde is None or waarde == "" or waarde == [] or waarde == {}


def _zonder_leeg(waarde: Any) -> Any:
    """A new item as the file should hold it: the fields the form showed empty left out
    (as the school's files leave an optional field out, and an empty text is no text)."""
    if isinstance(waarde, dict):
        schoon = {k: _zonder_leeg(v) for k, v in waarde.items()}
        return {k: v for k, v in schoon.items() if not _leeg(v)}
    if isinstance(waarde, list):
        return [_zonder_leeg(v) for v in waarde]
    return waarde


# the fields that name an item, in the order a reader looks for its name: a new item's id is
# made from it, and the check's messages call an item by it (messages.py)
NAAM_VELDEN = ("naam", "titel", "kort", "label", "tekst")


def make_id(naam: str) -> str:
    """An id from a name, as the source writes them: "Jeugdteam Hilversum" → jeugdteam-hilversum
    (lower case, accents dropped, anything else a hyphen)."""
    zonder = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", zonder.lower()).strip("-")


def _met_id(item: Any, buren: list[Any]) -> Any:
    """A new item in a list whose items have ids, given one made from its name when the form
    left it empty (she types a name, not an id); unique among its neighbours."""
    if not isinstance(item, dict) or item.get("id") or not any(isinstance(b, dict) and "id" in b for b in buren):
        return item
    naam = next((item[v] for v in NAAM_VELDEN if isinstance(item.get(v), str) and item[v].strip()), None)
    basis = make_id(naam) if naam else ""
    if not basis:
        return item
    bezet = {str(b.get("id")) for b in buren if isinstance(b, dict)}
    kandidaat, n = basis, 2
    while kandidaat in bezet:
        kandidaat, n = f"{basis}-{n}", n + 1
    return {"id": kandidaat, **{k: v for k, v in item.items() if k != "id"}}


def _gelijk(oud: Any, nieuw: Any) -> bool:
    if _leeg(oud) and _leeg(nieuw):
        return True
    return json.dumps(as_data(oud), sort_keys=True) == json.dumps(nieuw, sort_keys=True)


def item_key(item: Any) -> str:
    """How a list item is recognised when items are added or removed around it."""
    if isinstance(item, dict) and isinstance(item.get("id"), str | int):
        return f"id:{item['id']}"
    return json.dumps(as_data(item), sort_keys=True)


def alignment(oud: list[Any], nieuw: list[Any]) -> list[tuple[int, int, int, int, int]]:
    """How two versions of a list line up, items matched by `item_key`: steps (i1, i2, j1, j2,
    paren) where the first `paren` items of oud[i1:i2] and nieuw[j1:j2] are the same item
    (perhaps changed), the rest of oud[i1:i2] is removed and the rest of nieuw[j1:j2] added."""
    stappen = difflib.SequenceMatcher(None, [item_key(i) for i in oud], [item_key(i) for i in nieuw], autojunk=False)
    return [
        (i1, i2, j1, j2, min(i2 - i1, j2 - j1) if soort in ("equal", "replace") else 0)
        for soort, i1, i2, j1, j2 in stappen.get_opcodes()
    ]


def _lijst(oud: list[Any], nieuw: list[Any]) -> None:
    """Bring the list `oud` (in place) to `nieuw`, touching only what differs."""
    einde = _einde(oud) if oud else None
    achteraan = False  # items added after the last one: the list's trailing lines move along
    # from the end, so the indexes of the steps still to do stay valid
    for i1, i2, j1, j2, paren in reversed(alignment(oud, nieuw)):
        achteraan = achteraan or (i2 == len(oud) and j2 - j1 > i2 - i1)
        for k in range(paren):
            oud[i1 + k] = _pas_aan(oud[i1 + k], nieuw[j1 + k])
        del oud[i1 + paren : i2]
        buur = oud[i1 + paren - 1] if i1 + paren > 0 else (oud[0] if oud else None)
        for k, item in enumerate(nieuw[j1 + paren : j2]):
            oud.insert(i1 + paren + k, _in_stijl(buur, _met_id(_zonder_leeg(item), oud)))
    if einde is not None and achteraan:
        _verhuis_staart(einde, _einde(oud))  # blank lines and comments stay after the list


def _pas_aan(oud: Any, nieuw: Any) -> Any:
    """`oud` brought to `nieuw`: the same object where nothing changed."""
    if _gelijk(oud, nieuw):
        return oud
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        for sleutel, waarde in nieuw.items():
            if sleutel == "id" and _leeg(waarde):
                continue  # an id is fixed once given: a form that holds it empty (a new item's) keeps it
            if sleutel in oud and _leeg(waarde) and not _leeg(oud[sleutel]):
                del oud[sleutel]  # an optional field emptied: left out, as if never filled in
            elif sleutel in oud:
                aangepast = _pas_aan(oud[sleutel], waarde)
                if aangepast is not oud[sleutel]:
                    oud[sleutel] = aangepast
            elif not _leeg(waarde):  # a field the form shows but the file leaves out stays out
                oud[sleutel] = _in_stijl(None, _zonder_leeg(waarde))
        return oud
    if isinstance(oud, list) and isinstance(nieuw, list):
        _lijst(oud, nieuw)
        return oud
    return _in_stijl(oud, nieuw)  # in the style of the value it replaces


def save(tekst: str, nieuw: Any) -> str:
    """The file's text with the form's data `nieuw` in it: unchanged text if nothing differs.

    A key the form leaves out is kept as it is in the file: the form may not show every key."""
    data = load(tekst)
    if _gelijk(data, nieuw):
        return tekst
    _pas_aan(data, nieuw)
    return dump(data)


__all__ = ["NAAM_VELDEN", "alignment", "as_data", "form_data", "item_key", "make_id", "save"]
