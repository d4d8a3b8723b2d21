# Two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
MODEL := models/current.tar.gz
ENDPOINTS ?= endpoints.yml
RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055
SHARED ?= ../shared
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONPATH := $(CURDIR)
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

TRAINING_INPUTS := config.yml $(shell find domain data -name '*.yml' 2>/dev/null) \
	$(wildcard nlu_components/*.py) $(wildcard contact_center/*.py)

.PHONY: help lock audit haproxy run chat retention test test-unit test-stories validate train bench-nlu bench-crisis bench-crisis-features bench-latency bench-flood bench-conversations clean web chromium test-browser admin

help:
	@echo "make run    - set up, train if needed, start the assistant, print where to talk to it"
	@echo "make test   - set up, train if needed, run every test layer"
	@echo "make chat   - chat in the terminal with the running assistant"
	@echo "make test-unit - the fast layer: no trained model, no running stack (under a minute, on both cores)"
	@echo "make test-browser - only the chat page's browser tests (tests/browser)"
	@echo "make bench-nlu - NLU benchmark against Rasa's default pipeline (writes benchmarks/results/)"
	@echo "make bench-crisis - crisis check (G6): recall and false alarms per language (writes benchmarks/results/)"
	@echo "make bench-crisis-features - the learned crisis check's choices, each development set held out whole (about 20 min)"
	@echo "make bench-conversations - scripted conversations end to end, development and the thirteen blind test sets (writes benchmarks/results/)"
	@echo "make bench-flood - other applicants' p95 latency while one source floods (writes benchmarks/results/)"
	@echo "make bench-latency - REST latency/throughput against the rasa init bot (ARGS=--quick; writes benchmarks/results/)"
	@echo "make audit  - known vulnerabilities in the Python and npm locks (OSV API, or ADVISORY_DB=dir)"
	@echo "make lock   - re-pin requirements/lock.txt (every Python package, with hashes) after editing pyproject.toml"
	@echo "make admin ARGS=\"inbox\" - admin retraining: inbox, label, train, gate, promote, rollback, status"

# Every Python package, with its hashes, comes from the lock (requirements/lock.txt); the
# project itself is installed on top without resolving anything again.
LOCK := requirements/lock.txt
$(VENV)/.installed: pyproject.toml $(LOCK) requirements/build-tools.lock
	@PY310=$$(scripts/find_python.sh) || exit 1; \
	  [ -x $(PY) ] || $$PY310 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/build-tools.lock
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	touch $@

# Re-pins the lock after a change to pyproject.toml's dependencies (uv, in its own venv).
# Linux x86_64, Python 3.10: the platform the assistant runs on.
UV := .venv-tools/bin/uv
lock:
	@[ -x $(UV) ] || { python3 -m venv .venv-tools && .venv-tools/bin/pip install --quiet "uv==0.13.9"; }
	$(UV) pip compile pyproject.toml requirements/build-tools.in --extra dev --generate-hashes \
	  --python-version 3.10 --python-platform x86_64-unknown-linux-gnu --index-url https://pypi.org/simple \
	  --custom-compile-command "make lock" --quiet -o $(LOCK)
	$(UV) pip compile requirements/build-tools.in --constraint $(LOCK) --generate-hashes \
	  --python-version 3.10 --python-platform x86_64-unknown-linux-gnu --index-url https://pypi.org/simple \
	  --custom-compile-command "make lock" --quiet -o requirements/build-tools.lock

# Retrains only when the training data, domain (domain/, one file per skill), config or NLU code changed.
$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS)
	@mkdir -p models
	@rm -f $(MODEL)  # a failed training must not leave the old model looking new
	$(RASA) train --domain domain --fixed-model-name current --out models --force 2>&1 | grep -vE "Epochs:|Processed|it/s]" || true
	@test -f $(MODEL) || { echo "training failed: no $(MODEL)" >&2; exit 1; }
	@touch $(MODEL)

train: $(MODEL)

var/api-token var/action-token var/session-key:
	@mkdir -p var
	@umask 077; $(PY) -c "import secrets; print(secrets.token_urlsafe(24))" > $@
	@chmod 600 $@

# The chat page's pinned npm packages (web/package-lock.json), vendored into web/public/vendor.
WEB_VENDOR := web/public/vendor/socket.io.min.js
$(WEB_VENDOR): web/package.json web/package-lock.json web/scripts/vendor.js
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web: $(WEB_VENDOR)

# Debian's Chromium for the browser tests (tests/browser); no browser download.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "could not install chromium: the browser tests will be skipped" >&2; }

# Debian's HAProxy: the production front door (deploy/haproxy.cfg), run by tests/deploy/test_reverse_proxy.py.
haproxy:
	@command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { \
	  echo "installing Debian's haproxy for the front-door tests"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; } \
	  || echo "could not install haproxy: tests/deploy/test_reverse_proxy.py will fail" >&2; \
	  service haproxy stop >/dev/null 2>&1 || true; }

run: $(MODEL) var/api-token var/action-token var/session-key $(WEB_VENDOR)
	@scripts/run_assistant.sh

chat: $(VENV)/.installed
	@$(PY) scripts/chat.py --url http://localhost:$(RASA_PORT)

validate: $(VENV)/.installed
	$(PY) -m pytest -q tests/data/test_data_validate.py

# Three layers, each run even when an earlier one fails: pytest (units, REST
# conversations, admin), the dialogue test stories, and the browser tests (their
# own process: Playwright's sync API keeps an event loop running for the session).
test: $(MODEL) $(WEB_VENDOR) chromium haproxy
	@status=0; \
	$(PY) -m pytest tests --ignore=tests/browser || status=1; \
	$(MAKE) --no-print-directory test-stories || status=1; \
	$(PY) -m pytest tests/browser || status=1; \
	exit $$status

# Dialogue test stories (tests/conversations/test_stories_*.yml), both languages.
test-stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/conversations --out tests/output/stories --fail-on-prediction-errors

# The fast layer for the edit-test loop: no trained model, no running stack (under a minute,
# on both cores: pytest-xdist).
test-unit: $(VENV)/.installed
	$(PY) -m pytest -q -n 2 tests --ignore=tests/browser -m "not model and not stack"

test-browser: $(MODEL) $(WEB_VENDOR) chromium
	$(PY) -m pytest -q tests/browser

# Admin retraining CLI (README "Admin retraining"), e.g. make admin ARGS="label 3f2a9c1b --intent check_case_status"
admin: $(VENV)/.installed
	@$(PY) -m admin $(if $(ARGS),$(ARGS),--help)

bench-nlu: $(VENV)/.installed
	$(PY) -m benchmarks.nlu_benchmark --shared $(SHARED) --sweep 20,50
	$(MAKE) --no-print-directory bench-crisis

# G6 crisis check: recall and false alarms per language (writes benchmarks/results/crisis.md); no model needed.
bench-crisis: $(VENV)/.installed
	$(PY) -m benchmarks.crisis_benchmark --shared $(SHARED)

# G6: how the learned crisis check reads a message, compared with each development set held out whole.
bench-crisis-features: $(VENV)/.installed
	$(PY) -m benchmarks.crisis_model_selection $(ARGS)

# Other applicants' p95 turn latency while one source floods (1 MB bodies, message loops): writes benchmarks/results/flood.md.
bench-flood: $(MODEL)
	$(PY) -m benchmarks.flood_benchmark $(ARGS)

# Scripted conversations (benchmarks/conversations/) through the whole running assistant:
# ended right per language and class, every failure listed (writes benchmarks/results/).
bench-conversations: $(MODEL)
	$(PY) -m benchmarks.conversation_eval $(ARGS)
	$(PY) -m benchmarks.conversation_eval --test $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test2 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test3 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test4 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test5 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test6 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test7 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test8 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test9 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test10 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test11 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test12 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test13 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test14 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test15 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test16 $(ARGS)
	$(PY) -m benchmarks.conversation_eval --set test17 $(ARGS)

# Trains first if the model is out of date; ARGS="--quick" for a short check run.
bench-latency: $(MODEL)
	$(PY) -m benchmarks.latency_benchmark $(ARGS)

# Removes conversations and decision records older than RETENTION_DAYS (default 365) and
# anonymises old service requests (contact_center/retention.py); ARGS="--dry-run" to count.
retention: $(VENV)/.installed
	$(PY) -m contact_center.retention $(ARGS)

# Known vulnerabilities in the locks (requirements/lock.txt, web/package-lock.json), from
# the OSV API or ADVISORY_DB (OSV-format folders); fails on a high or critical finding not in
# requirements/audit-accepted.yml, and when no vulnerability source can be read.
audit: $(VENV)/.installed
	$(PY) -m scripts.audit_dependencies $(ARGS)

clean:
	rm -rf $(VENV) .venv-tools models/*.tar.gz var .pytest_cache web/node_modules web/public/vendor
