"""Real `mkdocs build` runs (and `--strict`) on fixture sites with the plugin."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import EXAMPLES, make_site, mkdocs_build

VALID = EXAMPLES / "valid" / "orders-db.md"
DEFECTS = EXAMPLES / "invalid" / "orders-db-defects.md"
BROKEN_YAML = EXAMPLES / "invalid" / "broken-front-matter.md"
ADR = EXAMPLES / "adr" / "0001-use-postgres.md"
ADR_TYPE = EXAMPLES / "types" / "adr.yaml"

# A page that is not a spec document: front matter without `spec_type`, and
# headings speclint would complain about if it checked them.
NOTES = """---
title: Meeting notes
status: whatever
---

# Notes

## Purpose

<table_name>
"""

INDEX = "# Fixture site\n\nSee the specs.\n"

PROBLEM = re.compile(r"(\S+\.md):(\d+):(\d+) ([A-Z]{2}\d{3}) (.*)$")


def problems(build) -> list[tuple[str, int, int, str, str]]:
    """The `path:line:col code message` lines the plugin logged."""
    out = []
    for line in build.output.splitlines():
        if "speclint:" not in line:
            continue
        m = PROBLEM.search(line)
        if m:
            out.append((m[1], int(m[2]), int(m[3]), m[4], m[5]))
    return out


def cli_problems(speclint_bin: Path, site: Path, *files: str, args: tuple[str, ...] = ()) -> list[tuple]:
    """What the native CLI reports for the same files (run from the site's directory)."""
    proc = subprocess.run(
        [str(speclint_bin), "check", *files, "-f", "json", *args], cwd=site, capture_output=True, text=True
    )
    assert proc.returncode in (0, 1), proc.stderr
    return [(d["path"], d["line"], d["column"], d["code"], d["message"]) for d in json.loads(proc.stdout)]


def test_valid_site_builds_also_strict(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": INDEX, "notes.md": NOTES, "specs/orders-db.md": VALID})
    for args in ((), ("--strict",)):
        b = mkdocs_build(site, *args)
        assert b.returncode == 0, b
        assert problems(b) == [], b
        assert "0 errors, 0 warnings in 1 spec page" in b.output, b
        assert "notes.md" not in b.output, b
    # The pages are built: the plugin changes nothing.
    assert (site / "site" / "specs" / "orders-db" / "index.html").is_file()
    assert "Orders Service Database Schema" in (site / "site" / "specs" / "orders-db" / "index.html").read_text()


def test_invalid_spec_fails_naming_file_line_and_problem(tmp_path: Path, speclint_bin: Path) -> None:
    site = make_site(tmp_path, {"index.md": INDEX, "notes.md": NOTES, "specs/defects.md": DEFECTS})
    b = mkdocs_build(site)
    assert b.returncode == 1, b
    found = problems(b)
    assert (
        "docs/specs/defects.md",
        5,
        9,
        "FM008",
        "`status` must be one of `draft`, `approved`, `deprecated`; found `in-review`",
    ) in found, b
    # Every problem the CLI reports is listed, in the same order, and nothing else.
    assert found == cli_problems(speclint_bin, site, "docs/specs/defects.md"), b
    errors = sum(1 for l in b.output.splitlines() if l.startswith("ERROR") and "speclint: docs/" in l)
    assert errors >= 5 and f"speclint: {errors} errors in spec pages (fail_on: error)" in b.output, b
    assert "Aborted with a BuildError" in b.output, b
    assert "notes.md" not in b.output, b
    # --strict fails too, listing the same problems.
    s = mkdocs_build(site, "--strict")
    assert s.returncode == 1 and problems(s) == found, s


def test_broken_yaml_front_matter_is_reported(tmp_path: Path, speclint_bin: Path) -> None:
    site = make_site(tmp_path, {"index.md": INDEX, "specs/broken.md": BROKEN_YAML}, "- speclint:\n    fail_on: never")
    b = mkdocs_build(site)
    # MkDocs alone ignores the broken front matter (the build passes with
    # fail_on: never) but the plugin reports it, where the YAML parser does.
    assert b.returncode == 0, b
    found = problems(b)
    assert [p[:4] for p in found if p[3] == "FM003"] == [("docs/specs/broken.md", 7, 16, "FM003")], b
    assert found == cli_problems(speclint_bin, site, "docs/specs/broken.md"), b
    assert mkdocs_build(site, "--strict").returncode == 1


def test_mkdocs_alone_ignores_broken_front_matter(tmp_path: Path) -> None:
    """Why the plugin reads the raw source: without it the same site builds silently."""
    site = make_site(tmp_path, {"index.md": INDEX, "specs/broken.md": BROKEN_YAML}, "- search")
    b = mkdocs_build(site, "--strict")
    assert b.returncode == 0, b
    assert "FM003" not in b.output


def test_fail_on_levels(tmp_path: Path) -> None:
    # Only a warning: an `applicability` value outside the suggested ones (FM015).
    warn = VALID.read_text().replace("applicability: [web, mobile]", "applicability: [web, tablet]", 1)
    assert "tablet" in warn
    site = make_site(tmp_path / "w", {"index.md": INDEX, "specs/w.md": warn})
    b = mkdocs_build(site)
    sev = {l.split()[0] for l in b.output.splitlines() if "speclint: docs/" in l}
    assert sev == {"WARNING"}, b
    assert b.returncode == 0, b  # fail_on: error (the default) ignores warnings
    assert mkdocs_build(site, "--strict").returncode == 1
    (site / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - speclint:\n      fail_on: warning\n")
    b = mkdocs_build(site)
    assert b.returncode == 1 and "speclint: 0 errors and 1 warning in spec pages (fail_on: warning)" in b.output, b

    site = make_site(tmp_path / "e", {"index.md": INDEX, "specs/e.md": DEFECTS}, "- speclint:\n    fail_on: never")
    b = mkdocs_build(site)
    assert b.returncode == 0 and any(p[3] == "FM008" for p in problems(b)), b
    s = mkdocs_build(site, "--strict")
    assert s.returncode == 1 and "in strict mode" in s.output, s


def test_include_and_exclude(tmp_path: Path) -> None:
    plain = "# A page\n\nNo front matter.\n"
    pages = {"index.md": INDEX, "specs/plain.md": plain, "specs/archive/old.md": DEFECTS, "other/defects.md": DEFECTS}
    # include: pages there are spec documents even without spec_type; only they are checked.
    site = make_site(tmp_path / "a", pages, '- speclint:\n    include: ["specs/**"]\n    exclude: ["specs/archive/**"]')
    b = mkdocs_build(site)
    assert [p[:4] for p in problems(b)] == [("docs/specs/plain.md", 1, 1, "FM001")], b
    assert b.returncode == 1
    # Without include: spec pages everywhere, non-spec pages left alone.
    site = make_site(tmp_path / "b", pages, '- speclint:\n    exclude: ["specs/archive/**"]')
    assert {p[0] for p in problems(mkdocs_build(site))} == {"docs/other/defects.md"}
    # include and exclude of the config file, relative to it.
    site = make_site(tmp_path / "c", pages, "- speclint", {"speclint.yaml": "include: ['docs/specs/**']\nexclude: ['**/archive/**']\n"})
    c = mkdocs_build(site)
    assert [p[:4] for p in problems(c)] == [("docs/specs/plain.md", 1, 1, "FM001")]
    # The config that was found is named at INFO.
    assert f"INFO    -  speclint: using config {(site / 'speclint.yaml').resolve()}" in c.output, c


def test_custom_types_from_options_and_config(tmp_path: Path, speclint_bin: Path) -> None:
    pages = {"index.md": INDEX, "adr/0001.md": ADR, "specs/defects.md": DEFECTS}
    # Without the type, the ADR's spec_type is unknown.
    site = make_site(tmp_path / "none", pages, "- speclint:\n    fail_on: never")
    assert any(p[0] == "docs/adr/0001.md" for p in problems(mkdocs_build(site)))
    # With `types:` in the plugin options.
    site = make_site(tmp_path / "opt", pages, "- speclint:\n    types: [adr.yaml]\n    fail_on: never", {"adr.yaml": ADR_TYPE.read_text()})
    found = problems(mkdocs_build(site))
    assert not any(p[0] == "docs/adr/0001.md" for p in found)
    assert found == cli_problems(speclint_bin, site, "docs/adr/0001.md", "docs/specs/defects.md", args=("--types", "adr.yaml"))
    # With a speclint.yaml: types relative to it, rule levels.
    config = "types: [types/adr.yaml]\nrules:\n  FM008: off\n  invalid-date: warning\n"
    site = make_site(tmp_path / "cfg", pages, "- speclint:\n    config: speclint.yaml", {"speclint.yaml": config, "types/adr.yaml": ADR_TYPE.read_text()})
    b = mkdocs_build(site)
    found = problems(b)
    assert not any(p[3] == "FM008" for p in found), b
    assert any(p[3] == "FM009" for p in found) and "WARNING -  speclint: docs/specs/defects.md:6:15 FM009" in b.output, b
    assert found == cli_problems(speclint_bin, site, "docs/adr/0001.md", "docs/specs/defects.md", args=("--config", "speclint.yaml"))
    # Discovered beside mkdocs.yml when `config` is not given, as the CLI finds it.
    (site / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - speclint\n")
    assert problems(mkdocs_build(site)) == found


def test_bad_configuration_fails_clearly(tmp_path: Path) -> None:
    site = make_site(tmp_path / "rule", {"index.md": INDEX}, "- speclint:\n    config: speclint.yaml", {"speclint.yaml": "rules:\n  empty-sections: off\n"})
    b = mkdocs_build(site)
    assert b.returncode == 1, b
    assert "unknown rule `empty-sections` in `rules`; did you mean `empty-section`?" in b.output, b
    site = make_site(tmp_path / "opt", {"index.md": INDEX}, "- speclint:\n    fail_on: sometimes")
    b = mkdocs_build(site)
    assert b.returncode == 1 and "fail_on" in b.output, b
    site = make_site(tmp_path / "type", {"index.md": INDEX}, "- speclint:\n    types: [t.yaml]", {"t.yaml": "id: x\n"})
    b = mkdocs_build(site)
    assert b.returncode == 1 and "spec type" in b.output and "t.yaml" in b.output, b


def test_cross_document_checks(tmp_path: Path, speclint_bin: Path) -> None:
    site = make_site(tmp_path / "dup", {"index.md": INDEX, "a/orders.md": VALID, "b/orders.md": VALID})
    b = mkdocs_build(site)
    found = problems(b)
    assert {p[3] for p in found} == {"XD001", "XD002"}, b
    assert found == cli_problems(speclint_bin, site, "docs/a/orders.md", "docs/b/orders.md"), b
    # References, with the spec documents named in speclint.yaml.
    linking = VALID.read_text().replace(
        "\n## Scope\n", "\n## Scope\n\nSee [the other spec](other.md) and [a missing one](missing.md).\n", 1
    )
    other = VALID.read_text().replace("title: Orders Service Database Schema", "title: Other", 1)
    assert "missing.md" in linking and "title: Other" in other
    config = {"speclint.yaml": 'references:\n  specs: ["docs/specs/**/*.md"]\n'}
    site = make_site(tmp_path / "refs", {"index.md": INDEX, "specs/a.md": linking, "specs/other.md": other}, "- speclint", config)
    found = problems(mkdocs_build(site))
    assert [p[3:] for p in found if p[3] == "XD003"] == [("XD003", "link to `missing.md` names no file")]
    assert found == cli_problems(speclint_bin, site, "docs/specs")


def test_invalid_utf8_is_reported_before_mkdocs_stops(tmp_path: Path) -> None:
    data = VALID.read_bytes().replace(b"Orders Service", b"Orders \xff Service", 1)
    site = make_site(tmp_path, {"index.md": INDEX, "specs/bad.md": data})
    b = mkdocs_build(site)
    assert b.returncode != 0
    assert any(p[0] == "docs/specs/bad.md" and p[3] == "IO001" for p in problems(b)), b


def test_a_stub_page_logs_one_line_per_code_and_an_empty_selection_warns(tmp_path: Path) -> None:
    stub = "---\nspec_type: database-schema\ntitle: Stub\nowner: data\nstatus: draft\n---\n\n# Stub\n"
    site = make_site(tmp_path / "s", {"index.md": INDEX, "specs/stub.md": stub}, "- speclint:\n    fail_on: never")
    b = mkdocs_build(site)
    st001 = [p for p in problems(b) if p[3] == "ST001"]
    assert len(st001) == 1, b
    assert re.search(r"\(and \d+ more `ST001` in this page, at lines ", st001[0][4]), st001
    # An `include` that matches no page: a warning (IO003), not a silent pass.
    site = make_site(tmp_path / "n", {"index.md": INDEX}, "- speclint", {"speclint.yaml": "include: ['docs/nothing/**']\n"})
    b = mkdocs_build(site)
    assert b.returncode == 0, b
    assert "WARNING -  speclint: .:1:1 IO003 no spec document found" in b.output, b
    assert mkdocs_build(site, "--strict").returncode == 1
