"""The build side of the helper at the afwegingskader ("de hulp"): the exported JSON, the
engine wheel and the Pyodide runtime, cut down to what the engine uses and compiled (assets,
runtime.mjs, kort.py).

The engine itself is its own package (`generator/engine/`, its own wheel); the browser side
lives in `site_overrides/assets/javascripts/`.
"""
