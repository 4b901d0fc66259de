"""No text lifted from the shared corpus in the TX, DT, TI and UR rules and
their tests (issue 8): `../shared/eval/corpus_overlap.py` lists project
lines that share a run of six words with one corpus page.  The other
families' files join the list as they are cleaned."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

SCRIPT = SHARED / "eval" / "corpus_overlap.py"
CLEAN_FILES = ("rules/hygiene.py", "rules/dates.py", "lint/analysis/dates/", "rules/titles.py", "rules/urls.py",
               "lint/analysis/normalise.py", "lint/analysis/sitename.py", "lint/analysis/headline.py",
               "lint/analysis/prose.py", "lint/analysis/glued.py", "lint/analysis/htmltags.py",
               "tests/test_rules_hygiene.py", "tests/test_rules_dates.py", "tests/test_rules_titles.py",
               "tests/test_rules_urls.py", "tests/test_rule_examples.py")


@pytest.mark.skipif(not SCRIPT.is_file(), reason="../shared/eval/corpus_overlap.py is not present")
def test_no_corpus_text_in_the_text_date_title_and_url_rules():
    out = subprocess.run([sys.executable, str(SCRIPT), str(ROOT), "--max", "100000"], capture_output=True,
                         text=True, timeout=600).stdout
    lifted = [line for line in out.splitlines() if line.startswith(CLEAN_FILES)]
    assert lifted == []
