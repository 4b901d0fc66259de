"""Baselines: accept today's findings, fail only on new ones.

`scrapelint check data/ --write-baseline scrapelint-baseline.json` records
the fingerprint of every current finding; `--baseline FILE` then drops the
findings it knows.  Fingerprints do not depend on line numbers (see
`engine.annotate`), so edits elsewhere in a file keep its old findings
known, while a new defect, or the same defect on a changed line, is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

FORMAT = "scrapelint-baseline/1"


class BaselineError(Exception):
    pass


def load(path: str) -> frozenset[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"--baseline {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BaselineError(f"--baseline {path}: not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("fingerprints"), list):
        raise BaselineError(f"--baseline {path}: not a scrapelint baseline (expected format {FORMAT!r})")
    return frozenset(str(f) for f in data["fingerprints"])


def write(path: str, findings: list) -> None:
    counts = Counter(f.code for f in findings)
    data = {
        "format": FORMAT,
        "counts": dict(sorted(counts.items())),
        "fingerprints": sorted({f.extra["fingerprint"] for f in findings if f.extra.get("fingerprint")}),
    }
    Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
