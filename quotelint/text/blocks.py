"""An article's blocks as a reader sees them (paragraphs, headings, list items, table cells,
from Markdown's structure) and the lines they are read from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..cache import compile_regex

Span = tuple[int, int]

_LINE = compile_regex(r"[^\n]*\n?")


@dataclass(frozen=True, slots=True)
class Block:
    """A run of prose a reader sees as one unit: a paragraph, a heading, a list item's text,
    one table cell. ``quote_depth`` counts the ``>`` block quotes around it."""

    start: int
    end: int
    kind: str  # heading | paragraph | list-item | table-cell
    quote_depth: int = 0


@dataclass
class Structure:
    blocks: list[Block] = field(default_factory=list)
    syntax: list[Span] = field(default_factory=list)  # markers: blanked, never prose
    code: list[Span] = field(default_factory=list)  # code blocks and inline code


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the line break."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        end = m.end()
        while end > m.start() and text[end - 1] in "\r\n":
            end -= 1
        out.append((m.start(), end))
    return out
