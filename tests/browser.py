"""Browser set-up for the tests: the same Chromium and server as the build's PDF step."""

from generator.postbuild.chromium import CHROMIUM, CHROMIUM_ARGS, serve

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "serve"]
