"""The pages: Markdown and HTML rendered from the source with the jinja2 templates (render,
templates/), the oefencasussen and werkbladen they show, and the Markdown extension for
tables stacked on phones (tabellen).
"""
