# eventdesk — everything a fresh machine needs is installed by these targets.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= ../shared
DEMO_DB ?= demo.db

.PHONY: install install-browser demo test test-browser lint bench bench-link bench-serve eval clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
install-browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/eventdesk ingest examples/articles --db $(DEMO_DB)
	$(BIN)/eventdesk incidents --db $(DEMO_DB)

test: install install-browser
	$(BIN)/python -m pytest -q

test-browser: install install-browser
	$(BIN)/python -m pytest -q -m browser tests/test_serve_browser.py

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/end_to_end.py --articles 1000 --shared $(SHARED)

bench-link: install
	$(BIN)/python bench/link_scale.py --sizes 10000,100000,1000000

bench-serve: install
	$(BIN)/python bench/serve_load.py --seconds 60 --clients 50 --articles 1000

eval: install
	$(BIN)/eventdesk eval clustering --dataset ecbplus $(SHARED)/data/ecbplus/documents.jsonl --topics 1-35
	$(BIN)/eventdesk eval clustering --dataset ecbplus $(SHARED)/data/ecbplus/documents.jsonl --topics 36-45
	$(BIN)/eventdesk eval clustering --dataset gva $(SHARED)/data/gva-dev/articles.jsonl
	$(BIN)/eventdesk eval facts --dataset gva $(SHARED)/data/gva-dev/articles.jsonl
	$(BIN)/eventdesk eval summary --dataset gva $(SHARED)/data/gva-dev/articles.jsonl
	$(BIN)/eventdesk eval clean
	$(BIN)/eventdesk eval html $(SHARED)/data/article-extraction

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)*
