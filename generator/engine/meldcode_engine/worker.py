"""How a worker's JavaScript calls Python: `expose` makes the one function both workers call
(hulp-worker.js for the engine, redactie-worker.js for the editor's checks): a method name and
its arguments as JSON text in, one JSON text out (`{"ok": result}` or `{"fout": message}`), so
nothing needs converting across the worker boundary. Only the methods named are reachable.
worker-bridge.js `answerFromPython` is its other half."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from .sessie import Sessie

# what the page may ask of a session (hulp.js); nothing else of the object is reachable
METHODS = frozenset({"start", "restart", "back", "ga_naar", "answer", "state", "verslag"})


def expose(
    methods: Mapping[str, Callable[..., Any]], refused: tuple[type[Exception], ...] = (ValueError,)
) -> Callable[[str, str], str]:
    """call(method, args as JSON) for these methods; an exception of a `refused` kind is the
    Dutch message it carries (a wrong answer, a change that cannot be made), any other is a
    fault of the program and is raised."""

    def call(method: str, args: str) -> str:
        if method not in methods:
            return json.dumps({"fout": f"onbekende vraag '{method}'"})
        try:
            return json.dumps({"ok": methods[method](*json.loads(args))})
        except refused as fout:
            return json.dumps({"fout": str(fout)})

    return call


def bridge(kader_json: str) -> Callable[[str, str], str]:
    """A session on the exported afwegingskader, behind call(method, args as JSON)."""
    sessie = Sessie(json.loads(kader_json))
    return expose({method: getattr(sessie, method) for method in METHODS})


__all__ = ["METHODS", "bridge", "expose"]
