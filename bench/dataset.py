#!/usr/bin/env python3
"""Dataset scale: one large shard as JSONL, .jsonl.gz and Parquet, on 1 and 2 cores.

    python bench/dataset.py [--records 100000] [--jobs 2] [--cmd scrapelint]

Builds N records by replicating ../shared/corpus.jsonl (each with its own
id), writes them as one JSONL file, the same bytes gzipped, and one Parquet
file (needs pyarrow), then times `scrapelint check FILE --format json
--jobs 1` and `--jobs J` on each and prints records/s and the speed-up.
Last, the peak RSS of the JSONL run at N and 2N records (streaming keeps it
flat: the issue asks for at most x1.1).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_JSONL = ROOT.parent / "shared" / "corpus.jsonl"


def write_jsonl(path: Path, n: int) -> None:
    records = [json.loads(line) for line in CORPUS_JSONL.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            record = dict(records[i % len(records)])
            record["id"] = f"{record.get('id', 'rec')}-{i}"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_gzip(src: Path, dst: Path) -> None:
    with src.open("rb") as f, gzip.open(dst, "wb", compresslevel=6) as g:
        shutil.copyfileobj(f, g, 1 << 20)


def write_parquet(src: Path, dst: Path) -> bool:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        return False
    writer = None
    with src.open("rb") as f:
        while True:
            lines = [line for _, line in zip(range(10_000), f)]
            if not lines:
                break
            table = pa.Table.from_pylist([json.loads(line) for line in lines])
            if writer is None:
                writer = pq.ParquetWriter(dst, table.schema)
            writer.write_table(table.cast(writer.schema))
    if writer is not None:
        writer.close()
    return True


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, GNU time when present) of one run."""
    wrapper = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    t0 = time.perf_counter()
    proc = subprocess.run(wrapper + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    if wrapper:
        return wall, int(proc.stderr.strip().splitlines()[-1])
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2, help="the many-core run (default 2)")
    ap.add_argument("--cmd", default="scrapelint", help="the scrapelint executable")
    ap.add_argument("--work", default="/tmp/scrapelint-dataset")
    ap.add_argument("--skip-rss", action="store_true", help="skip the 2N-record memory run")
    a = ap.parse_args()
    if not CORPUS_JSONL.is_file():
        print(f"needs {CORPUS_JSONL}", file=sys.stderr)
        return 2
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    jsonl = work / f"shard{a.records}.jsonl"
    write_jsonl(jsonl, a.records)
    inputs = {"JSONL": jsonl}
    write_gzip(jsonl, work / f"shard{a.records}.jsonl.gz")
    inputs[".jsonl.gz"] = work / f"shard{a.records}.jsonl.gz"
    if write_parquet(jsonl, work / f"shard{a.records}.parquet"):
        inputs["Parquet"] = work / f"shard{a.records}.parquet"
    out = work / "out.json"

    print(f"{a.records} records ({jsonl.stat().st_size / a.records / 1024:.1f} KiB each as JSONL)")
    print(f"{'input':12} {'jobs':>4} {'seconds':>9} {'records/s':>10} {'speed-up':>9} {'peak RSS MiB':>13}")
    for name, path in inputs.items():
        base = None
        for jobs in (1, a.jobs):
            wall, rss = timed([a.cmd, "check", str(path), "--format", "json", "--output", str(out), "--jobs", str(jobs)])
            base = base or wall
            print(f"{name:12} {jobs:>4} {wall:9.2f} {a.records / wall:10.0f} {base / wall:8.2f}x {rss / 1024:13.0f}")

    if not a.skip_rss:
        double = work / f"shard{2 * a.records}.jsonl"
        write_jsonl(double, 2 * a.records)
        rss = [timed([a.cmd, "check", str(p), "--format", "json", "--output", str(out), "--jobs", "1"])[1]
               for p in (jsonl, double)]
        print(f"peak RSS, JSONL --jobs 1: {rss[0] / 1024:.0f} MiB for {a.records} records, "
              f"{rss[1] / 1024:.0f} MiB for {2 * a.records}: x{rss[1] / rss[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
