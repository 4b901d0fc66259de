"""`--format html`: one self-contained audit page of a folder or a crawl.

The page opens from disk with no network: CSS, SVG charts and a little
plain JavaScript (table sorting, the findings filter) are inline, and a
Content-Security-Policy forbids every remote load; the inline style and
script are allowed by their hashes only.  Scraped text is untrusted: Jinja2
escapes everything by default, and the few fragments built in Python
(charts, rule pages) escape their text themselves.

Size stays bounded however large the run: the run's statistics
(scrapelint.stats: per rule, the top domains), fixed histograms, and
`EXAMPLES_PER_RULE` examples per rule with a count of the rest.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from datetime import datetime, timezone

from scrapelint import __version__
from scrapelint.findings import Severity
from scrapelint.reporters import Reporter, Summary
from scrapelint.reporters.html.collect import ReportData, finding_span

EXAMPLES_PER_RULE = 5


def _asset(name: str) -> str:
    from importlib import resources  # here: every run loads this module, few write HTML

    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _rule_page(documentation: str):
    """A rule's docstring as HTML: CommonMark with raw HTML and images off,
    so a plugin's docstring cannot inject markup or load anything."""
    from markdown_it import MarkdownIt
    from markupsafe import Markup

    md = MarkdownIt("commonmark", {"html": False}).disable("image")
    return Markup(md.render(documentation))


class HtmlReporter(Reporter):
    context_lines = 2  # the engine attaches each finding's lines and two either side

    def start(self) -> None:
        self.data = ReportData(EXAMPLES_PER_RULE)

    def document(self, result) -> None:
        self.data.add(result)

    def finish(self, summary: Summary) -> None:
        page = self.render(summary)
        self.stream.write(page)
        if not self.context.quiet:
            size = len(page.encode("utf-8"))
            print(f"scrapelint: HTML report: {size / 1e6:.2f} MB ({size:,} bytes)", file=sys.stderr)

    # -- the page --------------------------------------------------------------

    def render(self, summary: Summary) -> str:
        import jinja2
        from markupsafe import Markup

        from scrapelint.reporters.html import charts

        css, js = _asset("report.css"), _asset("report.js")
        csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
               "img-src 'none'; base-uri 'none'; form-action 'none'")
        stats = summary.stats.to_dict()
        rules = self._rules(stats)
        data = self.data
        env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        template = env.from_string(_asset("report.html.j2"))
        return template.render(
            version=__version__,
            generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            csp=csp, css=Markup(css), js=Markup(js),
            summary=summary,
            affected_share=_share(summary.documents_with_findings, summary.documents),
            severities=[(str(s), summary.by_severity.get(s, 0)) for s in (Severity.ERROR, Severity.WARNING, Severity.NOTE)],
            rules=rules,
            sites=stats["domains"],
            sites_total=len(summary.stats.domain_documents),
            gate=summary.gate,
            examples=self._examples(rules), examples_per_rule=EXAMPLES_PER_RULE,
            charts={
                "rules": charts.bar_chart([(r["code"], "rule-" + r["code"], r["findings"]) for r in rules if r["findings"]],
                                          "Findings per rule"),
                "dates": charts.histogram(data.date_days.labels, data.date_days.counts,
                                          "Date disagreements in days", "days between the stated date and the evidence (log scale)"),
                "word_count": charts.histogram(data.word_count_error.labels, data.word_count_error.counts,
                                               "Word-count error", "stated − counted, in % of the counted words"),
                "boilerplate": charts.histogram(data.boilerplate.labels, data.boilerplate.counts,
                                                "Boilerplate share", "share of a document's body lines flagged as boilerplate"),
            },
            chart_counts={"dates": data.date_days.total, "word_count": data.word_count_error.total,
                          "boilerplate": data.boilerplate.total,
                          "no_boilerplate": data.documents_without_boilerplate},
        )

    def _rules(self, stats: dict) -> list[dict]:
        """Every enabled rule and every rule that reported, most findings first."""
        from scrapelint.rule import get_registry

        classes = {r.code: r for r in self.context.rules}
        registry = get_registry()
        for code in stats["rules"]:
            if code not in classes and registry.lookup(code) is not None:
                classes[code] = registry.lookup(code)
        rows = []
        for code in classes.keys() | stats["rules"].keys():
            cls, counts = classes.get(code), stats["rules"].get(code, {})
            rows.append({
                "code": code, "name": cls.name if cls else counts["name"], "summary": cls.summary() if cls else "",
                "severity": str(cls.severity) if cls else "", "findings": counts.get("findings", 0),
                "documents": counts.get("documents", 0), "share": counts.get("share", 0.0),
                # a rule no registry knows (its plugin gone) has no page
                "page": _rule_page(cls.documentation()) if cls else None,
            })
        rows.sort(key=lambda r: (-r["findings"], r["code"]))
        return rows

    def _examples(self, rules: list[dict]) -> list[dict]:
        groups = []
        for rule in rules:
            kept = self.data.examples_of(rule["code"])
            if not kept:
                continue
            items = []
            for f in kept:
                span = finding_span(f)
                lines = "" if not span else f"{span[0]}" if span[0] == span[1] else f"{span[0]}–{span[1]}"
                items.append({
                    "code": f.code, "severity": str(f.severity), "message": f.message, "path": f.path,
                    "record": f.record, "lines": lines, "body_lines": f.record is not None,
                    "context": _context_rows(f.extra.get("context")),
                })
            groups.append({"code": rule["code"], "name": rule["name"], "findings": items,
                           "rest": rule["findings"] - len(items), "total": rule["findings"]})
        return groups


def _context_rows(context: dict | None) -> list[dict]:
    """The lines around a finding, each marked flagged or not, with the gap
    left out of a long flagged block."""
    if not context:
        return []
    first, last = context["flagged"]
    skipped = context.get("skipped")
    rows = []
    for number, text in context["lines"]:
        rows.append({"number": number, "text": text, "flagged": first <= number <= last})
        if skipped and number == skipped[0]:
            rows.append({"number": None, "text": f"… {skipped[1]} more flagged lines …", "flagged": True})
    return rows
