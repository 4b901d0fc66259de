"""The Scrapy item pipeline (`scrapelint.integrations.scrapy`): built by a
real crawler from its settings, fed real items, and run in a real crawl."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("scrapy")

from scrapy import Field, Item  # noqa: E402
from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from scrapelint.integrations.scrapy import ScrapelintPipeline  # noqa: E402


class Article(Item):
    url = Field()
    title = Field()
    article_text = Field()


# Invented pages, as a spider would scrape them
CLEAN = {"url": "https://news.example.org/2031/ferry-timetable", "title": "Night ferry to keep running",
         "text": "The harbour council voted on Tuesday to keep the night ferry running through the winter months."}
TRACKED = {"url": "https://news.example.org/library-room?utm_source=feed&utm_medium=rss",
           "text": "A new reading room opened at the town library this week, with long tables."}
HTML_TEXT = "The bakery on Mill Lane <div class=\"promo\">won a regional prize</div> for its rye loaf."


def pipeline_for(**settings):
    crawler = get_crawler(settings_dict={"SCRAPELINT_SELECT": "UR,TX", **settings})
    return ScrapelintPipeline.from_crawler(crawler), crawler.stats


def test_logs_findings_and_passes_items_on_by_default(caplog):
    pipeline, stats = pipeline_for()
    with caplog.at_level(logging.INFO, logger="scrapelint.integrations.scrapy"):
        assert pipeline.process_item(dict(CLEAN)) == CLEAN
        item = dict(TRACKED)
        assert pipeline.process_item(item) is item
    assert [(r.levelno, r.getMessage()[:44]) for r in caplog.records] == [
        (logging.WARNING, f"scrapelint UR002 {TRACKED['url']}"[:44])]
    assert "utm_source, utm_medium" in caplog.records[0].getMessage()
    assert stats.get_value("scrapelint/findings/UR002") == 1 and stats.get_value("scrapelint/failed") == 1
    assert stats.get_value("scrapelint/dropped") is None


def test_drops_failing_items_when_asked():
    pipeline, stats = pipeline_for(SCRAPELINT_DROP=True)
    with pytest.raises(DropItem, match="scrapelint: UR002"):
        pipeline.process_item(dict(TRACKED))
    clean = dict(CLEAN)
    assert pipeline.process_item(clean) is clean
    assert stats.get_value("scrapelint/dropped") == 1


def test_items_fields_are_mapped_from_the_settings():
    item = Article(url="https://news.example.org/bakery", title="Prize for a rye loaf", article_text=HTML_TEXT)
    unmapped, _ = pipeline_for(SCRAPELINT_DROP=True)
    assert unmapped.process_item(item) is item  # `article_text` is no known name for the body
    mapped, stats = pipeline_for(SCRAPELINT_DROP=True, SCRAPELINT_FIELDS={"body": "article_text"})
    with pytest.raises(DropItem, match="TX003"):
        mapped.process_item(item)
    assert stats.get_value("scrapelint/findings/TX003") == 1


def test_fail_on_and_configured_severities_choose_what_fails(caplog):
    pipeline, stats = pipeline_for(SCRAPELINT_DROP=True, SCRAPELINT_FAIL_ON="error",
                                   SCRAPELINT_CONFIG={"severity": {"TX003": "error"}})
    with caplog.at_level(logging.INFO, logger="scrapelint.integrations.scrapy"):
        assert pipeline.process_item(dict(TRACKED))["url"] == TRACKED["url"]  # a warning: logged, kept
    assert [r.levelno for r in caplog.records] == [logging.INFO]
    with pytest.raises(DropItem, match="TX003"):
        pipeline.process_item({"url": "https://news.example.org/bakery", "text": HTML_TEXT})


def test_a_bad_selection_stops_the_crawl_before_it_starts():
    with pytest.raises(Exception, match="NOPE"):
        pipeline_for(SCRAPELINT_SELECT=["NOPE999"])


SPIDER = """
import scrapy

class NewsSpider(scrapy.Spider):
    name = "news"

    async def start(self):
        for item in {items!r}:
            yield item
"""


def test_a_real_crawl_exports_only_the_items_that_pass(tmp_path):
    (tmp_path / "news_spider.py").write_text(textwrap.dedent(SPIDER.format(items=[CLEAN, TRACKED])))
    feed = tmp_path / "items.jsonl"
    settings = {"ITEM_PIPELINES": '{"scrapelint.integrations.scrapy.ScrapelintPipeline": 300}',
                "SCRAPELINT_SELECT": "UR,TX", "SCRAPELINT_DROP": "True", "TELNETCONSOLE_ENABLED": "False"}
    args = [arg for key, value in settings.items() for arg in ("-s", f"{key}={value}")]
    done = subprocess.run([sys.executable, "-m", "scrapy", "runspider", "news_spider.py", "-o", str(feed), *args],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["url"] for line in feed.read_text().splitlines()] == [CLEAN["url"]]
    assert "'scrapelint/dropped': 1" in done.stderr and "scrapelint: UR002" in done.stderr
