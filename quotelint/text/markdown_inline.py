"""Markdown inline syntax: code spans, and the markers that are blanked out of the prose
(emphasis, strike-through, link brackets and reference labels, footnote references and
backslash escapes). The words they wrap stay prose."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..cache import compile_re

if TYPE_CHECKING:
    from .blocks import Block, Span

_BACKTICKS = compile_re(r"`+")
_PARAGRAPH_BREAK = compile_re(r"\n(?=\n)")
# Inline syntax. Emphasis and strike-through markers are blanked (the words they wrap stay);
# an underscore inside a word (snake_case) is not emphasis, nor is an escaped marker (\*).
_EMPHASIS = compile_re(r"(?<!\\)(?:\*+|~~+)|(?<![\w\\])_+|(?<!\\)_+(?!\w)")
_ESCAPE = compile_re(r"\\(?=[!-/:-@\[-`{-~]|\r?\n)")
_LINK_TEXT = compile_re(r"(!?\[)((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\](?=\(|\[)")
_REF_LABEL = compile_re(r"\[([^\[\]\n]*)\]")
_FOOTNOTE_REF = compile_re(r"\[\^[^\]\s]+\]:?")
_REF_DEF = compile_re(r"^ {0,3}\[([^\]\n]+)\]:", re.M)
_SHORTCUT = compile_re(r"(?<![\]\\])\[([^\[\]\n]+)\](?![\[(:])")


def _inside(spans: list[Span]) -> Callable[[int], bool]:
    """A test: does an offset fall in one of the sorted, disjoint ``spans``?"""
    starts = [s for s, _ in spans]

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < spans[i][1]

    return inside


def inline_code(text: str, blocked: list[Span]) -> list[Span]:
    """Backtick code spans: a run of N backticks up to the next run of exactly N, within one
    paragraph, outside the ``blocked`` spans (code blocks, front matter)."""
    inside = _inside(blocked)
    spans = []
    runs = [m.span() for m in _BACKTICKS.finditer(text) if not inside(m.start())]
    # Where each length of run occurs, and where paragraphs break: finding an opener's closer
    # is then two binary searches, not a scan (a file of many unmatched runs is otherwise
    # quadratic).
    by_length: dict[int, list[int]] = {}
    for k, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(k)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] if runs else []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        j = bisect_right(same, i)
        b = bisect_left(breaks, end)
        limit = breaks[b] + 2 if b < len(breaks) else len(text) + 1  # spans stay in a paragraph
        if j < len(same) and runs[same[j]][0] < limit:
            spans.append((start, runs[same[j]][1]))
            i = same[j]
        i += 1
    return spans


def inline_syntax(text: str, blocks: list[Block], masked: list[Span]) -> list[Span]:
    """Emphasis markers, link brackets, reference labels, footnote references and backslash
    escapes within ``blocks`` (skipping ``masked`` spans such as code): syntax, not prose."""
    is_masked = _inside(masked)
    labels = {m.group(1).strip().lower() for m in _REF_DEF.finditer(text)}
    out: list[Span] = []
    for block in blocks:
        s, e = block.start, block.end
        for m in _LINK_TEXT.finditer(text, s, e):
            if is_masked(m.start()):
                continue
            out.append(m.span(1))
            out.append((m.end() - 1, m.end()))
            ref = _REF_LABEL.match(text, m.end(), e)
            if ref:
                out.append(ref.span())
        for m in _FOOTNOTE_REF.finditer(text, s, e):
            out.append(m.span())
        if labels:
            for m in _SHORTCUT.finditer(text, s, e):
                if m.group(1).strip().lower() in labels and not is_masked(m.start()):
                    out.append((m.start(), m.start() + 1))
                    out.append((m.end() - 1, m.end()))
        for pattern in (_EMPHASIS, _ESCAPE):
            out.extend(m.span() for m in pattern.finditer(text, s, e)
                       if not is_masked(m.start()))
    return out
