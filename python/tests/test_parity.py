"""The Python package and the native CLI report identical diagnostics for
every shared fixture (`tests/fixtures/rules/**`, `examples/**`)."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Optional

import speclint
from conftest import EXAMPLES, REPO

RULES = REPO / "tests" / "fixtures" / "rules"


def fixtures() -> dict[tuple[Optional[Path], Optional[Path]], list[Path]]:
    """Every fixture, grouped by its (custom type file, config file)."""
    groups: dict = defaultdict(list)
    for md in sorted(RULES.glob("*/*/*.md")):
        type_file = md.with_suffix(".type.yaml")
        config = md.parent.parent / "speclint.yaml"
        groups[(type_file if type_file.is_file() else None, config if config.is_file() else None)].append(md)
    for md in sorted(EXAMPLES.rglob("*.md")):
        groups[(EXAMPLES / "types" / "adr.yaml" if md.parent.name == "adr" else None, None)].append(md)
    return groups


def as_cli_json(d: speclint.Diagnostic) -> dict:
    """A diagnostic in the CLI's JSON shape."""
    out = {
        "code": d.code,
        "name": d.name,
        "severity": d.severity,
        "message": d.message,
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
        "start": d.start,
        "end": d.end,
    }
    if d.help is not None:
        out["help"] = d.help
    if d.fix is not None:
        out["fix"] = d.fix
    if d.related:
        out["related"] = list(d.related)
    return out


def test_every_fixture_matches_the_native_cli(speclint_bin: Path) -> None:
    groups = fixtures()
    total = sum(len(v) for v in groups.values())
    assert total > 250, "the shared fixtures were not found"
    seen_codes = set()
    for (type_file, config), files in groups.items():
        args = []
        if type_file:
            args += ["--types", str(type_file.relative_to(REPO))]
        if config:
            args += ["--config", str(config.relative_to(REPO))]
        rel = [str(f.relative_to(REPO)) for f in files]
        proc = subprocess.run(
            [str(speclint_bin), "check", *rel, "-f", "json", *args], cwd=REPO, capture_output=True, text=True
        )
        assert proc.returncode in (0, 1), proc.stderr
        by_file = defaultdict(list)
        for d in json.loads(proc.stdout):
            by_file[d["path"]].append(d)
        rules = None
        if config:
            rules = speclint.parse_config(config.read_text(encoding="utf-8")).get("rules") or None
        linter = speclint.Linter(types=[type_file] if type_file else None, rules=rules)
        for f, path in zip(files, rel):
            ours = [as_cli_json(d) for d in linter.validate(f.read_bytes(), path=path)]
            # The CLI adds cross-document diagnostics when given several files;
            # compare only what one document says about itself.
            theirs = [d for d in by_file[path] if not d["code"].startswith("XD")]
            assert ours == theirs, f"{path}: the Python package and the CLI disagree"
            seen_codes.update(d["code"] for d in ours)
    # The comparison covered real diagnostics of every family.
    assert {c[:2] for c in seen_codes} >= {"FM", "ST", "TB", "DB", "TR", "CN"}, seen_codes
