"""An article's text as HTML: every character escaped, every finding a ``<mark>`` in place.

Findings may nest (a loaded verb inside an unattributed sentence) or cross each other; a mark
that a crossing one would cut is closed and opened again, so each finding has one or more
elements, all with the same ``data-finding``, the first with the finding's ``id``. A finding of
no width (a missing quotation mark) is an empty mark, drawn by the stylesheet. ``inserts`` are
elements the caller has made (anchors a link can point to), placed at their offsets.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Mark:
    """One highlight: ``key`` names it in the page (``f3-12``), ``title`` is its hover text."""

    start: int
    end: int
    key: str
    rule: str
    category: str
    severity: str
    title: str


def _open(m: Mark, *, first: bool) -> str:
    ident = f' id="{m.key}"' if first else ""
    return (f'<mark{ident} class="f c-{escape(m.category)} s-{escape(m.severity)}'
            f'{"" if m.end > m.start else " empty"}" data-finding="{m.key}" '
            f'data-rule="{escape(m.rule)}" title="{escape(m.title)}" tabindex="0">')


def highlight(text: str, marks: list[Mark], inserts: dict[int, list[str]] | None = None) -> str:
    """``text`` escaped, with ``marks`` (offsets into ``text``) and ``inserts`` (offset -> HTML
    elements) in place."""
    n = len(text)
    starts: dict[int, list[Mark]] = defaultdict(list)
    points = {0, n}
    for m in marks:
        start, end = min(max(m.start, 0), n), min(max(m.end, m.start, 0), n)
        m = Mark(start, end, m.key, m.rule, m.category, m.severity, m.title)
        starts[start].append(m)
        points.update((start, end))
    insert_at: dict[int, list[str]] = defaultdict(list)
    for offset, elements in (inserts or {}).items():
        insert_at[min(max(offset, 0), n)].extend(elements)
    points.update(insert_at)
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    for p in sorted(points):
        out.append(escape(text[pos:p], quote=False))
        pos = p
        ending = [i for i, m in enumerate(stack) if m.end == p]
        if ending:  # close down to the lowest mark that ends here; reopen the others
            reopen = [m for m in stack[ending[0]:] if m.end != p]
            out.append("</mark>" * (len(stack) - ending[0]))
            del stack[ending[0]:]
            for m in reopen:
                out.append(_open(m, first=False))
                stack.append(m)
        out.extend(insert_at.get(p, ()))
        for m in sorted(starts.get(p, ()), key=lambda m: -m.end):  # outer first
            if m.end == m.start:
                out.append(_open(m, first=True) + "</mark>")
            else:
                out.append(_open(m, first=True))
                stack.append(m)
    out.append("</mark>" * len(stack))
    return "".join(out)
