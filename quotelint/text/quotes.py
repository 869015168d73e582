"""Quotation marks paired per paragraph, as an editor reads them (the marks and the pairing
within a span are ``marks.py``'s).

Pairing is a stack per paragraph, so a stray mark costs at most its own paragraph, and an
editor's reading of what is left open:

- a fresh opener of the family of the innermost open quote, after a sentence end, takes that
  quote up: the AP running quote at a paragraph break, seen inside one line when a corpus or a
  CMS merged the paragraphs (``"A. "B," he said.``). The first quote ends at its sentence end
  and nothing is reported;
- the outermost quote still open at the end of a paragraph runs on (AP) when the next paragraph
  opens with a mark of its family; any other quote still open is *unclosed*;
- an unclosed opener has no span, so the quotes after it are read as if it were not there: a
  stray mark never hides another finding.

A paragraph that starts with a lower-case letter continues the one before (a wrap or a corpus
split mid-sentence), so they are paired together. Depth is read from the final spans: a quote
nested directly in one of its own family (``“a “b” c”``) is a *nesting* problem; which family
belongs outside (US double, UK single) depends on the house style and is the check's business.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from ..cache import compile_regex
from .marks import (
    FAMILY,
    STRAIGHT,
    MarkProblem,
    Open,
    Quote,
    QuoteAnalysis,
    lead_end,
    opens_with_mark,
    pair,
    unclosed,
)

if TYPE_CHECKING:
    from .paragraphs import Paragraph

_BLOCK_LINE = compile_regex(r"^ {0,3}>[ \t]?([^\n]*)$", regex.M)
_CREDIT = compile_regex(r"\s*(?:—|―|–|--)\s*\S")


def _groups(prose: str, paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Paragraphs paired together: one that starts in lower case continues the one before."""
    groups: list[list[Paragraph]] = []
    for para in paragraphs:
        if groups and prose[para.start].islower():
            groups[-1].append(para)
        else:
            groups.append([para])
    return groups


def _depths(spans: list[tuple[int, int, Open]]) -> list[int]:
    """Depth of each span (sorted by start, longest first) in the forest containment makes."""
    depths: list[int] = []
    ends: list[int] = []
    for _, end, _ in spans:
        while ends and ends[-1] < end:
            ends.pop()
        depths.append(len(ends))
        ends.append(end)
    return depths


def analyze_quotes(text: str, prose: str, paragraphs: list[Paragraph], *, markdown: bool,
                   is_masked: Callable[[int], bool]) -> QuoteAnalysis:
    """The quotations and mark problems of an article: ``text`` as written, ``prose`` with its
    markup blanked, its ``paragraphs``; ``is_masked(offset)`` tells code and markup apart."""
    out = QuoteAnalysis()
    groups = _groups(prose, paragraphs)
    continued_next = False
    broken: str | None = None  # the family of a quote the group before left unclosed
    for k, group in enumerate(groups):
        first, last = group[0], group[-1]
        before = len(out.problems)
        openers, left = pair(prose, first.start, last.end, out)
        if continued_next and openers and openers[0].offset == lead_end(prose, first.start,
                                                                         first.end):
            openers[0].continued = True
        nxt = groups[k + 1][0] if k + 1 < len(groups) else None
        next_opens = opens_with_mark(prose, nxt.start, nxt.end) if nxt else None
        continued_next = False
        for n, opener in enumerate(left):
            if n == 0 and next_opens is not None and FAMILY[next_opens] == opener.family:
                opener.runs_to = last.end  # AP: the next paragraph takes the quote up
                continued_next = True
            else:
                unclosed(opener, out)
        broken = _one_per_quotation(out.problems, before, broken)
        spans = sorted(((o.offset, o.end, o) for o in openers if o.end is not None),
                       key=lambda s: (s[0], -s[1]))
        for (start, end, o), depth in zip(spans, _depths(spans), strict=True):
            para = next(p for p in reversed(group) if p.start <= start)
            out.quotes.append(Quote(start, end, o.mark, o.close_mark, depth, para.index,
                                    continues=o.close is None, continued=o.continued))
    if markdown:
        out.quotes.extend(_block_quotes(text, paragraphs, is_masked, out.quotes))
    out.quotes.sort(key=lambda q: (q.start, q.depth))
    _nesting(out)
    out.problems.sort(key=lambda p: p.start)
    return out


def _one_per_quotation(problems: list[MarkProblem], n: int, broken: str | None) -> str | None:
    """One broken quotation, one problem: a closing mark with nothing open after a quote of its
    family left unclosed (in its group, or at the end of the group before) closes that quote,
    and is not reported again. Returns the family of the last quote the group leaves unclosed.
    """
    own = sorted(problems[n:], key=lambda p: p.start)
    unclosed: list[str] = [broken] if broken else []
    kept = []
    for p in own:
        family = FAMILY[p.mark]
        if p.kind == "unopened" and family in unclosed:
            unclosed.remove(family)
            continue
        if p.kind == "unclosed":
            unclosed.append(family)
        kept.append(p)
    problems[n:] = kept
    return next((FAMILY[p.mark] for p in reversed(kept) if p.kind == "unclosed"), None)


def _nesting(out: QuoteAnalysis) -> None:
    """A quote nested directly in a quote of its own family: “a “b” c” should be “a ‘b’ c”."""
    for q in out.quotes:
        if q.depth:
            parent = out.parent(q)
            # Marks of another shape (“ inside "...") are told apart: QL105's business.
            if parent is not None and parent.family == q.family \
                    and (q.open_mark in STRAIGHT) == (parent.open_mark in STRAIGHT):
                out.problems.append(MarkProblem("nesting", q.start, q.open_mark,
                                                partner=parent.start))


def _block_quotes(text: str, paragraphs: list[Paragraph], is_masked: Callable[[int], bool],
                  quotes: list[Quote]) -> list[Quote]:
    """Markdown ``>`` blocks with no quotation marks of their own: each is one quotation.

    Read from ``text``, since the markers may be masked out of the prose. The quotation
    runs from the first character after ``>`` to the end of its last line; a last line that is a
    dash credit (``> — Abraham Lincoln``) is the speaker, not part of the quotation. A block that
    quotes with marks (``> “...,” she said.``) is left to those marks.
    """
    blocks: list[list[regex.Match]] = []
    for m in _BLOCK_LINE.finditer(text):
        if is_masked(m.start(1)):
            continue  # in code; the ">" marker itself is blanked out of the prose
        if blocks and text.count("\n", blocks[-1][-1].end(), m.start()) == 1:
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
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or any(start <= s < end for s in starts):
            continue
        para = next((p.index for p in reversed(paragraphs) if p.start <= start), 0)
        out.append(Quote(start, end, "", None, 0, para))
    return out
