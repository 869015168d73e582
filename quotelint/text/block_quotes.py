"""Markdown ``>`` block quotes with no quotation marks of their own: each is one quotation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..cache import compile_regex
from .quote_model import Quote

if TYPE_CHECKING:
    from .document import Document

_BLOCK_LINE = compile_regex(r"^ {0,3}>[ \t]?([^\n]*)$", regex.M)
_CREDIT = compile_regex(r"\s*(?:—|―|–|--)\s*\S")


def block_quotes(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """Markdown ``>`` blocks with no quotation marks of their own: each is one quotation.

    Read from ``doc.text``, since the markers may be masked out of the prose. The quotation
    runs from the first character after ``>`` to the end of its last line; a last line that is a
    dash credit (``> — Abraham Lincoln``) is the speaker, not part of the quotation. A block that
    quotes with marks (``> “...,” she said.``) is left to those marks.
    """
    blocks: list[list[regex.Match]] = []
    for m in _BLOCK_LINE.finditer(doc.text):
        if doc.is_masked(m.start(1)):
            continue  # in code; the ">" marker itself is blanked out of the prose
        if blocks and doc.text.count("\n", blocks[-1][-1].end(), m.start()) == 1:
            blocks[-1].append(m)
        else:
            blocks.append([m])
    starts = [q.start for q in quotes if q.depth == 0]
    out = []
    for lines in blocks:
        lines = [m for m in lines if m.group(1).strip()]
        if len(lines) > 1 and _CREDIT.match(lines[-1].group(1)):
            lines = lines[:-1]
        if not lines:
            continue
        start, end = lines[0].start(1), lines[-1].end(1)
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        if end <= start or any(start <= s < end for s in starts):
            continue
        para = next((p.index for p in reversed(doc.paragraphs) if p.start <= start), 0)
        out.append(Quote(start, end, "", None, 0, para))
    return out
