"""GitHub Actions workflow commands: `::error file=..,line=..,col=..,title=CODE::message`.

Severities map to `error`, `warning` and `notice`.  Values are escaped as
the runner expects (`%`, CR, LF everywhere; `:` and `,` in properties).
"""

from __future__ import annotations

from scrapelint.findings import Severity
from scrapelint.reporters import Reporter

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    uses_fingerprints = False
    def document(self, result) -> None:
        for f in result.findings:
            props = [f"file={_escape_property(f.path)}"]
            if f.line:
                props.append(f"line={f.line}")
                if f.end_line and f.end_line != f.line:
                    props.append(f"endLine={f.end_line}")
                if f.column:
                    props.append(f"col={f.column}")
            props.append(f"title={_escape_property(f'{f.code} {f.name}')}")
            record = f" (record {f.record})" if f.record is not None else ""
            self.stream.write(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape_data(f.message + record)}\n")
