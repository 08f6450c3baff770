"""How the site links: the address of every page and anchor (adressen) and the
`{telefoon:…}`, `{stap:…}`, `{anker:…}` references in the text (verwijzingen).

Used by the checks, the pages, the charts and the export alike. The checker of external
links is `generator.checks.external_links`.
"""
