# Liaison. Two commands do everything on a fresh machine (see README):
#   make run    create environments, install, train if needed, load the sample exercise, start
#   make test   the same set-up, then data validation, lint and every test
SHELL := /bin/bash
.DEFAULT_GOAL := help

RASA_ENV   := .venv/rasa
LOOKUP_ENV := .venv/lookup
MODEL      := models/current.tar.gz
PACK       ?= data/packs/sample-exercise.yml
PYTEST_ARGS ?=

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export LIAISON_RASA_ENV := $(CURDIR)/$(RASA_ENV)
export LIAISON_LOOKUP_ENV := $(CURDIR)/$(LOOKUP_ENV)
export LIAISON_MODEL := $(CURDIR)/$(MODEL)

# What the model learns from: a change to any of these retrains it (every module the pipeline
# loads from bot/nlu, and the shared text code it calls).
NLU_COMPONENTS  := $(wildcard bot/nlu/*.py) $(wildcard bot/dialogue/*.py) common/textnorm.py \
                   common/languages.py
TRAINING_DATA   := domain.yml $(shell find data -name '*.yml' 2>/dev/null)
TRAINING_INPUTS := config.yml $(TRAINING_DATA) $(NLU_COMPONENTS)
# `rasa data validate` ran on these files (a stamp): validation reads all the training data, so
# it runs once per change of the data, and `rasa train` does not read it a second time for its own.
VALIDATED       := models/.validated

.PHONY: help run test eval bench bench-nlu bench-cluster select overlap compare-tokenizers model-encoder catalogue i18n-extract envs model exercise validate lint test-lookup test-rasa test-unpatched typecheck openapi clean test-rasa-units test-e2e

help:
	@echo "make run    start the assistant (lookup :8000, actions :5055, Rasa :5005, web chat :8080)"
	@echo "make test   validate data, lint, run every test (unit and end-to-end)"
	@echo "make eval   measure the NLU on the held-out sets (reports/eval.json)"
	@echo "make eval-answers  held-out questions through the real stack, judged on facts (reports/answers.json)"
	@echo "make select CONFIGS=\"a.yml b.yml\"  compare NLU configs on a dev split of the training data"
	@echo "make overlap [FIX=1]  held-out examples repeated in the training data (FIX=1 removes them)"
	@echo "make bench  speed and memory, against the bare rasa init assistant (reports/bench.md)"
	@echo "make bench-nlu  the NLU pipeline on public datasets (reports/bench_nlu.md)"
	@echo "make clean  remove environments, models and run-time data"

# Each environment installs the units that run in it (one pyproject.toml per unit folder).
RASA_UNITS   := ./common ./bot ./actions ./web "./tools[assistant,experiments]" ".[test,browser,typecheck,profile]"
LOOKUP_UNITS := ./common ./lookup "./tools[lookup]" ".[test,lint,browser,fuzz,typecheck,deploy]"
LOOKUP_TYPED := common lookup web tests/test_layout.py tests/common tests/lookup tests/console tests/briefing \
                tests/deploy
RASA_TYPED   := bot actions tools tests/test_rasa_config.py tests/actions tests/dialogue tests/nlu \
                deploy/rasa_entrypoint.py tests/bot tests/tools tests/web tests/e2e tests/test_e2e_markers.py
UNIT_PROJECTS := pyproject.toml $(wildcard */pyproject.toml)

$(RASA_ENV)/.installed: $(UNIT_PROJECTS) requirements/rasa.lock
	scripts/make-env $(RASA_ENV) requirements/rasa.lock $(RASA_UNITS)

$(LOOKUP_ENV)/.installed: $(UNIT_PROJECTS) requirements/lookup.lock
	scripts/make-env $(LOOKUP_ENV) requirements/lookup.lock $(LOOKUP_UNITS)

envs: $(RASA_ENV)/.installed $(LOOKUP_ENV)/.installed

$(MODEL): $(TRAINING_INPUTS) $(VALIDATED) | $(RASA_ENV)/.installed
	@echo "Training the model (about 3 minutes on 2 cores) ..."
	$(RASA_ENV)/bin/python -m bot.train --skip-validation --out models --fixed-model-name current
	@touch $@

model: $(MODEL)

exercise: $(LOOKUP_ENV)/.installed
	$(LOOKUP_ENV)/bin/liaison import-pack --if-absent $(PACK)
	@test -s var/admin-tokens || { \
	  $(LOOKUP_ENV)/bin/liaison new-admin-token liaison-team --file var/admin-tokens >/dev/null && \
	  echo "Created an admin API token for 'liaison-team' in var/admin-tokens (keep it private)."; }
	@# One enrolment code per contingent, so a newcomer can try the participants' answers at once
	@# (issue 19); owner-only, like the tokens. The stack's banner prints them.
	@test -s var/enrolment-codes || { umask 077 && \
	  for nation in $$($(LOOKUP_ENV)/bin/liaison list-nations); do \
	    printf '%s %s\n' "$$nation" "$$($(LOOKUP_ENV)/bin/liaison new-enrolment-code --nation $$nation | tail -n 1)"; \
	  done > var/enrolment-codes.tmp && mv var/enrolment-codes.tmp var/enrolment-codes && \
	  echo "Made an enrolment code per contingent in var/enrolment-codes (keep it private)."; }

run: envs model exercise
	$(RASA_ENV)/bin/python -m tools.stack

# The scale-out topology on one machine (tools/cluster.py, docs/deploy.md): 2 Rasa servers, 2 action
# servers and 2 lookup services behind HAProxy, PostgreSQL, Redis, the web chat; Ctrl-C stops it all.
.PHONY: cluster
cluster: envs model
	scripts/ensure-postgres
	scripts/ensure-apt "make cluster" haproxy redis-server
	$(RASA_ENV)/bin/python -m tools.cluster

eval: $(MODEL)
	$(RASA_ENV)/bin/python -m tools.nlu.evaluate --model $(MODEL) --heldout tests/nlu/heldout --out reports

# Answer-level evaluation (docs/nlu.md): starts the whole stack once per pack, a few minutes; not
# part of `make test`.
.PHONY: eval-answers
eval-answers: $(MODEL)
	$(RASA_ENV)/bin/python -m tools.answers.evaluate --out reports/answers.json

# Benchmarks (docs/bench.md) print figures and are not part of `make test`; on a shared machine
# run them as `nice -n 19 make bench`. BENCH_ARGS passes options, e.g. --model models/current.tar.gz
bench: envs
	$(RASA_ENV)/bin/python -m tools.bench.run $(BENCH_ARGS)

bench-nlu: $(RASA_ENV)/.installed
	$(RASA_ENV)/bin/python -m tools.bench.nlu $(BENCH_ARGS)

# The cluster (make cluster's topology) at 10 and 50 users with 2 then 1 Rasa replicas, and the CPU
# per turn of every process (docs/deploy.md's sizing table); BENCH_ARGS as for bench.
bench-cluster: envs model
	scripts/ensure-postgres
	scripts/ensure-apt "make bench-cluster" haproxy redis-server
	$(RASA_ENV)/bin/python -m tools.bench.cluster $(BENCH_ARGS)

model-encoder: $(RASA_ENV)/.installed
	@test -n "$(ENCODER_DIR)" || { echo "usage: make model-encoder ENCODER_DIR=/path/to/encoder"; exit 2; }
	$(RASA_ENV)/bin/python -m tools.nlu_experiments.encoder --weights $(ENCODER_DIR)

catalogue: $(LOOKUP_ENV)/.installed
	$(LOOKUP_ENV)/bin/python -m tools.nlu.catalogue

# The gettext catalogs (common/locale/): pybabel extract (babel.cfg: Python and Jinja2 templates)
# into <domain>.pot, then every language's .po updated; translate what arrives empty.
i18n-extract: $(LOOKUP_ENV)/.installed
	$(LOOKUP_ENV)/bin/python -m tools.i18n

# Pipeline choices are made on a development split of the training data, never on the held-out
# sets: make select CONFIGS="config.yml other.yml" [SEEDS="7 11 13" for several splits and means]
CONFIGS ?= config.yml
SEEDS ?= 7
select: $(RASA_ENV)/.installed
	$(RASA_ENV)/bin/python -m tools.nlu.select --config $(CONFIGS) --seeds $(SEEDS)

# Held-out examples repeated in the training data (exactly, or one word apart in one intent);
# `make overlap FIX=1` deletes the training lines (the held-out sets are the fixed reference).
overlap: $(RASA_ENV)/.installed
	$(RASA_ENV)/bin/python -m tools.nlu.overlap $(if $(FIX),--fix)

compare-tokenizers: $(RASA_ENV)/.installed
	$(RASA_ENV)/bin/python -m tools.nlu.compare --config config.yml

$(VALIDATED): config.yml $(TRAINING_DATA) | $(RASA_ENV)/.installed
	$(RASA_ENV)/bin/rasa data validate
	@mkdir -p $(@D) && touch $@

validate: $(VALIDATED)

# The lookup service's OpenAPI spec, kept in lookup/openapi.json for the action server's tests
# (tests/lookup/test_openapi_file.py fails while it is out of date with the app).
openapi: $(LOOKUP_ENV)/.installed
	$(LOOKUP_ENV)/bin/liaison openapi --out lookup/openapi.json

lint: $(LOOKUP_ENV)/.installed
	$(LOOKUP_ENV)/bin/ruff check .
	$(LOOKUP_ENV)/bin/ruff format --check .
	$(LOOKUP_ENV)/bin/lint-imports

# mypy ([tool.mypy] in pyproject.toml) in each environment, over the units installed there and
# their tests; separate caches, as the two environments hold different versions of some packages.
typecheck: $(RASA_ENV)/.installed $(LOOKUP_ENV)/.installed
	$(LOOKUP_ENV)/bin/mypy --cache-dir .mypy_cache/lookup $(LOOKUP_TYPED)
	$(RASA_ENV)/bin/mypy --cache-dir .mypy_cache/rasa $(RASA_TYPED)

# The Debian packages each test stage needs (scripts/ensure-apt installs them as root, as in CI).
LOOKUP_TEST_APT := chromium fonts-noto-core poppler-utils
RASA_TEST_APT   := chromium fonts-noto-core redis-server haproxy

test-lookup: $(LOOKUP_ENV)/.installed
	scripts/ensure-postgres
	scripts/ensure-apt "the console and briefing tests" $(LOOKUP_TEST_APT)
	$(LOOKUP_ENV)/bin/pytest tests/test_layout.py tests/common tests/lookup tests/console tests/briefing $(PYTEST_ARGS)

# The Rasa side's tests: its units (in-process Rasa, the NLU, the actions against a fake or live
# lookup service, the tools), then the end-to-end tests, which start the real processes.
test-rasa: test-rasa-units test-e2e

test-rasa-units: $(RASA_ENV)/.installed $(LOOKUP_ENV)/.installed $(MODEL)
	scripts/ensure-postgres
	scripts/ensure-apt "the browser, tracker-store and cluster tests" $(RASA_TEST_APT)
	$(RASA_ENV)/bin/pytest tests/test_rasa_config.py tests/test_e2e_markers.py tests/common/test_i18n.py tests/web tests/actions tests/dialogue tests/nlu tests/bot tests/tools $(PYTEST_ARGS)

test-e2e: $(RASA_ENV)/.installed $(LOOKUP_ENV)/.installed $(MODEL)
	scripts/ensure-postgres
	scripts/ensure-apt "the browser, tracker-store and cluster tests" $(RASA_TEST_APT)
	$(RASA_ENV)/bin/pytest tests/e2e $(PYTEST_ARGS)

# The deployment files (deploy/: Dockerfiles, compose.yaml, haproxy.cfg, kubernetes/) checked
# without a container engine: schemas, cross-references with the code, `haproxy -c`. Images are
# not built here (docs/deploy.md, section 4).
.PHONY: validate-deploy
validate-deploy: $(LOOKUP_ENV)/.installed
	scripts/ensure-apt "the deployment files' check" haproxy
	$(LOOKUP_ENV)/bin/pytest tests/deploy $(PYTEST_ARGS)

# The end-to-end suite again with every patch of Rasa internals off (bot/patches): the assistant
# must behave the same without them, so none of them can hide a fault or become load-bearing.
# LIAISON_RASA_PATCHES is read only where patches are installed: the Rasa server tools.stack
# starts (python -m bot.rasa_server) and python -m bot.train. Of the Rasa-side suites only
# tests/e2e starts that server, and no test runs bot.train. tests/actions, tests/dialogue and
# tests/nlu never install a patch (Rasa in-process, Agent.load, train_nlu: Rasa's own code either
# way), and tests/bot/patches apply each patch themselves and compare it with Rasa's own whatever
# the variable says, so with `none` they ran the same code a second time (a probe over the
# first three recorded no patch applied and no Rasa server or training started: docs/bench.md
# "Which tests run unpatched").
test-unpatched: $(RASA_ENV)/.installed $(LOOKUP_ENV)/.installed $(MODEL)
	scripts/ensure-postgres
	scripts/ensure-apt "the browser, tracker-store and cluster tests" $(RASA_TEST_APT)
	LIAISON_RASA_PATCHES=none $(RASA_ENV)/bin/pytest tests/e2e $(PYTEST_ARGS)

# CI has 2 cores and each test stage mostly uses one, so `make test` runs two lanes side by side
# (output shown stage by stage as each ends, -O): the lookup stage, then the end-to-end suite
# unpatched; the model's training and the Rasa side's units, then the end-to-end suite. The model
# is a prerequisite of both lanes here, so it is trained once, before either end-to-end stage.
# The Debian packages are installed first (two apt-get at once would race for dpkg's lock).
test: validate validate-deploy lint typecheck
	scripts/ensure-postgres
	scripts/ensure-apt "the tests" $(sort $(LOOKUP_TEST_APT) $(RASA_TEST_APT))
	$(MAKE) --no-print-directory -j2 --output-sync=target test-lane-lookup test-lane-rasa

.PHONY: test-lane-lookup test-lane-rasa
test-lane-lookup: test-lookup $(MODEL)
	$(MAKE) --no-print-directory test-unpatched

test-lane-rasa: test-rasa-units
	$(MAKE) --no-print-directory test-e2e

clean:
	rm -rf .venv models var .pytest_cache .ruff_cache .mypy_cache
