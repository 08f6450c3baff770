"""The naming rule (README, *Namen*): the protocol's words in Dutch, programming words in English.

Read from the source with `ast` and regular expressions, nothing is imported. Every public name
(a module or script file, a top-level function or class, a public method, an exported
JavaScript function or constant) is split into words; a word from DUTCH_PROGRAMMING_WORDS fails
the test with the file, the line and the English word to use. The protocol's words
(PROTOCOL_WORDS) are the domain language and stay Dutch: the two lists may not overlap.

A list of forbidden words rather than a dictionary of allowed ones: no Dutch or English
dictionary is at hand, and the words a programmer reaches for in Dutch are few and known
(read, write, save, check, file, error, key …). A new one found in review goes into the list.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ("generator", "tests")
SCRIPTS = ("generator", "site_overrides/assets/javascripts", "tests")
SKIP = {"node_modules", "__pycache__", ".hypothesis", "fixtures", "golden", "bad_input"}

# The protocol's own words and the site's parts as its readers know them (DESIGN.md, *Words*):
# in Dutch wherever they appear in code. Written as words: a list literal is one word per line.
PROTOCOL_WORDS = frozenset(
    """stap stappen afwegingskader afwegingsvraag afwegingsvragen vraag vragen beslissing
    beslissingen uitkomst uitkomsten meldnorm signaal signalen bijlage bijlagen rol rollen
    termijn termijnen melding melden contact contacten advies adviezen achtergrond inleiding
    routekaart kaart kaarten hulp werkblad werkbladen oefencasus oefencasussen oefenen overleg
    overlegformulier evaluatie controle controles redactie wijziging wijzigingen versie
    versiegeschiedenis verslag onderbouwing begrip begrippen invulling invulveld antwoord ja nee
    twijfel spoed zorgen thuis veilig datum feestdagen werkdag werkdagen samenhang verwijzingen
    woorden tekst kop pagina paginas soort soorten weergave knoop sessie""".split()  # noqa: SIM905
)

# Dutch for what a program does or holds; the English word the code uses instead.
DUTCH_PROGRAMMING_WORDS = {
    "lees": "read/load",
    "gelezen": "read/loaded",
    "laad": "load",
    "geladen": "loaded",
    "schrijf": "write/dump",
    "geschreven": "written",
    "bewaar": "save",
    "bewaard": "saved",
    "controleer": "check",
    "verwerk": "handle",
    "maak": "make",
    "wijzig": "replace/change",
    "voeg": "add/insert",
    "toon": "show",
    "zoek": "search/find",
    "vind": "find",
    "haal": "get/fetch",
    "geef": "give/return",
    "kies": "choose",
    "bouw": "build",
    "bestand": "file",
    "bestanden": "files",
    "fout": "error",
    "fouten": "errors",
    "sleutel": "key",
    "sleutels": "keys",
    "lijst": "list",
    "waarde": "value",
    "waarden": "values",
    "veld": "field",
    "velden": "fields",
    "bericht": "message",
    "berichten": "messages",
    "boom": "tree",
    "bomen": "trees",
    "bundel": "bundle",
    "uitlijning": "alignment",
    "normaal": "normal",
    "kopie": "copy",
    "vooraf": "before/pre",
    "verzoek": "request",
}

WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
JS_EXPORT = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)", re.M)


def words(name: str) -> list[str]:
    """`lees_vooraf` → lees, vooraf; `controleerFormulier` → controleer, formulier."""
    return [w.lower() for w in WORD.findall(name)]


def python_names(path: Path, text: str) -> list[tuple[int, str]]:
    """The public names a module gives: its own name, top-level functions and classes, and the
    public methods of its public classes."""
    found = [(0, path.stem)]
    for node in ast.parse(text, str(path)).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and not node.name.startswith("_"):
            found.append((node.lineno, node.name))
            if isinstance(node, ast.ClassDef):
                found += [
                    (m.lineno, m.name)
                    for m in node.body
                    if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef) and not m.name.startswith("_")
                ]
    return found


def script_names(path: Path, text: str) -> list[tuple[int, str]]:
    found = [(0, path.name.split(".")[0])]
    for match in JS_EXPORT.finditer(text):
        found.append((text.count("\n", 0, match.start()) + 1, match.group(1)))
    return found


def violations(files: list[Path], root: Path = ROOT) -> list[str]:
    problems = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        names = python_names(path, text) if path.suffix == ".py" else script_names(path, text)
        for line, name in names:
            for word in words(name):
                if word in DUTCH_PROGRAMMING_WORDS:
                    where = f"{path.relative_to(root).as_posix()}:{line}"
                    english = DUTCH_PROGRAMMING_WORDS[word]
                    problems.append(f"{where}: '{name}' has the Dutch programming word '{word}' ({english})")
    return problems


def source_files(root: Path = ROOT) -> list[Path]:
    found = [p for d in PYTHON for p in (root / d).rglob("*.py")]
    found += [p for d in SCRIPTS for ext in ("*.js", "*.mjs") for p in (root / d).rglob(ext)]
    return sorted(p for p in set(found) if not SKIP & set(p.relative_to(root).parts))


def test_public_names_use_english_programming_words():
    assert violations(source_files()) == []


def test_the_word_lists_do_not_overlap():
    assert PROTOCOL_WORDS.isdisjoint(DUTCH_PROGRAMMING_WORDS)


def test_the_check_can_fail(tmp_path):
    (tmp_path / "generator").mkdir()
    planted = tmp_path / "generator" / "bestanden.py"
    planted.write_text(
        "class Stap:\n    def lees(self): ...\n    def _bewaar(self): ...\n\n\n"
        "def controleer_formulier(): ...\n\n\ndef uitkomst_tekst(): ...\n"
    )
    script = tmp_path / "generator" / "hulp.js"
    script.write_text("export function toonUitkomst() {}\nfunction leesIntern() {}\nexport const WOORDEN = {};\n")
    assert violations([planted, script], tmp_path) == [
        "generator/bestanden.py:0: 'bestanden' has the Dutch programming word 'bestanden' (files)",
        "generator/bestanden.py:2: 'lees' has the Dutch programming word 'lees' (read/load)",
        "generator/bestanden.py:6: 'controleer_formulier' has the Dutch programming word 'controleer' (check)",
        "generator/hulp.js:1: 'toonUitkomst' has the Dutch programming word 'toon' (show)",
    ]
