#!/usr/bin/env bash
# Installs the build and test tools that are missing, from the package registries only.
# Idempotent: a second run only checks versions. Usage: scripts/tools.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=${1:-run}
TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)

say() { printf '==> %s\n' "$*"; }

apt_updated=0
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then
    say "apt-get update"
    apt-get update -q >/dev/null
    apt_updated=1
  fi
  say "installing ${missing[*]} (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk 0.21.14 is the newest that builds with rustc 1.95 (0.22 needs 1.96.1).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 14 minutes on 2 cores, once per machine)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# Without --locked: one of its locked dependency versions is no longer in the registry.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once per machine)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Debian's wasm-opt (binaryen 108) produces modules that fail in the browser; index.html
# turns optimisation off, and this keeps a stray one from being picked up.
if command -v wasm-opt >/dev/null && wasm-opt --version | grep -q 'version 108'; then
  say "warning: Debian's wasm-opt 108 is on PATH; it is not used (data-wasm-opt=0)"
fi

command -v curl >/dev/null || apt_install curl ca-certificates
command -v psql >/dev/null || apt_install postgresql-client

if [ "$purpose" = test ]; then
  command -v node >/dev/null || apt_install nodejs npm
  command -v chromium >/dev/null || apt_install chromium chromium-driver
  # Document tests read the PDFs back: text, page sizes, images.
  command -v pdftotext >/dev/null || apt_install poppler-utils
  command -v python3 >/dev/null || apt_install python3 python3-venv
  if [ ! -x .data/venv/bin/openapi-spec-validator ]; then
    say "installing openapi-spec-validator (PyPI) in .data/venv"
    mkdir -p .data
    python3 -m venv .data/venv || { apt_install python3-venv; python3 -m venv .data/venv; }
    .data/venv/bin/pip install -q -r scripts/requirements-test.txt
  fi
  if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules ]; then
    say "installing the e2e packages (npm; browsers come from Debian, never downloaded)"
    (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    touch e2e/node_modules
  fi
fi
