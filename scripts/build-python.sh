#!/usr/bin/env bash
# Builds the WebAssembly module of the Python package `mkdocs-speclint` (python/):
#
#   bash scripts/build-python.sh       # then: cd python && python -m build --wheel
#
# 1. installs the two build tools it needs if missing (`scripts/install-tools.sh
#    python`: the wasm32 target and wasm-opt from npm's binaryen; no Chromium,
#    wasm-pack or TypeScript; cached in $SPECLINT_TOOLS, default
#    ~/.cache/speclint-tools);
# 2. builds the crate's C-ABI binding (src/bindings/cabi.rs, feature `cabi`, no
#    wasm-bindgen) for wasm32-unknown-unknown with the Cargo profile `wasm`
#    (opt-level "z", LTO, one codegen unit, panic=abort);
# 3. wasm-opt -Oz (binaryen from npm, never Debian's) and strips debug info
#    (cached in the target directory while the built module is unchanged);
# 4. checks that the module imports nothing (the wheel must run on any wasmtime);
# 5. installs it atomically as python/src/speclint/speclint.wasm (git-ignored,
#    packaged into the wheel by hatchling's `artifacts`).
#
# Cargo builds go to target/py-wasm (SPECLINT_PY_TARGET_DIR) so that they never
# wait for the lock of another build. SPECLINT_SKIP_TOOLS=1 skips step 1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export SPECLINT_TOOLS="${SPECLINT_TOOLS:-$HOME/.cache/speclint-tools}"
export PATH="$SPECLINT_TOOLS/bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${SPECLINT_PY_TARGET_DIR:-$root/target/py-wasm}"

[ "${SPECLINT_SKIP_TOOLS:-}" = 1 ] || bash scripts/install-tools.sh python

echo "build-python: cargo build --features cabi (profile wasm)" >&2
cargo build --locked --lib --target wasm32-unknown-unknown --no-default-features \
  --features cabi --profile wasm --quiet
built="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/speclint.wasm"

out=python/src/speclint/speclint.wasm
tmp="$out.tmp"
# wasm-opt takes ~20 s: its result is cached beside the build, keyed by the input's hash.
opt="$CARGO_TARGET_DIR/speclint-opt.wasm"
key="$(sha256sum "$built" | cut -d' ' -f1) $(wasm-opt --version)"
if [ -f "$opt" ] && [ "$(cat "$opt.key" 2>/dev/null)" = "$key" ]; then
  echo "build-python: wasm-opt -Oz (cached)" >&2
else
  echo "build-python: wasm-opt -Oz ($(wasm-opt --version))" >&2
  wasm-opt -Oz --strip-debug --strip-producers "$built" -o "$opt.tmp"
  mv "$opt.tmp" "$opt"
  echo "$key" >"$opt.key"
fi
cp "$opt" "$tmp"

# The import section (id 2) must be absent: decode the section ids.
if ! python3 - "$tmp" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\0asm\1\0\0\0", "not a wasm module"
pos = 8
def leb(pos):
    n = shift = 0
    while True:
        b = data[pos]; pos += 1
        n |= (b & 0x7F) << shift; shift += 7
        if b < 0x80:
            return n, pos
while pos < len(data):
    sid = data[pos]
    size, pos = leb(pos + 1)
    if sid == 2:
        count, _ = leb(pos)
        if count:
            sys.exit(f"the module has {count} imports")
    pos += size
PY
then
  rm -f "$tmp"
  echo "build-python: the module must not import anything" >&2
  exit 1
fi
mv "$tmp" "$out"
echo "build-python: $out: $(wc -c <"$out") bytes, $(gzip -9c "$out" | wc -c) gzipped" >&2
