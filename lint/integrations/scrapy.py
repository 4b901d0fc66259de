"""A Scrapy item pipeline: each item linted as it is scraped, its findings
logged, and the items that fail dropped if asked.

    pip install 'scrapelint[scrapy]'

    # settings.py
    ITEM_PIPELINES = {"scrapelint.integrations.scrapy.ScrapelintPipeline": 800}
    SCRAPELINT_SELECT = ["UR", "TX", "TI"]     # default: the configured rules
    SCRAPELINT_FIELDS = {"body": "article_text"}
    SCRAPELINT_DROP = True                      # default: log only

An item (a dict, a `scrapy.Item`, a dataclass: anything `itemadapter`
reads) is linted as a dataset record, so its findings are those of
`scrapelint check` on the feed Scrapy exports.  Each finding is logged (at
WARNING when it fails the item, INFO otherwise) and counted in the crawl
stats (`scrapelint/findings/UR002`, `scrapelint/failed`, `scrapelint/dropped`).

Settings: `SCRAPELINT_SELECT`, `SCRAPELINT_IGNORE` (lists or comma-separated),
`SCRAPELINT_CONFIG` (a configuration file or a mapping of `[tool.scrapelint]`
keys), `SCRAPELINT_FIELDS` (canonical field -> item key), `SCRAPELINT_FAIL_ON`
(`error`, `warning` or `note`; default: the configuration's `fail-on`),
`SCRAPELINT_DROP` (raise `DropItem` for an item that fails).

Only this module imports Scrapy; the core install never does.
"""

from __future__ import annotations

import logging
from typing import Any, Mapping, Sequence

try:
    from itemadapter import ItemAdapter
    from scrapy.crawler import Crawler
    from scrapy.exceptions import DropItem
    from scrapy.statscollectors import StatsCollector
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
    raise ModuleNotFoundError(f"the Scrapy pipeline needs Scrapy>=2.15 ({exc}): pip install 'scrapelint[scrapy]'") from exc

from scrapelint.api import ConfigLike, Linter, RuleError
from scrapelint.findings import Severity
from scrapelint.integrations.common import failing

logger = logging.getLogger(__name__)


class ScrapelintPipeline:
    """Lints each item with one `scrapelint.Linter`, built when the crawl starts.

    A rule that crashes on an item (a scrapelint bug) is logged and counted
    (`scrapelint/rule_errors`), and the item passed on: a linter bug must not
    lose scraped data.
    """

    def __init__(self, *, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
                 config: ConfigLike = None, fields: Mapping[str, str] | None = None,
                 fail_on: str | Severity | None = None, drop: bool = False,
                 stats: StatsCollector | None = None) -> None:
        self.linter = Linter(config=config, select=select, ignore=ignore)
        self.fields = dict(fields) if fields else None
        self.fail_on = Severity.parse(fail_on) if fail_on else self.linter.fail_on
        self.drop = drop
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScrapelintPipeline:
        settings = crawler.settings
        return cls(select=settings.getlist("SCRAPELINT_SELECT") or None,
                   ignore=settings.getlist("SCRAPELINT_IGNORE"),
                   config=settings.get("SCRAPELINT_CONFIG"),
                   fields=settings.getdict("SCRAPELINT_FIELDS"),
                   fail_on=settings.get("SCRAPELINT_FAIL_ON"),
                   drop=settings.getbool("SCRAPELINT_DROP"),
                   stats=crawler.stats)

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"scrapelint/{key}")

    def process_item(self, item: Any, spider: Any = None) -> Any:
        # `spider` is optional: Scrapy passes it only to methods that require it, and deprecates that
        record = ItemAdapter(item).asdict()
        label = record.get("url") or record.get("id") or "item"
        try:
            findings = self.linter.lint_record(record, fields=self.fields)
        except RuleError as error:
            logger.error("scrapelint: a rule crashed on %s, passed on unlinted: %s", label, error)
            self._count("rule_errors")
            return item
        failed = failing(findings, self.fail_on)
        for finding in findings:
            self._count(f"findings/{finding.code}")
            level = logging.WARNING if finding.severity >= self.fail_on else logging.INFO
            logger.log(level, "scrapelint %s %s (%s): %s", finding.code, label, finding.severity, finding.message)
        if not failed:
            return item
        self._count("failed")
        if self.drop:
            self._count("dropped")
            raise DropItem(f"scrapelint: {', '.join(sorted({f.code for f in failed}))}")
        return item
