"""The helper's worker (hulp-worker.js) calls the engine through the one function `bridge`
makes: a method name and its arguments as JSON text in, one JSON text out, so nothing needs
converting across the worker boundary. Only the session's public methods can be called."""

from __future__ import annotations

import json
from collections.abc import Callable

from .sessie import Sessie

# what the page may ask of a session (hulp.js); nothing else of the object is reachable
METHODS = frozenset({"start", "restart", "back", "ga_naar", "answer", "state", "verslag"})


def bridge(kader_json: str) -> Callable[[str, str], str]:
    """A session on the exported afwegingskader, behind call(method, args as JSON)."""
    sessie = Sessie(json.loads(kader_json))

    def call(method: str, args: str) -> str:
        if method not in METHODS:
            return json.dumps({"fout": f"De hulp kent de vraag '{method}' niet."})
        try:
            return json.dumps({"ok": getattr(sessie, method)(*json.loads(args))})
        except ValueError as fout:
            return json.dumps({"fout": str(fout)})

    return call


__all__ = ["METHODS", "bridge"]
