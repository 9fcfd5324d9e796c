# Sorot: the two commands a user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint clean

install: $(STAMP)

# Re-run only when the pins or the project metadata change (idempotent).
$(STAMP): requirements.lock requirements-dev.lock requirements-pip.lock pyproject.toml scripts/install.sh
	PYTHON=$(PYTHON) VENV=$(VENV) sh scripts/install.sh
	touch $(STAMP)

demo: install
	$(BIN)/sorot demo

test: install
	sh scripts/install-system.sh
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .


clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
