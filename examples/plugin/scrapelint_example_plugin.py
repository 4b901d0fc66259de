"""An example scrapelint plugin: a rule that wants an author.

Install it next to scrapelint (`pip install ./examples/plugin`) and
`scrapelint rules` lists EX001; `scrapelint check --select EX001` runs it.
"""

from __future__ import annotations

from scrapelint import Field, Rule, RuleOptions, Severity, hookimpl


class MissingAuthor(Rule):
    """The front matter names no author.

    What it checks: a document whose `author` (or `authors`, `byline`) is
    absent or empty.

    Why it matters: an archive that must credit writers cannot do it, and a
    missing byline often means the scraper missed the article's header.

    Example:

        ---
        title: "Harbour ferry returns"
        ---

    Fix: add `author: "Maria Ortega"`, or list the authors.
    """

    code, name = "EX001", "missing-author"
    severity = Severity.NOTE
    default_enabled = False  # third-party rules can be opt-in

    class Options(RuleOptions):
        allow_empty_list: bool = Field(False, alias="allow-empty-list", description="Accept `author: []`.")

    def check(self, doc):
        if doc.meta_format is None or doc.unreadable:
            return
        value = doc.field("author")
        if value is None or value == "" or (value == [] and not self.options.allow_empty_list):
            yield self.finding(doc, doc.fm_end_line or 1, "no author in the front matter", column=1)


@hookimpl
def scrapelint_rules():
    return [MissingAuthor]
