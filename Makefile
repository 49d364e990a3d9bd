# Trophic Factors Lab — the two commands are `make lab` and `make test`.
# Both create .venv on first use (needs Python >= 3.10 and make; nothing else).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
# `make lab` and `make app` install only what they need (runtime + lab, runtime + app);
# `make test` installs the test extra, which includes both.
LAB_STAMP := $(VENV)/.installed-lab
APP_STAMP := $(VENV)/.installed-app
# Tests and kernels must see the project's environment first.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: lab app test format strip data help bench stress mutate

help:
	@echo "make lab    - create .venv if needed and open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test   - create .venv if needed and run the whole test suite"
	@echo "make app    - serve the student copies as Voila apps (code hidden) on 127.0.0.1"
	@echo "make format - apply ruff format and ruff check --fix"
	@echo "make data   - regenerate the illustrative data sets in data/"
	@echo "make strip  - remove outputs and widget state from notebooks before committing"
	@echo "make bench  - measure speed and memory against the budgets (build/bench/results.md)"
	@echo "make stress - the browser suite 10 times in a row beside two CPU-bound processes"
	@echo "make mutate - mutation testing of helpers/models with the models' tests (slow; not in make test)"

# $(call install,EXTRA): create .venv if needed and install the package (editable) with EXTRA
define install
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python >= 3.10 is needed; found " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e ".[$(1)]"
endef

$(STAMP): pyproject.toml
	$(call install,test)
	@touch $(STAMP) $(LAB_STAMP) $(APP_STAMP)

$(LAB_STAMP): pyproject.toml
	$(call install,lab)
	@touch $(LAB_STAMP)

$(APP_STAMP): pyproject.toml
	$(call install,app)
	@touch $(APP_STAMP)

# Opens a browser when the machine has one; on a machine without a display it prints the URL to open.
LAB_ARGS ?= $(if $(or $(DISPLAY),$(WAYLAND_DISPLAY),$(filter Darwin,$(shell uname -s))),,--no-browser)
# Containers often run as root, which JupyterLab refuses without this flag.
LAB_ARGS += $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(LAB_STAMP)
	$(PY) -m jupyterlab $(LAB_ARGS) --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

# The JupyterHub route test's proxy, from npm into tests/hub/node_modules (package-lock.json).
HUB_PROXY := tests/hub/node_modules/.bin/configurable-http-proxy
$(HUB_PROXY): tests/hub/package.json tests/hub/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/hub --no-audit --no-fund; \
	else echo "npm not found: tests/hub will skip (and fail under CI=true); install Node.js and npm"; fi

# Lint and format check first (fails on a violation; `make format` fixes most), then the suite.
test: $(STAMP) $(HUB_PROXY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PY) -m pytest $(PYTEST_ARGS)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Benchmarks against docs/architecture.md §8 budgets (not part of `make test`); BENCH_ARGS=--readme updates README.md.
bench: $(STAMP)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# Mutation testing (not part of `make test`; about an hour on two cores): mutmut mutates
# helpers/models/ (settings in pyproject.toml [tool.mutmut]) and runs the models' own tests against
# each mutant; then prints the kill rate per module (the README reports it). MUTATE_JOBS=1 to be
# gentler on a shared machine.
MUTATE_JOBS ?= 2
mutate: $(STAMP)
	@test -x $(BIN)/mutmut || $(PY) -m pip install -e ".[dev]"
	$(BIN)/mutmut run --max-children $(MUTATE_JOBS)
	$(PY) benchmarks/mutation_report.py

# The browser suite STRESS_RUNS times (default 10) beside two CPU-bound processes; all must pass.
stress: $(STAMP)
	$(PY) benchmarks/stress.py --runs $(or $(STRESS_RUNS),10)

data: $(STAMP)
	$(PY) -m helpers.illustrative --write

# nbstripout keeps metadata.language_info; nbmeta then writes the kernelspec and language_info that
# this environment's ipykernel reports, so JupyterLab finds nothing to change when a notebook opens
strip: $(STAMP)
	$(BIN)/nbstripout --keep-id --extra-keys "metadata.widgets" notebooks/*.ipynb
	$(PY) -m helpers.publish.nbmeta notebooks/*.ipynb

# `make site`: the static, offline HTML site of every notebook (executed in a fresh kernel) in build/site/.
# `make student`: student copies of the notebooks, without cells tagged "solution", in build/student/.
.PHONY: site student
site: $(STAMP)
	$(PY) -m helpers.publish.site --out build/site

student: $(STAMP)
	$(PY) -m helpers.publish.student --out build/student

# `make app`: the student copies in app mode (solution cells removed, notebook-operating wording
# removed) written to build/app/ and served by Voila: code hidden, outputs and controls only.
APP_PORT ?= 8866
APP_ARGS ?= $(if $(or $(DISPLAY),$(WAYLAND_DISPLAY),$(filter Darwin,$(shell uname -s))),,--no-browser)
.PHONY: app
app: $(APP_STAMP)
	$(PY) -m helpers.publish.app --out build/app
	cd build/app && JUPYTER_PATH=$(abspath helpers/publish/jupyter) $(abspath $(PY)) -m voila $(APP_ARGS) \
	    --Voila.ip=127.0.0.1 --port=$(APP_PORT) --template=tfl_app .
