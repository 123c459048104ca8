# chapter5: two commands on a fresh machine with python3: `make lab` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
# The test and benchmark tools are installed without compiling their bytecode (--no-compile):
# pip would compile ~10 000 modules, most never imported, for ~20 s of CPU per venv. Python
# compiles each module the first time it is imported, and keeps it, so make's commands may
# write bytecode even where PYTHONDONTWRITEBYTECODE is set (ignored files, in __pycache__).
unexport PYTHONDONTWRITEBYTECODE
NO_COMPILE := --no-compile
PORT   ?= 8888
# Jupyter refuses to run as root unless told; containers and CI machines often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
# nbval: compare every text output; images and widget views are skipped by nbval itself.
PYTEST_ARGS ?=
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval-sanitize.cfg \
          --nbval-cell-timeout=300

# `make lab LANG=ko` (or a Korean locale, LANG=ko_KR.UTF-8): the Korean edition, notebooks/ko/,
# with JupyterLab's interface in Korean (its language pack comes with the lab extra; the setting
# lives in .venv/lab-settings-ko, not in your own JupyterLab settings).
KOREAN  := $(filter ko%,$(LANG))
LAB_DIR := $(if $(KOREAN),notebooks/ko,notebooks)
LAB_ENV := $(if $(KOREAN),LANG=C.UTF-8 CHAPTER5_LANG=ko \
             JUPYTERLAB_SETTINGS_DIR=$(abspath $(VENV))/lab-settings-ko,)
KO_SETTINGS := $(VENV)/lab-settings-ko/@jupyterlab/translation-extension/plugin.jupyterlab-settings

# `make present NB=5.4-global-and-local-minima.ipynb`: the notebook as a Voila app (code
# hidden), figures and controls SCALE times larger for a projector; NB=ko/... for the Korean one.
NB     ?=
SCALE  ?= 1.4

.PHONY: help lab present check test lint notebooks benchmarks clean

help:
	@echo "make lab         build .venv (if needed) and open JupyterLab on notebooks/"
	@echo "make lab LANG=ko the Korean edition (notebooks/ko/), JupyterLab in Korean"
	@echo "make present NB=<notebook>  serve one notebook as a Voila app for a projector"
	@echo "make check       lint, unit tests and doctests only (no nbval, browser, sweeps): < 1 min"
	@echo "make test        build .venv (if needed) and run lint, unit tests, nbval, browser tests"
	@echo "make notebooks   re-execute every notebook in place (commit the outputs)"
	@echo "make benchmarks  print latency tables for every dashboard"

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install only when pyproject.toml changed since the last install (idempotent, quick).
$(VENV)/.installed-lab: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[lab]'
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -q $(NO_COMPILE) -e '.[test]'
	@touch $@

lab: $(VENV)/.installed-lab $(if $(KOREAN),$(KO_SETTINGS))
	@echo "Starting JupyterLab on $(LAB_DIR)/ (localhost only; open the URL with the token below)."
	$(LAB_ENV) $(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) \
	    --ServerApp.root_dir=$(LAB_DIR) $(ALLOW_ROOT)

# JupyterLab's own setting for its interface language (only in the Korean settings folder)
$(KO_SETTINGS):
	@mkdir -p $(dir $@)
	@echo '{"locale": "ko_KR"}' > $@

present: $(VENV)/.installed-lab
	@test -n "$(NB)" || { echo "usage: make present NB=<notebook in notebooks/>, e.g."; \
	    echo "       make present NB=5.4-global-and-local-minima.ipynb"; \
	    echo "       make present NB=ko/5.4-global-and-local-minima.ipynb   (Korean)"; exit 2; }
	@test -f "notebooks/$(NB)" || { echo "no notebook notebooks/$(NB)"; exit 2; }
	@echo "Serving notebooks/$(NB) with Voila on http://127.0.0.1:$(PORT) (code hidden)."
	CHAPTER5_SCALE=$(SCALE) $(VENV)/bin/voila "notebooks/$(NB)" --port=$(PORT) \
	    --Voila.ip=127.0.0.1 --no-browser --strip_sources=True --theme=light

lint: $(VENV)/.installed-test
	$(PY) -m ruff check .

# The developer's loop, after every edit: ruff, the unit tests and the doctests on every core,
# without nbval, the browser tests and the exhaustive sweeps marked `slow` (all of which
# `make test` still runs). Tests are spread one by one (no loadfile: no notebook, no server).
# It prints Python's own tracebacks: pytest's long ones cost seconds on the 57 expected failures
# of scikit-learn's checks (`make check PYTEST_ARGS=--tb=long` brings them back).
CHECK  ?= -n auto -p no:nbval --tb=native -m "not browser and not slow"

check: lint
	$(PY) -m pytest $(CHECK) -q -r fE tests chapter5 --doctest-modules $(PYTEST_ARGS)

# one worker per core (CI: 2); --dist loadfile keeps each notebook's cells on one worker, in
# order (nbval needs that); the unit tests need no order: worksteal balances the two workers
XDIST  ?= -n auto --dist loadfile
UNIT_XDIST ?= -n auto --dist worksteal
# the browser tests mostly wait (for JupyterLab, the kernels, Chromium): two browsers at once
BROWSER_XDIST ?= -n 2 --dist loadfile

# Every printed number must be the same on a student's machine, so every notebook's outputs are
# compared twice, in two environments (issue 14; tools/test_phases.sh says why two suffice):
# - in the browser tests' JupyterLab kernels, in .venv (tests/browser/outputs.py compares as
#   nbval does);
# - nbval in .venv-lowest, built at the lowest numpy, matplotlib and ipywidgets pyproject.toml
#   declares, on another machine's arithmetic: OpenBLAS forced to an old CPU's kernels and
#   numpy's SIMD dispatch switched off (its baseline exp/tanh/sum code paths).
LOWEST ?= .venv-lowest

# The students' path without make (README: pip-install the lab extra into a fresh venv) takes
# minutes of downloading and little CPU: it runs in the background beside everything else.
SETUP_TEST := tests/test_student_setup.py::test_the_steps_run_as_written_in_a_fresh_venv

# tools/test_phases.sh runs it all (lint first), packed so that both cores stay busy: the pip
# jobs at idle priority beside lint and the timed tests, the browser tests beside the unit tests
# and nbval in .venv-lowest; the background jobs' logs are in .venv/test-logs/
# (lint, which builds .venv, runs first in it, while .venv-lowest is built beside it)
test:
	@MAKE="$(MAKE)" PY="$(PY)" LOWEST="$(LOWEST)" XDIST="$(XDIST)" UNIT_XDIST="$(UNIT_XDIST)" \
	    NBVAL="$(NBVAL)" \
	    PORTABILITY="tools/portability.py simd" PYTEST_ARGS="$(PYTEST_ARGS)" \
	    SETUP_TEST="$(SETUP_TEST)" BROWSER_XDIST="$(BROWSER_XDIST)" \
	    LOGS="$(VENV)/test-logs" bash tools/test_phases.sh

# numpy, matplotlib and ipywidgets at their floors; the test tools at whatever pip picks
# (needs no .venv: portability.py's `lowest` is plain Python, so both are built at once)
$(LOWEST)/.installed: pyproject.toml
	$(PYTHON) -m venv $(LOWEST)
	$(PYTHON) tools/portability.py lowest > $(LOWEST)/constraints.txt
	$(LOWEST)/bin/python -m pip --disable-pip-version-check install -q $(NO_COMPILE) \
	    -c $(LOWEST)/constraints.txt -e . pytest pytest-xdist nbval ipykernel scikit-learn \
	    koreanize-matplotlib
	@touch $@

notebooks: $(VENV)/.installed-test
	$(PY) tools/run_notebooks.py

$(VENV)/.installed-bench: pyproject.toml | $(PY)
	$(PIP) install -q $(NO_COMPILE) -e '.[test,bench]'
	@touch $@

benchmarks: $(VENV)/.installed-bench
	$(PY) benchmarks/latency.py
	$(PY) benchmarks/browser_latency.py
	$(PY) benchmarks/bp_vs_sklearn.py
	$(PY) benchmarks/som_vs_minisom.py
	$(PY) benchmarks/cascade_two_spirals.py

clean:
	rm -rf $(VENV) $(LOWEST) .pytest_cache .ruff_cache *.egg-info
