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

$(VENV)/.installed: $(BIN)/python pyproject.toml setup.py
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# The port is checked before anything is printed: a taken port is one clear line, not retries.
run: install
	@$(BIN)/python -c "import socket; s = socket.socket(); \
	  s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('$(HOST)', $(PORT)))" \
	  2>/dev/null || { echo "Port $(PORT) on $(HOST) is in use (or not allowed)." \
	  "Choose another: make run PORT=5077"; exit 1; }
	$(BIN)/tracker db upgrade
	$(BIN)/tracker demo
	@echo ""
	@echo "  Claim tracker: http://$(HOST):$(PORT)/   (log in with one of the demo logins above;"
	@echo "  another port: make run PORT=5077)"
	@echo ""
	$(BIN)/tracker serve --host $(HOST) --port $(PORT)

browser-deps:
	bash tests/browser/install.sh

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

typecheck: lint

test: install-test browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	bash tests/wheel_check.sh
	bash tests/run.sh

clean:
	rm -rf $(VENV) instance build *.egg-info .pytest_cache .mypy_cache .ruff_cache
