"""The pages: Markdown and HTML rendered from the source with the jinja2 templates (render,
templates/), the oefencasussen and werkbladen they show, the Markdown extension for tables
stacked on phones (tabellen) and the Content-Security-Policy every page carries (csp: the
policy, and the hashes of the inline scripts once the builder has written the pages).
"""
