"""From a checked source to a built site: the generated builder project in `.bouw/`
(generate) and the builders that turn it into a site (builders: mkdocs-material or
Zensical).
"""
