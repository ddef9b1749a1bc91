# Two commands: `make demo` runs the shop with demo data, `make test` runs every check.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install browser demo stack test lint format messages clean bench

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	@echo "==> Installing Python packages into $(VENV)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: install
	@echo "==> Preparing the database"
	@$(PY) manage.py migrate --noinput
	@echo "==> Loading the demo data"
	@$(PY) manage.py load_demo
	@$(PY) manage.py collectstatic --noinput --verbosity 0
	@$(PY) manage.py demo_banner
	@$(PY) manage.py runserver 127.0.0.1:8000

# The production-like stack on this machine (deploy/stack.py): the PostgreSQL and Redis on
# loopback, DEBUG=0, two gunicorn workers, a Celery worker and beat. Ctrl-C stops everything.
stack: install
	@$(PY) -m deploy.stack

lint: install
	@echo "==> ruff"
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

format: install
	@$(VENV)/bin/ruff check --fix .
	@$(VENV)/bin/ruff format .

# The browser tests drive Debian's Chromium; as root we install it, never a downloaded build.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
			echo "==> Installing Chromium from Debian's packages"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "==> Chromium is not installed: the browser tests will be skipped"; \
		fi; \
	fi

test: lint browser
	@echo "==> pytest"
	@$(VENV)/bin/pytest

# Benchmarks (bench/) on their own database, the demo scaled to 10,000 products: they print
# their figures beside the targets and never fail on time.
bench: install
	@$(PY) -m bench

messages: install
	@$(PY) manage.py makemessages -l fr -l nl -l de --ignore=.venv --ignore=.data --ignore=tests --ignore=staticfiles --no-obsolete
	@$(PY) manage.py compilemessages -l fr -l nl -l de --ignore=.venv

clean:
	rm -rf $(VENV) .data
