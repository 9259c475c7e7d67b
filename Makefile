# Social Networks for Business: every task a learner, author or instructor needs.
# `make help` lists them. Everything runs inside .venv, made by `make setup`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
JOBS   ?= 2
NBVAL_SANITIZE := tests/nbval_sanitize.cfg
AXE_VERSION := 4.14.1
AXE := $(VENV)/axe-core/axe.min.js
# reveal.js for `make slides` (nbconvert's reveal template is written for 4.0.2), from npm, never a CDN
REVEAL_VERSION := 4.0.2
REVEAL := $(VENV)/reveal.js
# JupyterHub's proxy for `make hub-rehearsal`, from npm into .venv (never global)
HUB_PROXY_VERSION := 5.3.0
HUB_PROXY := $(VENV)/hub-proxy/node_modules/.bin/configurable-http-proxy
LEARNERS ?= 5
# The learner's own folder (git ignores my-work/); see README, "Your own work".
WORKSPACE ?= my-work
# A variable given on the command line (WORKSPACE, CH, DIR, CSV, PLATFORM, PYVER) reaches Python
# as ONE argument, exactly as typed: $(value) stops make expanding `$HOME` or `$(shell ...)`
# inside it, and the single quotes (each ' written '\'') stop the shell. Never write "$(CH)".
arg = '$(subst ','\'',$(value $(1)))'
# make exports command-line variables to every recipe, expanding them to do so (which would run
# a `$(shell ...)` typed into one): these are passed as arguments instead, never exported.
unexport WORKSPACE CH EX DIR CSV NAMES PLATFORM PYVER LEARNERS
# Variables that tools read from the environment (NB, ALL) or that a recipe tests (ONLY): taken
# as typed, then exported as that text; without this, a `$(shell ...)` in one would run.
override NB := $(value NB)
override ALL := $(value ALL)
override ONLY := $(value ONLY)
export NB ALL
ALLOW_ROOT = $(if $(filter 0,$(shell id -u)),--allow-root)

.DEFAULT_GOAL := help
.PHONY: help setup lock book book-build serve lab workspace reset-workbook reset-lesson solution progress class-progress \
	author-lab test lint unit slow-test verdicts verdicts-check nbval book-test browser-deps browser-test exercises \
	execute benchmark check-env slides wheelhouse hub-deps hub-rehearsal clean

# The course's own runs of the worked solutions are never a learner's progress (snb/progress.py).
unit slow-test verdicts verdicts-check nbval book-build book-test browser-test execute exercises benchmark: export SNB_PROGRESS := off

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# Installs the exact versions of requirements.lock, each checked against its hash (one lock
# for Linux, macOS and Windows, Python 3.10+: see `make lock`), then the course package. uv
# installs it (uv and pip come from requirements-uv.lock, hash-checked too): about 5 s where
# pip takes 40 s of CPU. It compiles the bytecode as pip does (where PYTHONDONTWRITEBYTECODE is
# set, nothing else would, and every process would compile each module it imports again).
# Where uv cannot run or reach the index, pip installs the same lock.
# Installs $(1) into .venv with uv where set-up installed it, else with pip (a shell test: a
# recipe is expanded before its first line has made the venv).
install = if [ -x $(BIN)/uv ]; then $(BIN)/uv pip install --quiet --python $(PY) $(1); \
	else $(PY) -m pip install --quiet $(1); fi
$(BIN)/.installed: requirements.lock requirements-uv.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	@if $(PY) -m pip install --quiet --require-hashes -r requirements-uv.lock && \
		$(BIN)/uv pip install --quiet --python $(PY) --require-hashes --compile-bytecode -r requirements.lock; then :; \
	else echo "uv could not install requirements.lock: pip installs it instead (slower)"; \
		$(PY) -m pip install --quiet --upgrade pip && \
		$(PY) -m pip install --quiet --require-hashes -r requirements.lock; fi
	@$(call install,--no-deps --no-build-isolation -e .)
	@touch $@

setup: $(BIN)/.installed  ## make .venv and install everything the course needs (exact versions)

# One universal lock (uv's resolver, from PyPI): every platform and Python 3.10+, with
# markers where versions differ (e.g. numpy for 3.10) and the hash of every file. uv itself
# is locked the same way in requirements-uv.lock, with the venv's pip (make setup installs
# both first: a venv's own pip can be years old, and learners' notebooks call pip).
UV_VERSION := 0.13.10
lock: setup  ## refresh requirements.lock and requirements-uv.lock (exact versions and hashes; needs PyPI)
	@test -x $(BIN)/uv || $(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile requirements.txt --universal --python-version 3.10 --generate-hashes \
		--no-emit-package snb --custom-compile-command "make lock" --quiet -o requirements.lock
	printf 'uv==%s\npip\n' "$(UV_VERSION)" | $(BIN)/uv pip compile - --universal --python-version 3.10 \
		--generate-hashes --custom-compile-command "make lock" --quiet -o requirements-uv.lock
	@echo "requirements.lock refreshed: commit it, then 'rm $(BIN)/.installed && make setup' installs it"

book: setup book-build  ## set up, then build the book into _build/html
	@echo
	@echo "The book is built. Open _build/html/index.html in a browser,"
	@echo "or run 'make serve' and visit http://127.0.0.1:8000"

book-build: setup  ## build the book (offline, warnings are errors; renders missing explorer frames; fails on any error page)
	$(PY) tools/book_build.py -- -W -n --keep-going --builder html

serve: book-build  ## serve the built book on http://127.0.0.1:8000
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

workspace: setup  ## make your workspace my-work/, or add what a course update brought (never overwrites)
	$(PY) -m snb.workspace --workspace $(call arg,WORKSPACE) add

lab: workspace  ## open JupyterLab in your workspace (made first if missing): answer there
	$(BIN)/jupyter lab --notebook-dir=$(call arg,WORKSPACE) $(ALLOW_ROOT)

reset-workbook: setup  ## fresh copy of one workbook, e.g. CH=01, or one exercise: EX=1.3 (old copy kept as a backup)
	$(PY) -m snb.workspace --workspace $(call arg,WORKSPACE) reset $(call arg,CH) \
		$(if $(value EX),--exercise $(call arg,EX))

solution: setup  ## copy a chapter's worked solutions into your workspace's solutions/, e.g. CH=03
	$(PY) -m snb.workspace --workspace $(call arg,WORKSPACE) solution $(call arg,CH)

reset-lesson: setup  ## fresh copy of one lesson, e.g. CH=01 (your old copy is kept as a backup)
	$(PY) -m snb.workspace --workspace $(call arg,WORKSPACE) reset $(call arg,CH) --lesson

progress: setup  ## your progress per chapter: done, attempted, not started
	@$(PY) -m snb.progress --workspace $(call arg,WORKSPACE)

class-progress: setup  ## instructors: DIR=folder of progress files -> table per exercise and CSV
	@$(PY) -m snb.progress --class $(call arg,DIR) $(if $(value NAMES),--names) \
		--csv $(if $(value CSV),$(call arg,CSV),$(call arg,DIR)/class-progress.csv)

author-lab: setup  ## authors: JupyterLab on the course files themselves (edits tracked notebooks)
	$(BIN)/jupyter lab --notebook-dir=. $(ALLOW_ROOT)

# browser-deps (axe-core, reveal.js from npm) comes before unit: a unit test builds a slide deck
# with reveal.js and skips without it.
test: setup lint browser-deps unit slow-test verdicts-check nbval book-test browser-test  ## run every test: lint, unit, verdicts, notebooks, book, browser
	@echo "All tests passed."

lint: setup  ## ruff: pyflakes, pycodestyle, import order (settings in pyproject.toml)
	$(PY) -m ruff check .

# Test runs other than nbval leave its plugin out (-p no:nbval): it imports nbformat before
# tests/conftest.py can spare each process nbformat's slow optional import (1 s).
unit: setup  ## unit tests and the package's doctests, without the slow ones (about 2 minutes on 2 cores)
	$(PY) -m pytest tests -n $(JOBS) --dist loadfile --ignore=tests/book --ignore=tests/browser -m "not slow" \
		-p no:cacheprovider -p no:nbval
	$(PY) -m pytest --doctest-modules snb -q -p no:cacheprovider -p no:nbval

# After the unit tests: real Sphinx builds, kernels, several processes each, a class on a
# local JupyterHub, and the wheelhouse install (a core busy for a minute). Two workers share
# the tests and an idle one takes half of the other's queue (worksteal), the longest first
# (tests/conftest.py): 99-103 s on 2 cores where whole files per worker took 104-113 s (the
# scheduler started files by their number of tests, so the wheelhouse came late). The
# interrupted-render test gives its signal a window of seconds, so it holds under load.
slow-test: setup hub-deps  ## the slow tests alone (Sphinx builds, kernels, a hub rehearsal, an offline install: minutes)
	$(PY) -m pytest tests -m slow --ignore=tests/book --ignore=tests/browser -n $(JOBS) --dist worksteal \
		-p no:cacheprovider -p no:nbval -rs --durations=10

# ONLY reaches Python through the environment, never through the shell.
verdicts: export SNB_ONLY := $(ONLY)
verdicts: setup  ## every verdict of the course with its interval (ONLY="03 05" for some chapters)
	$(PY) -m snb.verdicts

# The stored results (what pages print) must be fresh at seed base 0, and no verdict may
# change its label at another base unless it is marked fragile.
VERDICT_OTHER_BASE := 7
verdicts-check: setup  ## recompute every verdict: stored results fresh, no unmarked flip at another base
	$(PY) -m snb.verdicts --check-stored --compare 0 $(VERDICT_OTHER_BASE)

nbval: setup  ## run the notebooks: strict on lessons and solutions, lax on exercises
	$(PY) -m pytest --nbval notebooks solutions --nbval-sanitize-with $(NBVAL_SANITIZE) \
		-n $(JOBS) --dist loadfile -p no:cacheprovider --durations=5
	$(PY) -m pytest --nbval-lax exercises -n $(JOBS) --dist loadfile -p no:cacheprovider

book-test: book-build  ## build the book and test the HTML it produced
	$(PY) -m pytest tests/book -p no:cacheprovider -p no:nbval

browser-deps: setup  ## axe-core and reveal.js (pinned, from npm) for the browser tests
	@if [ -f $(AXE) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		mkdir -p $(VENV)/axe-core && cd $(VENV)/axe-core && \
		npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && \
		tar -xzf axe-core-$(AXE_VERSION).tgz --strip-components=1 package/axe.min.js && \
		echo "axe-core $(AXE_VERSION) ready in $(VENV)/axe-core"; \
	else echo "npm not found: the browser tests will skip the accessibility scan"; fi
	@if [ -f $(REVEAL)/dist/reveal.js ]; then :; \
	elif command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(REVEAL)/dist/reveal.js; \
	else echo "npm not found: the browser tests will skip the slide decks"; fi

$(REVEAL)/dist/reveal.js:
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed once to fetch reveal.js $(REVEAL_VERSION) (then the slides build offline)"; exit 1; }
	mkdir -p $(REVEAL) && cd $(REVEAL) && \
		npm pack --silent reveal.js@$(REVEAL_VERSION) >/dev/null && \
		tar -xzf reveal.js-$(REVEAL_VERSION).tgz --strip-components=1 package/dist package/plugin/notes \
			package/LICENSE package/package.json && \
		rm reveal.js-$(REVEAL_VERSION).tgz && echo "reveal.js $(REVEAL_VERSION) ready in $(REVEAL)"

# One Chromium per worker; a module whose fixture builds something (the slide decks, the ONA
# report) is an xdist_group, so it is built once, on one worker.
browser-test: book-build browser-deps  ## every built page in headless Chromium (skips without Chromium)
	$(PY) -m pytest tests/browser -n $(JOBS) --dist loadgroup -p no:cacheprovider -p no:nbval -q -rs --durations=10

exercises: setup  ## regenerate exercises/ from solutions/ (and the book's index of exercises)
	$(PY) -m snb.exercisegen
	$(PY) tools/exercise_index.py

# NB reaches the tool through the environment (make exports command-line variables), never
# through the shell: `make execute NB="notebooks/01-network-society.ipynb"`.
# --exercises: then exercises/ and the book's index of exercises, in the same process (seconds less).
execute: setup  ## re-run the stale lessons and solutions (NB=path: that one; ALL=1: all) to refresh their outputs
	$(PY) tools/execute_notebooks.py --exercises $(if $(ALL),--all) $(if $(NB),--from-env NB)

benchmark: setup  ## print build (one edited cell to a rebuilt book), notebook and widget timings against the budgets
	$(PY) tools/benchmark.py

check-env: setup  ## workshop doctor: is this laptop ready? each problem with its fix
	$(PY) tools/check_env.py --workspace $(call arg,WORKSPACE)

slides: setup $(REVEAL)/dist/reveal.js  ## slide decks of the lesson pages in _build/slides (reveal.js local, no CDN)
	$(PY) tools/slides.py --out _build/slides --reveal $(REVEAL)

wheelhouse: setup  ## wheels for an offline venue (Linux, macOS, Windows; Python 3.10+) in wheelhouse/
	$(PY) tools/wheelhouse.py --dest wheelhouse $(if $(value PLATFORM),--platform $(call arg,PLATFORM)) \
		$(if $(value PYVER),--python $(call arg,PYVER))

$(VENV)/.hub-installed: requirements-hub.txt
	$(call install,-r requirements-hub.txt)
	@touch $@

hub-deps: setup  ## JupyterHub, nbgitpuller, the idle culler (PyPI) and the hub's proxy (npm) into .venv
	@$(MAKE) --no-print-directory $(VENV)/.hub-installed || \
		echo "requirements-hub.txt could not be installed: the hub rehearsal test will be skipped"
	@if [ -x $(HUB_PROXY) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		npm install --prefix $(VENV)/hub-proxy --no-audit --no-fund --silent \
			configurable-http-proxy@$(HUB_PROXY_VERSION) && \
		echo "configurable-http-proxy $(HUB_PROXY_VERSION) ready in $(VENV)/hub-proxy" || \
		echo "configurable-http-proxy could not be installed: the hub rehearsal test will be skipped"; \
	else echo "npm not found: the hub rehearsal test will be skipped (the hub's proxy comes from npm)"; fi

hub-rehearsal: hub-deps  ## a class on a real JupyterHub on this machine, e.g. LEARNERS=5 (instructor guide)
	$(PY) tools/hub_rehearsal.py --learners '$(subst ','\'',$(value LEARNERS))'

clean:  ## remove the built book (keeps .venv, and the explorers' frames in book/_static/frames/, a cache)
	rm -rf _build
