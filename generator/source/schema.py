"""JSON Schema per source file, generated from the models, for editors.

Editors with the YAML language server (VS Code, Neovim, JetBrains, …) read the first
line of each source file, `# yaml-language-server: $schema=schema/<naam>.schema.json`,
and then complete keys, show the Dutch descriptions and flag mistakes while typing.
The schema is committed under `protocol/schema/` so it works in a fresh clone without
running anything; `meldcode schema` regenerates it and a test keeps it in step.

We emit draft-07: the YAML language server (and VS Code's JSON support behind it) only
fully supports draft-07, while pydantic writes draft 2020-12 style; `_draft7` bridges
the two small differences that matter ($defs and $ref with siblings).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from generator.source.model import BRONNEN, Strict

SCHEMA_DIR = "schema"  # inside protocol/
HEADER_PREFIX = "# yaml-language-server: $schema="
DRAFT = "http://json-schema.org/draft-07/schema#"


class _DutchTitles(GenerateJsonSchema):
    """Field titles as a Dutch reader writes them: 'Laatste evaluatie', not 'Laatste Evaluatie'."""

    def get_title_from_name(self, name: str) -> str:
        return name.replace("_", " ").strip().capitalize()


def _draft7(node: Any) -> Any:
    """Rewrite pydantic's 2020-12 output into plain draft-07."""
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {("definitions" if key == "$defs" else key): _draft7(value) for key, value in node.items()}
    if "$ref" in out:
        out["$ref"] = out["$ref"].replace("#/$defs/", "#/definitions/")
        # draft-07 ignores keywords beside $ref (the description would be lost): wrap it
        if len(out) > 1:
            ref = out.pop("$ref")
            out = {"allOf": [{"$ref": ref}], **out}
    return out


@dataclass(frozen=True)
class SchemaFile:
    """One source file and the schema that belongs to it."""

    part: str  # key in BRONNEN, e.g. "bijlage_1"
    source: str  # path inside protocol/, e.g. "bijlagen/bijlage-1-signalen.yaml"
    model: type[Strict]

    @property
    def name(self) -> str:
        """File name of the schema, e.g. `bijlage-1-signalen.schema.json`."""
        return PurePosixPath(self.source).name.removesuffix(".yaml") + ".schema.json"

    @property
    def path(self) -> str:
        """Path of the schema inside protocol/."""
        return f"{SCHEMA_DIR}/{self.name}"

    @property
    def header(self) -> str:
        """First line of the source file: the schema path relative to the YAML file."""
        depth = len(PurePosixPath(self.source).parts) - 1
        return f"{HEADER_PREFIX}{'../' * depth}{self.path}"

    def schema(self) -> dict[str, Any]:
        schema = _draft7(self.model.model_json_schema(schema_generator=_DutchTitles))
        return {
            "$schema": DRAFT,
            **schema,
            "title": f"Meldcode-bron: {self.source}",
            "description": (
                f"{schema.get('description', '')} Gegenereerd uit generator/source/model.py met "
                "`meldcode schema`; niet met de hand aanpassen."
            ).strip(),
        }

    def text(self) -> str:
        return json.dumps(self.schema(), indent=2, ensure_ascii=False) + "\n"


SCHEMA_FILES = [SchemaFile(part, source, model) for part, (source, model) in BRONNEN.items()]


def expected() -> dict[str, str]:
    """Every schema file as it should be: path inside protocol/ → text."""
    return {f.path: f.text() for f in SCHEMA_FILES}


def with_header(text: str, header: str) -> str:
    """The source text with `header` as its first line; every other line untouched."""
    first, newline, rest = text.partition("\n")
    if first.startswith(HEADER_PREFIX):
        return header + newline + rest
    return header + "\n" + text


def write(root: Path) -> list[Path]:
    """Write the schema files and the header lines under `root` (protocol/); return what changed."""
    changed: list[Path] = []
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    wanted = expected()
    for relative, text in wanted.items():
        path = root / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    # a schema whose source file left BRONNEN would mislead an editor: remove it
    for path in sorted(folder.glob("*.schema.json")):
        if f"{SCHEMA_DIR}/{path.name}" not in wanted:
            path.unlink()
            changed.append(path)
    for f in SCHEMA_FILES:
        source = root / f.source
        if not source.exists():
            continue  # `meldcode check` names a missing file; nothing to annotate here
        # bytes in and out, so line endings and everything below the header stay as they were
        text = source.read_bytes().decode("utf-8")
        new = with_header(text, f.header)
        if new != text:
            source.write_bytes(new.encode("utf-8"))
            changed.append(source)
    return changed
