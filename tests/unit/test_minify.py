"""Our style sheets are minified after the build: smaller on every page, the same rules."""

from __future__ import annotations

from pathlib import Path

from generator.postbuild.finish import minify_css


def test_minify_drops_comments_and_spaces_that_never_count(tmp_path: Path) -> None:
    css = tmp_path / "a.css"
    css.write_text(
        "/* a comment */\n.a > .b,\n  .c .d {\n  color: red;\n  margin: calc(1rem + 2px) 0;\n}\n"
        '@media print {\n  a::after { content: " (" attr(href) ") ; { , > "; }\n}\n.e\n.f { x: 1 }\n',
        encoding="utf-8",
    )
    minify_css(css)
    assert css.read_text(encoding="utf-8") == (
        ".a>.b,.c .d{color: red;margin: calc(1rem + 2px) 0;}"
        '@media print{a::after{content: " (" attr(href) ") ; { , > ";}}.e\n.f{x: 1}\n'
    )
