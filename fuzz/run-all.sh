#!/usr/bin/env bash
# Runs every fuzz target for a fixed number of executions (10 million in
# total by default), one after the other, and prints libFuzzer's final stats.
#
#   bash fuzz/run-all.sh            # SCALE=0.01 bash fuzz/run-all.sh for a quick pass
#   bash fuzz/run-all.sh derive spec_type   # only these targets (e.g. on another core)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# `-s none`: no sanitizer (the crate forbids unsafe code; the fuzzers look for
# panics, failed assertions, timeouts and memory blow-ups). `-O`: release with
# debug assertions. Inputs up to 2 KB: small inputs reach the same code paths
# much faster; `tests/robustness.rs` and `benches/` cover the large ones.
# A crash stops the run with its reproducer in fuzz/artifacts/<target>/;
# add it to tests/robustness.rs as a regression test.
set -euo pipefail
cd "$(dirname "$0")"
scale=${SCALE:-1}
targets=(validate:3000000 export:2000000 normalize:600000 derive:2200000 spec_type:2200000)
cargo +nightly fuzz build -O -s none
for entry in "${targets[@]}"; do
  t=${entry%%:*}
  if [ $# -gt 0 ] && [[ " $* " != *" $t "* ]]; then continue; fi
  runs=$(awk -v r="${entry#*:}" -v s="$scale" 'BEGIN { printf "%d", r * s }')
  mkdir -p "corpus-run/$t" "artifacts/$t"
  start=$(date +%s)
  cargo +nightly fuzz run -O -s none "$t" "corpus-run/$t" "seeds/$t" -- \
    -runs="$runs" -max_len=2048 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="artifacts/$t/" 2>"corpus-run/$t.log" || {
    echo "$t: FAILED (see fuzz/corpus-run/$t.log and fuzz/artifacts/$t/)"
    exit 1
  }
  secs=$(($(date +%s) - start))
  execs=$(awk '/stat::number_of_executed_units/ { print $2 }' "corpus-run/$t.log")
  rate=$(awk '/stat::average_exec_per_sec/ { print $2 }' "corpus-run/$t.log")
  echo "$t: $execs executions in ${secs}s ($rate/s), 0 crashes"
done
