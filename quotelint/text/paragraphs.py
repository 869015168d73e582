"""Paragraphs: blank-line blocks, split further where a line break is plainly deliberate.

News copy arrives in two shapes: one paragraph per line with no blank lines (wire copy, the
seed 002) and hard-wrapped paragraphs separated by blank lines. A blank-line block with a line
longer than any editor wraps at is one paragraph per line. Otherwise a line break is a
paragraph break when the next line's first word would have fitted on the line (a wrapping
editor would have put it there). Lines are sentences (a CMS export, semantic line breaks) when a
quotation runs across a line break: a line leaves a quote open and a later line closes it with
no reopening mark (``marks.quote_runs_across``); then only a line that does not end like a
sentence (a headline, a crosshead) stands apart, and the rest of the block is one paragraph.
In Markdown the blocks come from ``quotelint.text.markdown``: a soft line break never ends a
paragraph (CommonMark), while headings, list items, block quotes and each table cell are
paragraphs of their own, with their markers blanked out of the prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..cache import compile_regex
from .blocks import line_spans
from .marks import quote_runs_across

if TYPE_CHECKING:
    from .blocks import Structure

WRAP_LIMIT = 100  # no editor hard-wraps prose wider than this

_SENTENCE_END = compile_regex(r"[.!?…:;,][\"'”’»)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph's span, trimmed of surrounding whitespace; ``index`` counts from 0.

    ``kind`` is ``paragraph`` in plain text; in Markdown also ``heading``, ``list-item`` or
    ``table-cell``. ``quote_depth`` counts the Markdown ``>`` block quotes around it.
    """

    start: int
    end: int
    index: int
    kind: str = "paragraph"
    quote_depth: int = 0


def _first_word_len(line: str) -> int:
    stripped = line.lstrip()
    return len(stripped.split(None, 1)[0]) if stripped else 0


def _breaks_after(block: list[str]) -> list[bool]:
    """For each line of a blank-line block but the last: does a paragraph end after it?"""
    widths = [len(line.rstrip()) for line in block]
    width = max(widths)
    if width > WRAP_LIMIT:
        return [True] * (len(block) - 1)  # not hard-wrapped: one paragraph per line
    return [widths[i] + 1 + _first_word_len(block[i + 1]) <= width
            for i in range(len(block) - 1)]


def split_paragraphs(prose: str, structure: Structure | None) -> list[Paragraph]:
    """The paragraphs of ``prose``: Markdown's blocks where there is a ``structure``."""
    paragraphs: list[Paragraph] = []
    if structure is not None:
        for b in structure.blocks:
            _emit(prose, b.start, b.end, paragraphs, b.kind, b.quote_depth)
        return paragraphs
    block: list[tuple[int, int]] = []

    def flush() -> None:
        if not block:
            return
        texts = [prose[s:e] for s, e in block]
        breaks = _breaks_after(texts)
        if any(breaks) and quote_runs_across(prose, block):
            # Lines are sentences (a CMS export, semantic line breaks): only a line that does
            # not end like a sentence (a headline, a crosshead) stands apart.
            ends = [_SENTENCE_END.search(t) is not None for t in texts]
            breaks = [b and not (ends[i] and ends[i + 1]) for i, b in enumerate(breaks)]
        start = block[0][0]
        for i, (_, end) in enumerate(block):
            if i == len(block) - 1 or breaks[i]:
                _emit(prose, start, end, paragraphs)
                if i + 1 < len(block):
                    start = block[i + 1][0]
        block.clear()

    for start, end in line_spans(prose):
        if prose[start:end].strip():
            block.append((start, end))
        else:
            flush()
    flush()
    return paragraphs


def _emit(prose: str, start: int, end: int, out: list[Paragraph], kind: str = "paragraph",
          quote_depth: int = 0) -> None:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Paragraph(start, end, len(out), kind, quote_depth))
