"""`meldcode diff OUD NIEUW`: what changed between two versions of the source, per section
(command, bronnen, vergelijken, verslag).
"""
