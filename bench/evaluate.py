#!/usr/bin/env python3
"""Precision and recall of scrapelint on a labelled corpus (../shared/corpus).

    python bench/evaluate.py [CORPUS] [--select DT] [--keep REPORT.sarif]

Runs `scrapelint check CORPUS --format sarif` and then the shared scorer
(`../shared/eval/score.py CORPUS REPORT --line-base file`), and prints its
table: the figures the quality issues speak of.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "corpus"))
    ap.add_argument("--select", help="rules to run (default: the default set)")
    ap.add_argument("--keep", help="also write the SARIF report here")
    ap.add_argument("--include-notes", action="store_true", help="count note-level findings too")
    a = ap.parse_args()
    scorer = SHARED / "eval" / "score.py"
    if not scorer.is_file() or not Path(a.corpus).is_dir():
        print(f"needs {scorer} and a corpus folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        report = a.keep or str(Path(tmp) / "report.sarif")
        cmd = [sys.executable, "-m", "scrapelint", "check", a.corpus, "--format", "sarif", "--output", report, "--exit-zero"]
        if a.select:
            cmd += ["--select", a.select]
        subprocess.run(cmd, check=True)
        score = [sys.executable, str(scorer), a.corpus, report, "--line-base", "file"]
        if a.include_notes:
            score.append("--include-notes")
        return subprocess.run(score).returncode


if __name__ == "__main__":
    sys.exit(main())
