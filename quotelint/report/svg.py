"""Small inline SVG bar charts for the HTML report: no script, no external file."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as shown beside the bar
    css: str = ""  # a class of the bar, for its colour


def bar_chart(title: str, bars: list[Bar], *, width: int = 460, row: int = 18,
              label_width: int = 190) -> str:
    """A horizontal bar chart, longest bar = the largest value; each bar's exact value in a
    ``<title>`` for hover."""
    top = max((b.value for b in bars), default=0) or 1
    span = width - label_width - 60
    height = row * len(bars) + 4
    out = [f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
           f'<svg role="img" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(title)}">']
    for i, b in enumerate(bars):
        y = i * row + 2
        length = round(span * b.value / top, 1)
        label = b.label if len(b.label) <= 24 else b.label[:23] + "…"
        out.append(
            f'<g><title>{escape(b.label)}: {escape(b.text)}</title>'
            f'<text x="{label_width - 6}" y="{y + row - 6}" text-anchor="end">'
            f'{escape(label)}</text>'
            f'<rect class="{escape(b.css)}" x="{label_width}" y="{y + 2}" width="{length}" '
            f'height="{row - 5}"/>'
            f'<text x="{label_width + length + 4}" y="{y + row - 6}">{escape(b.text)}</text></g>')
    out.append("</svg></figure>")
    return "".join(out)
