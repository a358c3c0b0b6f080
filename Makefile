# Every target sets up what it needs itself; set-up is skipped when nothing changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
PORT ?= 8000

.PHONY: build check serve test lint format clean

$(READY): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

## build: build the site into site/
build: $(READY)
	$(BIN)/python build.py

## check: validate content and links without writing site/
check: $(READY)
	$(BIN)/python build.py check

## serve: build, then open the live preview on http://127.0.0.1:$(PORT)/
serve: $(READY)
	$(BIN)/python build.py serve --port $(PORT)

## lint: ruff (lint and format check) and mypy
lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## format: apply ruff's formatting and safe fixes
format: $(READY)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## test: lint, then every test
test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
