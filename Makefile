# Partner Back-office. `make run` serves the app on the built-in Dintero emulator;
# `make test` runs every check. Both first install whatever is missing (scripts/setup.sh).
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: run test setup setup-test build release lint unit bundle e2e fmt

run: setup release
	./target/release/server

test: setup-test lint unit release bundle e2e

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

# A debug build (faster to compile) for development: `make build && ./target/debug/server`.
build:
	cargo leptos build

release:
	cargo leptos build --release

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p backoffice -p app --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test --workspace

# The browser bundle (every .wasm and .js the release build ships) within its brotli budget.
bundle:
	node bench/bundle_size.mjs --check

# Playwright against the release build on an unusual loopback port, with JavaScript on and off.
e2e:
	cd end2end && npx playwright test

fmt:
	cargo fmt --all
