"""The model's rules for single values, run on a raw file with the model's table: a required
field left out, and each text, phone number, web address, e-mail address and id checked by
the same function the model's type uses (`source.waarden`), and dates,, with the same message at the same
line. For the browser editor, which cannot load the model; `meldcode check` gets these from
pydantic, and a test holds the two to the same words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.errors import SourceError
from generator.source.positions import Loc, Source
from generator.source.soorten import Field, Soorten
from generator.source.values import CONTROLES, LEEG, ongeldige_datum, ontbreekt, voorbeeld_id


def _is_datum(value: str) -> bool:
    """A date as the model takes it from the file: JJJJ-MM-DD, a day that exists."""
    try:
        dt.date.fromisoformat(value.strip())
    except ValueError:
        return False
    return len(value.strip()) == 10


def value_errors(soorten: Soorten, soort: str, source: Source) -> list[SourceError]:
    """Every value of the file `source` (of model class `soort`) that its rule refuses."""
    voorbeeld = voorbeeld_id(source.data)
    fouten: list[SourceError] = []

    def fout(loc: Loc, message: str) -> None:
        # the model's example id is the afwegingskader's; the message gives one from this file
        fouten.append(source.error(loc, message.replace("bijvoorbeeld vraag-2", f"bijvoorbeeld {voorbeeld}")))

    def waarde(veld: Field, value: Any, loc: Loc) -> None:
        if value is None and veld.verplicht:
            fout(loc, LEEG)
        elif veld.datum and isinstance(value, str) and not _is_datum(value):
            fout(loc, ongeldige_datum(value))
        elif veld.soort is not None and isinstance(value, dict):
            item(veld.soort, value, loc)
        elif veld.waarde is not None and isinstance(value, str):
            try:
                CONTROLES[veld.waarde](value.strip())
            except ValueError as exc:
                fout(loc, str(exc))

    def item(soort: str, data: dict[str, Any], loc: Loc) -> None:
        velden = soorten.velden[soort]
        # a key the model does not know (a typo) is the model's to name, the form has none
        alleen_bekende = set(data) <= {v.naam for v in velden}
        for veld in velden:
            if veld.naam not in data:
                if veld.verplicht and alleen_bekende:
                    fout((*loc, veld.naam), ontbreekt(veld.naam))
                continue
            value = data[veld.naam]
            if veld.lijst and isinstance(value, list):
                for i, x in enumerate(value):
                    waarde(veld, x, (*loc, veld.naam, i))
            else:
                waarde(veld, value, (*loc, veld.naam))

    if isinstance(source.data, dict):
        item(soort, source.data, ())
    return fouten


__all__ = ["value_errors"]
