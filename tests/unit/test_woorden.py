"""The words users read are decided once: the page scripts take theirs from the catalogue.

- No JavaScript file types a Dutch sentence: every text a page script shows is a key in
  `generator/pages/woorden.py` (or comes from the engine or the source). A literal of two or
  more plain words with a Dutch function word ("de", "het", "niet", "uw" …) fails with file,
  line and text. Messages for developers (console, thrown errors a user never sees) are English.
- Every key a script asks for is in the catalogue, and every key in the catalogue is asked
  for: no word missing (the browser would throw) and none left behind.
- A page carries the groups of every module it loads (main.html's JSON block).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.checks.run import load_and_check
from generator.pages import woorden
from generator.pages.modules import JAVASCRIPTS
from generator.pages.werkbladen import WERKBLAD_NAMEN
from generator.pages.woorden import SITE_MODULE, WOORDEN, loaded_modules, page_woorden

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = [
    *sorted(JAVASCRIPTS.glob("*.js")),
    *sorted(p for p in (ROOT / "generator").rglob("*") if p.suffix in {".js", ".mjs"}),
]
TEMPLATES = ROOT / "generator" / "pages" / "templates"
PROTOCOL = load_and_check(ROOT / "protocol")[0].protocol

# Words that mark a Dutch sentence; none of them is an English word a developer's message
# would hold ("is", "of", "die" are left out for that reason).
DUTCH = frozenset(
    """de het een niet van en op met voor geen dit deze nog kan kunt wordt zijn bij naar uw u je
    er ook dan als maar te hier dat wat moet om zoals staat heeft hebt wilt gaat""".split()  # noqa: SIM905
)
# a literal: '…', "…" or `…` (template literals with their ${…} parts removed)
_LITERAL = re.compile(r"""(?P<q>["'`])(?P<text>(?:\\.|(?!(?P=q))[^\\])*)(?P=q)""", re.S)
_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\\"'])//[^\n]*", re.S)
_PLAIN = re.compile(r"^\(?[A-Za-zÀ-ÿ]+[.,:;?!)]*$")


def _blank_comments(source: str) -> str:
    """Comments replaced by spaces of the same length, lines kept, so positions stay true."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), source)


def dutch_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal in `source` that reads as a Dutch sentence."""
    found = []
    code = _blank_comments(source)
    for match in _LITERAL.finditer(code):
        text = re.sub(r"\$\{[^}]*\}", " ", match.group("text"))
        words = [t.strip("().,:;?!").lower() for t in text.split() if _PLAIN.match(t)]
        if len(words) >= 2 and DUTCH.intersection(words):
            found.append((code.count("\n", 0, match.start()) + 1, match.group("text")))
    return found


def test_no_script_types_a_dutch_sentence() -> None:
    findings = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}: zet deze tekst in generator/pages/woorden.py"
        for path in SCRIPTS
        for line, text in dutch_literals(path.read_text(encoding="utf-8"))
    ]
    assert not findings, "\n".join(findings)


def test_the_sentence_check_can_fail() -> None:
    planted = (
        "// a comment may say: dit is de uitleg\n"
        'const a = "md-button md-button--primary";\n'
        "const b = `Het bestand ${naam} is niet geopend.`;\n"
        'throw new Error("the helper is not ready yet");\n'
        "el('p', { text: 'Kies een antwoord om verder te gaan.' });\n"
    )
    assert dutch_literals(planted) == [
        (3, "Het bestand ${naam} is niet geopend."),
        (5, "Kies een antwoord om verder te gaan."),
    ]


# `const w = woorden("werkblad.js")` (or a lookup used at once), then `w("key", …)`
_LOOKUP = re.compile(r'(?:const|let)\s+(\w+)\s*=\s*woorden\("([\w.-]+)"\)')
_DIRECT = re.compile(r'woorden\("([\w.-]+)"\)\("(\w+)"')


def _keys(name: str, source: str) -> set[str]:
    """The keys `source` asks of the lookup `name`: w("key"), w(x ? "a" : "b"), and keys listed
    for a map(): ["a", "b"].map((t) => … w(t) …)."""
    keys = set(re.findall(rf'\b{name}\(\s*"(\w+)"', source))
    for pair in re.findall(rf'\b{name}\(\s*[^()"]*\?\s*"(\w+)"\s*:\s*"(\w+)"', source):
        keys.update(pair)
    for listed in re.findall(rf'\[((?:"\w+",?\s*)+)\]\.map\(\((?:\w+)\)\s*=>[^\n]*\b{name}\(\w+\)', source):
        keys.update(re.findall(r'"(\w+)"', listed))
    return keys


def asked_for() -> dict[str, set[str]]:
    """Every key the page scripts ask for, by group."""
    keys: dict[str, set[str]] = {}
    for path in JAVASCRIPTS.glob("*.js"):
        source = _blank_comments(path.read_text(encoding="utf-8"))
        for name, group in _LOOKUP.findall(source):
            keys.setdefault(group, set()).update(_keys(name, source))
        for group, key in _DIRECT.findall(source):
            keys.setdefault(group, set()).add(key)
    return keys


def test_every_key_asked_for_is_in_the_catalogue_and_every_key_is_asked_for() -> None:
    catalogue = woorden.all_woorden(PROTOCOL)
    asked = asked_for()
    missing = [f"{g}: {k}" for g, ks in asked.items() for k in sorted(ks) if k not in catalogue.get(g, {})]
    assert not missing, f"gevraagd maar niet in generator/pages/woorden.py: {missing}"
    unused = [f"{g}: {k}" for g, ks in catalogue.items() for k in ks if k not in asked.get(g, set())]
    assert not unused, f"in generator/pages/woorden.py maar door geen script gevraagd: {unused}"


def test_the_key_check_sees_what_a_script_asks_for() -> None:
    asked = asked_for()
    assert {"leeg", "veld_lang", "namen"} <= asked["werkblad-file.js"]
    assert {"aangevinkt", "niet_aangevinkt"} <= asked["werkblad.js"]  # chosen between two
    assert {"kolom_vraag", "kolom_oordeel"} <= asked["oefencasussen.js"]  # listed for a map()
    assert asked["oefencasussen-laden.js"] == {"niet_geladen"}


def _entries() -> list[str]:
    return sorted(set(re.findall(r'script\("([\w.-]+)"\)', "".join(p.read_text() for p in TEMPLATES.glob("*.j2")))))


@pytest.mark.parametrize("entry", [*_entries(), SITE_MODULE])
def test_a_page_carries_the_words_of_every_module_it_loads(entry: str) -> None:
    modules = [*loaded_modules(entry), *loaded_modules(SITE_MODULE)]
    carried = page_woorden(PROTOCOL, modules)
    for module in modules:
        source = _blank_comments((JAVASCRIPTS / module).read_text(encoding="utf-8"))
        for group in re.findall(r'woorden\("([\w.-]+)"\)', source):
            assert group in carried, f"{module} vraagt woorden van {group}, maar de pagina van {entry} heeft ze niet"


def test_loaded_modules_follows_a_later_import() -> None:
    # oefenen.js imports oefencasussen-laden.js, which imports oefencasussen.js on a first choice
    assert "oefencasussen.js" in loaded_modules("oefenen.js")
    assert "woorden.js" in loaded_modules(SITE_MODULE)


def test_every_group_is_a_module() -> None:
    assert set(WOORDEN) <= {p.name for p in JAVASCRIPTS.glob("*.js")}


# "Afwegingsvraag 2: Veiligheid", "Stap 3: In gesprek met de ouders": a name and its title make
# a heading in one place only, meldcode_engine.woorden.kop. Composed by hand elsewhere it
# drifts (one page says "Vraag 2 - Veiligheid", another leaves the title out).
KOP_RULE = ROOT / "generator" / "engine" / "meldcode_engine" / "woorden.py"
_TITLE = r"[^{}]*\b(?:titel|kort)\b[^{}]*"
_HAND_MADE_HEADING = [
    re.compile(rf"\{{[^{{}}]+\}}: \{{{_TITLE}\}}"),  # Python f-string: f"{naam}: {x.titel}"
    re.compile(rf"\}}\}}: \{{\{{{_TITLE}\}}\}}"),  # Jinja: {{ naam }}: {{ t(x.titel) }}
    re.compile(rf"\}}: \$\{{{_TITLE}\}}"),  # JavaScript: `${naam}: ${x.titel}`
    re.compile(rf"\b[A-Z][a-z]+: (?:\$?\{{|\{{\{{){_TITLE}\}}"),  # a word as the name: f"Uitkomst: {u.titel}"
]


# and a stap's name, "Stap 3", in one place too: meldcode_engine.woorden.stap_naam
_HAND_MADE_HEADING.append(re.compile(r"\bStap (?:%d|\{|\$\{)"))


def matching_lines(source: str, patterns: list[re.Pattern[str]]) -> list[int]:
    """The lines of `source` (from 1) that one of `patterns` finds."""
    return [number for number, line in enumerate(source.splitlines(), 1) if any(p.search(line) for p in patterns)]


def findings(files: list[Path], patterns: list[re.Pattern[str]], advice: str) -> list[str]:
    """Each line of `files` that a pattern finds, as file:line: advice."""
    return [
        f"{path.relative_to(ROOT)}:{line}: {advice}"
        for path in files
        for line in matching_lines(path.read_text(encoding="utf-8"), patterns)
    ]


def hand_made_headings(source: str) -> list[int]:
    """The lines of `source` that compose a "name: title" heading or a stap's name themselves."""
    return matching_lines(source, _HAND_MADE_HEADING)


def test_a_heading_of_name_and_title_has_one_rule() -> None:
    files = [
        p
        for p in (ROOT / "generator").rglob("*")
        if p.suffix in {".py", ".j2", ".js", ".mjs"} and p != KOP_RULE and "node_modules" not in p.parts
    ]
    files += [*sorted(JAVASCRIPTS.glob("*.js")), ROOT / "flowcharts" / "stijl.toml"]
    advice = "gebruik kop(naam, titel) en stap_naam(nummer) uit meldcode_engine.woorden"
    found = findings(files, _HAND_MADE_HEADING, advice)
    assert not found, "\n".join(found)


def test_the_heading_check_can_fail() -> None:
    planted = (
        'a = f"{woord}: {b.text(stap.titel)}"\n'
        "# Stap {{ stap.nummer }}: {{ t(stap.kort) }}\n"
        "el('li', {}, `${kop(k)}: ${k.titel}`)\n"
        'b = f"{knoop_kop(b, k)}: {b.text(k.vraag)}"\n'  # a heading and its question: no title
        "{{ kop('Stap %d' % n, t(stap.kort)) }}\n"
        "_kop(f\"Uitkomst: {uitkomst['titel']}\", 1)\n"
        "## Stap {{ rij.stap }} {#structuur}\n"
        'stap = "Stap {nummer}"\n'
        "return f\"Stap {item['nummer']}\"\n"
        "{{ kop('Stap %d' % stap.nummer) }}\n"
        "`Stap ${n}`\n"
        "Stap 1 tot en met 6 van de meldcode\n"
    )
    assert hand_made_headings(planted) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11]


# A link to a werkblad reads as the werkblad's page is titled (werkbladen.WERKBLAD_NAMEN), through
# werkblad_link(): a name typed in a template stays behind when the werkblad is renamed.
TEMPLATES = ROOT / "generator" / "pages" / "templates"
_TYPED_WERKBLAD_LINK = re.compile(r"\[(?:" + "|".join(map(re.escape, WERKBLAD_NAMEN.values())) + r")\]\(")


def typed_werkblad_links(source: str) -> list[int]:
    """The lines of `source` that type a werkblad's name as a link's text."""
    return matching_lines(source, [_TYPED_WERKBLAD_LINK])


def test_a_link_to_a_werkblad_takes_its_name_from_the_werkblad() -> None:
    found = findings(sorted(TEMPLATES.glob("*.j2")), [_TYPED_WERKBLAD_LINK], "gebruik werkblad_link(werkblad)")
    assert not found, "\n".join(found)


def test_the_werkblad_link_check_can_fail() -> None:
    planted = (
        'Op het werkblad [Overlegformulier]({{ page_link("werkbladen/overlegformulier.md") }}) vult u\n'
        'Op het werkblad {{ werkblad_link("overlegformulier") }} vult u\n'
        "Vul het overlegformulier in de browser in.\n"
        "[Gesprek met ouders](../werkbladen/gesprek-met-ouders.md)\n"
    )
    assert typed_werkblad_links(planted) == [1, 4]
