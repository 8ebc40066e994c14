# The two commands: `make demo` and `make test`. Both need only Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
# Extra requirement to pin, e.g. DJANGO="django>=6.1,<6.2" to test another Django series.
DJANGO ?=
PYTEST_ARGS ?=
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := cd example_site && ../$(BIN)/python manage.py

.PHONY: demo test test-fast test-custom-page-model test-production-settings lint benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]" $(if $(DJANGO),"$(DJANGO)")
	touch $(STAMP)

demo: $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) send_toolkit_setup --demo
	@echo ""
	@echo "Example site:  http://127.0.0.1:8000/send-toolkit/"
	@echo "Wagtail admin: http://127.0.0.1:8000/admin/"
	@echo "Demo logins:   editor / northmoor-editor (council editor)"
	@echo "               senco / northmoor-senco (approved practitioner)"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/ruff check send_toolkit example_site tests
	$(BIN)/ruff format --check send_toolkit example_site tests
	$(MANAGE) makemigrations --check --dry-run --settings=example_site.settings.test
	@# axe-core for the browser tests; without npm they skip locally (and fail when CI=true).
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: browser tests will skip (they fail when CI=true)"; fi
	$(BIN)/pytest $(PYTEST_ARGS)

# The fast lane for day-to-day work: lint, then every test but the browser and slow ones (a few minutes).
# `make test` stays the whole suite, and is what CI runs.
test-fast: $(STAMP)
	$(BIN)/ruff check send_toolkit example_site tests
	$(BIN)/ruff format --check send_toolkit example_site tests
	$(BIN)/pytest -m "not browser and not slow" $(PYTEST_ARGS)

# The toolkit on a site with its own base page model (WAGTAIL_PAGE_MODEL = "custom_base_page.BasePage"; see
# docs/how-to/use-a-custom-base-page-model.md): its migrations, then a fresh test database migrated from scratch,
# `send_toolkit_setup --demo` and the tests of every page type, the setup command and the leak matrix.
CUSTOM_PAGE_MODEL_SETTINGS := example_site.settings.custom_page_model
CUSTOM_PAGE_MODEL_TESTS := tests/pages tests/access tests/setup/test_setup_command.py tests/test_checks.py \
	tests/contrib/api/test_page_fields.py tests/contrib/api/test_restricted_content.py
test-custom-page-model: $(STAMP)
	$(MANAGE) makemigrations --check --dry-run --settings=$(CUSTOM_PAGE_MODEL_SETTINGS)
	$(BIN)/pytest --ds=$(CUSTOM_PAGE_MODEL_SETTINGS) $(CUSTOM_PAGE_MODEL_TESTS) $(PYTEST_ARGS)

# The leak matrix and the cache headers under the production settings (DEBUG off, manifest static files,
# Redis for the cache and sessions: needs Redis, at TEST_REDIS_URL or redis://127.0.0.1:6379/15).
PRODUCTION_SETTINGS := example_site.settings.test_production
PRODUCTION_SETTINGS_TESTS := tests/access
test-production-settings: $(STAMP)
	$(BIN)/pytest --ds=$(PRODUCTION_SETTINGS) $(PRODUCTION_SETTINGS_TESTS) $(PYTEST_ARGS)

# Speed and query figures for the intervention pages (issue 3's targets) and the provision map (issue 10's);
# each prints PASS/FAIL and exits 1 on a FAIL.
benchmark: $(STAMP)
	$(BIN)/python benchmarks/interventions.py
	$(BIN)/python benchmarks/provision_map.py

lint: $(STAMP)
	$(BIN)/ruff check --fix send_toolkit example_site tests
	$(BIN)/ruff format send_toolkit example_site tests

clean:
	rm -rf $(VENV) example_site/db.sqlite3 example_site/media test-artifacts
