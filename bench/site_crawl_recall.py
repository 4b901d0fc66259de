#!/usr/bin/env python3
"""What DS004's learned site furniture adds to the NV rules on a one-site crawl.

    python bench/site_crawl_recall.py

Builds the invented 24-page crawl of `tests/site_crawl.py` (a shared header,
a shared footer, two related-links boxes, an article of its own on each
page) and lints it twice: the NV rules alone, then NV with DS004, whose
learned lines feed NV's evidence (`Document.site_furniture`).  Prints, per
run, the furniture lines NV reports (recall against the crawl's truth), the
article lines it reports (false alarms), and the lines DS004 reports itself.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from site_crawl import build  # noqa: E402

from scrapelint.cli import main as scrapelint_main  # noqa: E402


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
                     "--exit-zero"])
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "crawl"
        truth = build(folder)
        furniture = sum(len(t["furniture"]) for t in truth.values())
        article = sum(len(t["article"]) for t in truth.values())
        print(f"{len(truth)} pages: {furniture} furniture lines, {article} article lines")
        for select in ("NV", "NV,DS004"):
            by_code = lines_by_code(run(folder, select))
            nv: dict[str, set[int]] = {}
            for code, files in by_code.items():
                if code.startswith("NV"):
                    for name, lines in files.items():
                        nv.setdefault(name, set()).update(lines)
            found = sum(len(nv.get(n, set()) & t["furniture"]) for n, t in truth.items())
            wrong = sum(len(nv.get(n, set()) & t["article"]) for n, t in truth.items())
            ds = by_code.get("DS004", {})
            ds_found = sum(len(ds.get(n, set()) & t["furniture"]) for n, t in truth.items())
            ds_wrong = sum(len(ds.get(n, set()) & t["article"]) for n, t in truth.items())
            print(f"--select {select:9} NV: {found}/{furniture} furniture lines (recall {found / furniture:.3f}), "
                  f"{wrong} article lines"
                  + (f"; DS004: {ds_found}/{furniture} furniture lines, {ds_wrong} article lines" if ds else ""))


if __name__ == "__main__":
    main()
