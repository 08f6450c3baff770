"""The afwegingskader as data: the graph of vragen, beslissingen and uitkomsten (graph), a
walk of a case through it with the engine the helper uses (walk) and the JSON export the
helper reads (export).

Used by the checks, the pages, the charts, the helper and the diff alike.
"""
