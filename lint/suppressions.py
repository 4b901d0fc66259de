"""Inline suppressions, and SL001, the rule that reports the unused ones.

In the body of a Markdown file:

    text <!-- scrapelint: ignore NV001 -->       this line
    <!-- scrapelint: ignore NV001, NV004 -->     alone on a line: the next non-blank line
    <!-- scrapelint: ignore -->                  every rule, on that line
    <!-- scrapelint: ignore-file DT001 -->       the whole file

In YAML or TOML front matter the same words follow a `#` comment:

    date: 2019-06-28  # scrapelint: ignore DT001

Rules are named by code or name.  A suppression that silences nothing is
itself reported (SL001), like ruff's unused `noqa` (RUF100).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scrapelint.findings import Finding, Severity
from scrapelint.plugin import hookimpl
from scrapelint.rule import Registry, Rule

_DIRECTIVE = re.compile(
    r"(?:<!--|#)\s*scrapelint:\s*(ignore-file|ignore)\b([^>\n]*?)\s*(?:-->|$)", re.IGNORECASE | re.MULTILINE
)


@dataclass
class Suppression:
    line: int  # where the comment is
    target: int | None  # the line it silences; None: the whole file
    codes: frozenset[str] | None  # None: every rule
    used: set[str] = field(default_factory=set)
    raw: str = ""


def parse(text: str) -> list[Suppression]:
    """Suppression comments of a document's text (file lines, 1-based)."""
    if "scrapelint:" not in text:
        return []
    lines = text.split("\n")
    found: list[Suppression] = []
    for m in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        words = [w for w in re.split(r"[\s,]+", m.group(2).strip()) if w]
        codes = frozenset(words) if words else None
        if m.group(1).lower() == "ignore-file":
            found.append(Suppression(line, None, codes, raw=m.group(0)))
            continue
        own = lines[line - 1]
        before = own[: own.find(m.group(0))] if m.group(0) in own else ""
        target = line
        if not before.strip() and own.strip() == m.group(0).strip():
            # alone on its line: it speaks of the next non-blank line
            target = next((n for n in range(line + 1, len(lines) + 1) if lines[n - 1].strip()), line)
        found.append(Suppression(line, target, codes, raw=m.group(0)))
    return found


def _matches(sup: Suppression, finding: Finding) -> str | None:
    if sup.codes is None:
        return "*"
    for word in sup.codes:
        if word.upper() == finding.code or word.lower() == finding.name:
            return word
    return None


def apply(findings: list[Finding], suppressions: list[Suppression]) -> None:
    """Mark suppressed findings and record which suppression words were used."""
    for finding in findings:
        for sup in suppressions:
            if sup.target is not None and sup.target != finding.line:
                continue
            word = _matches(sup, finding)
            if word is not None:
                finding.suppressed = True
                sup.used.add(word)


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

    def check(self, doc):  # the engine calls `report` after all other rules
        return ()

    def report(self, doc, suppressions: list[Suppression], registry: Registry, active: set[str]) -> list[Finding]:
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
                elif word not in sup.used and rule.code in active:
                    where = "in this file" if sup.target is None else f"on line {sup.target}"
                    out.append(self.finding(doc, sup.line, f"unused suppression: no {rule.code} finding {where}"))
        return out


@hookimpl
def scrapelint_rules():
    from scrapelint.guard import InternalError

    return [UnusedSuppression, InternalError]
