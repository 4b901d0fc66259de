"""A datatrove pipeline step: each document linted, its findings written into
its metadata, and the documents that fail dropped (or only annotated).

    pip install 'scrapelint[datatrove]'

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from scrapelint.integrations.datatrove import ScrapelintFilter

    if __name__ == "__main__":  # worker processes import this file
        LocalPipelineExecutor(pipeline=[
            JsonlReader("crawl/"),
            ScrapelintFilter(select=["UR", "TX"], exclusion_writer=JsonlWriter("rejected/")),
            JsonlWriter("kept/"),
        ], tasks=4).run()

A document is linted as the record datatrove's JSONL writer makes of it
(`{"id", "text", "metadata": {...}}`), so its findings are those of
`scrapelint check` on the written file.  Each document gets them in
`metadata["scrapelint"]`: a list of `{"code", "name", "severity", "message",
"line"}`, empty when it is clean.  A document with a finding at or above
`fail_on` is dropped with its worst code as the reason (datatrove counts
`dropped_UR002`; the exclusion writer keeps it in `metadata["filter_reason"]`);
with `drop=False` every document is kept, annotated.

Only this module imports datatrove; the core install never does.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

try:
    from datatrove.data import Document
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.writers.disk_base import DiskWriter
    from datatrove.utils.logging import logger
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
    raise ModuleNotFoundError(f"the datatrove step needs datatrove>=0.4 ({exc}): pip install 'scrapelint[datatrove]'") from exc

from scrapelint.api import ConfigLike, Linter, RuleError
from scrapelint.findings import Finding, Severity
from scrapelint.integrations.common import as_metadata, failing


class ScrapelintFilter(BaseFilter):
    """Lints each document with one long-lived `scrapelint.Linter`.

    - `select`, `ignore`, `config`: as `scrapelint.Linter` (and the command line);
    - `fields`: canonical field -> key in the record above, e.g.
      `{"title": "metadata.headline"}`, on top of the configuration's `fields`;
    - `fail_on`: the lowest severity that fails a document (default: the
      configuration's `fail-on`, warning unless set);
    - `drop`: drop the documents that fail (default) or only annotate them;
    - `metadata_key`: where the findings go (None: nowhere).

    A rule that crashes on a document (a scrapelint bug) is logged and
    counted (`scrapelint_rule_error`), and the document kept: one bad rule
    must not stop a job over millions of documents.
    """

    name = "🧹 scrapelint"

    def __init__(self, *, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
                 config: ConfigLike = None, fields: Mapping[str, str] | None = None,
                 fail_on: str | Severity | None = None, drop: bool = True,
                 metadata_key: str | None = "scrapelint", exclusion_writer: DiskWriter | None = None) -> None:
        super().__init__(exclusion_writer)
        self.select, self.ignore, self.config = select, tuple(ignore), config
        self.fields = dict(fields) if fields else None
        self.drop, self.metadata_key = drop, metadata_key
        # built here so that a bad selection or configuration fails where the
        # pipeline is defined, not in a worker
        self._linter: Linter | None = Linter(config=config, select=select, ignore=self.ignore)
        self.fail_on = Severity.parse(fail_on) if fail_on is not None else self._linter.fail_on

    def __getstate__(self) -> dict[str, Any]:
        # The executor copies each step into its tasks (deepcopy, or pickling
        # for a process pool); each copy builds its own linter once.
        return {**self.__dict__, "_linter": None}

    @property
    def linter(self) -> Linter:
        if self._linter is None:
            self._linter = Linter(config=self.config, select=self.select, ignore=self.ignore)
        return self._linter

    def record(self, doc: Document) -> dict[str, Any]:
        """The document as datatrove's JSONL writer writes it, without the
        findings of an earlier run."""
        metadata = {k: v for k, v in doc.metadata.items() if k != self.metadata_key}
        return {"id": doc.id, "text": doc.text, "metadata": metadata}

    def lint(self, doc: Document) -> list[Finding] | None:
        """The document's findings, or None when a rule crashed on it."""
        try:
            return self.linter.lint_record(self.record(doc), fields=self.fields)
        except RuleError as error:
            logger.warning(f"scrapelint: a rule crashed on document {doc.id!r}, kept unlinted: {error}")
            self.stat_update("scrapelint_rule_error")
            return None

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        findings = self.lint(doc)
        if findings is None:
            return True
        if self.metadata_key:
            doc.metadata[self.metadata_key] = [as_metadata(f) for f in findings]
        for finding in findings:
            self.stat_update(f"finding_{finding.code}")
        failed = failing(findings, self.fail_on)
        if not failed:
            return True
        self.stat_update("scrapelint_failed")
        return (False, failed[0].code) if self.drop else True
