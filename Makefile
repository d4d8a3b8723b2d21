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

TRAINING_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) \
	$(wildcard nlu_components/*.py) $(wildcard contact_center/*.py)

.PHONY: help run chat test test-unit validate train bench-nlu clean

help:
	@echo "make run    - set up, train if needed, start the assistant, print where to talk to it"
	@echo "make test   - set up, train if needed, run every test layer"
	@echo "make chat   - chat in the terminal with the running assistant"
	@echo "make bench-nlu - NLU benchmark against Rasa's default pipeline (writes benchmarks/results/)"

$(VENV)/.installed: pyproject.toml
	@PY310=$$(scripts/find_python.sh) || exit 1; \
	  [ -x $(PY) ] || $$PY310 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<25" wheel "setuptools<71"
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m pip check
	touch $@

# Retrains only when the training data, domain, config or NLU code changed.
$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS)
	@mkdir -p models
	$(RASA) train --fixed-model-name current --out models --force 2>&1 | grep -vE "Epochs:|Processed|it/s]" || true
	@test -f $(MODEL) || { echo "training failed: no $(MODEL)" >&2; exit 1; }
	@touch $(MODEL)

train: $(MODEL)

var/api-token:
	@mkdir -p var
	@$(PY) -c "import secrets; print(secrets.token_urlsafe(24))" > $@
	@chmod 600 $@

run: $(MODEL) var/api-token
	@scripts/run_assistant.sh

chat: $(VENV)/.installed
	@$(PY) scripts/chat.py --url http://localhost:$(RASA_PORT)

validate: $(VENV)/.installed
	$(PY) -m pytest -q tests/test_data_validate.py

test: $(MODEL)
	$(PY) -m pytest tests

bench-nlu: $(VENV)/.installed
	$(PY) -m benchmarks.nlu_benchmark --shared $(SHARED) --sweep 20,50

clean:
	rm -rf $(VENV) models/*.tar.gz var .pytest_cache
