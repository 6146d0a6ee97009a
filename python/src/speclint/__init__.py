"""speclint for Python: validate spec documents (Markdown + YAML front matter
that follow a template) with the same Rust core as the `speclint` CLI and the
npm package, compiled to WebAssembly and run with wasmtime.

    >>> import speclint
    >>> [d.code for d in speclint.validate("---\\nspec_type: database-schema\\nstatus: in-review\\n---\\n")][:1]
    ['FM008']

A thin binding: every check, message and position comes from the core.
Columns count Unicode code points (Python string indices), as the CLI does;
`start`/`end` are byte offsets into the UTF-8 text, as in the CLI's JSON.
The MkDocs plugin is `speclint.plugin.SpeclintPlugin` (`plugins: [speclint]`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _runtime
from ._runtime import SpeclintError

__all__ = [
    "Diagnostic",
    "Linter",
    "NormalizeResult",
    "SpeclintError",
    "ValidateResult",
    "Workspace",
    "derive",
    "export",
    "match_glob",
    "normalize",
    "parse_config",
    "rules",
    "validate",
    "version",
]

#: A custom spec type: YAML (or JSON) text, a path to a type file, or a definition as a dict.
TypeInput = Union[str, "os.PathLike[str]", Mapping[str, Any]]
#: A document: text, or a file's bytes (invalid UTF-8 is reported as `IO001`).
Document = Union[str, bytes]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a document, as `speclint check --format json` reports it."""

    code: str
    """Stable rule code, e.g. `FM008`."""
    name: str
    """Stable rule name, e.g. `value-not-allowed`."""
    severity: str
    """`error`, `warning` or `info`."""
    message: str
    line: int
    """1-based."""
    column: int
    """1-based, in code points."""
    end_line: int
    end_column: int
    start: int
    """Byte offset into the UTF-8 text."""
    end: int
    help: Optional[str] = None
    path: Optional[str] = None
    fix: Optional[dict] = field(default=None, compare=False)
    """The fix, when the rule has one: `{"applicability", "title", "edits"}`."""
    related: tuple = field(default=(), compare=False)
    """Related locations: `{"line", "column", "start", "end", "message"}`."""

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Diagnostic":
        return cls(
            code=d["code"],
            name=d["name"],
            severity=d["severity"],
            message=d["message"],
            line=d["line"],
            column=d["column"],
            end_line=d["endLine"],
            end_column=d["endColumn"],
            start=d["start"],
            end=d["end"],
            help=d.get("help"),
            path=d.get("path"),
            fix=d.get("fix"),
            related=tuple(d.get("related", ())),
        )

    def __str__(self) -> str:
        where = f"{self.path}:" if self.path else ""
        return f"{where}{self.line}:{self.column} {self.code} {self.message}"


@dataclass(frozen=True)
class ValidateResult:
    diagnostics: list
    """`list[Diagnostic]`, sorted by position."""
    spec_type: Optional[str]
    """The spec type the document was validated against (`None`: none applied)."""
    type_source: Optional[str]
    """`front-matter`, `explicit`, `default` or `detected`."""
    declares_spec_type: bool
    """Whether the document has a `spec_type` (tools skip Markdown files without one)."""


@dataclass(frozen=True)
class NormalizeResult:
    text: str
    changed: bool
    fixes: list
    """The fixes applied: `{"code", "title", "applicability", "removed"}`."""
    diagnostics: list
    """`list[Diagnostic]` of the normalized text."""


def _type_input(t: Any) -> Any:
    if isinstance(t, os.PathLike):
        path = os.fspath(t)
        with open(path, encoding="utf-8") as f:
            return {"path": path, "text": f.read()}
    if isinstance(t, (str, Mapping)):
        return t
    raise TypeError(f"a spec type must be YAML text, a path or a dict, not {type(t).__name__}")


def _text(what: str, value: Any) -> Any:
    """`value`, if it is text the core can be sent: a `str` with a lone surrogate
    (what `os.fsdecode` makes of a file name that is not UTF-8, or a broken
    string) cannot be encoded as UTF-8, so it is refused with a `ValueError`
    naming the argument rather than a `UnicodeEncodeError` from deep inside."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            shown = value.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
            raise ValueError(
                f"{what} is not valid Unicode text: a lone surrogate U+{ord(value[e.start]):04X} "
                f"at index {e.start} ({shown[:200]!r})"
            ) from None
    return value


def _options(
    types: Optional[Iterable[TypeInput]] = None,
    rules: Optional[Mapping[str, str]] = None,
    default_type: Optional[str] = None,
    spec_type: Optional[str] = None,
) -> dict[str, Any]:
    o: dict[str, Any] = {"columnEncoding": "unicode"}
    if types:
        o["types"] = [_type_input(t) for t in types]
    if rules:
        o["rules"] = {
            _text("a `rules` key", k): _text(f"the level of rule {k!a}", v) for k, v in dict(rules).items()
        }
    if default_type is not None:
        o["defaultType"] = _text("`default_type`", default_type)
    if spec_type is not None:
        o["specType"] = _text("`spec_type`", spec_type)
    return o


def _document(document: Document) -> bytes:
    """Sends bytes beside the request (no JSON escaping); `validate` reads invalid UTF-8 as `IO001`."""
    if isinstance(document, str):
        return document.encode("utf-8", errors="surrogatepass")
    if isinstance(document, (bytes, bytearray, memoryview)):
        return bytes(document)
    raise TypeError(f"the document must be str or bytes, not {type(document).__name__}")


class Linter:
    """A configured linter: custom spec types parsed once, rule levels resolved
    once, for many documents (the MkDocs plugin keeps one per build).

    `types`: custom spec types (YAML/JSON text, paths of type files, or dicts);
    `rules`: levels by code or name (`off`, `info`, `warning`, `error`);
    `default_type`: the type of documents without `spec_type`.
    Raises `SpeclintError` on invalid options.
    """

    def __init__(
        self,
        types: Optional[Iterable[TypeInput]] = None,
        rules: Optional[Mapping[str, str]] = None,
        default_type: Optional[str] = None,
    ):
        self._options = _options(types, rules, default_type)
        self._handle: Optional[int] = None
        self._generation = -1
        self._session()  # report invalid options now

    def _session(self) -> int:
        if self._handle is None or self._generation != _runtime.generation():
            handle = _runtime.call({"op": "open", "options": self._options})
            self._handle, self._generation = handle, _runtime.generation()
        return self._handle

    def _call(self, request: dict[str, Any], document: Optional[bytes] = None) -> Any:
        with _runtime.lock:
            request["session"] = self._session()
            return _runtime.call(request, document)

    def close(self) -> None:
        """Frees the session in the module (also done when the linter is garbage-collected)."""
        with _runtime.lock:
            handle, self._handle = self._handle, None
            if handle is not None and self._generation == _runtime.running_generation():
                _runtime.call({"op": "close", "session": handle})

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None:
            try:
                _runtime.release(self._generation, handle)
            except Exception:
                pass

    def __enter__(self) -> "Linter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check(
        self, text: Document, spec_type: Optional[str] = None, path: Optional[str] = None
    ) -> ValidateResult:
        """Validates one document; also says which spec type applied and how it was chosen."""
        req: dict[str, Any] = {"op": "validate"}
        if spec_type is not None:
            req["specType"] = _text("`spec_type`", spec_type)
        if path is not None:
            req["path"] = _text("`path`", path)
        r = self._call(req, _document(text))
        return ValidateResult(
            diagnostics=[Diagnostic.from_json(d) for d in r["diagnostics"]],
            spec_type=r["specType"],
            type_source=r["typeSource"],
            declares_spec_type=r["declaresSpecType"],
        )

    def validate(
        self, text: Document, spec_type: Optional[str] = None, path: Optional[str] = None
    ) -> list[Diagnostic]:
        """The diagnostics of one document, sorted by position."""
        return self.check(text, spec_type=spec_type, path=path).diagnostics

    def normalize(
        self,
        text: str,
        *,
        unsafe_fixes: bool = False,
        reorder_sections: bool = False,
        insert_missing_sections: bool = False,
        spec_type: Optional[str] = None,
    ) -> NormalizeResult:
        """What `speclint fmt` writes: safe fixes (and unsafe ones if asked), canonical formatting."""
        req: dict[str, Any] = {
            "op": "normalize",
            "unsafeFixes": unsafe_fixes,
            "reorderSections": reorder_sections,
            "insertMissingSections": insert_missing_sections,
        }
        if spec_type is not None:
            req["specType"] = _text("`spec_type`", spec_type)
        r = self._call(req, _document(text))
        return NormalizeResult(
            text=r["text"],
            changed=r["changed"],
            fixes=r["fixes"],
            diagnostics=[Diagnostic.from_json(d) for d in r["diagnostics"]],
        )

    def export(self, text: str, spec_type: Optional[str] = None) -> dict[str, Any]:
        """The document as data, as `speclint export` prints it (see docs/export.md)."""
        req: dict[str, Any] = {"op": "exportSpec"}
        if spec_type is not None:
            req["specType"] = _text("`spec_type`", spec_type)
        return self._call(req, _document(text))

    def cross_check(
        self,
        documents: Sequence[tuple],
        initiatives: Optional[Iterable[str]] = None,
        specs: Optional[Iterable[str]] = None,
    ) -> list[list[Diagnostic]]:
        """Cross-document diagnostics (`XD`) of `(path, text)` or `(path, text,
        display_path)` tuples, one list per document. `path` is `/`-separated
        (the base of relative links); `display_path` (default `path`) is set on
        the diagnostics. `initiatives` (ids) and `specs` (paths) enable the
        reference checks."""
        docs = []
        for d in documents:
            doc = {"path": d[0], "text": d[1]}
            if len(d) > 2 and d[2] is not None:
                doc["displayPath"] = d[2]
            docs.append(doc)
        req: dict[str, Any] = {"op": "crossCheck", "documents": docs}
        if initiatives is not None:
            req["initiatives"] = list(initiatives)
        if specs is not None:
            req["specs"] = list(specs)
        return [[Diagnostic.from_json(d) for d in ds] for ds in self._call(req)]

    def spec_types(self) -> list[dict[str, Any]]:
        """The known spec types (built-in and custom), as definitions."""
        return self._call({"op": "specTypes"})

    def spec_type(self, id: str) -> dict[str, Any]:
        """One spec type's definition; `SpeclintError` on an unknown id."""
        return self._call({"op": "specType", "id": _text("the spec type id", id)})

    def schema(self, spec_type: str) -> dict[str, Any]:
        """The JSON Schema of a spec type's front matter."""
        return self._call({"op": "frontMatterSchema", "specType": _text("`spec_type`", spec_type)})


_linters: dict[str, Linter] = {}


class Workspace:
    """The run policy of `speclint check` for a host that walks and reads
    files (the MkDocs plugin): which folder entries a walk enters, which
    files are checked (the config's `include`, `exclude`), each document
    validated once, the cross-document checks, levels and `overrides`, the
    exit code and the rendered output all come from the core
    (`src/workspace`), as in the native CLI and `npx speclint`.

    `config`: the config file's text; `config_path`: where it was read from
    (named in messages); `types`: the spec type files as `(path, text)`;
    `spec_type`: read every document as this type. One run per workspace.
    Raises `SpeclintError` on an invalid config or type.
    """

    def __init__(
        self,
        config: Optional[str] = None,
        config_path: Optional[str] = None,
        types: Iterable[tuple[str, str]] = (),
        spec_type: Optional[str] = None,
    ):
        req: dict[str, Any] = {"op": "workspaceOpen"}
        if config is not None:
            req["config"] = _text("`config`", config)
        if config_path is not None:
            req["configPath"] = _text("`config_path`", config_path)
        req["types"] = [{"path": _text("a type path", p), "text": _text("a spec type", t)} for p, t in types]
        if spec_type is not None:
            req["specType"] = _text("`spec_type`", spec_type)
        with _runtime.lock:
            self._handle: Optional[int] = _runtime.call(req)
            self._generation = _runtime.generation()

    def _call(self, request: dict[str, Any], document: Optional[bytes] = None) -> Any:
        with _runtime.lock:
            if self._handle is None or self._generation != _runtime.generation():
                raise SpeclintError("this workspace is closed")
            request["workspace"] = self._handle
            return _runtime.call(request, document)

    def enter(self, dir: str, ignore_texts: Sequence[str]) -> int:
        """Adds the texts of folder `dir`'s ignore files (absolute, `/`-separated); returns the mark for `leave`."""
        return self._call({"op": "workspaceEnter", "dir": _text("`dir`", dir), "ignoreTexts": list(ignore_texts)})

    def leave(self, mark: int) -> None:
        """Drops the ignore rules added since `mark`."""
        self._call({"op": "workspaceLeave", "mark": mark})

    def visit(self, dir: str, entries: Sequence[tuple[str, str]]) -> list[str]:
        """What a walk does with each entry `(name, kind)` of folder `dir`
        (`kind`: `file`, `dir`, `symlink` or `other`): `enter`, `file` or `skip`."""
        return self._call({"op": "workspaceVisit", "dir": _text("`dir`", dir), "entries": [list(e) for e in entries]})

    def select(self, rel: str, named: bool = False) -> Optional[dict[str, bool]]:
        """Whether the file at `rel` (relative to the config's folder) is checked: `{named, included}` or None."""
        return self._call({"op": "workspaceSelect", "rel": _text("`rel`", rel), "named": named})

    def reference_globs(self) -> dict[str, Optional[list[str]]]:
        """The config's `references` globs: `{initiatives, specs}` (None when none)."""
        return self._call({"op": "workspaceReferenceGlobs"})

    def reference_matches(self, rel: str) -> tuple[bool, bool]:
        """Whether the file at `rel` is an initiative document, a spec document."""
        i, s = self._call({"op": "workspaceReferenceMatches", "rel": _text("`rel`", rel)})
        return bool(i), bool(s)

    def template_globs(self) -> Optional[list[str]]:
        """The config's `templates` globs (relative to its folder), or None."""
        return self._call({"op": "workspaceTemplateGlobs"})

    def template_matches(self, rel: str) -> bool:
        """Whether the file at `rel` (relative to the config's folder) is a template of the family."""
        return bool(self._call({"op": "workspaceTemplateMatches", "rel": _text("`rel`", rel)}))

    def add_templates(self, templates: Iterable[tuple[str, str, str]]) -> None:
        """Derives the spec types of the template files `(shown, rel, text)`
        read for `template_globs()`; once, before `add`. Raises
        `SpeclintError` when a glob matches no file or a template derives no type."""
        files = [{"path": _text("a template path", p), "rel": _text("a template path", r), "text": _text("a template", t)} for p, r, t in templates]
        self._call({"op": "workspaceAddTemplates", "templates": files})

    def render_templates(self, json: bool = False, check: bool = False) -> tuple[str, int]:
        """What `speclint templates [--json] [--check]` prints, and its exit code."""
        r = self._call({"op": "workspaceRenderTemplates", "json": json, "check": check})
        return r["output"], int(r["exitCode"])

    def add(self, shown: str, rel: str, data: bytes, named: bool = False, included: bool = False) -> tuple[bool, list[Diagnostic]]:
        """Validates a selected file once: (whether it is a spec document, its diagnostics)."""
        req = {"op": "workspaceAdd", "shown": _text("`shown`", shown), "rel": _text("`rel`", rel), "named": named, "included": included}
        r = self._call(req, _document(data))
        return bool(r["document"]), [Diagnostic.from_json(d) for d in r["diagnostics"]]

    def unreadable(self, shown: str, message: str, rel: Optional[str] = None) -> None:
        """A file or folder that could not be read (`IO002`); the run goes on."""
        req: dict[str, Any] = {"op": "workspaceUnreadable", "shown": _text("`shown`", shown), "message": _text("`message`", message)}
        if rel is not None:
            req["rel"] = _text("`rel`", rel)
        self._call(req)

    def finish(
        self,
        initiatives: Optional[Iterable[str]] = None,
        specs: Optional[Iterable[str]] = None,
        format: str = "pretty",
        color: bool = False,
        quiet: bool = False,
    ) -> dict[str, Any]:
        """Adds the cross-document findings and renders: `{output, exitCode,
        errors, warnings, infos, files}` (each file `{path, diagnostics}`,
        diagnostics as `Diagnostic`). `initiatives`, `specs`: the shown paths
        of the files the config's reference globs name."""
        req: dict[str, Any] = {"op": "workspaceFinish", "format": format, "color": color, "quiet": quiet}
        if initiatives is not None:
            req["initiatives"] = list(initiatives)
        if specs is not None:
            req["specs"] = list(specs)
        r = self._call(req)
        for f in r["files"]:
            f["diagnostics"] = [Diagnostic.from_json(d) for d in f["diagnostics"]]
        return r

    def close(self) -> None:
        """Frees the workspace in the module (also done when it is garbage-collected)."""
        with _runtime.lock:
            handle, self._handle = self._handle, None
            if handle is not None and self._generation == _runtime.running_generation():
                _runtime.call({"op": "workspaceClose", "workspace": handle})

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def match_glob(pattern: str, path: str) -> bool:
    """Whether the core's glob `pattern` matches the `/`-separated `path`
    (the globs of every host); raises `SpeclintError` on an invalid glob."""
    return bool(_runtime.call({"op": "matchGlob", "pattern": _text("`pattern`", pattern), "path": _text("`path`", path)}))


def _linter(types: Any, rules: Any, default_type: Optional[str]) -> Linter:
    """Linters of the module-level functions, kept by their options (so that a
    pre-commit hook validating many files parses its types once)."""
    key = json.dumps(_options(types, rules, default_type), sort_keys=True)
    linter = _linters.get(key)
    if linter is None:
        if len(_linters) >= 16:
            _linters.pop(next(iter(_linters))).close()
        linter = _linters[key] = Linter(types, rules, default_type)
    return linter


def validate(
    text: Document,
    types: Optional[Iterable[TypeInput]] = None,
    spec_type: Optional[str] = None,
    rules: Optional[Mapping[str, str]] = None,
    *,
    default_type: Optional[str] = None,
    path: Optional[str] = None,
) -> list[Diagnostic]:
    """Validates one document (text, or a file's bytes) and returns its diagnostics.

    `types`: custom spec types (YAML/JSON text, paths of type files, or dicts);
    `spec_type`: validate as this type whatever the document says;
    `rules`: levels by code or name (`{"FM006": "off"}`);
    `path`: set on the diagnostics.
    """
    types = list(types) if types else None
    return _linter(types, rules, default_type).validate(text, spec_type=spec_type, path=path)


def normalize(text: str, types: Optional[Iterable[TypeInput]] = None, **options: Any) -> NormalizeResult:
    """Normalizes one document (see `Linter.normalize` for the options)."""
    types = list(types) if types else None
    return _linter(types, None, None).normalize(text, **options)


def export(text: str, types: Optional[Iterable[TypeInput]] = None, spec_type: Optional[str] = None) -> dict[str, Any]:
    """Exports one document as data (see `Linter.export`)."""
    types = list(types) if types else None
    return _linter(types, None, None).export(text, spec_type=spec_type)


def derive(template: str, yaml: bool = False) -> Any:
    """Derives a spec type from a template document: a definition dict, or with
    `yaml=True` the YAML text `speclint init --from-template` writes."""
    return _runtime.call({"op": "deriveSpecType", "text": template, "yaml": yaml})


def parse_config(text: str, path: Optional[str] = None) -> dict[str, Any]:
    """Parses a `speclint.yaml` text: `rules`, `types`, `include`, `exclude`,
    `default_type`, `references`, `overrides`. `SpeclintError` on an invalid
    config (an unknown rule names the closest one); with the file's `path`,
    the message reads `config path:line:col: message`."""
    req: dict[str, Any] = {"op": "parseConfig", "text": text}
    if path is not None:
        req["path"] = _text("`path`", path)
    return _runtime.call(req)


def rules() -> list[dict[str, Any]]:
    """Every rule and built-in diagnostic: code, name, severity, fix, summary."""
    return _runtime.call({"op": "rules"})


def version() -> str:
    """The version of the speclint core in the packaged module."""
    return _runtime.call({"op": "version"})
