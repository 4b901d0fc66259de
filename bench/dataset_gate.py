#!/usr/bin/env python3
"""Issue 9's "Done when" list, measured: prints one line per check.

    python bench/dataset_gate.py [--shared ../shared]

1. the same invented records as .jsonl, .jsonl.gz, .jsonl.zst, Parquet (a
   timestamp date column) and JSONL on stdin: identical findings; and
   ../shared/corpus.jsonl against ../shared/corpus (bench/dataset_parity.py)
2. a folder of datasets only, a run over 0 documents, a body under an
   unknown key: the exit codes and what stderr names
3. a FineWeb-layout record and a plain crawler record with the same body:
   DT findings of each
4. a Hugo article with `date = 2025-05-20` in TOML: FM003 findings
5. ../shared/corpus.jsonl: --max-share NV=99 / NV=1 exit codes and the gate
   line, --statistics' domain table, --format jsonl's lines that parse
(6, the progress bar, is measured through a pseudo-terminal by
tests/test_progress.py.)
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BODY = ("LEEDS, Jan 2 (Wire) - The market hall reopened on Thursday after a two-year repair of its roof. "
        "Traders returned to their stalls before dawn.")
RECORDS = [
    {"id": "a", "url": "https://example.org/2025/03/14/ferry", "title": "Ferry returns", "date": "2025-03-14",
     "word_count": 60, "text": "The harbour ferry is back in service this morning."},
    {"id": "b", "url": "https://example.org/2025/01/02/market-hall", "title": "Market hall reopens",
     "date": "2019-06-28", "word_count": 21, "text": BODY},
    {"id": "c", "url": "https://example.org/2025/03/16/tram", "title": "Tram line extended", "date": "2025-03-16",
     "word_count": 17, "text": "The tram now reaches the airport.\n\nSign up for our newsletter to get the latest news."},
]


def scrapelint(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scrapelint", "check", *args], input=stdin, capture_output=True,
                          cwd=cwd)


def findings(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> list[tuple]:
    out = scrapelint(*args, "--format", "json", stdin=stdin, cwd=cwd).stdout
    return sorted((f["record"] or "", f["code"], f["message"]) for f in json.loads(out)["findings"])


def same_findings(work: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    import zstandard

    data = b"".join(json.dumps(r).encode() + b"\n" for r in RECORDS)
    (work / "d.jsonl").write_bytes(data)
    (work / "d.jsonl.gz").write_bytes(gzip.compress(data))
    (work / "d.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    rows = [{**r, "date": datetime.datetime.fromisoformat(r["date"])} for r in RECORDS]
    pq.write_table(pa.Table.from_pylist(rows), work / "d.parquet")
    base = findings("d.jsonl", cwd=work)
    forms = {"jsonl.gz": findings("d.jsonl.gz", cwd=work), "jsonl.zst": findings("d.jsonl.zst", cwd=work),
             "parquet (timestamp date)": findings("d.parquet", cwd=work),
             "stdin (--stdin-filename x.jsonl)": findings("-", "--stdin-filename", "x.jsonl", stdin=data, cwd=work)}
    for name, got in forms.items():
        print(f"1. {name:<34} {len(got)} findings, identical to .jsonl ({len(base)}): {got == base}")


def no_silent_pass(work: Path) -> None:
    (work / "ds").mkdir()
    (work / "ds" / "crawl.jsonl").write_text(json.dumps(RECORDS[0]) + "\n")
    r = scrapelint("ds", cwd=work)
    print(f"2. folder of datasets only: exit {r.returncode}; stderr: {r.stderr.decode().strip()[:160]}...")
    (work / "empty").mkdir()
    r = scrapelint("empty", cwd=work)
    print(f"2. 0 documents: exit {r.returncode}; stderr: {r.stderr.decode().strip()}")
    (work / "odd.jsonl").write_text(json.dumps({"id": "x", "url": "https://example.org/x", "page_text": BODY}) + "\n")
    r = scrapelint("odd.jsonl", cwd=work)
    print(f"2. body under `page_text`: exit {r.returncode}; stderr: {r.stderr.decode().strip()}")


def fineweb_dates(work: Path) -> None:
    fineweb = {"text": BODY, "id": "<urn:uuid:1>", "metadata": {"url": "https://example.org/2025/01/02/market-hall",
                                                                "date": "2024-12-11T04:12:55Z", "dump": "CC-MAIN-2024-51"}}
    crawler = {"text": BODY, "id": "p1", "url": "https://example.org/2025/01/02/market-hall", "date": "2019-06-28"}
    for name, record in (("FineWeb", fineweb), ("crawler", crawler)):
        (work / f"{name}.jsonl").write_text(json.dumps(record) + "\n")
        dt = [c for _, c, _ in findings(f"{name}.jsonl", cwd=work) if c.startswith("DT")]
        print(f"3. {name} record: DT findings {dt}")


def hugo(work: Path) -> None:
    (work / "hugo.md").write_text('+++\ntitle = "Ferry returns"\ndate = 2025-05-20\n+++\n\nThe ferry is back.\n')
    print(f"4. Hugo TOML date = 2025-05-20: FM003 findings {len([f for f in findings('hugo.md', cwd=work) if f[1] == 'FM003'])}")


def corpus(shared: Path) -> None:
    jsonl = shared / "corpus.jsonl"
    if not jsonl.is_file():
        print(f"5. skipped: {jsonl} is absent")
        return
    for cap in ("NV=99", "NV=1"):
        r = scrapelint(str(jsonl), "--max-share", cap)
        line = next((ln for ln in r.stdout.decode().splitlines() if ln.strip().startswith("NV ")), "")
        print(f"5. corpus.jsonl --max-share {cap}: exit {r.returncode}; {line.strip()}")
    stats = scrapelint(str(jsonl), "--statistics").stdout.decode()
    print(f"5. --statistics prints a per-domain table: {'Source domains' in stats}")
    lines = scrapelint(str(jsonl), "--format", "jsonl").stdout.decode().splitlines()
    valid = sum(1 for ln in lines if isinstance(json.loads(ln), dict))
    total = json.loads(scrapelint(str(jsonl), "--format", "json").stdout)["summary"]["findings"]
    print(f"5. --format jsonl: {valid} of {len(lines)} lines are JSON objects; the JSON report has {total} findings")
    parity = subprocess.run([sys.executable, str(ROOT / "bench" / "dataset_parity.py"), "--corpus",
                             str(shared / "corpus"), "--jsonl", str(jsonl)], capture_output=True, text=True)
    print("1. corpus.jsonl against corpus/: " + " / ".join(parity.stdout.splitlines()[:2]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        same_findings(work)
        no_silent_pass(work)
        fineweb_dates(work)
        hugo(work)
    corpus(Path(a.shared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
