"""`path:line:col: CODE [name] message`, then a one-line summary.

Colour only when writing to a terminal and NO_COLOR is not set.  With
`--statistics`, a count per rule replaces the list (as in ruff), followed by
the per-domain table and, for datasets, the field coverage.

At dataset scale the list is capped: at most `--max-examples` findings per
rule on dataset records (20 by default), then one line per rule counting the
rest (`--format jsonl` has them all).  Markdown files are never capped.
With `--max-share` caps, each share is printed next to its cap.
"""

from __future__ import annotations

from collections import Counter

from scrapelint.findings import Severity
from scrapelint.reporters import Reporter, Summary, plural
from scrapelint.reporters.dataset_view import gate_lines, statistics_lines

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.NOTE: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
# C0 and C1 control characters and DEL, shown as escapes: a file name or a
# quoted title with a newline must not forge a finding line, and an ANSI
# escape from the input must not reach the terminal.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
_CONTROLS.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def printable(text: str) -> str:
    """`text` with every control character escaped (`\\n`, `\\x1b`)."""
    return text.translate(_CONTROLS) if not text.isprintable() else text


class TextReporter(Reporter):
    uses_fingerprints = False

    def start(self) -> None:
        self.shown: Counter = Counter()  # record findings printed, per rule
        self.hidden: Counter = Counter()  # and left out by --max-examples

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.context.color else text

    def document(self, result) -> None:
        if self.context.statistics or self.context.quiet and not result.findings:
            return
        write = self.stream.write
        if self.context.fix_mode == "diff":  # the diff is the report (ruff's --diff)
            if result.diff:
                write(result.diff)
            return
        cap = self.context.max_examples
        for f in result.findings:
            if f.record is not None and cap is not None:
                if self.shown[f.code] >= cap:
                    self.hidden[f.code] += 1
                    continue
                self.shown[f.code] += 1
            where = f"{printable(f.path)}:{f.line or 1}:{f.column or 1}:"
            record = f" (record {printable(f.record)})" if f.record is not None else ""
            mark = " [*]" if f.fix is not None else ""
            write(f"{self._c(_BOLD, where)} {self._c(_COLORS[f.severity], f.code)} "
                  f"{self._c(_DIM, '[' + f.name + ']')} {printable(f.message)}{record}{mark}\n")

    def finish(self, summary: Summary) -> None:
        write = self.stream.write
        if self.hidden:
            total = sum(self.hidden.values())
            write(f"... and {plural(total, 'more finding')} on dataset records not shown "
                  f"(at most {self.context.max_examples} per rule; --max-examples all shows them, "
                  f"--format jsonl writes them one per line):\n")
            for code, n in sorted(self.hidden.items(), key=lambda kv: (-kv[1], kv[0])):
                write(f"  {n:>7}  {code:<6} {summary.names.get(code, '')}\n")
        if self.context.statistics:
            for code, count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                mark = "[*]" if summary.fixable_by_rule.get(code) else "   "
                share = summary.documents_by_rule[code] / max(summary.documents, 1)
                write(f"{count:>6}  {code:<6} {mark} {summary.names[code]:<28} in {share:6.1%} of documents\n")
            for line in statistics_lines(summary.stats.to_dict()):
                write(line + "\n")
        for line in gate_lines(summary.gate):
            write(self._c(_BOLD, line) if line.startswith("Gate") else line)
            write("\n")
        if self.context.quiet and not summary.total:
            return
        docs = plural(summary.documents, "document")
        if summary.total:
            parts = [plural(summary.by_severity[s], str(s)) for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE)
                     if summary.by_severity[s]]
            line = (f"Found {plural(summary.total, 'finding')} ({', '.join(parts)}) in "
                    f"{summary.documents_with_findings} of {docs}.")
        elif not summary.documents:
            line = "No documents checked."
        else:
            line = f"All checks passed ({docs})."
        if summary.fixed:
            verb = "Would fix" if self.context.fix_mode == "diff" else "Fixed"
            line += f" {verb} {plural(summary.fixed, 'finding')}."
        if summary.baselined:
            line += f" {plural(summary.baselined, 'finding')} in the baseline not shown."
        if summary.fixable and self.context.fix_mode is None:
            line += f" [*] {summary.fixable} fixable with `--fix`."
        write(self._c(_BOLD, line) + "\n")
