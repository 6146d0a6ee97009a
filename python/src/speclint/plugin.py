"""The MkDocs plugin `speclint`: fails docs builds on broken spec documents.

    plugins:
      - speclint:
          include: ["specs/**"]      # pages that are spec documents even without spec_type
          exclude: ["specs/archive/**"]
          types: [types/adr.yaml]     # custom spec types (relative to mkdocs.yml)
          config: speclint.yaml       # rule levels, types, include/exclude, default_type, references
          fail_on: error              # error | warning | never

Each page's raw source (front matter included: MkDocs strips it from the
Markdown it hands to plugins and silently ignores broken YAML) is validated by
the speclint core. Every problem is logged as `path:line:col code message`
(errors as ERROR, warnings as WARNING, infos as INFO), so `mkdocs build --strict`
fails and lists them all; with `fail_on: error` (the default) the build also
fails without `--strict` when a spec has errors (`warning`: errors or
warnings). `mkdocs serve` reports but never fails, so the preview keeps running.

Pages without `spec_type` are left alone unless `include` (of the plugin,
matched against the page's path in `docs_dir`, or of the config file, matched
against the path relative to the config file) names them; when an `include`
is set, only the pages it names are checked, as `speclint check` does.

The run policy is the core's (`speclint.Workspace`, the same code as
`speclint check` and `npx speclint`): the config's `include`, `exclude`,
levels and `overrides`, the globs, the cross-document checks and the
reference lists (found by the core's walk, which honours `.gitignore`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from . import Diagnostic, SpeclintError, Workspace, _host, match_glob, parse_config

log = get_plugin_logger("speclint")

class SpeclintConfig(Config):
    include = c.ListOfItems(c.Type(str), default=[])
    exclude = c.ListOfItems(c.Type(str), default=[])
    types = c.ListOfItems(c.File(exists=True), default=[])
    config = c.Optional(c.File(exists=True))
    fail_on = c.Choice(("error", "warning", "never"), default="error")


# More missing sections (`ST001`) than this in one page are logged as one
# line: a stub page misses them all, and sixteen lines say one thing. Other
# codes point at distinct places a writer fixes one by one: one line each.
GROUP = 3
GROUPED = {"ST001"}


def _plural(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"


def _matches(globs: list[str], path: str) -> bool:
    return any(match_glob(g, path) for g in globs)


class SpeclintPlugin(BasePlugin[SpeclintConfig]):
    def __init__(self) -> None:
        self.serving = False
        self._reset()

    def _reset(self) -> None:
        self.workspace: Optional[Workspace] = None
        self.early: set[str] = set()
        self.project_dir = Path.cwd()
        self.root = self.project_dir

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: Any) -> Any:
        if self.workspace is not None:
            self.workspace.close()
        self._reset()
        self.project_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        settings: dict[str, Any] = {}
        config_path = Path(self.config.config) if self.config.config else _host.discover(self.project_dir)
        text: Optional[str] = None
        if config_path is not None:
            # Found upward from mkdocs.yml (up to the file system root, as
            # `speclint check` searches from its working directory): say which.
            log.info(f"using config {config_path}")
            try:
                text = config_path.read_text(encoding="utf-8")
            except OSError as e:
                raise PluginError(f"speclint: cannot read config `{config_path}`: {e}") from None
            try:
                settings = parse_config(text, path=str(config_path))
            except SpeclintError as e:
                raise PluginError(f"speclint: {e}") from None
            self.root = config_path.resolve().parent
        type_paths: list[Path] = [self.root / t for t in settings.get("types", [])]
        type_paths += [Path(t) for t in self.config.types]
        types = []
        for t in type_paths:
            try:
                types.append((str(t), t.read_text(encoding="utf-8")))
            except OSError as e:
                raise PluginError(f"speclint: cannot read spec type `{t}`: {e.strerror}") from None
        try:
            for g in [*self.config.include, *self.config.exclude]:
                match_glob(g, "")
            self.workspace = Workspace(
                config=text, config_path=str(config_path) if config_path else None, types=types
            )
            # The config's template family (`templates:`): its types, read once.
            _host.read_templates(self.workspace, self.root, self.project_dir)
        except SpeclintError as e:
            raise PluginError(f"speclint: {e}") from None
        return config

    def _relative(self, abs_path: Optional[str], base: Path) -> Optional[str]:
        if abs_path is None:
            return None
        try:
            return _host.slash(os.path.relpath(abs_path, base))
        except ValueError:  # another drive on Windows
            return None

    def on_pre_page(self, page: Any, *, config: Any, files: Any) -> Any:
        # Before MkDocs reads the page (and strips its front matter): the raw
        # bytes, BOM included, as `speclint check` reads the file.
        ws = self.workspace
        assert ws is not None
        f = page.file
        in_docs = f.src_uri
        in_root = self._relative(f.abs_src_path, self.root) or in_docs
        if _matches(self.config.exclude, in_docs):
            return page
        plugin_included = _matches(self.config.include, in_docs)
        if self.config.include and not plugin_included:
            return page
        how = ws.select(in_root, False)
        if how is None:
            return page  # the config's `exclude`, or not in its `include`
        path = self._relative(f.abs_src_path, self.project_dir) or in_docs
        document, diagnostics = ws.add(path, in_root, f.content_bytes, False, plugin_included or how["included"])
        if document and any(d.code == "IO001" for d in diagnostics):
            # MkDocs cannot read the page and stops: report it now.
            self._report(diagnostics)
            self.early.add(path)
        return page

    def _report(self, diagnostics: list[Diagnostic]) -> None:
        # A stub page misses every section: more than GROUP of them in a
        # page are one line, not a screenful.
        groups: dict[tuple[str, str, str], list[Diagnostic]] = {}
        for d in diagnostics:
            groups.setdefault((d.path or "", d.code, d.severity), []).append(d)
        for d in diagnostics:
            same = groups[(d.path or "", d.code, d.severity)] if d.code in GROUPED else [d]
            if len(same) > GROUP and d is not same[0]:
                continue
            line = f"{d.path}:{d.line}:{d.column} {d.code} {d.message}"
            if len(same) > GROUP:
                more = same[1:]
                lines = ", ".join(str(x.line) for x in more[:8]) + (", ..." if len(more) > 8 else "")
                line += f" (and {len(more)} more `{d.code}` in this page, at lines {lines})"
            if d.severity == "error":
                log.error(line)
            elif d.severity == "warning":
                log.warning(line)
            else:
                log.info(line)

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        ws = self.workspace
        assert ws is not None
        refs = ws.reference_globs()
        initiatives: Optional[list[str]] = None
        specs: Optional[list[str]] = None
        if refs["initiatives"] is not None or refs["specs"] is not None:
            initiatives = [] if refs["initiatives"] is not None else None
            specs = [] if refs["specs"] is not None else None
            for found in _host.walk(ws, str(self.root), []):
                rel = _host.slash(os.path.relpath(found, self.root))
                is_initiative, is_spec = ws.reference_matches(rel)
                shown = self._relative(found, self.project_dir) or rel
                if is_initiative and initiatives is not None:
                    initiatives.append(shown)
                if is_spec and specs is not None:
                    specs.append(shown)
        r = ws.finish(initiatives=initiatives, specs=specs, format="json")
        errors = warnings = 0
        for f in r["files"]:
            diags = f["diagnostics"]
            if f["path"] not in self.early:
                self._report(diags)
            errors += sum(d.severity == "error" for d in diags)
            warnings += sum(d.severity == "warning" for d in diags)
        log.info(
            f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(len(r['files']), 'spec page')}"
        )
        fail_on = self.config.fail_on
        failing = errors > 0 if fail_on == "error" else errors + warnings > 0 if fail_on == "warning" else False
        if failing and not self.serving:
            counts = _plural(errors, "error")
            if fail_on == "warning":
                counts += f" and {_plural(warnings, 'warning')}"
            raise PluginError(f"speclint: {counts} in spec pages (fail_on: {fail_on})")
        return env

    def on_shutdown(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
