#!/usr/bin/env bash
# A short fuzz run of every target, for the test command (scripts/test.sh):
# first from an empty corpus with tiny inputs (-max_len=64, where the
# `"\n\u{feff}"` normalize bug was found in 20 s), then from the committed
# seeds with inputs up to 2 KB. SECONDS_PER_RUN (default 8) each, so about
# 80 s after the build. A crash fails the run with its reproducer in
# fuzz/artifacts/<target>/: add it to fuzz/regressions/<target>/.
#
# Needs a nightly toolchain and cargo-fuzz; scripts/test.sh runs it only when
# nightly is installed and says so otherwise.
set -euo pipefail
cd "$(dirname "$0")"
secs=${SECONDS_PER_RUN:-8}
cargo +nightly fuzz build -O -s none
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for t in validate export normalize derive spec_type; do
  mkdir -p "$work/$t-empty" "$work/$t-seeded" "artifacts/$t"
  for run in "empty:64:" "seeded:2048:seeds/$t"; do
    IFS=: read -r name max seeds <<<"$run"
    # shellcheck disable=SC2086 # $seeds is one directory or nothing
    cargo +nightly fuzz run -O -s none "$t" "$work/$t-$name" $seeds -- \
      -max_total_time="$secs" -max_len="$max" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="artifacts/$t/" 2>"$work/$t-$name.log" || {
      tail -40 "$work/$t-$name.log"
      echo "fuzz smoke: $t ($name corpus) FAILED: reproducer in fuzz/artifacts/$t/"
      exit 1
    }
    execs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$work/$t-$name.log")
    echo "fuzz smoke: $t from the $name corpus (max_len $max): $execs executions in ${secs}s, no crash"
  done
done
