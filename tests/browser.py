"""Browser set-up for the tests: the same Chromium and server as the build's PDF step."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

from generator.postbuild.chromium import CHROMIUM, CHROMIUM_ARGS, serve

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "serve", "serve_in_sub_path"]


@contextlib.contextmanager
def serve_in_sub_path(site: Path, scratch: Path) -> Iterator[str]:
    """`site` as a school puts it in a folder of its website (https://school.nl/meldcode/), served
    from `scratch`: yields the site's base URL, ending in meldcode/."""
    (scratch / "meldcode").symlink_to(site, target_is_directory=True)
    with serve(scratch) as root:
        yield root + "meldcode/"
