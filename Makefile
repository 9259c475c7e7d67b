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
unexport WORKSPACE CH DIR CSV NAMES PLATFORM PYVER
ALLOW_ROOT = $(if $(filter 0,$(shell id -u)),--allow-root)

.DEFAULT_GOAL := help
.PHONY: help setup book book-build serve lab workspace reset-workbook reset-lesson progress class-progress \
	author-lab test unit slow-test verdicts verdicts-check nbval book-test browser-deps browser-test exercises execute benchmark check-env slides wheelhouse \
	hub-deps hub-rehearsal clean

# The course's own runs of the worked solutions are never a learner's progress (snb/progress.py).
unit slow-test verdicts verdicts-check nbval book-build book-test browser-test execute exercises benchmark: export SNB_PROGRESS := off

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

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

workspace: setup  ## make your workspace my-work/, or add what a course update brought (never overwrites)
	$(PY) -m snb.workspace --workspace $(call arg,WORKSPACE) add

lab: workspace  ## open JupyterLab in your workspace (made first if missing): answer there
	$(BIN)/jupyter lab --notebook-dir=$(call arg,WORKSPACE) $(ALLOW_ROOT)

reset-workbook: setup  ## fresh copy of one workbook, e.g. CH=01 (your old copy is kept as a backup)
	$(PY) -m snb.workspace --workspace $(call arg,WORKSPACE) reset $(call arg,CH)

reset-lesson: setup  ## fresh copy of one lesson, e.g. CH=01 (your old copy is kept as a backup)
	$(PY) -m snb.workspace --workspace $(call arg,WORKSPACE) reset $(call arg,CH) --lesson

progress: setup  ## your progress per chapter: done, attempted, not started
	@$(PY) -m snb.progress --workspace $(call arg,WORKSPACE)

class-progress: setup  ## instructors: DIR=folder of progress files -> table per exercise and CSV
	@$(PY) -m snb.progress --class $(call arg,DIR) $(if $(value NAMES),--names) \
		--csv $(if $(value CSV),$(call arg,CSV),$(call arg,DIR)/class-progress.csv)

author-lab: setup  ## authors: JupyterLab on the course files themselves (edits tracked notebooks)
	$(BIN)/jupyter lab --notebook-dir=. $(ALLOW_ROOT)

test: setup unit slow-test verdicts-check nbval book-test browser-test  ## run every test: unit, verdicts, notebooks, book, browser
	@echo "All tests passed."

unit: setup  ## unit tests of the helper package, config and generated files
	$(PY) -m pytest tests -n $(JOBS) --dist loadfile --ignore=tests/book --ignore=tests/browser -m "not slow"

# Alone, after the unit tests: the wheelhouse install keeps a core busy for minutes, which
# would push the unit tests' redraw-time budgets over their limits if both ran at once.
slow-test: setup hub-deps  ## the slow tests alone (offline install from a wheelhouse, a class on a hub; about 5 minutes)
	$(PY) -m pytest tests -m slow --ignore=tests/book --ignore=tests/browser -p no:cacheprovider -rs

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
	$(PY) -m pytest tests/book -p no:cacheprovider

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

browser-test: book-build browser-deps  ## every built page in headless Chromium (skips without Chromium)
	$(PY) -m pytest tests/browser -p no:cacheprovider -q -rs

exercises: setup  ## regenerate exercises/ from solutions/ (and the book's index of exercises)
	$(PY) -m snb.exercisegen
	$(PY) tools/exercise_index.py

execute: setup  ## re-run lessons and solutions in place to refresh their stored outputs
	$(PY) tools/execute_notebooks.py notebooks/[0-9]*.ipynb solutions/[0-9]*.ipynb
	$(PY) -m snb.exercisegen
	$(PY) tools/exercise_index.py

benchmark: setup  ## print build, notebook and widget timings against the budgets
	$(PY) tools/benchmark.py

check-env: setup  ## workshop doctor: is this laptop ready? each problem with its fix
	$(PY) tools/check_env.py --workspace $(call arg,WORKSPACE)

slides: setup $(REVEAL)/dist/reveal.js  ## slide decks of the lesson pages in _build/slides (reveal.js local, no CDN)
	$(PY) tools/slides.py --out _build/slides --reveal $(REVEAL)

wheelhouse: setup  ## wheels for an offline venue (Linux, macOS, Windows; Python 3.10+) in wheelhouse/
	$(PY) tools/wheelhouse.py --dest wheelhouse $(if $(value PLATFORM),--platform $(call arg,PLATFORM)) \
		$(if $(value PYVER),--python $(call arg,PYVER))

$(VENV)/.hub-installed: requirements-hub.txt
	$(PY) -m pip install --quiet -r requirements-hub.txt
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

clean:  ## remove the built book (keeps .venv)
	rm -rf _build
