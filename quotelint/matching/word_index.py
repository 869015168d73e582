"""The words of a text and where they are: the index behind the cheap tests that come
before a costly pattern (a rule's ``trigger``, checks/triggers.py; the anonymous-source
descriptor) and behind the places a pattern is tried at (the starts of figures,
analysis/numbers/starts.py; the reporting verbs, cues.sentence_verbs). Looking a few dozen
words up is far cheaper than a regex alternation tried at every position of every sentence."""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from ..cache import compile_re

WordSet = frozenset[str]
_WORD = compile_re(r"\w+")
# An ASCII text's non-word bytes as spaces: its words are then what split() returns, cheaper
# than findall; most articles are ASCII, the others use the pattern.
ASCII_WORD_CHARS = frozenset(string.ascii_letters + string.digits + "_")
_ASCII_SPACES = bytes(c if chr(c) in ASCII_WORD_CHARS else 32 for c in range(256))


class WordIndex:
    """The lower-cased words of ``doc.flat``, and where each one is, found when first asked.

    Collecting the words is one pass at C speed (a byte translation and a split, or a
    ``findall``); a caller asks where only the few of its words that the article has, and
    ``str.find`` answers, cheaper than indexing every word's offsets up front."""

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        if lowered.isascii():
            self.words = frozenset(lowered.encode().translate(_ASCII_SPACES).decode().split())
        else:
            self.words = frozenset(_WORD.findall(lowered))
        self._offsets: dict[str, list[int]] = {}
        if len(lowered) == len(text):
            self._text = lowered
        else:  # a few characters ("İ") lower-case to two: index the original's offsets now
            self._text = ""
            for m in _WORD.finditer(text):
                self._offsets.setdefault(m.group().lower(), []).append(m.start())
            self.words = frozenset(self._offsets)

    def offsets(self, word: str) -> list[int]:
        """Where ``word`` (lower case) stands as a whole word."""
        found = self._offsets.get(word)
        if found is None:
            found = self._offsets[word] = []
            if word in self.words:
                text, size, find = self._text, len(word), self._text.find
                at = find(word)
                while at >= 0:
                    end = at + size
                    if not (at and is_word_char(text[at - 1])) and \
                            not (end < len(text) and is_word_char(text[end])):
                        found.append(at)
                    at = find(word, at + 1)
        return found


def matches_at(pattern: re.Pattern, text: str, starts: Sequence[int] | None,
               endpos: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text, 0, endpos)``, trying only ``starts`` (sorted; every position
    when None): the leftmost match first, the next tried from where it ends. For a pattern that
    never matches the empty string, and starts that include every place it can match (found
    from the index: starts.py, cues.sentence_verbs)."""
    end_of_text = len(text) if endpos is None else endpos
    if starts is None:
        yield from pattern.finditer(text, 0, end_of_text)
        return
    match, end = pattern.match, 0
    for start in starts:
        if start >= end:
            m = match(text, start, end_of_text)
            if m is not None:
                yield m
                end = m.end()


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


def lookup_word(entry: str) -> str | None:
    """The word an entry is looked up by: its longest, the rarest as a rule."""
    parts = _WORD.findall(entry.lower())
    return max(parts, key=len) if parts else None


def word_set(entries: Iterable[str]) -> WordSet:
    """The look-up words of phrases (each by its longest word), for ``units_with``."""
    return frozenset(key for key in map(lookup_word, entries) if key is not None)


def units_with(index: WordIndex, units: list[tuple[int, int]],
               triggers: Sequence[WordSet]) -> list[int]:
    """The indexes of the units (sorted, non-overlapping spans of the indexed text) that contain
    a word of every trigger."""
    starts = [start for start, _ in units]
    found: set[int] | None = None
    for words in triggers:
        hit = set()
        for word in words & index.words:
            for offset in index.offsets(word):
                i = bisect_right(starts, offset) - 1
                if i >= 0 and offset < units[i][1]:
                    hit.add(i)
        found = hit if found is None else found & hit
        if not found:
            return []
    return sorted(found or ())
