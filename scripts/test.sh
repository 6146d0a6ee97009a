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

step "fuzz smoke: every target for 8 s from an empty corpus (tiny inputs) and 8 s from the seeds (fuzz/smoke.sh)"
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --root "$SPECLINT_TOOLS"
  bash fuzz/smoke.sh
else
  echo "skipped: no nightly toolchain (cargo fuzz needs one); the seeds and regressions still run in tests/robustness.rs"
fi

step "the core builds for wasm32 without CLI dependencies"
cargo check --locked --lib --target wasm32-unknown-unknown --no-default-features
for features in "" bindgen node cabi; do
  if cargo tree --locked --target wasm32-unknown-unknown --no-default-features ${features:+--features $features} \
      -e normal --prefix none | grep -E '^(clap|ignore|globset|rayon|tempfile|rustix|lsp-server|lsp-types) '; then
    echo "CLI dependencies leak into the wasm32 build (features: ${features:-none})" >&2
    exit 1
  fi
done

step "the README's first command"
cargo run --locked --quiet -- check examples/valid examples/adr --types examples/types/adr.yaml --color never

# ---- npm package (pkg/, issue #4): binding lints, build, node tests, end-to-end tests, size budget ----
step "npm package: the wasm binding (src/bindings/wasm.rs) is clippy-clean"
bash scripts/install-tools.sh   # also Debian's chromium, for the browser tests
CARGO_TARGET_DIR=target/wasm-build cargo clippy --locked --lib --target wasm32-unknown-unknown \
  --no-default-features --features bindgen -- -D warnings
CARGO_TARGET_DIR=target/wasm-build cargo clippy --locked --lib --target wasm32-unknown-unknown \
  --no-default-features --features node -- -D warnings

step "npm package: build (scripts/build-pkg.sh)"
SPECLINT_SKIP_TOOLS=1 bash scripts/build-pkg.sh

step "npm package: devDependencies (npm ci when node_modules does not match pkg/package-lock.json)"
node pkg/scripts/dev-deps.mjs

step "npm package: node tests (ESM, CommonJS, web entry, types, CLI against the native CLI, npm pack, remark and Docusaurus plugins)"
(cd pkg && npm test)

step "npm package: end-to-end (a real Docusaurus 3 site build; Chromium: the web entry and a Vite build)"
(cd pkg && npm run test:e2e)

step "npm package: size of the browser module (budget 320 KB not met yet; fails above the regression ceiling)"
node pkg/scripts/wasm-size.mjs --check
# ---- end of npm package ----

# ---- demo page (www/, issue #5): npm ci, production build, unit tests, end-to-end test in Chromium ----
step "demo page: Debian chromium for the browser test"
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

step "demo page: npm ci and production build (www/dist/)"
(cd www && npm ci --no-audit --no-fund --loglevel=error && npm run build)

step "demo page: tests (positions, share links; the built page in headless Chromium)"
(cd www && npm test)
# ---- end of demo page ----

# ---- editors and CI (issue "Where spec documents are written and reviewed") ----
step "language server: speclint lsp over JSON-RPC (tests/lsp.rs ran with cargo test)"
cargo test --locked --quiet --test lsp

step "VS Code extension (editors/vscode/): npm ci, package with @vscode/vsce, tests"
(cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error && npm run package && npm test)
# (the GitHub Action's script: pkg/test/action.test.js in the npm tests; the
# pre-commit hooks: python/tests/test_precommit.py in the Python tests)
# ---- end of editors and CI ----

# ---- Python package mkdocs-speclint (python/, issue #6): C-ABI wasm, cached venv, pytest ----
step "Python package: python3 with venv (Debian: python3-venv)"
if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
fi
py_venv="$SPECLINT_TOOLS/venv"
py_reqs=("mkdocs==1.6.1" "wasmtime==50.0.1" "pytest==9.2.0" "build==1.6.1" "hatchling==1.33.0" "editables==0.6" "pre-commit==4.7.0")
if [ "$(cat "$py_venv/.speclint-reqs" 2>/dev/null)" != "${py_reqs[*]}" ] || ! "$py_venv/bin/python" -c 'import mkdocs, wasmtime, pytest, build' 2>/dev/null; then
  echo "creating $py_venv (${py_reqs[*]})"
  rm -rf "$py_venv"
  python3 -m venv "$py_venv"
  "$py_venv/bin/python" -m pip install --quiet --disable-pip-version-check "${py_reqs[@]}"
  echo "${py_reqs[*]}" >"$py_venv/.speclint-reqs"
fi

step "Python package: the C-ABI binding (src/bindings/cabi.rs) is clippy-clean"
CARGO_TARGET_DIR=target/py-wasm cargo clippy --locked --lib --target wasm32-unknown-unknown \
  --no-default-features --features cabi -- -D warnings

step "Python package: build the module (scripts/build-python.sh), install the package editable"
SPECLINT_SKIP_TOOLS=1 bash scripts/build-python.sh
"$py_venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-build-isolation --no-deps -e python

step "Python package: pytest (mkdocs build/--strict on fixture sites, parity with the native CLI, wheel in a fresh venv)"
cargo build --locked --quiet --bin speclint
(cd python && SPECLINT_BIN="$PWD/../target/debug/speclint" "$py_venv/bin/python" -m pytest -q)
# ---- end of Python package ----

echo
echo "all stages passed in $(( $(date +%s) - started ))s"
