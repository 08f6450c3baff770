"""What a text can refer to, by name, for the editor's Invoegen list: she picks "Veilig Thuis
(0800-2000)" and the field gets `{telefoon:veilig-thuis}`, the syntax the source keeps.

Read from the files as they are in her repository (a contact saved a minute ago is there).
Standard library only: it runs in the browser (Pyodide).
"""

from __future__ import annotations

from typing import Any

from meldcode_engine.woorden import kop, stap_naam

from generator.source.positions import Source


def _lijst(source: Source | None, sleutel: str) -> list[dict[str, Any]]:
    data = source.data if source is not None else None
    waarde = data.get(sleutel) if isinstance(data, dict) else None
    return [i for i in waarde if isinstance(i, dict)] if isinstance(waarde, list) else []


def _tekst(waarde: Any) -> str:
    return " ".join(str(waarde).split()) if waarde is not None else ""


def verwijzingen(sources: dict[str, Source]) -> list[dict[str, str]]:
    """Each reference as {soort, naam, invoegen}: the group, what she reads, what is inserted."""
    uit: list[dict[str, str]] = []

    def insert_at(soort: str, naam: str, id_: Any) -> None:
        if naam and id_ not in (None, ""):
            uit.append({"soort": soort, "naam": naam, "invoegen": f"{{{soort}:{id_}}}"})

    for c in _lijst(sources.get("contacten"), "contacten"):
        naam = _tekst(c.get("naam"))
        if c.get("telefoon"):
            insert_at("telefoon", f"{naam} ({_tekst(c['telefoon'])})", c.get("id"))
        insert_at("contact", naam, c.get("id"))
    for r in _lijst(sources.get("rollen"), "rollen"):
        insert_at("rol", _tekst(r.get("naam")), r.get("id"))
        if r.get("invulling"):
            insert_at("invulling", f"{_tekst(r.get('naam'))}: {_tekst(r['invulling'])}", r.get("id"))
    for t in _lijst(sources.get("termijnen"), "termijnen"):
        insert_at("termijn", _tekst(t.get("tekst") or t.get("wanneer")), t.get("id"))
    for s in _lijst(sources.get("stappen"), "stappen"):
        insert_at("stap", kop(stap_naam(s.get("nummer")), _tekst(s.get("kort") or s.get("titel"))), s.get("nummer"))
    for n in range(1, 5):
        bijlage = sources.get(f"bijlage_{n}")
        titel = bijlage.data.get("titel") if bijlage is not None and isinstance(bijlage.data, dict) else None
        insert_at("bijlage", kop(f"Bijlage {n}", _tekst(titel) if titel else None), n)
    return uit


__all__ = ["verwijzingen"]
