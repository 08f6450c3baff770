"""Redactie: editing `protocol/` in the browser. The CMS configuration written from the
model (`cms`); saving that keeps every untouched byte of a file (`yaml_file`)."""
