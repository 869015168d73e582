"""The words of a document and where they are: the index behind the cheap tests that come
before a costly pattern (a rule's ``trigger``, checks/triggers.py; the anonymous-source
descriptor). Looking a few dozen words up costs microseconds where a regex alternation tried
at every position of every sentence costs a millisecond an article (issue 7)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..cache import compile_re

if TYPE_CHECKING:
    from ..document import Document

WordSet = frozenset[str]
_WORD = compile_re(r"\w+")


def word_index(doc: Document) -> dict[str, list[int]]:
    """Each lower-cased word of ``doc.flat`` and its offsets; use ``doc.cached(word_index)``."""
    text = doc.flat
    lowered = text.lower()
    index: dict[str, list[int]] = {}
    add = index.setdefault
    if len(lowered) == len(text):
        for m in _WORD.finditer(lowered):
            add(m.group(), []).append(m.start())
    else:  # a few characters ("İ") lower-case to two: keep the offsets of the original
        for m in _WORD.finditer(text):
            add(m.group().lower(), []).append(m.start())
    return index


def lookup_word(entry: str) -> str | None:
    """The word an entry is looked up by: its longest, the rarest as a rule."""
    parts = _WORD.findall(entry.lower())
    return max(parts, key=len) if parts else None


def word_set(entries: Iterable[str]) -> WordSet:
    """The look-up words of phrases (each by its longest word), for ``triggered``."""
    return frozenset(key for key in map(lookup_word, entries) if key is not None)


def triggered_indexes(doc: Document, units: list[tuple[int, int]],
                      triggers: Sequence[WordSet]) -> list[int]:
    """The indexes of the units (sorted, non-overlapping spans of ``doc.flat``) that contain a
    word of every trigger."""
    index = doc.cached(word_index)
    starts = [start for start, _ in units]
    found: set[int] | None = None
    for words in triggers:
        hit = set()
        for word in words:
            for offset in index.get(word, ()):
                i = bisect_right(starts, offset) - 1
                if i >= 0 and offset < units[i][1]:
                    hit.add(i)
        found = hit if found is None else found & hit
        if not found:
            return []
    return sorted(found or ())


def triggered(doc: Document, units: list[tuple[int, int]],
              triggers: Sequence[WordSet]) -> list[tuple[int, int]]:
    """The units that contain a word of every trigger."""
    return [units[i] for i in triggered_indexes(doc, units, triggers)]
