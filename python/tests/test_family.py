"""Template families (issue "Template families") through the Python host:
the repository of tests/family/ (seven templates, only `templates:` in its
speclint.yaml) as a MkDocs site, and the Python API behind the plugin
printing what the native CLI prints."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import mkdocs_build
from speclint import SpeclintError, Workspace, _host

FAMILY = Path(__file__).resolve().parents[2] / "tests" / "family"


@pytest.mark.parametrize("args", [[], ["defects/payments-hosting.md"], ["docs"]])
def test_the_family_gives_the_native_output(speclint_bin: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.chdir(FAMILY)
    native = subprocess.run(
        [str(speclint_bin), "check", "--format", "json", *args], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}
    )
    output, code = _host.check(args, format="json")
    assert (output, code) == (native.stdout, native.returncode)
    if not args:
        found = json.loads(output)
        assert [d for d in found if d["severity"] == "error"] == []
        assert sum(d["code"] == "IO004" for d in found) == 7


def test_a_mkdocs_site_of_the_family_builds_with_only_templates_in_its_config(tmp_path: Path) -> None:
    # The repository's docs are the site's pages; the templates live beside them.
    site = tmp_path / "site"
    shutil.copytree(FAMILY / "docs", site / "docs")
    shutil.copytree(FAMILY / "templates", site / "templates")
    (site / "speclint.yaml").write_text('templates: ["templates/specs/*.md"]\n', encoding="utf-8")
    (site / "mkdocs.yml").write_text("site_name: Family\nplugins:\n  - speclint\n", encoding="utf-8")
    b = mkdocs_build(site)
    assert b.returncode == 0, b
    assert "0 errors" in b.output and "in 7 spec pages" in b.output, b
    # A defective document fails the build, naming the template's sections.
    shutil.copy(FAMILY / "defects" / "notifications-observability.md", site / "docs" / "notifications.md")
    b = mkdocs_build(site)
    assert b.returncode == 1, b
    assert "docs/notifications.md" in b.output and "ST001 required section `Runbooks` is missing" in b.output, b


def test_templates_in_the_api_and_a_glob_matching_nothing(tmp_path: Path) -> None:
    with Workspace(config='templates: ["t/*.md"]\n', config_path="speclint.yaml") as ws:
        assert ws.template_globs() == ["t/*.md"]
        assert ws.template_matches("t/a.md") and not ws.template_matches("docs/a.md")
        with pytest.raises(SpeclintError, match=r"`templates`: `t/\*\.md` matches no Markdown file"):
            ws.add_templates([])
    text = (FAMILY / "templates" / "specs" / "tech-stack.md").read_text(encoding="utf-8")
    with Workspace(config='templates: ["t/*.md"]\n') as ws:
        ws.add_templates([("t/tech-stack.md", "t/tech-stack.md", text)])
        output, code = ws.render_templates()
        assert code == 0 and output.startswith("tech-stack  Tech Stack Specification  t/tech-stack.md"), output
