# The two commands: `make run` and `make test`. Both install what is missing first.
# Everything below runs exactly what CI runs (.ci/run calls `make test`).

SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export CARGO_TERM_COLOR ?= never
# Services chosen by scripts/services.sh (existing ones, or private ones under .data/).
SERVICES := source .data/services.env
CONSTRUBOT_DB ?= construbot
BIN_TEST := target/debug/construbot
BIN_RELEASE := target/release/construbot

.PHONY: help run test setup-run setup-test services fmt-check clippy unit-tests \
        spa-dev spa-release openapi-check openapi e2e bench

help:
	@echo "make run   - install what is missing, migrate, load demo data, serve on :8080"
	@echo "make test  - everything CI checks: format, lints, tests, wasm builds, spec, e2e"
	@echo "make openapi - regenerate openapi/openapi.json from the code"
	@echo "make bench - p50, p99, req/s and peak memory of the release server under load"

setup-run:
	scripts/tools.sh run
	scripts/services.sh

setup-test:
	scripts/tools.sh test
	scripts/services.sh

# --- make run ---------------------------------------------------------------------------

spa-release:
	trunk build --release

run: setup-run spa-release
	cargo build --release -p backend --bin construbot
	$(SERVICES)
	export DATABASE_URL="$${DATABASE_URL:-$${DATABASE_ADMIN_URL%/*}/$(CONSTRUBOT_DB)}"
	$(BIN_RELEASE) migrate
	$(BIN_RELEASE) seed-demo
	exec $(BIN_RELEASE) serve

# --- make test --------------------------------------------------------------------------

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p shared -p frontend --target wasm32-unknown-unknown -- -D warnings

# One dev-profile build serves the unit and integration tests and the e2e server binary.
unit-tests:
	$(SERVICES)
	export DATABASE_URL="$$DATABASE_ADMIN_URL"
	cargo test --workspace --no-fail-fast

# The wasm32 build of shared and frontend, reused by the e2e run.
spa-dev:
	trunk build

openapi-check:
	$(BIN_TEST) openapi > target/openapi.generated.json
	diff -u openapi/openapi.json target/openapi.generated.json \
	  || { echo "openapi/openapi.json is stale: run 'make openapi' and commit it"; exit 1; }
	.data/venv/bin/openapi-spec-validator openapi/openapi.json

openapi:
	cargo run -q -p backend --bin construbot -- openapi > openapi/openapi.json

e2e:
	$(SERVICES)
	export E2E_ADMIN_DATABASE_URL="$$DATABASE_ADMIN_URL" CONSTRUBOT_BIN="$(CURDIR)/$(BIN_TEST)"
	export SPA_DIR="$(CURDIR)/dist"
	cd e2e && node --test --test-concurrency=2

# --- make bench ------------------------------------------------------------------------

bench:
	scripts/services.sh
	cargo build --release -p backend --bin construbot
	scripts/bench.sh

test: setup-test fmt-check clippy unit-tests spa-dev openapi-check e2e
	@echo "make test: all checks passed"
