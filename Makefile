# The two commands of the README. Both create the virtualenv if it is missing and install the project.
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= storyline.db
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test

$(PYTHON):
	python3 -m venv $(VENV)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Build the dossier of the bundled example corpus into $(DB) and serve it on $(HOST):$(PORT).
run: $(STAMP)
	$(VENV)/bin/storyline build src/storyline/example/corpus --db $(DB)
	$(VENV)/bin/storyline serve --db $(DB) --host $(HOST) --port $(PORT)

# The whole test suite (the browser tests need Debian's chromium: .ci/run installs it).
test: $(STAMP)
	$(PYTHON) -m pytest
