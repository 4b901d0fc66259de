"""`--format html`: contents, escaping, bounded size, and the numbers the
charts read from findings (`Finding.data`) and their context lines."""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import date

from conftest import FIXTURES, lint_text, run
from scrapelint.findings import Finding, Severity
from scrapelint.reporters.html.collect import Histogram, boilerplate_share, date_days_histogram

PLANTED = FIXTURES / "html-report"

ARTICLE = """---
title: "Bridge reopens after repairs"
source: https://www.example-post.test/city/2025/03/14/bridge-reopens
date: {date}
word_count: {count}
---

CITYVILLE, March 14 - The old stone bridge reopened on Friday after eight months of repairs.

Cars may cross again from Monday; buses follow in April.
"""


def report_of(capsys, *args: str) -> tuple[str, str]:
    code, out, err = run(capsys, "check", *args, "--format", "html", "--output", "report.html")
    assert code in (0, 1), err
    with open("report.html", encoding="utf-8") as f:
        return f.read(), err


def test_report_has_summary_tables_charts_and_rule_pages(folder, capsys):
    shutil.copytree(PLANTED, "planted")
    page, err = report_of(capsys, "planted")
    assert re.search(r"HTML report: [\d.]+ MB \([\d,]+ bytes\)", err)  # the size is reported
    assert 'id="rules-table"' in page and 'id="sites-table"' in page
    for chart in ("chart-rules", "chart-dates", "chart-word-count", "chart-boilerplate"):
        section = page.split(f'id="{chart}"', 1)[1].split("</figure>", 1)[0]
        assert "<svg" in section, chart
    assert 'href="#rule-DT001"' in page and 'id="rule-DT001"' in page  # the rules table links to the page included
    assert "lakeside-courier.example" in page and "news.riverbend-times.example" in page


def test_gate_caps_and_verdict_are_shown(folder, capsys):
    shutil.copytree(PLANTED, "planted")
    code, _, err = run(capsys, "check", "planted", "--format", "html", "--output", "report.html",
                       "--max-share", "NV=10", "--max-share", "DT=50")
    assert code == 1, err
    page = open("report.html", encoding="utf-8").read()
    gate = page.split('id="gate"', 1)[1].split("</table>", 1)[0]
    assert "failed" in gate and "1 of 2 caps exceeded" in gate
    rows = re.findall(r'<td class="code">(\w+)</td>.*?<span class="verdict (\w+)">', gate, flags=re.S)
    assert rows == [("NV", "fail"), ("DT", "pass")]


def test_scraped_text_is_escaped_and_nothing_loads(folder, capsys):
    shutil.copytree(PLANTED, "planted")
    page, _ = report_of(capsys, "planted")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=&#34;http://example.com/x.png&#34;&gt;" in page
    assert "<script>alert" not in page and "<img" not in page
    assert len(re.findall(r"<script\b", page)) == 1  # ours, at the end
    assert not re.search(r"<[a-zA-Z][^<>]*\s(?:src|srcset|poster|data|background)\s*=", page)  # nothing to fetch
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "img-src 'none'" in csp and "unsafe-inline" not in csp


def test_examples_per_rule_are_capped_with_a_count_of_the_rest(folder, capsys):
    for n in range(12):
        (folder / f"a{n:02}.md").write_text(ARTICLE.format(date="2025-03-14", count=400 + n))
    page, _ = report_of(capsys, ".")
    assert page.count('data-rule="WC001" data-severity') == 5
    assert "5 of 12 shown; 7 more not shown" in page


def test_findings_carry_the_numbers_the_charts_need():
    [dt] = [f for f in lint_text(ARTICLE.format(date="2019-06-28", count=24)) if f.code == "DT001"]
    assert dt.data == {"days": (date(2025, 3, 14) - date(2019, 6, 28)).days}
    [wc] = [f for f in lint_text(ARTICLE.format(date="2025-03-14", count=52)) if f.code == "WC001"]
    assert wc.data == {"stated": 52, "counted": 26, "error_percent": 100.0}


def test_context_of_a_dataset_record_is_its_body_lines(folder, capsys):
    promo = "Sign up for our <newsletter> and get the news in your inbox every morning."
    body = "\n".join(["The council met on Tuesday to discuss the budget for the coming year."] * 3 + [promo]
                     + ["The vote on the budget is expected next month, officials said."] * 3)
    record = {"id": "r1", "url": "https://example-post.test/2025/03/14/x", "date": "2025-03-14", "text": body}
    (folder / "d.jsonl").write_text(json.dumps(record) + "\n")
    page, _ = report_of(capsys, "d.jsonl")
    finding = page.split('data-rule="NV001"', 2)[2].split("</article>", 1)[0]
    assert "body line 4" in finding
    flagged = re.findall(r'<span class="row flag"><span class="ln">(\d+)</span>([^<]*)', finding)
    assert flagged == [("4", html.escape(promo, quote=False))]
    assert re.findall(r'<span class="ln">(\d+)</span>', finding) == ["2", "3", "4", "5", "6"]


def test_a_long_flagged_block_shows_its_ends():
    from scrapelint.document import Document
    from scrapelint.engine import CONTEXT_BLOCK_LINES, source_context

    doc = Document("a.md", text="\n".join(f"line {n}" for n in range(1, 61)) + "\n",
                   body="\n".join(f"line {n}" for n in range(1, 61)) + "\n")
    f = Finding("NV005", "after-article-end", Severity.WARNING, "m", "a.md", line=10, end_line=50)
    context = source_context(doc, f, 2)
    numbers = [n for n, _ in context["lines"]]
    assert numbers[:3] == [8, 9, 10] and numbers[-3:] == [50, 51, 52]
    assert len(numbers) == 4 + CONTEXT_BLOCK_LINES - 1
    assert context["skipped"] == (13, 50 - 2 - 14)


def test_histograms_and_boilerplate_share():
    h = date_days_histogram()
    for days in (0, 2, 3, 400, 100000):
        h.add(days)
    assert h.counts == [2, 1, 0, 0, 0, 1, 0, 1] and h.total == 5
    edges = Histogram((0, 10, float("inf")), ("low", "high"))
    edges.add(-5)  # below the first edge: counted in the first bin, never lost
    assert edges.counts == [1, 0]
    nv = [Finding("NV004", "navigation-run", Severity.WARNING, "m", "a.md", line=3, end_line=6),
          Finding("NV001", "boilerplate-phrase", Severity.WARNING, "m", "a.md", line=5),
          Finding("WC001", "word-count-mismatch", Severity.WARNING, "m", "a.md", line=2)]
    assert boilerplate_share(nv, 20) == 4 / 20
    assert boilerplate_share(nv[2:], 20) is None
