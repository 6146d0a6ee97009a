#!/usr/bin/env bash
# Installs the tools that build and test the npm package (`pkg/`) on a fresh
# machine, caching them in $SPECLINT_TOOLS (default ~/.cache/speclint-tools) so
# that reruns take a second:
#
#   the wasm32-unknown-unknown Rust target      (rustup)
#   for the browser module, when a nightly toolchain is installed: its
#   wasm32-unknown-unknown target and rust-src   (rustup; best effort: without
#                                                them build-pkg.sh builds the
#                                                browser module on stable)
#   wasm-pack                                   (cargo install, if not on PATH)
#   wasm-bindgen-cli, the version Cargo.toml pins (cargo install, if not on PATH)
#   wasm-opt from the npm package `binaryen`    (npm; never Debian's `binaryen`:
#                                                its wasm-opt 108 emits modules
#                                                that fail at load)
#   typescript (tsc), for the type tests        (npm)
#   chromium, for the browser tests             (Debian's, apt-get, only when
#                                                missing; SPECLINT_NO_CHROMIUM=1
#                                                skips it)
#
# Put "$SPECLINT_TOOLS/bin" first on PATH to use them (scripts/build-pkg.sh and
# scripts/test.sh do). Needs cargo/rustup, node >= 18 and npm.
#
#   bash scripts/install-tools.sh python
#
# installs only what the Python package's module needs (scripts/build-python.sh):
# the wasm32 target and wasm-opt; no wasm-pack, wasm-bindgen, TypeScript,
# nightly components or Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

export SPECLINT_TOOLS="${SPECLINT_TOOLS:-$HOME/.cache/speclint-tools}"
export PATH="$SPECLINT_TOOLS/bin:$HOME/.cargo/bin:$PATH"

# Keep in step with `wasm-bindgen = "=..."` in Cargo.toml (checked below).
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
TYPESCRIPT_VERSION=5.9.3

say() { printf 'install-tools: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

grep -q "^wasm-bindgen = { version = \"=$WASM_BINDGEN_VERSION\"" Cargo.toml ||
  die "Cargo.toml does not pin wasm-bindgen =$WASM_BINDGEN_VERSION; update WASM_BINDGEN_VERSION here"

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
command -v node >/dev/null || die "node not found: install Node.js >= 18"
command -v npm >/dev/null || die "npm not found"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' ||
  die "node $(node --version) is too old: need >= 18"

mkdir -p "$SPECLINT_TOOLS/bin"
only_python=false
[ "${1:-}" = python ] && only_python=true

if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The browser module is built with -Zbuild-std (scripts/build-pkg.sh), which
# needs nightly's rust-src and wasm32 target. Never fatal: rustup cannot
# download a toolchain here, only components of an installed one.
if ! $only_python && rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  if ! rustup +nightly target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    say "adding nightly's wasm32-unknown-unknown target (for the browser module)"
    rustup +nightly target add wasm32-unknown-unknown || say "could not: the browser module will be built on stable"
  fi
  if ! rustup +nightly component list --installed 2>/dev/null | grep -q '^rust-src'; then
    say "adding nightly's rust-src (for the browser module)"
    rustup +nightly component add rust-src || say "could not: the browser module will be built on stable"
  fi
fi

if ! $only_python && ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack into $SPECLINT_TOOLS (takes a few minutes once)"
  cargo install wasm-pack --locked --root "$SPECLINT_TOOLS"
fi

if ! $only_python && [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into $SPECLINT_TOOLS"
  # Not --locked: the CLI's own lock file pins crates that no longer build.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$SPECLINT_TOOLS" --force
fi

npm_dir="$SPECLINT_TOOLS/npm"
installed() { # package version
  [ -f "$npm_dir/node_modules/$1/package.json" ] &&
    [ "$(node -p "require('$npm_dir/node_modules/$1/package.json').version")" = "$2" ]
}
npm_packages=("binaryen@$BINARYEN_VERSION")
$only_python || npm_packages+=("typescript@$TYPESCRIPT_VERSION")
if ! installed binaryen "$BINARYEN_VERSION" || { ! $only_python && ! installed typescript "$TYPESCRIPT_VERSION"; }; then
  say "installing ${npm_packages[*]} from npm into $npm_dir"
  mkdir -p "$npm_dir"
  [ -f "$npm_dir/package.json" ] || echo '{ "private": true }' >"$npm_dir/package.json"
  npm install --prefix "$npm_dir" --no-audit --no-fund --loglevel=error "${npm_packages[@]}"
fi
ln -sf "$npm_dir/node_modules/.bin/wasm-opt" "$SPECLINT_TOOLS/bin/wasm-opt"
$only_python || ln -sf "$npm_dir/node_modules/.bin/tsc" "$SPECLINT_TOOLS/bin/tsc"

# The wasm-opt found first on PATH must be binaryen's from npm.
case "$(wasm-opt --version 2>/dev/null)" in
  *"version ${BINARYEN_VERSION%%.*}"*) ;;
  *) die "the wasm-opt on PATH is $(command -v wasm-opt) ($(wasm-opt --version 2>&1)); expected binaryen $BINARYEN_VERSION from npm" ;;
esac

if $only_python; then
  say "ok (python): wasm32-unknown-unknown, wasm-opt $(wasm-opt --version | grep -o '[0-9][0-9]*' | head -1)"
  exit 0
fi

# Debian's Chromium for the browser tests (pkg/test/e2e, driven by
# playwright-core; `npx playwright install` cannot download browsers here).
if [ "${SPECLINT_NO_CHROMIUM:-}" != 1 ] && ! command -v chromium >/dev/null; then
  say "installing Debian's chromium (apt-get)"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "chromium is missing: install it (apt-get install chromium) or set SPECLINT_NO_CHROMIUM=1"
    sudo=sudo
  fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null || die "apt-get did not install chromium"
fi

say "ok: $(wasm-pack --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | grep -o '[0-9][0-9]*' | head -1), tsc $(tsc --version | grep -o '[0-9.]*$')"
