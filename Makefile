# kg: the two commands of the README, and what they need.
#   make run    install kg into .venv and build the graph of corpus/ into output/
#   make test   install kg with its test tools (and Debian's Chromium for the browser tests, Debian's
#               Virtuoso for the SPARQL server tests), then run ruff, mypy, the test suite and the
#               benchmark suite's quick mode. .ci/run runs exactly this.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: run test install install-test browser virtuoso lint typecheck pytest lock bench bench-quick clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(PIP) install --quiet --disable-pip-version-check -c requirements.lock -e .

run: install
	$(BIN)/kg build corpus --out output

install-test: $(BIN)/python
	$(PIP) install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'

# The browser tests drive Debian's Chromium (no browser download at test time).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests" >&2; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; }

# The Virtuoso tests start Debian's virtuoso-t (with isql-vt) themselves, in a temporary folder on
# loopback ports: the binaries only (virtuoso-opensource-7-bin), not the package that adds a system service.
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1 || { \
	  echo "installing Debian's virtuoso-opensource-7-bin for the Virtuoso tests" >&2; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null; }

lint:
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/lint-imports

typecheck:
	$(BIN)/mypy

# pytest exits 5 when it collects no tests: report that as a failure, not a pass.
pytest:
	@$(BIN)/pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing on purpose" >&2; exit 1; fi; exit $$rc

# The benchmark suite in its quick mode (small sizes, one run each), so it cannot rot; results go to /tmp.
bench-quick:
	$(BIN)/python -m benchmarks --quick

test: install-test browser virtuoso lint typecheck pytest bench-quick

lock:
	rm -rf /tmp/kg-lock-venv && $(PYTHON) -m venv /tmp/kg-lock-venv
	/tmp/kg-lock-venv/bin/python -m pip install --quiet -e '.[test]'
	{ echo "# Exact versions CI and the README commands install (pip install -c requirements.lock ...)."; \
	  echo "# Regenerate with: make lock   (fresh venv, pip install -e '.[test]', pip freeze)"; \
	  /tmp/kg-lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^kg'; } > requirements.lock

bench: install-test browser
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) output/graph.* output/report.md output/current output/.kg output/.kg-build.lock
