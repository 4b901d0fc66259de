"""SL001, the rule that reports suppression comments that silence nothing.

The engine applies a document's suppression comments
(`scrapelint.ignore_comments`), then calls the post-check hook; this
plugin's implementation of it reports, when SL001 is selected, the comments
whose rule words matched no finding, like ruff's unused `noqa` (RUF100).
"""

from __future__ import annotations

from scrapelint.findings import Finding, Severity
from scrapelint.ignore_comments import Suppression
from scrapelint.plugin import hookimpl
from scrapelint.rule import Rule, get_registry


class UnusedSuppression(Rule):
    """A suppression comment silences nothing.

    What it checks: `<!-- scrapelint: ignore CODE -->` comments (and their
    `# scrapelint: ignore` form in front matter) that no finding of the named
    rules matched, or that name a rule that does not exist.

    Why it matters: stale suppressions hide the next real problem on that line
    and make readers think a defect is known and accepted.

    Example:

        The story begins here. <!-- scrapelint: ignore NV001 -->

    when no NV001 finding is on that line.

    Fix: delete the comment, or name the rule that fires there.
    """

    code, name = "SL001", "unused-suppression"
    severity = Severity.WARNING

    def check(self, doc):  # it reports from the post-check hook, after every other rule
        return ()

    def report(self, doc, suppressions: list[Suppression]) -> list[Finding]:
        registry = get_registry()
        out = []
        for sup in suppressions:
            if sup.codes is None:
                if not sup.used:
                    out.append(self.finding(doc, sup.line, "unused suppression: no finding to silence here"))
                continue
            for word in sorted(sup.codes):
                rule = registry.lookup(word)
                if rule is None:
                    out.append(self.finding(doc, sup.line, f"suppression names an unknown rule {word!r}"))
                elif word not in sup.used and rule.code in self.active_codes:
                    where = "in this file" if sup.target is None else f"on line {sup.target}"
                    out.append(self.finding(doc, sup.line, f"unused suppression: no {rule.code} finding {where}"))
        return out


@hookimpl
def scrapelint_post_check(doc, suppressions: list[Suppression], rules) -> list[Finding]:
    if not suppressions:
        return []
    rule = next((r for r in rules if isinstance(r, UnusedSuppression)), None)
    return rule.report(doc, suppressions) if rule is not None else []


@hookimpl
def scrapelint_rules():
    from scrapelint.guard import InternalError

    return [UnusedSuppression, InternalError]
