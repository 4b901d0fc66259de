"""A verdict on rates: `--max-share CODE_OR_PREFIX=PERCENT` and the
`[tool.scrapelint.gate]` table's `max-share`.

A cap covers the rules its selector names (a code `WC001`, a family or
prefix `NV`, a name, or `ALL`).  Its share is the share of checked documents
with at least one finding of those rules; the run fails (exit 1) when a share
is above its cap.

How caps combine with the rest (docs/decisions.md):
- With caps set, the caps are the verdict: findings are reported, and the
  run fails when a share is above its cap.  A rule under a cap never fails
  the run by itself.
- Findings of rules under no cap fail the run only when a fail-on level is
  given explicitly (`--fail-on`, or `fail-on` in the configuration); then as
  that level says.  `--max-share ALL=P` caps everything at once.
- Every severity counts toward a share (`--fail-on` is the per-finding rule
  that the caps replace).
- The baseline applies first: findings it knows are accepted, and count
  toward no share.
- A command-line cap replaces the configured cap of the same selector; the
  others stay.  `--exit-zero` still exits 0.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from scrapelint.stats import RunStats


class GateError(ValueError):
    """A cap that cannot be read; a usage error."""


class Cap(NamedTuple):
    selector: str
    codes: frozenset[str]
    percent: float


class CapResult(NamedTuple):
    selector: str
    percent: float  # the cap
    documents: int  # documents with a finding of the cap's rules
    share: float  # 0..1 of the checked documents

    @property
    def passed(self) -> bool:
        return self.share * 100 <= self.percent + 1e-9

    def to_dict(self) -> dict:
        return {"selector": self.selector, "cap": self.percent / 100, "documents": self.documents,
                "share": round(self.share, 6), "passed": self.passed}


_CAP = re.compile(r"^\s*([A-Za-z][\w-]*)\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$")


def parse_caps(command_line: list[str], configured: dict[str, float]) -> dict[str, float]:
    """Selector -> percent: the configured caps, with the command line's
    replacing those of the same selector."""
    caps = {}
    for selector, percent in configured.items():
        caps[selector] = _percent(selector, percent, "`gate.max-share`")
    for text in command_line:
        m = _CAP.match(text)
        if not m:
            raise GateError(f"--max-share {text!r}: expected CODE_OR_PREFIX=PERCENT, e.g. NV=5 or WC001=0.5")
        caps[m.group(1)] = _percent(m.group(1), float(m.group(2)), "--max-share")
    return caps


def _percent(selector: str, value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise GateError(f"{where} {selector}: the cap must be a percentage from 0 to 100, not {value!r}")
    return float(value)


class Gate:
    def __init__(self, caps: dict[str, float], registry) -> None:
        from scrapelint.rule import RegistryError

        self.caps: list[Cap] = []
        for selector, percent in caps.items():
            try:
                codes = frozenset(r.code for r in registry.resolve(selector))
            except RegistryError as exc:
                raise GateError(f"max-share {selector}: {exc}") from None
            self.caps.append(Cap(selector, codes, percent))
        self.covered = frozenset().union(*(c.codes for c in self.caps)) if self.caps else frozenset()
        self._affected = [0] * len(self.caps)
        self.explicit_fail_on = False  # set by the caller: --fail-on or `fail-on` was given

    def __bool__(self) -> bool:
        return bool(self.caps)

    def counts_for_fail_on(self, code: str) -> bool:
        """Whether a finding of `code` may fail the run by itself: always
        without caps; with caps, only when no cap covers it and a fail-on
        level was given explicitly."""
        if not self.caps:
            return True
        return self.explicit_fail_on and code not in self.covered

    def add(self, result) -> None:
        """Count a document's findings (a dataset-wide result counts each
        finding as one document)."""
        if not self.caps or not result.tally:
            return
        if result.documents:
            codes = {code for code, *_ in result.tally}
            for i, cap in enumerate(self.caps):
                if cap.codes & codes:
                    self._affected[i] += 1
        else:
            for code, *_ in result.tally:
                for i, cap in enumerate(self.caps):
                    if code in cap.codes:
                        self._affected[i] += 1

    def results(self, stats: RunStats) -> list[CapResult]:
        return [CapResult(cap.selector, cap.percent, n, stats.share(n)) for cap, n in zip(self.caps, self._affected)]
