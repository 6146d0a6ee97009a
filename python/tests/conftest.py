"""Shared helpers of the mkdocs-speclint tests.

The tests run against the package in `python/src` (installed editable by
`scripts/test.sh`, so that `mkdocs` finds the plugin's entry point) with the
module built by `scripts/build-python.sh`, and compare with the native CLI
(`$SPECLINT_BIN`, default: `cargo build` then `target/debug/speclint`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PYTHON_DIR = Path(__file__).resolve().parents[1]
REPO = PYTHON_DIR.parent
EXAMPLES = REPO / "examples"
WASM = PYTHON_DIR / "src" / "speclint" / "speclint.wasm"


def pytest_configure(config: pytest.Config) -> None:
    if not WASM.is_file():
        raise pytest.UsageError(f"{WASM} is missing: run `bash scripts/build-python.sh` first")
    import speclint

    src = PYTHON_DIR / "src" / "speclint"
    if Path(speclint.__file__).resolve().parent != src:
        raise pytest.UsageError(
            f"`speclint` is imported from {speclint.__file__}, not {src}: "
            "install it editable (`pip install --no-build-isolation -e python`)"
        )


@pytest.fixture(scope="session")
def speclint_bin() -> Path:
    """The native CLI, built if needed."""
    env = os.environ.get("SPECLINT_BIN")
    if env:
        return Path(env).resolve()
    subprocess.run(
        ["cargo", "build", "--locked", "--quiet", "--bin", "speclint"], cwd=REPO, check=True
    )
    return REPO / "target" / "debug" / "speclint"


class Build:
    """The result of a `mkdocs build`: exit code and combined output."""

    def __init__(self, proc: subprocess.CompletedProcess):
        self.returncode = proc.returncode
        self.output = proc.stdout + proc.stderr

    def lines(self, prefix: str = "") -> list[str]:
        return [l for l in self.output.splitlines() if prefix in l]

    def __repr__(self) -> str:
        return f"exit {self.returncode}\n{self.output}"


def make_site(root: Path, pages: dict[str, str | bytes | Path], plugin: str = "- speclint", extra: dict[str, str] | None = None) -> Path:
    """Writes a MkDocs site: `mkdocs.yml` with `plugins:` set to `plugin` (YAML
    lines), `docs/<name>` for each page (text, bytes, or an example file to copy),
    and `extra` files beside mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Fixture site\nplugins:\n" + textwrap.indent(textwrap.dedent(plugin).strip(), "  ") + "\n",
        encoding="utf-8",
    )
    for name, content in pages.items():
        p = root / "docs" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            content = content.read_bytes()
        if isinstance(content, str):
            content = content.encode("utf-8")
        p.write_bytes(content)
    for name, content in (extra or {}).items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content, encoding="utf-8")
    return root


def mkdocs_build(site: Path, *args: str, python: str | None = None) -> Build:
    """Runs `mkdocs build` in `site` (with this interpreter unless `python` is given)."""
    proc = subprocess.run(
        [python or sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site / "site"), *args],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=300,
    )
    return Build(proc)
