# bodymap: `make run` starts the app, `make test` runs the checks. Both set up .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
SOURCES := pyproject.toml setup.py
CORE := bodymap/geometry bodymap/model bodymap/store bodymap/export bodymap/ops bodymap/referral bodymap/nerves bodymap/analysis bodymap/cli bodymap/files

.PHONY: run test lint typecheck pytest bench clean atlas

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP_RUN): $(BIN)/python $(SOURCES)
	$(BIN)/python -m pip install -q -e .
	touch $@

$(STAMP_TEST): $(BIN)/python $(SOURCES)
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	@tools/syslibs.sh gui
	$(BIN)/bodymap

lint: $(STAMP_TEST)
	$(BIN)/ruff check bodymap tests benchmarks tools
	$(BIN)/ruff format --check bodymap tests benchmarks tools

typecheck: $(STAMP_TEST)
	$(BIN)/mypy $(wildcard $(CORE))

pytest: $(STAMP_TEST)
	@tools/syslibs.sh core
	@tools/postgres.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: lint typecheck pytest

bench: $(STAMP_TEST)
	@tools/syslibs.sh core
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

atlas: $(STAMP_TEST)
	$(BIN)/python tools/build_atlas.py

clean:
	rm -rf $(VENV) build *.egg-info
