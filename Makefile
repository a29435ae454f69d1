# `make run`: set everything up and open the desktop app on the embedded database with a demo shop.
# `make test`: set everything up and run the whole test suite on SQLite and PostgreSQL.
PYTHON ?=  # empty: scripts/pick-python.sh chooses (the distribution's optimised build when it has one)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint format demo system-deps-desktop system-deps-test clean

run: $(INSTALLED) system-deps-desktop
	$(BIN)/pos-app db upgrade
	$(BIN)/pos-app demo
	$(BIN)/pos-app

test: $(INSTALLED) system-deps-test
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n auto

lint: $(INSTALLED)
	$(BIN)/ruff check pos_app tests testsupport bench
	$(BIN)/ruff format --check pos_app tests testsupport bench

format: $(INSTALLED)
	$(BIN)/ruff format pos_app tests testsupport bench

demo: $(INSTALLED)
	$(BIN)/pos-app demo

# The system packages first: they include the distribution's Python that pick-python.sh prefers.
$(BIN)/python:
	bash scripts/install-system-deps.sh desktop
	python="$(strip $(PYTHON))"; python="$${python:-$$(bash scripts/pick-python.sh)}"; \
	  [ -n "$$python" ] || { echo "No python3 found: install Python 3.11 or newer." >&2; exit 1; }; \
	  "$$python" -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

system-deps-desktop:
	bash scripts/install-system-deps.sh desktop

system-deps-test:
	bash scripts/install-system-deps.sh test

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis *.egg-info
