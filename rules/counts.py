"""WC: counts in the metadata against the body."""

from __future__ import annotations

from typing import Iterator

from scrapelint.findings import Edit, Finding, Fix, Severity
from scrapelint.lazymodel import Field
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, RuleOptions


class WordCountMismatch(Rule):
    """The front-matter word_count disagrees with the body.

    What it checks: `word_count` (or `wordcount`, `words`) against the
    number of whitespace-separated tokens of the body.  A difference above
    `tolerance` (10 % of the body's count by default) is a finding; the
    message gives both numbers and the difference.

    Why it matters: a count that matches nothing in the body was taken from
    another version of the page (the whole page with its menus, an older
    revision, another extractor's output).  Length filters, reading-time
    estimates and dataset statistics built on it are wrong, and the mismatch
    is often the first sign the body is not what the metadata describes.

    Example:

        word_count: 1272    # the body has 1126 whitespace tokens

    Fix: `scrapelint check --fix` writes the body's count in place of the
    value; nothing else in the file changes.  If the body is the wrong text,
    re-extract it instead.
    """

    code, name = "WC001", "word-count-mismatch"
    severity = Severity.WARNING
    fixable = True

    class Options(RuleOptions):
        tolerance: float = Field(0.10, ge=0, description="Allowed difference, as a fraction of the body's count.")

    def check(self, doc) -> Iterator[Finding]:
        key = doc.field_key("word_count")
        if key is None:
            return
        stated = doc.meta[key]
        if not isinstance(stated, int) or isinstance(stated, bool) or stated < 0:
            return  # FM003 reports the type
        actual = doc.word_count
        diff = stated - actual
        if abs(diff) <= self.options.tolerance * actual or (actual == 0 and stated == 0):
            return
        rel = f"{abs(diff) / actual:.0%}" if actual else "all of it"
        more_less = "more" if diff > 0 else "fewer"
        message = (f"{key} {stated} but the body has {actual} words "
                   f"({abs(diff)} {more_less} stated than counted, {rel})")
        fix = None
        span = doc.value_span(key)
        if span is not None:
            fix = Fix(f"set {key} to {actual}", (Edit(span[0], span[1], str(actual)),))
        line, column, end_column = doc.key_span(key)
        error = round(100 * diff / actual, 1) if actual else None
        yield self.finding(doc, line, message, column=column,
                           end_line=line if end_column else None, end_column=end_column, fix=fix,
                           data={"stated": stated, "counted": actual, "error_percent": error})


@hookimpl
def scrapelint_rules():
    return [WordCountMismatch]
