# The README's two commands: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install install-test lint typecheck browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/tracker db upgrade
	$(BIN)/tracker demo
	@echo ""
	@echo "  Claim tracker: http://$(HOST):$(PORT)/"
	@echo "  Log in as factchecker@example.org / demo-factchecker (editor@example.org / demo-editor-pass)"
	@echo ""
	$(BIN)/tracker serve --host $(HOST) --port $(PORT)

browser-deps:
	bash tests/browser/install.sh

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy

typecheck: lint

test: install-test browser-deps
	$(BIN)/ruff check .
	$(BIN)/mypy
	bash tests/run.sh

clean:
	rm -rf $(VENV) instance .pytest_cache .mypy_cache .ruff_cache
