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


def _sentences(doc: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.sentences]


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in doc.paragraphs]


def _whole(doc: Document) -> list[tuple[int, int]]:
    return [(0, len(doc.flat))]


def _quotations(doc: Document) -> list[tuple[int, int]]:
    return [(q.inner_start, q.inner_end) for q in doc.quotes.top_level()]


# scope -> (the text searched, its units); each unit list made once per document and shared
# by every rule of that scope.
_UNITS = {
    "sentence": (lambda d: d.flat, _sentences),
    "paragraph": (lambda d: d.flat, _paragraphs),
    "document": (lambda d: d.flat, _whole),
    "inside-quotes": (lambda d: d.flat, _quotations),
    "outside-quotes": (lambda d: d.flat_outside_quotes, _sentences),
}


def _units(doc: Document, scope: str) -> tuple[str, list[tuple[int, int]]]:
    text, units = _UNITS[scope]
    return text(doc), doc.cached(units)


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
