"""The Python API (`speclint.validate`, `Linter`, ...) and the module it runs."""

from __future__ import annotations

import doctest
import json

import pytest
import wasmtime

import speclint
from speclint import Diagnostic, Linter, SpeclintError, _runtime
from conftest import EXAMPLES, WASM

VALID = (EXAMPLES / "valid" / "orders-db.md").read_text(encoding="utf-8")
DEFECTS = (EXAMPLES / "invalid" / "orders-db-defects.md").read_text(encoding="utf-8")
ADR = (EXAMPLES / "adr" / "0001-use-postgres.md").read_text(encoding="utf-8")
ADR_TYPE = EXAMPLES / "types" / "adr.yaml"
TEMPLATE = (EXAMPLES / "template.md").read_text(encoding="utf-8")


def test_the_docstring_example() -> None:
    result = doctest.testmod(speclint)
    assert result.attempted > 0 and result.failed == 0


def test_the_module_imports_nothing_and_exports_the_abi() -> None:
    engine = wasmtime.Engine()
    module = wasmtime.Module.from_file(engine, str(WASM))
    assert [(i.module, i.name) for i in module.imports] == []
    exports = {e.name for e in module.exports}
    assert {"memory", "alloc", "dealloc", "speclint_call", "speclint_call_document"} <= exports


def test_the_module_is_compiled_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = []
    real = wasmtime.Module

    def counting(engine, data):
        compiled.append(len(data))
        return real(engine, data)

    _runtime._compiled = None
    _runtime._instance = None
    monkeypatch.setattr(_runtime.wasmtime, "Module", counting)
    for _ in range(3):
        speclint.validate(DEFECTS)
    linter = Linter(types=[ADR_TYPE])
    for _ in range(3):
        linter.validate(ADR)
    assert compiled == [WASM.stat().st_size]


def test_validate_returns_diagnostics() -> None:
    ds = speclint.validate(DEFECTS)
    assert all(isinstance(d, Diagnostic) for d in ds)
    d = next(d for d in ds if d.code == "FM008")
    assert (d.name, d.severity, d.line, d.column, d.end_line, d.end_column) == ("value-not-allowed", "error", 5, 9, 5, 18)
    assert d.message == "`status` must be one of `draft`, `approved`, `deprecated`; found `in-review`"
    assert DEFECTS.encode()[d.start : d.end] == b"in-review"
    assert d.fix["title"] == "Replace `in-review` with `draft`"
    assert str(d) == "5:9 FM008 `status` must be one of `draft`, `approved`, `deprecated`; found `in-review`"
    assert speclint.validate(VALID) == []
    # Positions: columns in code points, offsets in UTF-8 bytes.
    text = "---\nspec_type: database-schema\nstatus: \u00e9\U0001F600x\n---\n"
    d = next(d for d in speclint.validate(text) if d.code == "FM008")
    assert (d.column, d.end_column) == (9, 12)
    assert text.encode()[d.start : d.end].decode() == "\u00e9\U0001F600x"


def test_validate_options() -> None:
    assert any(d.code == "FM014" for d in speclint.validate(ADR))  # unknown spec type `adr`
    assert speclint.validate(ADR, types=[ADR_TYPE]) == speclint.validate(ADR, types=[ADR_TYPE.read_text()])
    assert not any(d.code == "FM014" for d in speclint.validate(ADR, types=[ADR_TYPE]))
    assert not any(d.code == "FM008" for d in speclint.validate(DEFECTS, rules={"FM008": "off"}))
    ds = speclint.validate(DEFECTS, rules={"value-not-allowed": "warning"})
    assert next(d for d in ds if d.code == "FM008").severity == "warning"
    ds = speclint.validate("# Just a title\n", spec_type="database-schema", path="x.md")
    assert ds and all(d.path == "x.md" for d in ds)
    assert any(d.code == "FM001" for d in ds)
    with pytest.raises(SpeclintError, match=r"^unknown spec type `nope`; known: `database-schema`"):
        speclint.validate(VALID, spec_type="nope")
    with pytest.raises(SpeclintError, match="did you mean `empty-section`"):
        speclint.validate(VALID, rules={"empty-sections": "off"})
    with pytest.raises(SpeclintError, match=r"^spec type types\[0\]:1:1: missing field `name`"):
        speclint.validate(VALID, types=["id: x\n"])
    with pytest.raises(TypeError):
        speclint.validate(42)  # type: ignore[arg-type]


def test_bytes_are_read_as_the_cli_reads_files() -> None:
    data = VALID.encode().replace(b"Orders Service", b"Orders \xff Service", 1)
    ds = speclint.validate(data)
    io = [d for d in ds if d.code == "IO001"]
    offset = data.index(b"\xff")
    assert len(io) == 1 and io[0].message == f"the file is not valid UTF-8: invalid byte at offset {offset}"
    bom = b"\xef\xbb\xbf" + VALID.encode()
    assert speclint.validate(bom) == speclint.validate("\ufeff" + VALID)


def test_linter_check_normalize_export() -> None:
    with Linter(types=[ADR_TYPE]) as linter:
        r = linter.check(ADR)
        assert (r.spec_type, r.type_source, r.declares_spec_type) == ("adr", "front-matter", True)
        assert {t["id"] for t in linter.spec_types()} == {"database-schema", "adr"}
        assert linter.spec_type("adr")["id"] == "adr"
        assert linter.schema("adr")["type"] == "object"
        with pytest.raises(SpeclintError, match="unknown spec type"):
            linter.schema("nope")
        n = linter.normalize(VALID.replace("status: approved", "status: Approved"))
        assert n.changed and "status: approved" in n.text and n.diagnostics == []
        assert any(f["code"] == "FM008" for f in n.fixes)
        assert linter.normalize(n.text).changed is False
        doc = linter.export(VALID)
        assert doc["specType"] == "database-schema" and doc["title"] == "Orders Service Database Schema"
        xd = linter.cross_check([("a.md", VALID), ("b.md", VALID, "docs/b.md")])
        assert xd[0] == [] and xd[1][0].code == "XD001" and {d.code for d in xd[1]} == {"XD001", "XD002"}
        assert all(d.path == "docs/b.md" for d in xd[1])
    assert speclint.normalize("---\nspec_type: database-schema\nstatus: Draft\n---\n").changed
    assert speclint.export(VALID)["formatVersion"] >= 1


def test_closed_and_reopened_sessions() -> None:
    linter = Linter(rules={"FM008": "off"})
    linter.close()
    # A closed linter reopens its session on next use.
    assert not any(d.code == "FM008" for d in linter.validate(DEFECTS))
    # After the instance is replaced (as after a trap), sessions are reopened.
    _runtime._instance = None
    assert not any(d.code == "FM008" for d in linter.validate(DEFECTS))


def test_derive_config_rules_version() -> None:
    t = speclint.derive(TEMPLATE)
    assert t["sections"] and t["fields"]
    assert "sections:" in speclint.derive(TEMPLATE, yaml=True)
    with pytest.raises(SpeclintError, match="front matter"):
        speclint.derive("---\na: [\n")
    c = speclint.parse_config("rules:\n  FM006: off\ntypes: [a.yaml]\ninclude: ['docs/**']\n")
    assert c["rules"] == {"FM006": "off"} and c["types"] == ["a.yaml"] and c["include"] == ["docs/**"]
    with pytest.raises(SpeclintError, match="unknown option `rulez`"):
        speclint.parse_config("rulez: {}\n")
    assert {r["code"] for r in speclint.rules()} >= {"FM008", "IO001", "XD001"}
    assert speclint.version() == "0.1.0"


def test_protocol_errors_are_messages() -> None:
    for req, message in [
        ({"op": "lint"}, "unknown op `lint`"),
        ({"op": "validate", "text": "", "colour": 1}, "unknown option `colour`"),
        ({"op": "validate", "session": 999, "text": ""}, "no open session 999"),
    ]:
        with pytest.raises(SpeclintError, match=message):
            _runtime.call(req)
    # Raw bytes that are not JSON get an error response, not a crash.
    inst = _runtime._Instance()
    assert json.loads(inst.call(b"\xff{", None))["error"].startswith("the request is not valid JSON")


@pytest.mark.parametrize(
    "glob, yes, no",
    [
        ("specs/**", ["specs/a.md", "specs/x/y.md"], ["other/specs/a.md"]),
        ("**/*.md", ["a.md", "x/y/a.md"], ["a.txt"]),
        ("*.md", ["a.md", "x/a.md"], ["a.mdx"]),  # a name pattern matches at any depth
        ("docs/*.md", ["docs/a.md"], ["docs/x/a.md"]),  # `*` stays in its segment
        ("docs/**/spec-?.md", ["docs/spec-1.md", "docs/a/b/spec-2.md"], ["docs/spec-10.md"]),
        ("{a,b/c}/[!x]*.md", ["a/y.md", "b/c/z.md"], ["a/x.md", "c/y.md"]),
        ("[a-c]\\*.md", ["b*.md"], ["bx.md", "d*.md"]),
    ],
)
def test_globs_are_the_cores(glob: str, yes: list[str], no: list[str]) -> None:
    assert [p for p in yes if speclint.match_glob(glob, p)] == yes
    assert [p for p in no if speclint.match_glob(glob, p)] == []


def test_invalid_globs() -> None:
    with pytest.raises(SpeclintError, match=r"invalid glob `\{a`: unclosed `\{`"):
        speclint.match_glob("{a", "a")
    with pytest.raises(SpeclintError, match=r"unclosed `\[`"):
        speclint.match_glob("[a", "a")


def test_a_workspace_runs_the_policy_of_check() -> None:
    config = "exclude: ['drafts/**']\nrules:\n  XD001: warning\n"
    with speclint.Workspace(config=config, config_path="speclint.yaml") as ws:
        assert ws.select("drafts/a.md") is None
        assert ws.select("specs/a.md") == {"named": False, "included": False}
        mark = ws.enter("/r", ["old/\n"])
        assert ws.visit("/r", [("old", "dir"), ("a.md", "file"), ("node_modules", "dir"), ("b.txt", "file")]) == [
            "skip",
            "file",
            "skip",
            "skip",
        ]
        ws.leave(mark)
        for path in ("a.md", "b.md"):
            document, _ = ws.add(path, path, VALID.encode())
            assert document
        assert ws.add("notes.md", "notes.md", b"# Notes\n") == (False, [])
        r = ws.finish(format="json")
        assert r["exitCode"] == 0
        assert [f["path"] for f in r["files"]] == ["a.md", "b.md"]
        assert {(d.code, d.severity) for d in r["files"][1]["diagnostics"] if d.code == "XD001"} == {("XD001", "warning")}
        with pytest.raises(SpeclintError, match="finished"):
            ws.finish()
    with pytest.raises(SpeclintError, match="closed"):
        ws.select("a.md")


@pytest.mark.parametrize(
    "call, what",
    [
        (lambda: speclint.validate(VALID, path="docs/bad\udc80.md"), "`path`"),
        (lambda: Linter().validate(VALID, path="\ud800"), "`path`"),
        (lambda: speclint.validate(VALID, rules={"FM006\udcff": "off"}), "a `rules` key"),
        (lambda: speclint.validate(VALID, rules={"FM006": "of\udcff"}), "the level of rule 'FM006'"),
        (lambda: Linter(rules={"\udc80": "off"}), "a `rules` key"),
        (lambda: speclint.validate(VALID, spec_type="database-\udc80schema"), "`spec_type`"),
        (lambda: Linter().check(VALID, spec_type="\udfff"), "`spec_type`"),
        (lambda: Linter().normalize(VALID, spec_type="\udfff"), "`spec_type`"),
        (lambda: Linter().export(VALID, spec_type="\udfff"), "`spec_type`"),
        (lambda: Linter().schema("\udfff"), "`spec_type`"),
        (lambda: Linter(default_type="\ud800x"), "`default_type`"),
        (lambda: speclint.validate(VALID, types=[{"id": "x\udc80", "name": "X"}]), "request"),
        (lambda: speclint.parse_config("rules:\n  FM006: \udc80\n"), "request"),
    ],
)
def test_a_lone_surrogate_is_a_value_error_naming_the_argument(call, what: str) -> None:
    # Issue "Safety", item 14: not a raw UnicodeEncodeError from json/encode.
    with pytest.raises(ValueError, match="not valid Unicode") as e:
        call()
    assert not isinstance(e.value, UnicodeError)
    assert what in str(e.value)
    str(e.value).encode("utf-8")  # the message itself can be printed
    # The module still answers afterwards.
    assert speclint.validate(VALID) == []
