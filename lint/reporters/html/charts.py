"""Charts as inline SVG: no script, no remote font, styled by the page's CSS
classes.  Every label goes through `escape`, so a rule code or a site name
from a plugin cannot break out of the drawing."""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH = 560


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")  # a thin space groups digits in every locale


def bar_chart(rows: list[tuple[str, str, int]], title: str) -> Markup:
    """Horizontal bars: one (label, link target, value) per row, longest first."""
    if not rows:
        return Markup("")
    bar_h, gap, label_w, value_w, top = 16, 4, 64, 64, 8
    height = top + len(rows) * (bar_h + gap)
    most = max(v for _, _, v in rows) or 1
    scale = (WIDTH - label_w - value_w) / most
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, target, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(1.0, value * scale)
        parts.append(
            f'<a href="#{escape(target)}"><text class="label" x="{label_w - 6}" y="{y + bar_h - 4}" '
            f'text-anchor="end">{escape(label)}</text></a>'
            f'<rect class="bar" x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}"><title>{escape(label)}: '
            f'{_fmt(value)}</title></rect>'
            f'<text class="value" x="{label_w + w + 4:.1f}" y="{y + bar_h - 4}">{_fmt(value)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def histogram(labels: tuple[str, ...], counts: list[int], title: str, x_title: str) -> Markup:
    """Vertical bars, one per bin, the count above each non-empty bar."""
    if not any(counts):
        return Markup("")
    height, top, bottom, left = 200, 18, 44, 8
    plot_h = height - top - bottom
    slot = (WIDTH - 2 * left) / len(counts)
    most = max(counts)
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<line class="axis" x1="{left}" x2="{WIDTH - left}" y1="{top + plot_h}" y2="{top + plot_h}"/>']
    for i, (label, n) in enumerate(zip(labels, counts)):
        x = left + i * slot
        h = plot_h * n / most if most else 0
        if n:
            parts.append(f'<rect class="bar" x="{x + 2:.1f}" y="{top + plot_h - h:.1f}" width="{slot - 4:.1f}" '
                         f'height="{max(h, 1):.1f}"><title>{escape(label)}: {_fmt(n)}</title></rect>'
                         f'<text class="value" x="{x + slot / 2:.1f}" y="{top + plot_h - h - 4:.1f}" '
                         f'text-anchor="middle">{_fmt(n)}</text>')
        parts.append(f'<text class="tick" x="{x + slot / 2:.1f}" y="{top + plot_h + 14}" '
                     f'text-anchor="middle">{escape(label)}</text>')
    parts.append(f'<text class="axis-title" x="{WIDTH / 2}" y="{height - 6}" text-anchor="middle">'
                 f'{escape(x_title)}</text></svg>')
    return Markup("".join(parts))
