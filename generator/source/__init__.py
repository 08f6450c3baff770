"""The source: the typed model of `protocol/` (model), reading the YAML with every position
kept (load), the editor schema made from the model (schema) and the phone numbers of the
contacten (telefoon).

Imports nothing of the generator but `generator.errors`.
"""
