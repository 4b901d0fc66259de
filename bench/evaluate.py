#!/usr/bin/env python3
"""Precision and recall of scrapelint on a labelled corpus (../shared/corpus).

    python bench/evaluate.py [CORPUS] [--select DT] [--keep REPORT.sarif] [--folds 5]

Runs `scrapelint check CORPUS --format sarif` and then the shared scorer
(`../shared/eval/score.py CORPUS REPORT --line-base file --expand-ranges`),
and prints its table: the figures the quality issues speak of.

`--folds K` also splits the corpus by site (the registered host of each
document's `source`) into K folds that share no site, scores each fold on
its own and prints one row per fold with the mean and the worst fold.  A
threshold is judged by the folds whose sites it was not tuned on: a change
that only helps the fold you looked at is fitted to those pages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_SOURCE_RE = re.compile(r"^source:\s*['\"]?(\S+?)['\"]?\s*$", re.MULTILINE)


def site_of(md_path: Path) -> str:
    """The document's site: its source URL's host without `www.`, reduced to
    the last two labels (three when the second-level label is short, as in
    `bbc.co.uk`); the file name when there is no source."""
    head = md_path.read_text(encoding="utf-8", errors="replace")[:4000]
    m = _SOURCE_RE.search(head)
    if not m:
        return md_path.name
    host = re.sub(r"^[a-z]+://", "", m.group(1).lower()).split("/")[0].split(":")[0]
    labels = host.removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def fold_of(site: str, folds: int) -> int:
    return int(hashlib.sha256(site.encode()).hexdigest(), 16) % folds


def score(scorer: Path, corpus: Path, report: str, include_notes: bool, json_out: str | None = None,
          quiet: bool = False) -> int:
    cmd = [sys.executable, str(scorer), str(corpus), report, "--line-base", "file", "--expand-ranges"]
    if include_notes:
        cmd.append("--include-notes")
    if json_out:
        cmd += ["--json", json_out]
    return subprocess.run(cmd, stdout=subprocess.DEVNULL if quiet else None).returncode


def fold_table(scorer: Path, corpus: Path, report: str, folds: int, include_notes: bool, tmp: Path) -> None:
    labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    by_fold: dict[int, list[dict]] = {k: [] for k in range(folds)}
    sites: dict[int, set[str]] = {k: set() for k in range(folds)}
    for lab in labels:
        site = site_of(corpus / lab["file"])
        k = fold_of(site, folds)
        by_fold[k].append(lab)
        sites[k].add(site)
    rows = []
    for k in range(folds):
        sub = tmp / f"fold{k}"
        sub.mkdir()
        with open(sub / "labels.jsonl", "w", encoding="utf-8") as fh:
            for lab in by_fold[k]:
                fh.write(json.dumps(lab) + "\n")
                os.symlink(corpus / lab["file"], sub / lab["file"])
        out = tmp / f"fold{k}.json"
        score(scorer, sub, report, include_notes, str(out), quiet=True)
        rows.append((k, len(by_fold[k]), len(sites[k]), json.loads(out.read_text())))

    def cell(d: dict | None) -> str:
        if not d or (d.get("tp", 0) + d.get("fp", 0) + d.get("fn", 0)) == 0:
            return "    -     -     -"
        return f"{d['precision']:5.3f} {d['recall']:5.3f} {d['f1']:5.3f}"

    cols = ("date", "title", "boilerplate", "lines")
    print(f"\nsite-disjoint folds ({folds}): precision recall F1 per class")
    print(f"{'fold':>4} {'docs':>5} {'sites':>5}  " + "  ".join(f"{c:^17}" for c in cols))
    per_col: dict[str, list[dict]] = {c: [] for c in cols}
    for k, ndocs, nsites, res in rows:
        cells = []
        for c in cols:
            d = res["boilerplate_lines"] if c == "lines" else res["classes"].get(c)
            if d and (d.get("tp", 0) + d.get("fp", 0) + d.get("fn", 0)):
                per_col[c].append(d)
            cells.append(cell(d))
        print(f"{k:>4} {ndocs:>5} {nsites:>5}  " + "  ".join(cells))
    for label, pick in (("mean", lambda v: sum(v) / len(v)), ("worst", min)):
        cells = []
        for c in cols:
            ds = per_col[c]
            if not ds:
                cells.append(cell(None))
                continue
            agg = {m: pick([d[m] for d in ds]) for m in ("precision", "recall", "f1")}
            agg["tp"] = 1
            cells.append(cell(agg))
        print(f"{label:>16}  " + "  ".join(cells))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "corpus"))
    ap.add_argument("--select", help="rules to run (default: the default set)")
    ap.add_argument("--keep", help="also write the SARIF report here")
    ap.add_argument("--report", help="score this SARIF report instead of running scrapelint")
    ap.add_argument("--include-notes", action="store_true", help="count note-level findings too")
    ap.add_argument("--folds", type=int, default=0, help="also score K site-disjoint folds")
    a = ap.parse_args()
    scorer = SHARED / "eval" / "score.py"
    corpus = Path(a.corpus).resolve()
    if not scorer.is_file() or not corpus.is_dir():
        print(f"needs {scorer} and a corpus folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        report = a.report or a.keep or str(Path(tmp) / "report.sarif")
        if not a.report:
            cmd = [sys.executable, "-m", "scrapelint", "check", str(corpus), "--format", "sarif", "--output", report,
                   "--exit-zero"]
            if a.select:
                cmd += ["--select", a.select]
            subprocess.run(cmd, check=True)
        code = score(scorer, corpus, report, a.include_notes)
        if a.folds > 1:
            fold_table(scorer, corpus, report, a.folds, a.include_notes, Path(tmp))
        return code


if __name__ == "__main__":
    sys.exit(main())
