# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= ellemes.settings.dev
APPS := ellemes blog specials staff contact treatments legal accounts editorial
TEMPLATES = $(shell find $(APPS) -path '*/templates/*' -name '*.html')
TEMPLATE_LINE_LIMIT := 160

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: help run test install lint format migrate demo clean bench audit load messages fonts brand

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned requirements

migrate: install ## Apply the database migrations
	$(BIN)/python manage.py migrate --noinput

demo: migrate ## Load the demo content (safe to repeat)
	$(BIN)/python manage.py load_demo_content

run: demo ## Serve the site with demo content, workers and scheduler at http://127.0.0.1:8000/
	$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py clear_page_cache
	@echo "Serving the site at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/). Ctrl-C stops it."
	@# The background workers (inquiry emails; image renditions, on their own) and the scheduler (scheduled
	@# publishing) stop with the server; a worker is started again whenever it exits.
	@trap 'kill $$(jobs -p) 2>/dev/null' EXIT INT TERM; \
	for queues in default renditions; do \
	  ( trap 'kill $$pid 2>/dev/null; exit 0' TERM; \
	    while :; do $(BIN)/python manage.py run_worker --queues $$queues --heartbeat "" & pid=$$!; wait $$pid; \
	      echo "The $$queues worker exited; starting it again in 5 s." >&2; sleep 5; done ) & \
	done; \
	$(BIN)/python manage.py run_periodic & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install ## ruff, ruff format, djhtml and template line length, bandit
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@echo "djhtml --check on every template"
	@$(BIN)/djhtml --check $(TEMPLATES)
	@awk 'length > $(TEMPLATE_LINE_LIMIT) {print FILENAME ":" FNR ": " length " characters (at most $(TEMPLATE_LINE_LIMIT))"; long = 1} \
	  END {exit long}' $(TEMPLATES)
	@# Security lint: no medium or high finding; each `# nosec` says why on the line above it.
	$(BIN)/bandit --quiet --recursive $(APPS) --exclude '*/tests/*,*/migrations/*' --severity-level medium

# The admin's wording (editorial/locale): compiled .mo files are committed; a test checks they match the .po files.
messages: install ## Compile the admin's wording after editing a .po file (needs gettext)
	$(BIN)/python manage.py compilemessages --ignore .venv --ignore bench

format: install ## Fix what ruff and djhtml can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $(TEMPLATES)

test: lint ## Lint, Django checks, migration check, then the whole test suite
	DJANGO_SETTINGS_MODULE=ellemes.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=ellemes.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	@# Most tests on every core; those marked own_process (browser, committing) after them, in one process.
	DJANGO_SETTINGS_MODULE=ellemes.settings.test $(BIN)/pytest -n auto --dist loadfile -m "not own_process"
	DJANGO_SETTINGS_MODULE=ellemes.settings.test $(BIN)/pytest -m own_process

clean: ## Remove .venv, the SQLite database, media and collected files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media test-media* static .cache

bench: install ## The benchmark (writes its section of bench/RESULTS.md)
	@command -v wrk >/dev/null || { echo "bench needs wrk, varnish, caddy and chromium (apt-get install wrk varnish caddy chromium)"; exit 1; }
	cd bench && npm ci --ignore-scripts --no-audit --no-fund --silent
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# The web fonts are committed, so `make run` needs no npm; this refreshes them from the pinned packages.
FONT_FILES := @fontsource-variable/inter/files/inter-latin-wght-normal.woff2 \
	@fontsource/cormorant-garamond/files/cormorant-garamond-latin-600-normal.woff2
fonts: ## Copy the Latin web fonts the site uses (and their licence) from assets/ into ellemes/static/fonts/
	cd assets && npm ci --ignore-scripts --no-audit --no-fund --silent
	mkdir -p ellemes/static/fonts
	for file in $(FONT_FILES); do cp assets/node_modules/$$file ellemes/static/fonts/; done
	cp assets/node_modules/@fontsource-variable/inter/LICENSE ellemes/static/fonts/OFL-Inter.txt
	cp assets/node_modules/@fontsource/cormorant-garamond/LICENSE ellemes/static/fonts/OFL-Cormorant-Garamond.txt

brand: fonts install ## Redraw the wordmark, the favicons and the app icons from the fonts (outputs are committed)
	cd assets && node wordmark.js
	$(BIN)/python manage.py make_icons

# MDN's HTTP Observatory against production settings behind Caddy's TLS (ports 80 and 443: run as root).
audit: install ## MDN's HTTP Observatory against production settings (as root)
	@command -v caddy >/dev/null || { echo "audit needs caddy (apt-get install caddy)"; exit 1; }
	cd bench && npm ci --ignore-scripts --no-audit --no-fund --silent
	$(BIN)/python -m bench.audit

# 60 s of mixed traffic while the database, Redis, the worker and mail fail in turn (see docs/performance.md).
load: install ## 60 s of mixed traffic while the services fail in turn
	@for tool in createdb dropdb redis-cli; do command -v $$tool >/dev/null || { \
	  echo "load needs the PostgreSQL client tools and redis-cli, with PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (apt-get install postgresql-client redis-tools)"; exit 1; }; done
	$(BIN)/python -m bench.load $(LOAD_ARGS)
