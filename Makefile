# Two commands: `make demo` (the main job on the bundled corpus) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

SHARED_EVAL ?= ../shared/eval
.PHONY: demo test lint eval-gate bench clean chromium postgres serve fuzz

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

demo: $(BIN)/.installed
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/tidings ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/tidings events --db $(DEMO_DB)
	$(BIN)/tidings dyad Kenya Tanzania --db $(DEMO_DB)

test: $(BIN)/.installed chromium postgres lint
	$(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory eval-gate

# ruff (the rules and the format) and mypy, as pyproject.toml configures them; the test extra installs both.
LINTED := src tests bench scripts
lint: $(BIN)/.installed
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

# The browser tests drive Debian's chromium with Playwright; install it when missing (needs root,
# as in CI). Without it those tests are skipped with a message.
chromium:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } || \
		echo "chromium is not installed and could not be: the browser tests will be skipped"

# The store tests also run on PostgreSQL: install Debian's server when missing (as root, as in
# CI), start it, and make the test role. Without it those tests are skipped with a message.
postgres:
	@command -v pg_ctlcluster >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) ; } || true
	@if command -v pg_ctlcluster >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		v=$$(ls /usr/lib/postgresql | sort -n | tail -1); \
		pg_lsclusters -h | grep -q "^$$v main" || pg_createcluster -q $$v main >/dev/null; \
		pg_ctlcluster $$v main start 2>/dev/null || true; \
		su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='tidings'\"" | grep -q 1 || \
		su postgres -c "psql -qc \"CREATE ROLE tidings LOGIN PASSWORD 'tidings' CREATEDB\""; \
	else echo "PostgreSQL is not available: the PostgreSQL variants of the store tests will be skipped"; fi

serve: $(BIN)/.installed
	$(BIN)/tidings serve --db $(DEMO_DB)

# The accuracy gate: fails when a figure drops below its floor in eval/floors.json.
eval-gate: $(BIN)/.installed
	@if [ -f $(SHARED_EVAL)/plover_gsr.jsonl ]; then \
		$(BIN)/tidings eval $(SHARED_EVAL)/plover_gsr.jsonl --floors eval/floors.json --examples 0; \
	else echo "eval-gate skipped: $(SHARED_EVAL)/plover_gsr.jsonl not found (clone ../shared beside the project)"; fi
	@if [ -d $(SHARED_EVAL)/news_dev/gold ]; then \
		$(BIN)/tidings eval $(SHARED_EVAL)/news_dev --floors eval/floors.json --examples 0; \
	else echo "eval-gate skipped: $(SHARED_EVAL)/news_dev not found (clone ../shared beside the project)"; fi

# The fuzzers of `make test`, run longer: the readers' property tests with Hypothesis's `long`
# profile, and schemathesis with FUZZ_EXAMPLES cases per API operation and a random seed.
FUZZ_EXAMPLES ?= 1000
fuzz: $(BIN)/.installed
	$(BIN)/python -m pytest -q tests/test_fuzz_readers.py --hypothesis-profile=long
	TIDINGS_API_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) TIDINGS_API_FUZZ_SEED=random TIDINGS_API_FUZZ_SECONDS=3600 \
		$(BIN)/python -m pytest -q -s tests/test_api_fuzz.py

bench: $(BIN)/.installed
	$(BIN)/python bench/throughput.py --articles 500

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .hypothesis
