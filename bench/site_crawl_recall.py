#!/usr/bin/env python3
"""What DS004's learned site furniture adds to the NV rules on a one-site crawl.

    python bench/site_crawl_recall.py

Builds the two invented crawls of `tests/site_crawl.py` and lints each
twice: the NV rules alone (`--select NV`: a lone page's evidence), then NV
with DS004 (`--select NV,DS004`), whose learned lines feed NV's evidence on
the multi-document run (NV008 reports them).  Prints, per crawl and run, the
furniture lines the NV rules report (recall against the crawl's truth), the
article lines they report (false alarms), and what DS004 reports itself
(only what NV leaves, when NV008 is selected).

- `gazette`: 24 pages, a shared header, footer and related-links boxes, all
  of which NV finds on a lone page;
- `courier`: 28 pages in English, German and French whose furniture is also
  written as prose (a note on the publication, a support appeal, an author's
  note, a disclaimer inside the article), which only the site gives away.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from site_crawl import build, build_prose  # noqa: E402

from scrapelint.cli import main as scrapelint_main  # noqa: E402

CRAWLS = {"gazette": build, "courier": build_prose}


def lines_by_code(report: dict) -> dict[str, dict[str, set[int]]]:
    """code -> file name -> the file lines its findings cover."""
    out: dict[str, dict[str, set[int]]] = {}
    for f in report["findings"]:
        name = Path(f["path"]).name
        covered = range(f["line"], (f.get("end_line") or f["line"]) + 1)
        out.setdefault(f["code"], {}).setdefault(name, set()).update(covered)
    return out


def run(folder: Path, select: str) -> dict:
    out = folder.parent / "report.json"
    scrapelint_main(["check", str(folder), "--select", select, "--format", "json", "--output", str(out),
                     "--exit-zero", "--jobs", "1"])
    return json.loads(out.read_text(encoding="utf-8"))


def score(truth: dict[str, dict[str, set[int]]], report: dict) -> dict[str, int]:
    """Furniture and article lines the NV rules report, and DS004's own."""
    by_code = lines_by_code(report)
    nv: dict[str, set[int]] = {}
    for code, files in by_code.items():
        if code.startswith("NV"):
            for name, lines in files.items():
                nv.setdefault(name, set()).update(lines)
    ds = by_code.get("DS004", {})
    return {"nv_found": sum(len(nv.get(n, set()) & t["furniture"]) for n, t in truth.items()),
            "nv_wrong": sum(len(nv.get(n, set()) & t["article"]) for n, t in truth.items()),
            "ds_found": sum(len(ds.get(n, set()) & t["furniture"]) for n, t in truth.items()),
            "ds_wrong": sum(len(ds.get(n, set()) & t["article"]) for n, t in truth.items())}


def measure(crawl: str, tmp: Path) -> dict[str, dict[str, int]]:
    """{"alone": score, "fed": score} of one crawl, plus its line counts."""
    folder = tmp / crawl
    truth = CRAWLS[crawl](folder)
    out = {"pages": {"pages": len(truth), "furniture": sum(len(t["furniture"]) for t in truth.values()),
                     "article": sum(len(t["article"]) for t in truth.values())}}
    for label, select in (("alone", "NV"), ("fed", "NV,DS004")):
        out[label] = score(truth, run(folder, select))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for crawl in CRAWLS:
            m = measure(crawl, Path(tmp))
            p = m["pages"]
            print(f"{crawl}: {p['pages']} pages, {p['furniture']} furniture lines, {p['article']} article lines")
            for label, select in (("alone", "NV"), ("fed", "NV,DS004")):
                s = m[label]
                print(f"  --select {select:9} NV: {s['nv_found']}/{p['furniture']} furniture lines "
                      f"(recall {s['nv_found'] / p['furniture']:.3f}), {s['nv_wrong']} article lines"
                      + (f"; DS004 itself: {s['ds_found']} furniture lines, {s['ds_wrong']} article lines"
                         if label == "fed" else ""))


if __name__ == "__main__":
    main()
