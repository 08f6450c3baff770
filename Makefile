# Meldcode-site. Two commands do everything on a fresh Debian machine:
#   make serve   set up, build and serve on http://127.0.0.1:8000
#   make test    set up and run every test
# Set-up is idempotent: a virtual environment in .venv/ and, as root, Debian packages.

SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
# mkdocs (mkdocs-material, the school's choice) or zensical (its successor)
BUILDER ?= mkdocs
BIN := $(VENV)/bin
LIGHTHOUSE := .bouw/lighthouse/node_modules/lighthouse/cli/index.js
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

# The first Python >= 3.12 on this machine (pyenv installs included).
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	echo $$p; break; fi; done)


.PHONY: help setup system venv npm site site-zensical sites serve redactie check check-site check-site-zensical gate gate-zensical test test-snel test-zonder-site test-js lint bench screenshots clean

help:
	@echo "make serve        bouw de site en bekijk hem op http://127.0.0.1:8000"
	@echo "make test         alle tests (bron, bouw, browser)"
	@echo "make test-snel    de snelle ronde tijdens het werk: lint en alle tests zonder browser en zonder bouw (ongeveer een halve minuut)"
	@echo "make test-js      alleen de unittests van de JavaScript-modules (node --test)"
	@echo "make site         bouw de site in site/ (BUILDER=zensical: met de opvolger van mkdocs-material)"
	@echo "make check        controleer alleen de bron in protocol/"
	@echo "make check-site   kwaliteitspoorten over elke pagina (toegankelijkheid, HTML, links, privacy, gewicht)"
	@echo "make bench        meet de snelheid van de hulp bij het afwegingskader, ook op een telefoonnetwerk (cijfers, geen test)"
	@echo "make screenshots  schermafdrukken van de belangrijkste pagina's in screenshots/"

setup: system venv npm

# Debian packages: installed when we are root, otherwise the exact command is printed.
system:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromium-headless-shell >/dev/null 2>&1 || missing="$$missing chromium-headless-shell"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$$missing libnginx-mod-http-brotli-static"; \
	[ -x /usr/bin/WebKitWebDriver ] || missing="$$missing webkit2gtk-driver"; \
	[ -x /usr/bin/Xvfb ] || missing="$$missing xvfb"; \
	[ -x /usr/bin/firefox-esr ] || missing="$$missing firefox-esr"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Debian-pakketten installeren:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Ontbrekende pakketten. Voer uit:  sudo apt-get install -y$$missing"; exit 1; \
		fi; \
	fi

venv: $(BIN)/.installed

$(BIN)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 of nieuwer is nodig. Voer uit:  sudo apt-get install -y python3"; exit 1; fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		rm -rf $(VENV); \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
		else echo "venv ontbreekt. Voer uit:  sudo apt-get install -y python3-venv"; exit 1; fi; }
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

# npm packages: the Pyodide runtime the site serves, axe-core, the Nu Html Checker and ESLint.
npm: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

check: venv
	$(BIN)/meldcode check

# SITE_URL: the site's address, for a site in a sub path (https://school.nl/meldcode/): its error
# page (404) then finds its styles and links there
site: setup
	$(BIN)/meldcode build --bouwer $(BUILDER) $(if $(SITE_URL),--site-url "$(SITE_URL)")

serve: setup
	$(BIN)/meldcode serve --bouwer $(BUILDER) -a 127.0.0.1:8000

# The editor in the browser, working on this checkout (Chrome or Edge: the CMS's local
# repository mode); what it saves is in protocol/ at once.
redactie: setup
	$(BIN)/meldcode serve --bouwer $(BUILDER) -a 127.0.0.1:8000 --redactie

# The same source built by the successor builder, for the quality gate and the parity test.
site-zensical: setup
	$(BIN)/meldcode build --bouwer zensical --site-dir site-zensical

lint: venv npm
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy generator
	cd generator/engine && ../../$(BIN)/mypy --strict meldcode_engine
	node_modules/.bin/eslint .
	node_modules/.bin/tsc -p tests/types/pages.json
	node_modules/.bin/tsc -p tests/types/workers.json
	node_modules/.bin/tsc -p tests/types/node.json

# The pure functions of the site's JavaScript modules, without a browser.
test-js:
	node --test tests/js/

# The inner loop: everything that needs neither a browser nor a whole site build.
test-snel: venv npm lint test-js
	MELDCODE_FUZZ=60 $(BIN)/pytest -q -n 2 --dist loadfile -m "not browser and not build" tests/unit

# Every page of the built site through axe-core, the Nu Html Checker, the link check,
# the privacy audit and the page-weight count; report in site-report/.
# the gate after the build, also under make -j (as prerequisites they could run side by side)
check-site: site
	$(MAKE) --no-print-directory gate

check-site-zensical: site-zensical
	$(MAKE) --no-print-directory gate-zensical

# the gates alone, on the site as it was built last
gate:
	$(BIN)/python tests/sitecheck.py site --report site-report

gate-zensical:
	$(BIN)/python tests/sitecheck.py site-zensical --report site-report/zensical

# Both builders' sites, then every test: the quality gate over every page of each site is a
# test among the others (tests/browser/test_gate.py), so it runs while other tests wait on
# their browsers. The builds one after the other (they share .bouw/), beside lint and the tests
# that need no site (a build leaves a core half idle), then the rest in four processes.
test: setup
	$(MAKE) --no-print-directory -j3 -O lint test-js sites test-zonder-site
	MELDCODE_SITE_MKDOCS=site MELDCODE_SITE_ZENSICAL=site-zensical $(BIN)/pytest -q -n $(WORKERS) --dist loadfile --no-loadscope-reorder --durations=12 --deel met-site

test-zonder-site: venv
	$(BIN)/pytest -q --deel zonder-site tests/unit

# pytest's processes in make test: four finished in 11 min 44 s where three took 13 min 34 s (measured before the tests without a site moved beside the builds)
# (the two cores are busy throughout; the fourth fills the moments a test waits on its browser).
# --no-loadscope-reorder: modules are handed out in conftest's order, the longest first;
# xdist's own order (most tests first) left a one-test module of minutes, the gate, for last.
WORKERS ?= 4

sites: setup
	$(BIN)/meldcode build --bouwer mkdocs
	$(BIN)/meldcode build --bouwer zensical --site-dir site-zensical

bench: site $(LIGHTHOUSE)
	$(BIN)/python tests/bench_build.py --runs 3
	$(BIN)/python tests/bench_hulp.py site --runs 5
	$(BIN)/python tests/bench_netwerk.py site --runs 3
	$(BIN)/python tests/bench_redactie.py site --runs 3
	$(BIN)/python tests/bench_lighthouse.py site --runs 3

# Lighthouse for the benchmark only: not a dependency of the site or its tests. 12.2.3: the
# newest that runs on Node 20 (13 wants Node 22).
$(LIGHTHOUSE):
	npm install --no-audit --no-fund --save-exact --prefix .bouw/lighthouse lighthouse@12.2.3

screenshots: site
	$(BIN)/python tests/screenshots.py

clean:
	rm -rf site site-zensical .site-* .bouw screenshots site-report
