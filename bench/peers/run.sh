#!/usr/bin/env bash
# The peer benchmark (issue "Performance"), run by hand, never by CI:
#
#   bash bench/peers/run.sh                 # every input: 20, 2000, 10000 specs, one 5 MB spec
#   bash bench/peers/run.sh 20 big          # some of them (tree sizes and/or `big`)
#
# It times `check` on the same inputs with:
#   - speclint, native (`target/release/speclint`), 2 threads and 1 thread;
#   - speclint through Node (`node pkg/bin/speclint.js`, what `npx speclint`
#     runs, without npx's own package resolution);
#   - mdsmith and rumdl (PyPI), markdownlint-cli2 and remark-cli with
#     remark-lint-frontmatter-schema (npm), each configured for the Database
#     Schema Specification as far as it can be (bench/peers/config/).
# The inputs come from gen.py: trees of valid specs (16 KB each, their own
# titles and table names) and one 5 MB spec. Every tool must report nothing
# on them; a first run of each tool checks that (exit code and output size)
# and measures its peak memory with /usr/bin/time when it is installed.
# Then hyperfine times each tool (SPECLINT_BENCH_RUNS overrides its run
# counts; the first run warmed the file cache) and report.py prints the table, CPU time against native speclint.
#
# SPECLINT_BENCH_SKIP, a regular expression (grep -E), leaves out the tools
# whose names it matches: markdownlint-cli2 and remark take about 100 s per
# run on 2,000 specs, so a 10,000-spec run without them saves over an hour:
#   SPECLINT_BENCH_SKIP='markdownlint|remark' bash bench/peers/run.sh 10000
#
# Tools install into bench/peers/.work (git-ignored; SPECLINT_BENCH_DIR moves
# it) from PyPI and npm at pinned versions. hyperfine comes from Debian
# (`apt-get install hyperfine`) or `cargo install hyperfine`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${SPECLINT_BENCH_DIR:-$here/.work}
mkdir -p "$work"

MDSMITH=0.57.0
RUMDL=0.3.0
MARKDOWNLINT_CLI2=0.22.1
REMARK_CLI=12.0.1
REMARK_FRONTMATTER=5.0.0
REMARK_LINT_FRONTMATTER_SCHEMA=3.15.4

inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(20 2000 10000 big)

command -v hyperfine >/dev/null || {
  echo "run.sh: hyperfine is missing: apt-get install hyperfine (or cargo install hyperfine)" >&2
  exit 2
}

# --- tools -----------------------------------------------------------------
if [ ! -x "$work/venv/bin/rumdl" ] || ! "$work/venv/bin/rumdl" --version | grep -q "$RUMDL"; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q "mdsmith==$MDSMITH" "rumdl==$RUMDL"
fi
if [ ! -f "$work/node/.installed-$MARKDOWNLINT_CLI2-$REMARK_LINT_FRONTMATTER_SCHEMA" ]; then
  mkdir -p "$work/node"
  (cd "$work/node" && printf '{"private":true}\n' >package.json &&
    npm install --silent --no-audit --no-fund "markdownlint-cli2@$MARKDOWNLINT_CLI2" \
      "remark-cli@$REMARK_CLI" "remark-frontmatter@$REMARK_FRONTMATTER" \
      "remark-lint-frontmatter-schema@$REMARK_LINT_FRONTMATTER_SCHEMA")
  touch "$work/node/.installed-$MARKDOWNLINT_CLI2-$REMARK_LINT_FRONTMATTER_SCHEMA"
fi
(cd "$root" && cargo build --quiet --release --locked)
speclint=$root/target/release/speclint
[ -f "$root/pkg/wasm/speclint_bg.wasm" ] || bash "$root/scripts/build-pkg.sh"
[ -d "$root/pkg/node_modules" ] || (cd "$root/pkg" && npm ci --silent --no-audit --no-fund)

# remark's config imports its plugins from $work/node/node_modules; its schema
# is speclint's own JSON Schema of the front matter, without `$schema`: the
# plugin's ajv reads draft-07 only, and the schema uses nothing newer.
cp "$here/config/remarkrc.mjs" "$work/node/.remarkrc.mjs"
"$speclint" schema database-schema |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);delete j["$schema"];process.stdout.write(JSON.stringify(j,null,2))})' \
    >"$work/node/schema.json"

# --- inputs ----------------------------------------------------------------
prepare() { # name -> directory with the documents and every tool's config
  local dir="$work/inputs/$1"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    if [ "$1" = big ]; then
      python3 "$here/gen.py" big 5000000 "$dir/big.md"
    else
      python3 "$here/gen.py" tree "$1" "$dir"
    fi
    touch "$dir/.done"
  fi
  cp "$here/config/mdsmith.yml" "$dir/.mdsmith.yml"
  cp "$here/config/rumdl.toml" "$dir/.rumdl.toml"
  cp "$here/config/markdownlint-cli2.jsonc" "$dir/.markdownlint-cli2.jsonc"
  echo "$dir"
}

runs_for() { # hyperfine --runs per input
  if [ -n "${SPECLINT_BENCH_RUNS:-}" ]; then echo "$SPECLINT_BENCH_RUNS"; return; fi
  case $1 in
  20 | big) echo 10 ;;
  2000) echo 3 ;;
  *) echo 2 ;;
  esac
}

results=$work/results
mkdir -p "$results"
for input in "${inputs[@]}"; do
  dir=$(prepare "$input")
  count=$(find "$dir" -name '*.md' | wc -l)
  bytes=$(find "$dir" -name '*.md' -exec cat {} + | wc -c)
  printf '{"input":"%s","documents":%d,"bytes":%d}\n' "$input" "$count" "$bytes" >"$results/$input.input.json"
  names=(
    "speclint (native, 2 threads)"
    "speclint (native, 1 thread)"
    "speclint (node pkg/bin, npx)"
    "mdsmith $MDSMITH"
    "rumdl $RUMDL"
    "markdownlint-cli2 $MARKDOWNLINT_CLI2"
    "remark-lint-frontmatter-schema $REMARK_LINT_FRONTMATTER_SCHEMA"
  )
  cmds=(
    "$speclint check ."
    "RAYON_NUM_THREADS=1 $speclint check ."
    "node $root/pkg/bin/speclint.js check ."
    "$work/venv/bin/mdsmith check --max-input-size 0 -q ."
    "$work/venv/bin/rumdl check --no-cache --quiet ."
    "$work/node/node_modules/.bin/markdownlint-cli2 '**/*.md'"
    "$work/node/node_modules/.bin/remark --rc-path $work/node/.remarkrc.mjs --quiet --frail --no-stdout ."
  )
  if [ -n "${SPECLINT_BENCH_SKIP:-}" ]; then
    keep_names=() keep_cmds=()
    for i in "${!cmds[@]}"; do
      if ! grep -qE "$SPECLINT_BENCH_SKIP" <<<"${names[$i]}"; then
        keep_names+=("${names[$i]}")
        keep_cmds+=("${cmds[$i]}")
      fi
    done
    names=("${keep_names[@]}") cmds=("${keep_cmds[@]}")
  fi
  # The first run of each: exit code, output size and peak memory.
  : >"$results/$input.sanity.jsonl"
  for i in "${!cmds[@]}"; do
    rss=null
    set +e
    if [ -x /usr/bin/time ]; then
      (cd "$dir" && /usr/bin/time -f '%M' -o "$work/time.txt" bash -c "${cmds[$i]}" >"$work/out.txt" 2>&1)
      code=$?
      rss=$(tail -1 "$work/time.txt")
    else
      (cd "$dir" && bash -c "${cmds[$i]}" >"$work/out.txt" 2>&1)
      code=$?
    fi
    set -e
    printf '{"name":"%s","exit":%d,"output_bytes":%d,"peak_kb":%s}\n' "${names[$i]}" "$code" \
      "$(wc -c <"$work/out.txt")" "$rss" >>"$results/$input.sanity.jsonl"
    if [ "$code" != 0 ]; then
      echo "run.sh: ${names[$i]} exits $code on $input; its output begins:" >&2
      head -c 2000 "$work/out.txt" >&2
    fi
  done
  args=()
  for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
  (cd "$dir" && hyperfine --style basic --ignore-failure --warmup 0 --runs "$(runs_for "$input")" \
    --export-json "$results/$input.json" "${args[@]}")
done

python3 "$here/report.py" "$results" "${inputs[@]}"
