"""DS: dataset-wide checks, over every document of a run.

Off by default (select them with `--extend-select DS` or in the
configuration): they keep a small value per document until the run ends, so
memory grows with the dataset, and a folder of hand-clipped articles rarely
needs them."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapelint.findings import Finding, Severity
from scrapelint.lazymodel import Field
from scrapelint.plugin import hookimpl
from scrapelint.rule import DatasetRule, RuleOptions
from scrapelint.rules.furniture import SiteFurniture, SiteRecurringBlock
from scrapelint.rules.near_duplicates import NearDuplicateBody, body_digest, first_text_line, where
from scrapelint.analysis.tracking import is_tracking  # one list of tracking parameters for UR002 and DS002


def _report_repeats(rule, items, describe) -> Iterator[Finding]:
    first_seen: dict = {}
    repeats: dict = {}
    for value, ref in items:
        if value in first_seen:
            repeats.setdefault(value, []).append(ref)
        else:
            first_seen[value] = ref
    for value, refs in repeats.items():
        first = first_seen[value]
        for ref in refs:
            others = f" (and {len(refs) - 1} more)" if len(refs) > 1 else ""
            yield rule.dataset_finding(ref, f"{describe} as {where(first)}{others}")


class DuplicateBody(DatasetRule):
    """Two documents of the run have the same body.

    What it checks: documents whose bodies are the same text once whitespace
    and letter case are normalised (a 128-bit hash of the words), with at
    least `min-words` words.  Every copy after the first is reported, naming
    the first.

    Why it matters: duplicates skew corpus statistics, leak between training
    and test splits, and usually mean the scraper saved a redirect target, a
    paywall page or a syndicated copy under several URLs.

    Example: `shard-01.jsonl` record 17 and `shard-03.jsonl` record 9 hold
    the same 800-word story under two different URLs.

    Fix: keep one copy (the canonical URL's), or deduplicate the dataset
    before use.
    """

    code, name = "DS001", "duplicate-body"
    severity = Severity.WARNING
    default_enabled = False

    class Options(RuleOptions):
        min_words: int = Field(20, ge=1, alias="min-words", description="Shorter bodies are not compared.")

    def collect(self, doc):
        if len(doc.words) < self.options.min_words:
            return None
        return body_digest(doc), first_text_line(doc)

    def finish(self, items):
        return _report_repeats(self, items, "same body")


def normalise_url(url: str) -> str | None:
    """Scheme and host lower-cased, `www.` and the fragment dropped,
    tracking parameters removed, a trailing slash ignored."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    host = host[4:] if host.startswith("www.") else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)])
    return urlunsplit(("https", host, parts.path.rstrip("/") or "/", query, ""))


class DuplicateSource(DatasetRule):
    """Two documents of the run come from the same URL.

    What it checks: documents whose source URLs are the same once the scheme,
    `www.`, a trailing slash, the fragment and tracking parameters (`utm_*`,
    `fbclid`, ...) are set aside.  Every document after the first is reported
    at its source line, naming the first.

    Why it matters: the same page scraped twice is counted twice, and when
    the two copies differ one of them is stale (an older revision, a
    different extractor's output).

    Example: `https://example.org/a/` in one file and
    `http://www.example.org/a?utm_source=feed` in another.

    Fix: keep the newer or better copy and drop the other.
    """

    code, name = "DS002", "duplicate-source"
    severity = Severity.WARNING
    default_enabled = False

    def collect(self, doc):
        source = doc.field("source")
        if not isinstance(source, str):
            return None
        url = normalise_url(source)
        return None if url is None else (url, doc.key_line(doc.field_key("source")))

    def finish(self, items):
        return _report_repeats(self, items, "same source URL")


@hookimpl
def scrapelint_rules():
    # NV008 reports, with the NV family, what DS004 learned: it lives with it
    return [DuplicateBody, DuplicateSource, NearDuplicateBody, SiteFurniture, SiteRecurringBlock]
