"""The pre-commit hooks of `.pre-commit-hooks.yaml`, with the real `pre-commit`
from PyPI in a temporary git repository: the hook is built from this
repository at its current commit (`language: rust`), a commit with an invalid
spec is refused, a valid one passes, a README without `spec_type` is left
alone, and `speclint-fmt` rewrites what it fixes."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

pytestmark = pytest.mark.skipif(shutil.which("pre-commit") is None and shutil.which("git") is None, reason="needs git")


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=ENV)


ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    # Building the hook: a debug-like release build in its own cached target
    # folder (the hook's behaviour does not depend on optimisation).
    "CARGO_TARGET_DIR": str(REPO / "target" / "pre-commit"),
    "CARGO_PROFILE_RELEASE_LTO": "off",
    "CARGO_PROFILE_RELEASE_OPT_LEVEL": "0",
    "CARGO_PROFILE_RELEASE_CODEGEN_UNITS": "16",
    "NO_COLOR": "1",
}


def head() -> str:
    out = git(REPO, "rev-parse", "HEAD")
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_hooks_refuse_an_invalid_spec_and_pass_a_valid_one(tmp_path: Path) -> None:
    import sys

    pre_commit = [sys.executable, "-m", "pre_commit"]
    if subprocess.run([*pre_commit, "--version"], capture_output=True).returncode != 0:
        pytest.skip("pre-commit is not installed (scripts/test.sh installs it)")
    # The hooks file must be in the commit pre-commit clones.
    shown = git(REPO, "show", "HEAD:.pre-commit-hooks.yaml")
    assert shown.returncode == 0, "commit .pre-commit-hooks.yaml first"
    repo = tmp_path / "docs-repo"
    repo.mkdir()
    env = {**ENV, "PRE_COMMIT_HOME": str(REPO / "target" / "pre-commit-home")}
    assert git(repo, "init", "-q", "-b", "main").returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {head()}\n    hooks:\n      - id: speclint-check\n      - id: speclint-fmt\n",
        encoding="utf-8",
    )
    run = lambda *a: subprocess.run([*pre_commit, *a], cwd=repo, capture_output=True, text=True, env=env, timeout=1200)  # noqa: E731
    installed = run("install")
    assert installed.returncode == 0, installed.stderr

    def commit(message: str) -> subprocess.CompletedProcess:
        assert git(repo, "add", "-A").returncode == 0
        return subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, capture_output=True, text=True, env=env, timeout=1200)

    # A README without spec_type and a valid spec: the commit passes.
    (repo / "README.md").write_text("# Docs\n\nSee `specs/`.\n", encoding="utf-8")
    (repo / "specs").mkdir()
    shutil.copy(EXAMPLES / "valid" / "orders-db.md", repo / "specs" / "orders-db.md")
    ok = commit("a valid spec")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "speclint check" in ok.stdout + ok.stderr

    # An invalid status: refused, with the problem named.
    bad = (EXAMPLES / "valid" / "orders-db.md").read_text(encoding="utf-8").replace("status: approved", "status: in-review")
    (repo / "specs" / "orders-db.md").write_text(bad, encoding="utf-8")
    refused = commit("an invalid status")
    assert refused.returncode != 0, refused.stdout
    out = refused.stdout + refused.stderr
    assert "FM008" in out and "specs/orders-db.md:5:9" in out, out
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1, "nothing was committed"

    # speclint-fmt applies a safe fix (a near-miss heading), and pre-commit
    # refuses the commit so that the fixed file can be reviewed and added.
    fixable = (EXAMPLES / "valid" / "orders-db.md").read_text(encoding="utf-8").replace("## Scope\n", "## Scpoe\n")
    assert "## Scpoe\n" in fixable
    (repo / "specs" / "orders-db.md").write_text(fixable, encoding="utf-8")
    fixed = commit("a near-miss heading")
    assert fixed.returncode != 0
    assert "## Scope\n" in (repo / "specs" / "orders-db.md").read_text(encoding="utf-8")
    # The fix gave back the committed text: the working file equals HEAD's.
    assert git(repo, "diff", "--quiet", "HEAD", "--", "specs/orders-db.md").returncode == 0
