"""The pre-commit hook, through `pre-commit try-repo` on a throw-away repository.

Slow (pre-commit builds a virtualenv and installs this project into it), so
it is marked `slow`; `.ci/run` runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("git") is None or shutil.which("pre-commit") is None
                                 and not (ROOT / ".venv" / "bin" / "pre-commit").exists(),
                                 reason="needs git and pre-commit")]

CLEAN = "---\ntitle: Ferry returns\nword_count: 5\n---\n\nThe ferry is back today.\n"
DEFECTIVE = "---\ntitle: Ferry returns\nword_count: 50\n---\n\nThe ferry is back today.\n"


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t"})


def pre_commit() -> str:
    return shutil.which("pre-commit") or str(ROOT / ".venv" / "bin" / "pre-commit")


def test_hook_fails_on_defect_and_passes_on_clean(tmp_path):
    # try-repo needs a committed copy of this project; take the working tree as it is
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "*.egg-info", "__pycache__", "build",
                                                                  ".pytest_cache", ".hypothesis", "node_modules"))
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "snapshot")

    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q")
    (work / "clean.md").write_text(CLEAN)
    git(work, "add", "clean.md")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    ok = subprocess.run([pre_commit(), "try-repo", str(project), "scrapelint", "--all-files"], cwd=work,
                        capture_output=True, text=True, env=env, timeout=600)
    assert ok.returncode == 0, ok.stdout + ok.stderr

    (work / "bad.md").write_text(DEFECTIVE)
    git(work, "add", "bad.md")
    bad = subprocess.run([pre_commit(), "try-repo", str(project), "scrapelint", "--all-files"], cwd=work,
                         capture_output=True, text=True, env=env, timeout=600)
    assert bad.returncode == 1
    assert "bad.md:3:1: WC001" in bad.stdout
    assert "clean.md" not in bad.stdout.split("scrapelint (scraped articles)")[-1].split("Found")[0]
