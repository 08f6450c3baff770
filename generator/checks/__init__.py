"""Every rule the source must meet, in the order they run (run): ids, the afwegingskader,
references, contacten the site needs, the version history, the oefencasussen; and the
checker of external links (external_links, only with `meldcode check --links`).

A problem in `protocol/` becomes a Dutch `SourceError` naming file, line and key.
"""
