"""Where a pattern is searched: the units of a document for each scope.

sentence and paragraph: each unit separately, so a match never spans two sentences;
document: the whole text; inside-quotes: the words inside each quotation; outside-quotes:
each sentence with its quotations blanked, i.e. the narrator's words only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..text.document import Document
from ..text.words import triggered
from .regexes import TimedPattern
from .triggers import Trigger

SCOPES = ("sentence", "paragraph", "document", "inside-quotes", "outside-quotes")


def _units(doc: Document, scope: str) -> tuple[str, list[tuple[int, int]]]:
    if scope == "sentence":
        return doc.flat, [(s.start, s.end) for s in doc.sentences]
    if scope == "paragraph":
        return doc.flat, [(p.start, p.end) for p in doc.paragraphs]
    if scope == "document":
        return doc.flat, [(0, len(doc.flat))]
    if scope == "inside-quotes":
        return doc.flat, [(q.inner_start, q.inner_end) for q in doc.quotes.top_level()]
    if scope == "outside-quotes":
        return doc.flat_outside_quotes, [(s.start, s.end) for s in doc.sentences]
    raise ValueError(scope)


def matches(doc: Document, pattern: TimedPattern, scope: str,
            triggers: Sequence[Trigger] = ()) -> Iterator[regex.Match]:
    """Every non-empty match of ``pattern`` within the units of ``scope``, in text order.

    With ``triggers`` (see triggers.py), only the units that have their words are searched.
    Each search runs under the pattern's time limit (``PatternTimeout``, see regexes.py)."""
    text, units = _units(doc, scope)
    if triggers:
        units = triggered(doc, units, triggers)
    elif pattern.search(text) is None:
        # The cheap test first: most patterns match nowhere in most articles.
        return
    for start, end in units:
        for m in pattern.finditer(text, start, end):
            if m.end() > m.start():
                yield m
