"""The code of the charts: the routekaart and the afwegingskader as Graphviz graphs
(routekaart, afwegingskader, bouw), drawn as SVG and PDF (uitvoer) and placed in pages and
downloads (placement).

How the charts look (colours, fonts, paper sizes, the CSS of the inline charts) is not here:
it is the school's, in the top-level folder `flowcharts/` (`stijl.toml`, `routekaart.css`),
read by `stijl`.
"""
