# Social Networks for Business: every task a learner, author or instructor needs.
# `make help` lists them. Everything runs inside .venv, made by `make setup`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
JOBS   ?= 2
NBVAL_SANITIZE := tests/nbval_sanitize.cfg

.DEFAULT_GOAL := help
.PHONY: help setup book book-build serve lab test unit nbval book-test exercises execute benchmark check-env clean

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

setup: $(BIN)/.installed  ## make .venv and install everything the course needs

book: setup book-build  ## set up, then build the book into _build/html
	@echo
	@echo "The book is built. Open _build/html/index.html in a browser,"
	@echo "or run 'make serve' and visit http://127.0.0.1:8000"

book-build: setup  ## build the book (offline, warnings are errors, cached execution; fails on any error page)
	$(PY) tools/book_build.py -- -W -n --keep-going --builder html

serve: book-build  ## serve the built book on http://127.0.0.1:8000
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

lab: setup  ## open JupyterLab on the lessons and your exercise workbooks
	$(BIN)/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root)

test: setup unit nbval book-test  ## run every test: unit, notebooks, generated files, book
	@echo "All tests passed."

unit: setup  ## unit tests of the helper package, config and generated files
	$(PY) -m pytest tests -n $(JOBS) --dist loadfile --ignore=tests/book

nbval: setup  ## run the notebooks: strict on lessons and solutions, lax on exercises
	$(PY) -m pytest --nbval notebooks solutions --nbval-sanitize-with $(NBVAL_SANITIZE) \
		-n $(JOBS) --dist loadfile -p no:cacheprovider --durations=5
	$(PY) -m pytest --nbval-lax exercises -n $(JOBS) --dist loadfile -p no:cacheprovider

book-test: book-build  ## build the book and test the HTML it produced
	$(PY) -m pytest tests/book -p no:cacheprovider

exercises: setup  ## regenerate exercises/ from solutions/
	$(PY) -m snb.exercisegen

execute: setup  ## re-run lessons and solutions in place to refresh their stored outputs
	$(PY) tools/execute_notebooks.py notebooks/[0-9]*.ipynb solutions/[0-9]*.ipynb
	$(PY) -m snb.exercisegen

benchmark: setup  ## print build, notebook and widget timings against the budgets
	$(PY) tools/benchmark.py

check-env: setup  ## workshop preflight: is this laptop ready?
	$(PY) tools/check_env.py

clean:  ## remove the built book (keeps .venv)
	rm -rf _build
