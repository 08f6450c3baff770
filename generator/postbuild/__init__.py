"""After the builder, the same for every builder (finish, in this order): the themes' HTML
fixes, the pages' CSP with the inline scripts' hashes (`generator.pages.csp`), the service
worker (offline, offline.mjs), the PDF printed with Chromium (pdf, chromium) and
pre-compressed copies (precompress).
"""
