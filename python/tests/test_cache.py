"""The compiled module is cached across processes (`_runtime._compile`): a
second process loads it instead of compiling, a damaged cache file is
compiled again and replaced, and `SPECLINT_CACHE_DIR=off` writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = "import speclint; print(len(speclint.validate('# T\\n')))"


def run(cache: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SPECLINT_CACHE_DIR": cache}
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=False)


def test_a_second_process_loads_the_cached_module(tmp_path: Path) -> None:
    first = run(str(tmp_path))
    assert first.returncode == 0, first.stderr
    files = list(tmp_path.glob("speclint-*.cwasm"))
    assert len(files) == 1, files
    assert oct(files[0].stat().st_mode & 0o777) == oct(0o600), "written through mkstemp: private"
    stamp = files[0].stat().st_mtime_ns
    second = run(str(tmp_path))
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    assert files[0].stat().st_mtime_ns == stamp, "loaded, not written again"
    assert not list(tmp_path.glob(".speclint-*")), "no temporary file left"


def test_a_damaged_cache_file_is_compiled_again_and_replaced(tmp_path: Path) -> None:
    assert run(str(tmp_path)).returncode == 0
    (cached,) = tmp_path.glob("speclint-*.cwasm")
    cached.write_bytes(b"not a module")
    again = run(str(tmp_path))
    assert again.returncode == 0, again.stderr
    assert cached.read_bytes() != b"not a module"


def test_off_writes_nothing(tmp_path: Path) -> None:
    env_home = tmp_path / "home"
    env_home.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env={**os.environ, "SPECLINT_CACHE_DIR": "off", "XDG_CACHE_HOME": str(env_home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not any(env_home.rglob("*"))
