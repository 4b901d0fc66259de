"""Text tables of the dataset-level view (scrapelint.stats) and of the
gate's verdict, shared by the text reporter and any reporter that prints
plain lines."""

from __future__ import annotations

SHOWN_DOMAINS = 15


def statistics_lines(stats: dict) -> list[str]:
    """The per-domain table and, when records were read, the field coverage."""
    lines: list[str] = []
    domains = stats["domains"]
    if domains:
        lines += ["", "Source domains (documents, share with a finding, most frequent rules):"]
        width = max(len(d["domain"] or "(no URL)") for d in domains[:SHOWN_DOMAINS])
        for d in domains[:SHOWN_DOMAINS]:
            top = ", ".join(f"{r['code']} {r['documents']}" for r in d["top_rules"]) or "-"
            lines.append(f"  {d['domain'] or '(no URL)':<{width}}  {d['documents']:>7}  {d['affected_share']:6.1%}  {top}")
        if stats["domain_count"] > SHOWN_DOMAINS:
            rest = stats["documents"] - sum(d["documents"] for d in domains[:SHOWN_DOMAINS])
            lines.append(f"  ... and {stats['domain_count'] - SHOWN_DOMAINS} more domains ({rest} documents); "
                         f"--format json lists the {len(domains)} largest")
    if stats["fields"]:
        layouts = ", ".join(f"{name} {n}" for name, n in stats["layouts"].items())
        lines += ["", f"Fields of {stats['records']} records (layouts: {layouts}):",
                  f"  {'field':<12} {'key':<20} {'present':>8} {'null':>8} {'invalid':>8} {'absent':>8}"]
        for name, c in stats["fields"].items():
            lines.append(f"  {name:<12} {c['key'] or '-':<20} {c['present']:8.1%} {c['null']:8.1%} "
                         f"{c['invalid']:8.1%} {c['absent']:8.1%}")
    return lines


def gate_lines(results: list) -> list[str]:
    """One line per --max-share cap: the share next to its cap, and the verdict."""
    if not results:
        return []
    failed = [r for r in results if not r.passed]
    lines = ["", f"Gate: {'FAILED' if failed else 'passed'} "
                 f"({len(failed)} of {len(results)} caps exceeded; a share is of the documents checked)"]
    width = max(len(r.selector) for r in results)
    for r in results:
        verdict = "over the cap" if not r.passed else "ok"
        lines.append(f"  {r.selector:<{width}}  {r.share:7.2%} of documents ({r.documents})  cap {r.percent:g}%  {verdict}")
    return lines
