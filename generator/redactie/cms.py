"""The configuration of the browser editor (Sveltia CMS), written from the model.

Each protocol file is one entry of a file collection; each field gets its Dutch label and
the model's description as hint, required where the model requires it, the model's
pattern with its message, and ids read-only (pages, charts and saved werkbladen refer to
them). The afwegingskader's routes (`volgende`) are read-only too: a changed route is a
change of the protocol's meaning, made in the source with a check, not in a form.

The model's own editor schemas (`generator.source.schema`) are the input, so the forms,
the YAML editor hints and the checks all follow the one model.
"""

from __future__ import annotations

import re
from typing import Any

from generator.redactie.woorden import CONTROLE_WOORDEN, INVOEGEN_GROEPEN
from generator.source.model import BRONNEN
from generator.source.schema import SCHEMA_FILES, SchemaFile
from generator.source.tabel import schema_ref

Node = dict[str, Any]

READONLY = {"volgende", "start"}  # names of fields a form shows but never changes (the routes)
# An id is what references and anchors point at: fixed once given, so its own field
# (start.js) shows an existing id read-only and lets a new item get one.
ID = "id"
ID_VELD = "meldcode-id"
# A text has its own field too (start.js): the check's messages about that very text stand
# beside it, and a pasted document does not stall the page.
TEKST_VELD = "meldcode-tekst"
# no preview pane: a generic preview of YAML data says nothing the form does not; the form gets
# the whole width
COLLECTIE = {"name": "protocol", "label": "Protocol", "label_singular": "Onderdeel", "editor": {"preview": False}}


NIEUWSTE_BOVENAAN = {"wijzigingen"}  # the version history: newest entry first, as the file says
MAX_NESTING = 2  # a section's sections' sections: deeper is not in the source and no form needs it


def _unwrap(node: Node) -> Node:
    """`allOf` with one schema (how pydantic adds a description to a `$ref`) as that schema."""
    if len(node.get("allOf", [])) == 1:
        return {**{k: v for k, v in node.items() if k != "allOf"}, **node["allOf"][0]}
    return node


def _resolve(node: Node, defs: dict[str, Node]) -> tuple[Node, bool]:
    """The node behind a $ref, and whether it may be empty (`X | None`)."""
    nullable = False
    node = _unwrap(node)
    if "anyOf" in node:
        kinds = [k for k in node["anyOf"] if k.get("type") != "null"]
        nullable = len(kinds) < len(node["anyOf"])
        node = {**{k: v for k, v in node.items() if k != "anyOf"}, **kinds[0]}
    if "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node, nullable


def _label(name: str, node: Node) -> str:
    return str(node.get("title") or name.replace("_", " ").capitalize())


def _widget(node: Node, defs: dict[str, Node], pad: tuple[str, ...]) -> Node:
    """The widget and its options for one value (without name, label, hint)."""
    soort = node.get("type")
    if "enum" in node:
        return {"widget": "select", "options": list(node["enum"])}
    if soort == "object" or "properties" in node:
        return {"widget": "object", "fields": _fields(node, defs, pad)}
    if soort == "array":
        items, _ = _resolve(node.get("items", {}), defs)
        if items.get("type") == "object" or "properties" in items:
            return {"widget": "list", "fields": _fields(items, defs, pad)}
        return {"widget": "list", "field": {"name": "item", "label": "Item", **_widget(items, defs, pad)}}
    if soort == "integer":
        bounds = {"min": node.get("minimum"), "max": node.get("maximum")}
        return {"widget": "number", "value_type": "int", **{k: v for k, v in bounds.items() if v is not None}}
    if soort == "boolean":
        return {"widget": "boolean"}
    if node.get("format") == "date":
        return {"widget": "datetime", "time_format": False, "format": "YYYY-MM-DD"}
    if "pattern" in node:  # a short value with a form: one line, checked as typed
        message = node.get("patternErrorMessage", "Deze waarde heeft niet de juiste vorm.")
        return {"widget": "string", "pattern": [node["pattern"], message]}
    return {"widget": TEKST_VELD}


def _field(name: str, raw: Node, defs: dict[str, Node], required: bool, pad: tuple[str, ...]) -> Node:
    node, nullable = _resolve(raw, defs)
    field: Node = {"name": name, "label": _label(name, node), **_widget(node, defs, pad)}
    hint = str(node.get("description") or "")
    if hint:
        field["hint"] = hint
    field["required"] = required and not nullable
    if name in READONLY:
        field["readonly"] = True
    if name == ID and field["widget"] == "string":
        field["widget"] = ID_VELD  # a free id, with the model's pattern and message
        field["hint"] = CONTROLE_WOORDEN["id_uitleg"]  # in her words, not the reference syntax
        field["required"] = False  # made from the name when saved (form.py); the check asks if it cannot be
    elif name == ID:
        field["readonly"] = True  # one of a fixed set (ja/nee/twijfel, A–C): part of the structure
    if name in NIEUWSTE_BOVENAAN:
        field["add_to_top"] = True
    return field


def _fields(node: Node, defs: dict[str, Node], pad: tuple[str, ...] = ()) -> list[Node]:
    """The form fields of an object; a model that contains itself (Sectie) stops at MAX_NESTING."""
    required = set(node.get("required", []))
    fields = []
    for name, raw in node.get("properties", {}).items():
        ref = schema_ref(raw)
        if ref and pad.count(ref) >= MAX_NESTING:
            continue
        fields.append(_field(name, raw, defs, name in required, (*pad, ref) if ref else pad))
    return fields


# Files are read and written by the editor's own format (start.js: Python in the browser), so
# that saving changes only what the user changed; each form starts with the check of what
# would be saved (errors block the save) and keeps the file's text as it was read.
FORMAT = "meldcode-yaml"
CONTROLE = "_controle"
BRON = "_bron"
CONTROLE_VELD = "meldcode-controle"  # the custom field type start.js registers
# the names start.js needs, decided here (controle.json)
NAMEN = {
    "formaat": FORMAT,
    "veld": CONTROLE_VELD,
    "id": ID_VELD,
    "tekst": TEKST_VELD,
    "bron": BRON,
    "controle": CONTROLE,
}


def _eigen_velden(pad: str) -> list[Node]:
    return [
        {
            "name": CONTROLE,
            "label": "Controle",
            "hint": "Wat de controle zegt van dit onderdeel zoals het opgeslagen zou worden (dezelfde controle "
            "als bij het publiceren). Een fout houdt het opslaan tegen; een waarschuwing niet.",
            "widget": CONTROLE_VELD,
            "required": False,
            "bestand": pad,
            "woorden": CONTROLE_WOORDEN,
        },
        {"name": BRON, "widget": "hidden"},
    ]


def _naam(source: str) -> str:
    """A file's entry name in the CMS (its address: #/collections/protocol/entries/<naam>)."""
    return source.removesuffix(".yaml").replace("/", "-")


# where the panel sends the user to note a change in the version history
NAMEN["versiegeschiedenis"] = f"#/collections/{COLLECTIE['name']}/entries/{_naam(BRONNEN['wijzigingen'][0])}"


def _bestand(schema_file: SchemaFile) -> Node:
    schema = schema_file.schema()
    defs = schema.get("definitions", {})
    name = _naam(schema_file.source)
    return {
        "name": name,
        # without the file's name: she edits a part of the protocol, not a file
        "label": re.sub(r"\s*\([\w-]+\.yaml\)", "", str(schema.get("description", name)).split(" Gegenereerd uit")[0])
        .rstrip(".")
        .strip(),
        "file": f"protocol/{schema_file.source}",
        "format": FORMAT,
        "fields": [*_eigen_velden(f"protocol/{schema_file.source}"), *_fields(schema, defs)],
    }


def schema_files() -> list[SchemaFile]:
    """Every file of protocol/ the editor offers: one per editor schema (the oefencasussen too)."""
    return list(SCHEMA_FILES)


def form_words(config: Node) -> dict[str, dict[str, str]]:
    """What the form calls each file and each field: the check's messages use the same words."""
    velden: dict[str, str] = {}

    def lees(fields: list[Node]) -> None:
        for f in fields:
            if "label" in f and not f["name"].startswith("_"):
                velden.setdefault(f["name"], f["label"])
            lees(f.get("fields", []))
            if "field" in f:
                lees([f["field"]])

    bestanden = {}
    for bestand in config["collections"][0]["files"]:
        bestanden[bestand["file"]] = bestand["label"]
        lees(bestand["fields"])
    return {"bestanden": bestanden, "velden": velden}


def cms_config(backend: Node) -> Node:
    """The whole configuration for `CMS.init({config})`; `backend` says where the files live."""
    return {
        "backend": backend,
        "media_folder": "docs/assets/redactie",  # required by the CMS; the protocol has no uploads
        "collections": [{**COLLECTIE, "files": [_bestand(f) for f in schema_files()]}],
    }


__all__ = [
    "BRON",
    "COLLECTIE",
    "CONTROLE",
    "CONTROLE_VELD",
    "CONTROLE_WOORDEN",
    "FORMAT",
    "ID_VELD",
    "INVOEGEN_GROEPEN",
    "NAMEN",
    "READONLY",
    "TEKST_VELD",
    "cms_config",
    "form_words",
    "schema_files",
]
