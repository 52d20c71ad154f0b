# Two commands on a fresh machine: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install assets migrate demo check-browser clean

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

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

check-browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo ""; \
	  echo "*** Browser tests will be SKIPPED: $(CHROMIUM) is missing."; \
	  echo "*** Install it with: sudo apt-get install chromium chromium-driver"; \
	  echo ""; \
	fi

PYTEST_ARGS ?= -n auto

test: install check-browser
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules static/dist staticfiles
