"""The arguments every Chromium of the project starts with (tests, PDF, benches)."""

from __future__ import annotations

import re
from pathlib import Path

import playwright

from generator.postbuild.chromium import CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES, UNSEEN_BROWSER_UI

# the driver's bundle, where Playwright lists the features it turns off
PLAYWRIGHT_BUNDLE = Path(playwright.__file__).parent / "driver" / "package" / "lib" / "coreBundle.js"
LIST = re.compile(r"disabledFeatures = \[(.*?)\]", re.S)


def playwright_disabled_features(bundle: str) -> set[str]:
    found = LIST.search(bundle)
    assert found, f"{PLAYWRIGHT_BUNDLE}: Playwright's list of disabled features not found"
    return set(re.findall(r'^\s*"([^"]+)"', found.group(1), re.M))


def test_our_disabled_features_keep_every_one_playwright_disables() -> None:
    """Ours replaces Playwright's --disable-features (Chromium keeps the last), so it must hold
    all of Playwright's: after a Playwright upgrade, copy its new list into chromium.py."""
    theirs = playwright_disabled_features(PLAYWRIGHT_BUNDLE.read_text(encoding="utf-8"))
    assert len(theirs) >= 10  # the list was really read
    assert theirs <= set(PLAYWRIGHT_DISABLED_FEATURES), sorted(theirs - set(PLAYWRIGHT_DISABLED_FEATURES))
    flags = [a for a in CHROMIUM_ARGS if a.startswith("--disable-features=")]
    assert len(flags) == 1
    assert set(flags[0].split("=", 1)[1].split(",")) == set(PLAYWRIGHT_DISABLED_FEATURES) | set(UNSEEN_BROWSER_UI)


def test_the_list_check_can_fail() -> None:
    planted = """x = 1;
    disabledFeatures = [
      // why
      "PaintHolding",
      "SomethingNew"
    ].filter(Boolean);"""
    theirs = playwright_disabled_features(planted)
    assert theirs == {"PaintHolding", "SomethingNew"}
    assert not theirs <= set(PLAYWRIGHT_DISABLED_FEATURES)
