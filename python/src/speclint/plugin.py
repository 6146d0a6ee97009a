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
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from . import Diagnostic, Linter, SpeclintError, parse_config
from ._glob import GlobError, GlobSet

log = get_plugin_logger("speclint")

#: Config file names looked for, in order, in the directory of mkdocs.yml and upward (as the CLI does).
CONFIG_NAMES = ("speclint.yaml", ".speclint.yaml")


class SpeclintConfig(Config):
    include = c.ListOfItems(c.Type(str), default=[])
    exclude = c.ListOfItems(c.Type(str), default=[])
    types = c.ListOfItems(c.File(exists=True), default=[])
    config = c.Optional(c.File(exists=True))
    fail_on = c.Choice(("error", "warning", "never"), default="error")


class _Page:
    """A checked page: its reported path, text, and diagnostics."""

    def __init__(self, path: str, key: str, text: str, diagnostics: list[Diagnostic]):
        self.path = path
        self.key = key
        self.text = text
        self.diagnostics = diagnostics


def _slash(p: str) -> str:
    return p.replace(os.sep, "/")


def _plural(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"


def _discover(start: Path) -> Optional[Path]:
    for d in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
    return None


class SpeclintPlugin(BasePlugin[SpeclintConfig]):
    def __init__(self) -> None:
        self.serving = False
        self._reset()

    def _reset(self) -> None:
        self.linter: Optional[Linter] = None
        self.pages: list[_Page] = []
        self.project_dir = Path.cwd()
        self.root = self.project_dir
        self.references: dict[str, list[str]] = {}
        self.include = GlobSet([])
        self.exclude = GlobSet([])
        self.config_include = GlobSet([])
        self.config_exclude = GlobSet([])

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: Any) -> Any:
        if self.linter is not None:
            self.linter.close()
        self._reset()
        self.project_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        settings: dict[str, Any] = {}
        config_path = Path(self.config.config) if self.config.config else _discover(self.project_dir)
        try:
            if config_path is not None:
                try:
                    text = config_path.read_text(encoding="utf-8")
                except OSError as e:
                    raise PluginError(f"speclint: cannot read config `{config_path}`: {e}") from None
                try:
                    settings = parse_config(text)
                except SpeclintError as e:
                    raise PluginError(f"speclint: config `{config_path}`: {e}") from None
                self.root = config_path.resolve().parent
            types: list[Any] = [self.root / t for t in settings.get("types", [])]
            types += [Path(t) for t in self.config.types]
            self.include = GlobSet(self.config.include)
            self.exclude = GlobSet(self.config.exclude)
            self.config_include = GlobSet(settings.get("include", []))
            self.config_exclude = GlobSet(settings.get("exclude", []))
            self.references = settings.get("references") or {}
            try:
                self.linter = Linter(
                    types=types,
                    rules=settings.get("rules") or None,
                    default_type=settings.get("default_type"),
                )
            except OSError as e:
                raise PluginError(f"speclint: cannot read spec type `{e.filename}`: {e.strerror}") from None
            except SpeclintError as e:
                where = f"config `{config_path}`: " if config_path and not str(e).startswith("spec type") else ""
                raise PluginError(f"speclint: {where}{e}") from None
        except GlobError as e:
            raise PluginError(f"speclint: {e}") from None
        return config

    def _relative(self, abs_path: Optional[str], base: Path) -> Optional[str]:
        if abs_path is None:
            return None
        try:
            return _slash(os.path.relpath(abs_path, base))
        except ValueError:  # another drive on Windows
            return None

    def on_pre_page(self, page: Any, *, config: Any, files: Any) -> Any:
        # Before MkDocs reads the page (and strips its front matter): the raw
        # bytes, BOM included, as `speclint check` reads the file.
        assert self.linter is not None
        f = page.file
        in_docs = f.src_uri
        in_root = self._relative(f.abs_src_path, self.root)
        if self.exclude.matches(in_docs) or self.config_exclude.matches(in_root):
            return page
        has_include = bool(self.include) or bool(self.config_include)
        included = self.include.matches(in_docs) or self.config_include.matches(in_root)
        if has_include and not included:
            return page
        path = self._relative(f.abs_src_path, self.project_dir) or in_docs
        data = f.content_bytes
        result = self.linter.check(data, path=path)
        if not (included or result.declares_spec_type):
            return page  # not a spec document
        text = data.decode("utf-8", errors="replace")
        self.pages.append(_Page(path, in_root or in_docs, text, result.diagnostics))
        if any(d.code == "IO001" for d in result.diagnostics):
            # MkDocs cannot read the page and stops: report it now.
            self._report(self.pages[-1].diagnostics)
            self.pages[-1].diagnostics = []
        return page

    def _report(self, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            line = f"{d.path}:{d.line}:{d.column} {d.code} {d.message}"
            if d.severity == "error":
                log.error(line)
            elif d.severity == "warning":
                log.warning(line)
            else:
                log.info(line)

    def _known(self, globs: list[str]) -> list[str]:
        """Files under the config's directory that `globs` name (for reference checks)."""
        wanted = GlobSet(globs)
        found = []
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "node_modules")
            for name in sorted(filenames):
                rel = _slash(os.path.relpath(os.path.join(dirpath, name), self.root))
                if name.endswith((".md", ".markdown")) and wanted.matches(rel):
                    found.append(rel)
        return found

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        assert self.linter is not None
        initiatives = specs = None
        try:
            if self.references.get("initiatives"):
                initiatives = [Path(p).stem for p in self._known(self.references["initiatives"])]
            if self.references.get("specs"):
                specs = self._known(self.references["specs"])
        except GlobError as e:
            raise PluginError(f"speclint: {e}") from None
        extra = self.linter.cross_check(
            [(p.key, p.text, p.path) for p in self.pages], initiatives=initiatives, specs=specs
        )
        errors = warnings = 0
        for page, more in zip(self.pages, extra):
            diags = sorted(page.diagnostics + more, key=lambda d: (d.start, d.end))
            self._report(diags)
            errors += sum(d.severity == "error" for d in diags)
            warnings += sum(d.severity == "warning" for d in diags)
        log.info(
            f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(len(self.pages), 'spec page')}"
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
        if self.linter is not None:
            self.linter.close()
            self.linter = None
