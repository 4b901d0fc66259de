"""The README's pre-commit snippet, copied verbatim with its one named
substitution (`rev`), on a throw-away repository holding a README without
front matter and an articles folder with one defective article: the hook
fails on that article only.

The snippet's `repo` URL is pointed at a committed snapshot of this working
tree with git's `url.<base>.insteadOf` (GIT_CONFIG_* variables, which
pre-commit passes to git): the snippet itself is not edited.  Slow
(pre-commit builds a virtualenv), so marked `slow`; `.ci/run` runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from test_precommit import git, pre_commit

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("git") is None or shutil.which("pre-commit") is None
                                 and not (ROOT / ".venv" / "bin" / "pre-commit").exists(),
                                 reason="needs git and pre-commit")]

DEFECTIVE = "---\ntitle: Ferry returns\nword_count: 50\n---\n\nThe ferry is back today.\n"
CLEAN = "---\ntitle: Bridge opens\nword_count: 5\n---\n\nThe bridge opened on Saturday.\n"


def readme_snippet() -> str:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### Pre-commit", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_the_readme_snippet_fails_on_the_defective_article_only(tmp_path):
    snippet = readme_snippet()
    assert snippet.count("REV") == 1 and "files:" in snippet
    url = re.search(r"repo: (\S+)", snippet).group(1)

    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info", "__pycache__", "build",
                                                                  ".pytest_cache", ".hypothesis", "node_modules"))
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "snapshot")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=True).stdout.strip()

    work = tmp_path / "work"
    (work / "articles").mkdir(parents=True)
    (work / "README.md").write_text("# My clippings\n\nScraped articles live in `articles/`.\n")
    (work / "articles" / "ferry.md").write_text(DEFECTIVE)
    (work / "articles" / "bridge.md").write_text(CLEAN)
    (work / ".pre-commit-config.yaml").write_text(snippet.replace("REV", rev))
    git(work, "init", "-q")
    git(work, "add", "-A")

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_COUNT": "1",
           "GIT_CONFIG_KEY_0": f"url.{project}.insteadOf", "GIT_CONFIG_VALUE_0": url}
    env.pop("CI", None)
    result = subprocess.run([pre_commit(), "run", "--all-files"], cwd=work, capture_output=True, text=True,
                            env=env, timeout=900)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "articles/ferry.md:3:1: WC001" in out
    assert "README.md" not in out and "bridge.md" not in out and "FM001" not in out
