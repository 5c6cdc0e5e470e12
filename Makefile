# AIMS for Backstage — the two commands a fresh machine needs:
#   make start   install everything and run the portal (http://localhost:3000)
#   make test    run every check: types, lint, unit + integration (SQLite and PostgreSQL), e2e
SHELL := /bin/bash
.DEFAULT_GOAL := help

ROOT := $(CURDIR)
# Backstage 1.55 needs Node >= 22; bootstrap it into .tools/ when the machine's node is older.
NODE_BIN := $(shell $(ROOT)/scripts/ensure-node.sh)
ifeq ($(NODE_BIN),)
$(error could not find or install Node 22, see the message above)
endif
export PATH := $(ROOT)/.tools/bin:$(NODE_BIN):$(PATH)
# Native addons (better-sqlite3) compile from source against the bootstrapped Node's headers.
ifneq ($(findstring /.tools/,$(NODE_BIN)),)
export npm_config_nodedir := $(abspath $(NODE_BIN)/..)
endif
YARN := node $(ROOT)/.yarn/releases/yarn-4.13.0.cjs
# Development default for the CI/CD ingestion token (backend.auth.externalAccess).
export AIMS_INGEST_TOKEN ?= aims-dev-ingest-token

.PHONY: help install build start test format generated typecheck api-reports lint unit e2e bench clean adopter-check

help:
	@echo "make start   install dependencies, build and run the portal (frontend :3000, backend :7007)"
	@echo "make test    types, lint, unit + integration tests (SQLite and PostgreSQL), Playwright e2e"
	@echo "make bench   benchmarks (yarn bench)"
	@echo "make adopter-check   pack the AIMS packages, install them into a new create-app app, check it works"

.tools/bin/yarn:
	@mkdir -p .tools/bin
	@printf '#!/bin/sh\nexec node "%s/.yarn/releases/yarn-4.13.0.cjs" "$$@"\n' "$(ROOT)" > $@
	@chmod +x $@

node_modules/.yarn-state.yml: yarn.lock package.json $(wildcard packages/*/package.json plugins/*/package.json) | .tools/bin/yarn
	$(YARN) install --immutable
	@touch $@

install: node_modules/.yarn-state.yml

typecheck: install
	$(YARN) tsc

build: typecheck

start: build
	@echo "Starting the portal on http://localhost:3000 (backend http://localhost:7007); sign in as guest."
	$(YARN) start

lint: install
	$(YARN) backstage-cli repo lint

# jest writes a JSON report so that the PostgreSQL cases can be counted: with the connection
# string set they must have run (scripts/count-postgres-cases.js fails the run otherwise)
unit: install
	@mkdir -p test-results
	@scripts/ensure-prometheus.sh >/dev/null
	@source scripts/detect-postgres.sh && { CI=true $(YARN) backstage-cli repo test --json --outputFile=$(ROOT)/test-results/jest.json; status=$$?; node scripts/count-postgres-cases.js test-results/jest.json || status=1; exit $$status; }

# formatting is checked like everything else (`yarn prettier --write .` fixes it)
format: install
	$(YARN) prettier --check .

e2e: install
	@export CHROMIUM_PATH="$$(scripts/ensure-chromium.sh)" && $(YARN) playwright test

# generated code is never edited by hand: the domain data (plugins/aims-common/data) and the
# OpenAPI spec (plugins/aims-backend/src/schema/openapi.yaml) are its sources
generated: install
	node scripts/generate-domain-data.js --check
	$(YARN) generate:openapi --check

test: format generated typecheck api-reports lint unit e2e
	@echo "make test: all checks passed"

# The API reports of the published packages (plugins/*/report*.api.md) match their exports;
# after changing an export: `yarn tsc && yarn build:api-reports`, and commit the reports.
api-reports: typecheck
	$(YARN) build:api-reports:check

# Installs the packed AIMS packages into a Backstage app fresh from @backstage/create-app, the
# way their READMEs say, and checks the app works (scripts/adopter-check.sh; ~10 min warm).
adopter-check: install | .tools/bin/yarn
	scripts/adopter-check.sh

bench: install
	$(YARN) bench

clean:
	$(YARN) backstage-cli repo clean
