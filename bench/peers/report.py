#!/usr/bin/env python3
"""Prints the peer benchmark's tables from bench/peers/run.sh's results.

    report.py RESULTS_DIR INPUT...

One Markdown table per input: wall time and CPU time (user + system, means of
hyperfine's runs), peak memory of the first run, and CPU time as a multiple of
native speclint's (2 threads). The first run's exit code and output size show
that every tool found nothing to report on the valid documents.
"""
import json
import os
import sys


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def fmt_s(x):
    return f"{x:.3f} s" if x < 10 else f"{x:.1f} s"


def table(results, name):
    with open(os.path.join(results, f"{name}.input.json"), encoding="utf-8") as f:
        meta = json.load(f)
    with open(os.path.join(results, f"{name}.json"), encoding="utf-8") as f:
        runs = json.load(f)["results"]
    sanity = {s["name"]: s for s in load_jsonl(os.path.join(results, f"{name}.sanity.jsonl"))}
    base = next(r for r in runs if r["command"].startswith("speclint (native, 2"))
    base_cpu = base["user"] + base["system"]
    one = next(r for r in runs if r["command"].startswith("speclint (native, 1"))
    mb = meta["bytes"] / 1e6
    what = "one spec" if meta["documents"] == 1 else f"{meta['documents']:,} specs"
    print(f"\n### {what}, {mb:.1f} MB\n")
    print("| tool | wall | CPU | CPU / speclint | peak memory | first run: exit, output |")
    print("|---|---|---|---|---|---|")
    for r in runs:
        cpu = r["user"] + r["system"]
        s = sanity.get(r["command"], {})
        peak = f"{s['peak_kb'] / 1000:.0f} MB" if s.get("peak_kb") else "?"
        note = f"{s.get('exit', '?')}, {s.get('output_bytes', '?')} B"
        ratio = cpu / base_cpu if base_cpu else float("nan")
        print(
            f"| {r['command']} | {fmt_s(r['mean'])} ± {r['stddev'] or 0:.3f} | {fmt_s(cpu)} "
            f"| {ratio:.2f}× | {peak} | {note} |"
        )
    node = next((r for r in runs if "npx" in r["command"]), None)
    if node:
        print(f"\nnpx / native 1 thread, wall: {node['mean'] / one['mean']:.2f}×")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for name in sys.argv[2:]:
        table(sys.argv[1], name)


if __name__ == "__main__":
    main()
