#!/usr/bin/env bash
# Runs every test of speclint. Installs what it needs on a fresh machine first
# (Rust targets and components; later stages add wasm, Node and Python tools),
# caching tool installs in $SPECLINT_TOOLS (default ~/.cache/speclint-tools) so
# reruns are fast.
set -euo pipefail
cd "$(dirname "$0")/.."

export SPECLINT_TOOLS="${SPECLINT_TOOLS:-$HOME/.cache/speclint-tools}"
export PATH="$SPECLINT_TOOLS/bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n::: %s\n' "$*"; }
started=$(date +%s)

step "toolchain"
if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust with rustup first" >&2
  exit 2
fi
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown

step "format and lints"
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings

step "cargo test"
cargo test --locked

step "the core builds for wasm32 without CLI dependencies"
cargo check --locked --lib --target wasm32-unknown-unknown --no-default-features
if cargo tree --locked --target wasm32-unknown-unknown --no-default-features -e normal --prefix none \
    | grep -E '^(clap|ignore|globset|rayon|tempfile|similar) '; then
  echo "CLI dependencies leak into the wasm32 build" >&2
  exit 1
fi

step "the README's first command"
cargo run --locked --quiet -- check examples/valid examples/adr --types examples/types/adr.yaml --color never

# ---- npm package (pkg/, issue #4): binding lints, build, node tests, size budget ----
step "npm package: the wasm binding (src/wasm.rs) is clippy-clean"
bash scripts/install-tools.sh
CARGO_TARGET_DIR=target/wasm-build cargo clippy --locked --lib --target wasm32-unknown-unknown \
  --no-default-features --features bindgen -- -D warnings

step "npm package: build (scripts/build-pkg.sh)"
SPECLINT_SKIP_TOOLS=1 bash scripts/build-pkg.sh

step "npm package: node tests (ESM, CommonJS, web entry, types, CLI against the native CLI, npm pack)"
(cd pkg && npm test)

step "npm package: size of the .wasm (budget 250 KB not met yet; fails above the regression ceiling)"
node pkg/scripts/wasm-size.mjs --check
# ---- end of npm package ----

echo
echo "all stages passed in $(( $(date +%s) - started ))s"
