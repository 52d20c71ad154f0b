# Two commands on a fresh machine: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test lint format install assets migrate demo check-browser clean backup restore bench bench-wrk

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/dist/compact.css: node_modules/.installed $(wildcard static/scss/*.scss)
	npm run --silent build

install: $(VENV)/.installed static/dist/compact.css

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py demo_data --if-empty

# The web server and, beside it, one Celery worker with the beat scheduler embedded (-B) that sends the
# outbox's emails and runs the scheduled jobs. With no CELERY_BROKER_URL the broker is a folder
# (.celery-broker/), so nothing else needs installing. Ctrl-C stops both.
run: demo
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) -m celery -A compact_site worker -B --pool=solo --loglevel=INFO & worker=$$!; \
	$(PY) manage.py runserver $(HOST):$(PORT)

check-browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo ""; \
	  echo "*** Browser tests will be SKIPPED: $(CHROMIUM) is missing."; \
	  echo "*** Install it with: sudo apt-get install chromium chromium-driver"; \
	  echo ""; \
	fi

PYTEST_ARGS ?= -n auto

# ruff (lint and format, configured in pyproject.toml) and mypy with django-stubs over the apps. `make test` runs
# it first: any finding fails the run.
lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

# Format the code and apply ruff's safe fixes.
format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

test: install check-browser lint
	$(PY) -m pytest $(PYTEST_ARGS)

# Backups: `make backup` writes backups/compact-<timestamp>.dump (PostgreSQL) or .sqlite3 (SQLite);
# `make restore BACKUP=backups/compact-….dump` replaces everything in the database with it.
backup: install
	$(PY) manage.py backup

restore: install
	@if [ -z "$(BACKUP)" ]; then echo "Say which file: make restore BACKUP=backups/compact-….dump"; exit 2; fi
	$(PY) manage.py restore --noinput "$(BACKUP)"

clean:
	rm -rf $(VENV) node_modules static/dist staticfiles

# `make bench`: seed a large data set into its own PostgreSQL database (BENCH_DATABASE, default compact_bench,
# dropped and recreated), time the main pages and one Celery worker delivering 1,000 emails (needs Redis),
# load-test the pages under gunicorn with wrk beside a bare Django, then time a 5,000-organisation import.
# Results in bench-results/. `make bench SCALE=10` seeds ten times the data and prints both scales' medians
# side by side. BENCH_WRK_SECONDS (default 30) sets how long wrk loads each page.
SCALE ?= 1
bench: install bench-wrk
	BENCH_SCALE=$(SCALE) PYTHONPATH=. $(PY) -m bench.seed
	BENCH_SCALE=$(SCALE) PYTHONPATH=. $(PY) -m bench.measure
	BENCH_SCALE=$(SCALE) PYTHONPATH=. $(PY) -m bench.serve
	BENCH_SCALE=$(SCALE) PYTHONPATH=. $(PY) -m bench.outbox
	BENCH_SCALE=$(SCALE) PYTHONPATH=. $(PY) -m bench.imports
	BENCH_SCALE=$(SCALE) PYTHONPATH=. $(PY) -m bench.grants

bench-wrk:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; \
	  else echo "*** wrk is missing: install it with: sudo apt-get install -y wrk"; exit 1; fi; }
