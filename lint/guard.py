"""The per-document guard: a rule that raises, or that runs past the time
budget, becomes an SL002 finding on that document, and the run goes on.

The budget is CPU time (ITIMER_PROF): a regex that backtracks without end
is stopped by SIGPROF, which CPython delivers between bytecodes and inside
the `re` engine alike; a loaded CI machine does not make a document time out.
It is armed only in the main thread of a process on a platform that has
`setitimer` (everywhere but Windows); elsewhere rule errors are still caught.

The CLI exits 2 when an SL002 finding was made (unless `--exit-zero`): the
report is complete, but a rule did not check one document.
"""

from __future__ import annotations

import signal
import threading
from typing import Iterator

from scrapelint.findings import Finding, Severity, clip
from scrapelint.rule import Rule

DEFAULT_TIME_BUDGET = 10.0  # CPU seconds per document


class BudgetExceeded(BaseException):
    """Raised by SIGPROF in the middle of a rule (a BaseException, so that a
    rule's own `except Exception` cannot swallow it)."""


class InternalError(Rule):
    """A rule failed on a document: it raised, or ran past the time budget.

    What it checks: nothing in the document itself.  It is how scrapelint
    reports that one of its rules (or a plugin's) raised an exception or
    used more than `time-budget` seconds of CPU on this document, so the
    rest of the run goes on and the report stays complete.

    Why it matters: the document was not fully checked.  The run exits 2
    (an internal error, not "findings") unless `--exit-zero` is given.

    Example:

        report.md:1:1: SL002 [internal-error] rule TI003 (title-site-suffix)
        ran past the time budget of 10 s on this document

    Fix: report it (with the document, if you can share it).  Raise
    `time-budget` for very large documents, or ignore the named rule for
    the file with `per-file-ignores` until it is fixed.
    """

    code, name = "SL002", "internal-error"
    severity = Severity.ERROR

    def check(self, doc) -> Iterator[Finding]:  # made by the engine, not by a check
        return iter(())


def failure_trace() -> str:
    """The last frames of the exception being handled, for an error line
    (traceback, 2.3 M instructions to import, only once a rule has failed)."""
    import traceback

    return traceback.format_exc(limit=-3)


def internal_error(doc, rule, why: str) -> Finding:
    """The SL002 finding for `rule` on `doc`."""
    finding = InternalError().finding(doc, 1, f"rule {rule.code} ({rule.name}) {clip(why, 300)}", column=1)
    if doc.is_record:
        finding.line = doc.record_line
    return finding


class Budget:
    """One per process: `start(seconds)` before a document's rules, `stop()` after."""

    def __init__(self) -> None:
        self.armed = False
        self.installed: bool | None = None  # None: not tried yet

    def _install(self) -> bool:
        if self.installed is None:
            self.installed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            if self.installed:
                signal.signal(signal.SIGPROF, self._expired)
        return self.installed

    def _expired(self, signum, frame) -> None:
        if self.armed:
            self.armed = False
            raise BudgetExceeded()

    def start(self, seconds: float) -> None:
        if seconds > 0 and threading.current_thread() is threading.main_thread() and self._install():
            self.armed = True
            signal.setitimer(signal.ITIMER_PROF, seconds)

    def stop(self) -> None:
        if self.armed or self.installed:
            self.armed = False
            signal.setitimer(signal.ITIMER_PROF, 0)


BUDGET = Budget()
