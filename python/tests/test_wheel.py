"""The wheel: pure Python, the module inside, usable from a fresh venv."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from conftest import EXAMPLES, PYTHON_DIR, WASM, make_site, mkdocs_build


def test_wheel_installs_into_a_fresh_venv_and_builds_a_site(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(PYTHON_DIR)],
        check=True,
        capture_output=True,
    )
    wheels = list(dist.glob("*.whl"))
    assert [w.name for w in wheels] == ["mkdocs_speclint-0.1.0-py3-none-any.whl"]
    with zipfile.ZipFile(wheels[0]) as z:
        names = set(z.namelist())
        assert z.read("speclint/speclint.wasm") == WASM.read_bytes()
        entry_points = z.read("mkdocs_speclint-0.1.0.dist-info/entry_points.txt").decode()
    assert {"speclint/__init__.py", "speclint/plugin.py", "speclint/_runtime.py", "speclint/_host.py"} <= names
    assert "[mkdocs.plugins]\nspeclint = speclint.plugin:SpeclintPlugin" in entry_points
    assert not any(n.startswith("tests/") for n in names)
    assert {"LICENSE-MIT", "LICENSE-APACHE"} <= {n.rsplit("/", 1)[-1] for n in names if ".dist-info/" in n}, names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = str(env_dir / ("Scripts" if os.name == "nt" else "bin") / "python")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheels[0])],
        check=True,
    )
    # Imported from the venv (not from python/src), with its own .wasm.
    where = subprocess.run(
        [python, "-c", "import speclint, sys; print(speclint.__file__); print(speclint.version())"],
        cwd=tmp_path, check=True, capture_output=True, text=True,
    ).stdout.split()
    assert where[0].startswith(str(env_dir)) and where[1] == "0.1.0"

    site = make_site(
        tmp_path / "site",
        {"index.md": "# Site\n", "specs/ok.md": EXAMPLES / "valid" / "orders-db.md"},
    )
    b = mkdocs_build(site, "--strict", python=python)
    assert b.returncode == 0 and "0 errors, 0 warnings in 1 spec page" in b.output, b
    (site / "docs" / "specs" / "bad.md").write_bytes((EXAMPLES / "invalid" / "orders-db-defects.md").read_bytes())
    b = mkdocs_build(site, python=python)
    assert b.returncode == 1, b
    assert "speclint: docs/specs/bad.md:5:9 FM008 `status` must be one of" in b.output, b
