#!/usr/bin/env python3
"""False alarms on published Markdown that no scraper touched.

    python bench/clean.py [FOLDER ...] [--show CODE] [--keep REPORT.json]

Runs `scrapelint check FOLDER --format json` (default: ../shared/clean/rust-blog)
and prints the share of documents that get any warning or error outside the FM
family (the figure issue 8 bounds at 10 %), then the documents each rule
fires on.  Every such finding is a false alarm unless a reader would agree the
post itself is wrong.  `--show CODE` prints that rule's findings.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "clean" / "rust-blog"
COUNTED = ("warning", "error")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--show", action="append", default=[], help="print this rule's findings (code)")
    ap.add_argument("--keep", help="also write the JSON report here")
    a = ap.parse_args()
    status = 0
    for folder in a.folders:
        if not Path(folder).is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            status = 2
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out = a.keep or str(Path(tmp) / "clean.json")
            subprocess.run([sys.executable, "-m", "scrapelint", "check", folder, "--format", "json",
                            "--output", out, "--exit-zero"], check=True, stdout=subprocess.DEVNULL)
            report = json.loads(Path(out).read_text(encoding="utf-8"))
        docs = report["summary"]["documents"]
        flagged: set[str] = set()
        by_rule: dict[str, set[str]] = defaultdict(set)
        counts: dict[str, int] = defaultdict(int)
        for f in report["findings"]:
            if f["severity"] not in COUNTED or f["code"].startswith("FM"):
                continue
            key = f"{f['path']}[{f['record']}]" if f.get("record") else f["path"]
            flagged.add(key)
            by_rule[f["code"]].add(key)
            counts[f["code"]] += 1
        share = len(flagged) / docs if docs else 0.0
        print(f"{folder}: {len(flagged)} of {docs} documents ({share:.1%}) get a warning or error outside FM")
        for code in sorted(by_rule, key=lambda c: -len(by_rule[c])):
            print(f"  {code}  {len(by_rule[code]):4d} documents  {counts[code]:5d} findings")
        for code in a.show:
            for f in report["findings"]:
                if f["code"] == code and f["severity"] in COUNTED:
                    print(f"{f['path']}:{f['line']}: {f['code']} {f['message']}")
    return status


if __name__ == "__main__":
    sys.exit(main())
