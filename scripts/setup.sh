#!/usr/bin/env bash
# Installs whatever `make run` (and, with --test, `make test`) needs and is missing, from crates.io,
# npm and Debian only; nothing downloads a binary from anywhere else. Safe to run again: a tool that
# is already there at the right version is left alone. Versions and why: ../shared/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
FOR_TESTS=0
[ "${1:-}" = "--test" ] && FOR_TESTS=1
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1;34msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# cargo-leptos, built from crates.io without its download feature (a missing tool is an error,
# never a download). 0.3.11 needs a newer rustc than this machine's.
if [ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 16 minutes on 2 cores, once)"
  tmp=$(mktemp -d)
  CARGO_TARGET_DIR="$tmp" CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  rm -rf "$tmp"
fi

# The wasm-bindgen CLI at exactly the version Cargo.lock resolves for the crate.
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | tail -n1 | cut -d'"' -f2)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  tmp=$(mktemp -d)
  # Not --locked: its lockfile pins a webpki-roots the registry here does not have.
  CARGO_TARGET_DIR="$tmp" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  rm -rf "$tmp"
fi

# npm packages: the Tailwind CLI and binaryen (wasm-opt) for the build; Playwright for the tests.
# `npm install` rather than `npm ci`: the registry reachable here lacks some of Tailwind's optional
# per-platform packages (not needed on Linux x64), which `npm ci` takes for a stale lockfile. With
# a lockfile present, `npm install` installs exactly its versions and leaves it unchanged.
npm_install() { # $1 = folder
  if [ ! -f "$1/node_modules/.package-lock.json" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    say "installing npm packages in $1"
    (cd "$1" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
  fi
}
npm_install .

if [ "$FOR_TESTS" = 1 ]; then
  # Debian's Chromium for Playwright (which must not download a browser of its own).
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Chromium from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  npm_install end2end
fi
