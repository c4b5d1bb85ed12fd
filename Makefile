# Quickstart: `make run` builds the sample graph; `make test` runs the whole suite.
# Needs only Python 3.11+, pip and make; everything else is installed into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := examples/000_153ddeac55c241ad.txt
OUT    := output

.PHONY: run test lint bench clean help

help:
	@echo "make run    build $(OUT)/graph.ttl and $(OUT)/graph.html from the sample article"
	@echo "make test   install test dependencies and run the whole test suite"
	@echo "make lint   ruff and mypy"
	@echo "make bench  time every cookbook query on a store of 3000 xwlb articles (needs ../shared)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/kg build $(SAMPLE) -o $(OUT)

test: $(VENV)/.test-installed
	bash scripts/install-browser.sh
	$(BIN)/ruff check kg tests bench
	$(BIN)/mypy kg
	$(BIN)/python -m pytest -q

lint: $(VENV)/.test-installed
	$(BIN)/ruff check kg tests
	$(BIN)/mypy kg

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_query.py

clean:
	rm -rf $(VENV) build dist *.egg-info $(OUT)/graph.*
