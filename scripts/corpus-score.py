#!/usr/bin/env python3
"""Scores speclint on a corpus folder with valid/ and invalid/ (+ .defects.yaml manifests).

Usage: scripts/corpus-score.py [--bin target/release/speclint] [-v] DIR...
Prints false errors on valid documents (by code), warnings on valid documents,
and the defects found on their line (any diagnostic) or missed.
"""
import json, subprocess, sys, os, collections, re

def manifest(path):
    # Minimal reader for the manifest format (no PyYAML needed).
    defects, cur = [], None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*-\s*line:\s*(\d+)", line)
        if m:
            cur = {"line": int(m.group(1))}
            defects.append(cur)
            continue
        m = re.match(r"\s*(kind|description):\s*(.*)", line)
        if m and cur is not None:
            cur[m.group(1)] = m.group(2).strip().strip('"')
    return defects

def run(binary, path):
    p = subprocess.run([binary, "check", path, "--format", "json"], capture_output=True, text=True)
    try:
        return json.loads(p.stdout)
    except Exception:
        print("  !! bad output for", path, p.stderr[:300])
        return []

def main():
    args = sys.argv[1:]
    binary, verbose = "target/release/speclint", False
    if "--bin" in args:
        i = args.index("--bin"); binary = args[i + 1]; del args[i:i + 2]
    if "-v" in args:
        verbose = True; args.remove("-v")
    total_err_files = total_errs = total_warn = found = missed = ndef = nvalid = 0
    codes = collections.Counter(); wcodes = collections.Counter()
    for d in args:
        for f in sorted(os.listdir(os.path.join(d, "valid"))):
            if not f.endswith(".md"): continue
            nvalid += 1
            diags = run(binary, os.path.join(d, "valid", f))
            errs = [x for x in diags if x["severity"] == "error"]
            warns = [x for x in diags if x["severity"] == "warning"]
            total_warn += len(warns)
            for w in warns: wcodes[w["code"]] += 1
            if errs:
                total_err_files += 1; total_errs += len(errs)
                for e in errs: codes[e["code"]] += 1
                print(f"FALSE ERRORS {f}: " + "; ".join(f'{e["line"]}:{e["code"]} {e["message"][:90]}' for e in errs))
            if verbose and warns:
                print(f"  warnings {f}: " + "; ".join(f'{e["line"]}:{e["code"]} {e["message"][:70]}' for e in warns))
        inv = os.path.join(d, "invalid")
        for f in sorted(os.listdir(inv)):
            if not f.endswith(".md"): continue
            man = os.path.join(inv, f[:-3] + ".defects.yaml")
            if not os.path.exists(man): continue
            diags = run(binary, os.path.join(inv, f))
            lines = collections.defaultdict(list)
            for x in diags: lines[x["line"]].append(x)
            for dft in manifest(man):
                ndef += 1
                hit = lines.get(dft["line"], [])
                if hit:
                    found += 1
                    if verbose: print(f"  found {f}:{dft['line']} {dft.get('kind')} by " + ",".join(f'{h["code"]}/{h["severity"][0]}' for h in hit))
                else:
                    missed += 1
                    print(f"MISSED {f}:{dft['line']} {dft.get('kind')}: {dft.get('description','')[:80]}")
    print(f"\nvalid documents: {nvalid}; with false errors: {total_err_files} ({total_errs} errors) by code: {dict(codes)}")
    print(f"warnings on valid documents: {total_warn} by code: {dict(wcodes.most_common())}")
    print(f"defects found on their line: {found}/{ndef}; missed {missed}")

main()
