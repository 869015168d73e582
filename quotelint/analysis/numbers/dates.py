"""When things happened, for ``--story``: dates ("April 14, 2014", "14 April 2014", "April
2014") with the words near them, so that two articles, or two places of one, that date one
event in different years ("abducted on April 14, 2016" / "abducted in April 2014") can be
told. Two dates are of one event when a content word near each is the same (as for physical
figures across a story, ``story.py``); weekdays are not compared: the days of a story's
events and of its reports ("said on Friday") are too many to key by the words near them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...cache import compile_re
from .context import lemma
from .story import story_table

if TYPE_CHECKING:
    from ...text.document import Document

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|"
          r"Dec\.?)")
_YEAR = r"(?:19|20)\d\d"
_WHEN = compile_re(
    rf"\b(?P<month>{_MONTH})\s+(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+)?(?P<year>{_YEAR})\b"
    rf"|\b(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH}),?\s+(?P<year2>{_YEAR})\b")
_WORD = compile_re(r"[A-Za-z][\w’'-]*")
# Words of a date's own sentence that it is said of: this many either side.
_WINDOW = 6


@dataclass(frozen=True, slots=True)
class When:
    """A date, where it is, and the words near it. Picklable."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    sentence: int
    shown: str  # as written: "April 14, 2016"
    year: int
    month: int
    day: int  # 0 if not given
    anchors: frozenset[str]
    named: frozenset[str] = frozenset()  # those of its anchors that are capitalised words


def whens(doc: Document, start: int = 0) -> list[When]:
    """The document's dates from ``start`` on (past its headline)."""
    text = doc.flat
    table = story_table()
    skip, same = table.skip, table.synonyms
    out = []
    for m in _WHEN.finditer(text, start):
        sent = doc.sentences[doc.sentence_index(m.start())]
        left = _WORD.findall(text, sent.start, m.start())[-_WINDOW:]
        right = _WORD.findall(text, m.end(), sent.end)[:_WINDOW]
        anchors = frozenset(same.get(w, w) for w in (lemma(t) for t in left + right)
                            if len(w) > 2 and w not in skip)
        named = frozenset(lemma(t) for t in left + right if t[:1].isupper()) & anchors
        line, column = doc.position(m.start())
        end_line, end_column = doc.position(m.end())
        month = m.group("month") or m.group("month2")
        day = m.group("day") or m.group("day2")
        out.append(When(
            doc.path, m.start(), m.end(), line, column, end_line, end_column,
            doc.sentence_index(m.start()), m.group(),
            int(m.group("year") or m.group("year2")), _month(month), int(day) if day else 0,
            anchors, named))
    return out


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, full in enumerate(_MONTHS, 1) if full.startswith(key))


def sharpen_whens(found: list[When]) -> list[When]:
    """The story's dates with the names near more than ``common`` of them (and more than
    two) taken out: the story's subject ("Goldman"). A word of the event near most of them
    ("kidnapped") stays: it is what they date."""
    if not found:
        return found
    counts = Counter(w for m in found for w in m.named)
    most = max(2.0, story_table().common * len(found))
    common = frozenset(w for w, n in counts.items() if n > most)
    return [replace(m, anchors=m.anchors - common) for m in found]


def disagree(a: When, b: When) -> bool:
    """Are ``a`` and ``b`` dates of one event (a word near both, not one sentence) in one month
    and on one day, as far as both say, but of different years ("April 14, 2016" / "April
    2014")? Days of one month are not compared: a story's events, and an outlet's lists of
    related stories, fall on many days."""
    if not (a.year and b.year) or not a.anchors & b.anchors:
        return False
    if a.path == b.path and a.sentence == b.sentence:
        return False  # "from March 2015 to March 2016": a contrast
    return (a.month == b.month and a.year != b.year
            and (not (a.day and b.day) or a.day == b.day))
