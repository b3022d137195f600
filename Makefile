# Two commands for a new user: `make demo` and `make test`.
# Everything a fresh machine lacks is installed from here: uv (from PyPI),
# the locked Python packages, and (on first `es start`) Elasticsearch.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)

DEMO_PORT ?= 8765
DEMO_OUT ?= demo-out

.PHONY: install test test-faults lint typecheck pytest demo demo-serve es-start es-stop clean

$(UV):
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --target $(TOOLS) uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --all-groups
	touch $@

# The en_US hunspell dictionary gives the local Elasticsearch English stemming
# (its test distribution has no English analyzer). Installed from Debian's
# packages when we are root; otherwise `es start` goes on without it.
HUNSPELL_DIC := /usr/share/hunspell/en_US.dic
$(HUNSPELL_DIC):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-en-us) >/dev/null \
	  || echo "note: could not install hunspell-en-us; search will not stem English words"; \
	else echo "note: install hunspell-en-us for English stemming in the local Elasticsearch"; fi

install: $(VENV)/.installed $(HUNSPELL_DIC)

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy newsarchive crawler indexer search_cli bench

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest

# The fault tests alone (killed crawls, bad input, hostile sites, a full disk,
# root safety, credentials, Kibana setup): they also run in `make test`.
test-faults: install
	$(BIN)/pytest -m faults

es-start: install
	$(BIN)/newsarchive es start

es-stop: install
	$(BIN)/newsarchive es stop

# The demo: serve the bundled sample site on 127.0.0.1, crawl it into a local
# Elasticsearch (enriching every article on the way), then show the archive.
demo: install
	$(BIN)/newsarchive es start
	@mkdir -p $(DEMO_OUT)
	@$(BIN)/python -m crawler.samplesite --port $(DEMO_PORT) > $(DEMO_OUT)/sample-site.log 2>&1 & \
	  echo $$! > $(DEMO_OUT)/sample-site.pid; sleep 1
	$(BIN)/newsarchive crawl --site sample --base-url http://127.0.0.1:$(DEMO_PORT) \
	  --output $(DEMO_OUT)/articles.jsonl --dead-letter $(DEMO_OUT)/dead-letter.jsonl --timeout 5 \
	  || (kill `cat $(DEMO_OUT)/sample-site.pid`; exit 1)
	@kill `cat $(DEMO_OUT)/sample-site.pid` 2>/dev/null || true
	$(BIN)/newsarchive es status
	$(BIN)/newsarchive search "missile strikes" --place Syria --from 2015-10 --limit 3

clean:
	rm -rf $(VENV) $(TOOLS) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache
