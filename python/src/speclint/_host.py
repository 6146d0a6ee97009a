"""The Python host of the core's run policy: listing folders and reading
files, nothing else. Which entries a walk enters, which files are checked,
the checks, the output and the exit code are the core's (`Workspace`), as in
the native CLI (`src/cli/files.rs`) and `npx speclint` (`pkg/lib/files.js`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from . import SpeclintError, Workspace, parse_config

#: Config file names looked for, in order, in each folder upward (as the CLI does).
CONFIG_NAMES = ("speclint.yaml", ".speclint.yaml")
#: The largest config, spec type or ignore file read, in bytes.
MAX_SIDE_FILE = 1024 * 1024
#: The deepest folder nesting walked.
MAX_DEPTH = 256


def slash(p: str) -> str:
    return p.replace(os.sep, "/")


def discover(start: Path) -> Optional[Path]:
    """`speclint.yaml` or `.speclint.yaml` in `start` or above, or None."""
    for d in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
    return None


def kind(entry: os.DirEntry) -> str:
    if entry.is_symlink():
        return "symlink"
    if entry.is_dir(follow_symlinks=False):
        return "dir"
    if entry.is_file(follow_symlinks=False):
        return "file"
    return "other"


def ignore_texts(d: Path) -> list[str]:
    """The texts of `d`'s ignore files (regular, at most 1 MiB; others are not applied)."""
    out = []
    for name in (".gitignore", ".ignore"):
        p = d / name
        try:
            if p.is_file() and p.stat().st_size <= MAX_SIDE_FILE:
                out.append(p.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            pass
    return out


def _parent_dirs(abs_dir: Path) -> list[Path]:
    """The folders above `abs_dir` whose ignore files apply, up to the repository root, outermost first."""
    if (abs_dir / ".git").exists():
        return []
    chain = []
    for d in abs_dir.parents:
        chain.append(d)
        if (d / ".git").exists():
            return list(reversed(chain))
    return []


def walk(ws: Workspace, base: str, problems: list[tuple[str, str]]) -> list[str]:
    """The Markdown files below `base` (paths joined onto `base` as given) that the core keeps."""
    found: list[str] = []
    abs_base = Path(base).resolve()
    marks = [ws.enter(slash(str(d)), ignore_texts(d)) for d in _parent_dirs(abs_base)]

    def go(shown: str, abs_dir: Path, depth: int) -> None:
        if depth > MAX_DEPTH:
            problems.append((shown, f"`{shown}` is nested more than {MAX_DEPTH} directories deep; not walked further"))
            return
        try:
            entries = sorted(os.scandir(abs_dir), key=lambda e: os.fsencode(e.name))
        except OSError as e:
            problems.append((shown, f"cannot read the folder `{shown}`: {e.strerror}"))
            return
        d = slash(str(abs_dir))
        mark = ws.enter(d, ignore_texts(abs_dir))
        try:
            names = [e.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for e in entries]
            decisions = ws.visit(d, [(n, kind(e)) for n, e in zip(names, entries)])
            for e, name, what in zip(entries, names, decisions):
                child = name if shown == "." else f"{shown.rstrip('/')}/{name}"
                if what == "enter":
                    go(child, Path(e.path), depth + 1)
                elif what == "file":
                    found.append(child)
        finally:
            ws.leave(mark)

    try:
        go(base, abs_base, 0)
    finally:
        if marks:
            ws.leave(marks[0])
    return found


def read_templates(ws: Workspace, root: Path, shown_from: Path) -> None:
    """src/cli/settings.rs: the template files the config's `templates` globs
    match, read below the config's folder `root` and given to the core
    (`add_templates`) before anything is checked; shown relative to `shown_from`."""
    if ws.template_globs() is None:
        return
    found = []
    for f in walk(ws, str(root), []):
        rel = slash(os.path.relpath(f, root))
        if ws.template_matches(rel):
            try:
                text = Path(f).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise SpeclintError(f"template: cannot read `{f}`: {e}") from None
            found.append((slash(os.path.relpath(f, shown_from)), rel, text))
    ws.add_templates(sorted(found, key=lambda t: t[1]))


def _rel(path: str, root: Path) -> str:
    try:
        return slash(os.path.relpath(Path(path).resolve() if os.path.islink(path) else os.path.abspath(path), root))
    except ValueError:
        return slash(path)


def check(
    paths: Optional[list[str]] = None,
    config: Optional[str] = None,
    types: Optional[list[str]] = None,
    spec_type: Optional[str] = None,
    format: str = "pretty",
    quiet: bool = False,
) -> tuple[str, int]:
    """`speclint check` in Python: (the output, the exit code), as the native
    CLI prints them from the working directory. `config`: the config file's
    path (else found upward); `types`: extra spec type files."""
    cwd = Path.cwd()
    config_path = Path(config) if config is not None else discover(cwd)
    text: Optional[str] = None
    root = cwd
    settings: dict = {}
    if config_path is not None:
        text = config_path.read_text(encoding="utf-8")
        settings = parse_config(text)
        root = config_path.parent.resolve() if str(config_path.parent) else cwd
    type_files = [str(root / t) for t in settings.get("types", [])] + list(types or [])
    type_texts = [(t, Path(t).read_text(encoding="utf-8")) for t in type_files]
    with Workspace(config=text, config_path=str(config_path) if config_path else None, types=type_texts, spec_type=spec_type) as ws:
        read_templates(ws, root, cwd)
        problems: list[tuple[str, str]] = []
        targets: dict[str, tuple[str, str, dict]] = {}
        for arg in paths or ["."]:
            p = Path(arg)
            if p.is_file():
                how = ws.select(_rel(arg, root), True)
                if how is not None:
                    targets.setdefault(os.path.realpath(arg), (arg, _rel(arg, root), how))
                continue
            if p.exists() and not p.is_dir():
                problems.append((arg, f"`{arg}` is not a regular file; not reading it"))
                continue
            if not p.is_dir():
                raise ValueError(f"`{arg}`: no such file or directory")
            for found in walk(ws, arg, problems):
                shown = found[2:] if found.startswith("./") else found
                how = ws.select(_rel(shown, root), False)
                if how is not None:
                    key = os.path.realpath(shown)
                    if key in targets:
                        targets[key][2]["included"] |= how["included"]
                    else:
                        targets[key] = (shown, _rel(shown, root), how)
        for shown, message in problems:
            ws.unreadable(shown, message)
        for shown, rel, how in targets.values():
            try:
                with open(shown, "rb") as f:
                    data = f.read()
            except OSError as e:
                ws.unreadable(shown, f"cannot read `{shown}`: {e.strerror}", rel)
                continue
            ws.add(shown, rel, data, how["named"], how["included"])
        refs = ws.reference_globs()
        initiatives = specs = None
        if refs["initiatives"] is not None or refs["specs"] is not None:
            initiatives = [] if refs["initiatives"] is not None else None
            specs = [] if refs["specs"] is not None else None
            for f in walk(ws, str(root), []):
                rel = slash(os.path.relpath(f, root))
                is_initiative, is_spec = ws.reference_matches(rel)
                shown = slash(os.path.relpath(f, cwd))
                if is_initiative and initiatives is not None:
                    initiatives.append(shown)
                if is_spec and specs is not None:
                    specs.append(shown)
        r = ws.finish(initiatives=initiatives, specs=specs, format=format, quiet=quiet)
        return r["output"], r["exitCode"]
