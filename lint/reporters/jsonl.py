"""`--format jsonl`: every finding, one JSON object per line, nothing else
(no summary), for DuckDB (`read_json_auto`), pandas (`read_json(lines=True)`)
or jq.  The keys are those of a JSON report's finding (docs/output.md), with
`record` (the record's id), `field` (the key the finding is about, as
written, e.g. `metadata.url`; `body` for the text) and `line`."""

from __future__ import annotations

from scrapelint.reporters import Reporter
from scrapelint.reporters.json import encode, finding_to_dict
from scrapelint.stats import RULE_FIELDS


def document_text(result) -> str:
    """A document's findings as the report's lines."""
    lines = []
    for f in result.findings:
        data = finding_to_dict(f)
        if data["field"] is None and f.record is not None:  # a dataset-wide finding: its rule's field
            data["field"] = RULE_FIELDS.get(f.code) or RULE_FIELDS.get(f.family)
        lines.append(encode(data))
    return "\n".join(lines) + "\n"


class JsonlReporter(Reporter):
    document_text = staticmethod(document_text)

    def document(self, result) -> None:
        if result.tally:
            self.stream.write(self.text_of(result))
