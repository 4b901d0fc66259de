#!/usr/bin/env python3
"""Do the dataset records give the findings their Markdown files give?

    python bench/dataset_parity.py [--corpus ../shared/corpus] [--jsonl ../shared/corpus.jsonl]

Checks the folder of Markdown articles and the same documents as JSONL
records, and compares, per document (file stem = record id), the set of rule
codes found.  Line numbers differ by design (a record has one line), and FM
findings about the front matter's form (FM001, FM004) cannot occur in a
record, so those are left out.  Prints the documents compared, how many
agree, and the first disagreements; exits 1 when any disagree.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORM_ONLY = {"FM001", "FM004"}


def codes_by_document(args: list[str], key) -> dict[str, set[str]]:
    out = subprocess.run([sys.executable, "-m", "scrapelint", "check", *args, "--format", "json", "--exit-zero"],
                         capture_output=True, text=True, check=True).stdout
    found: dict[str, set[str]] = defaultdict(set)
    for f in json.loads(out)["findings"]:
        if f["code"] not in FORM_ONLY:
            found[key(f)].add(f["code"])
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--jsonl", default=str(ROOT.parent / "shared" / "corpus.jsonl"))
    a = ap.parse_args()
    corpus, jsonl = Path(a.corpus), Path(a.jsonl)
    if not corpus.is_dir() or not jsonl.is_file():
        print(f"needs {corpus} and {jsonl}", file=sys.stderr)
        return 2
    ids = [json.loads(line)["id"] for line in jsonl.open(encoding="utf-8") if line.strip()]
    markdown = codes_by_document([str(corpus)], lambda f: Path(f["path"]).stem)
    records = codes_by_document([str(jsonl)], lambda f: f["record"])
    differ = [(i, sorted(markdown.get(i, set())), sorted(records.get(i, set())))
              for i in ids if markdown.get(i, set()) != records.get(i, set())]
    print(f"documents compared: {len(ids)}")
    print(f"same rule codes:    {len(ids) - len(differ)} ({(len(ids) - len(differ)) / max(len(ids), 1):.1%})")
    for doc, md, rec in differ[:20]:
        only_md, only_rec = sorted(set(md) - set(rec)), sorted(set(rec) - set(md))
        print(f"  {doc}: only in Markdown {only_md}, only in JSONL {only_rec}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
