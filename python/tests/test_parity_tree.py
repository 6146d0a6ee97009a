"""One tree, one answer: the Python host of the core's run policy (the one
behind the MkDocs plugin) prints what the native CLI prints on
`tests/parity/tree` (also compared with `npx speclint` in pkg/test/parity.test.js)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from speclint import _host

TREE = Path(__file__).resolve().parents[2] / "tests" / "parity" / "tree"


@pytest.mark.parametrize(
    "args, fmt, quiet",
    [
        ([], "json", False),
        ([], "pretty", False),
        ([], "pretty", True),
        ([], "sarif", False),
        (["specs", "legacy/billing.markdown"], "json", False),
    ],
)
def test_the_parity_tree_gives_the_native_output(
    speclint_bin: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], fmt: str, quiet: bool
) -> None:
    monkeypatch.chdir(TREE)
    cli = [str(speclint_bin), "check", "--format", fmt, "--color", "never", *(["-q"] if quiet else []), *args]
    native = subprocess.run(cli, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    output, code = _host.check(args, format=fmt, quiet=quiet)
    assert (output, code) == (native.stdout, native.returncode)
