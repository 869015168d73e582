"""Where a figure can start: the few places of an article the figure pattern is tried at.

The figure pattern (pattern.py) opens with a test, at every position of the text, that a
figure's first phrase follows: a digit, a sign, a currency, or one of some ninety words
("about", "nearly", "dozens of", "a million", "between"...), matched regardless of case. That
test was most of the pattern's cost. Here the same places are found from what is already known:
the article's word index (its \\w runs, lower-cased) answers where each opening phrase's
rarest word stands, and one character-class scan finds the digits and currency signs. The
pattern is then matched at those places only, left to right, as ``finditer`` would: the matches
are the same (tests/analysis/numbers/test_figure_starts.py compares both on the seeds and on
arbitrary text).

Why the places are all of them: every word of an opening phrase is a whole word in a match
(the pattern puts ``\\s+``, ``\\b`` or ``(?![\\w-])`` after each); a match at a full stop or a
hyphen needs a digit right after it ("-5", ".5"); and the only phrases glued to what follows
are currency codes and signs ("USD5", "US$5", "Rs.5"), looked for by the characters after
them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...matching.word_index import WordIndex, is_word_char

# Letters that case-insensitive matching reads as "i" or "s" but that str.lower() keeps apart
# (dotless i, long s, and "İ", which lower-cases to two characters): a text with one is
# searched the old way, position by position.
_FOLDS_APART = ("ı", "ſ", "İ")
_PUNCTUATION = frozenset(".−-")  # open a figure only before a digit: "-5", ".5"


class FigureStarts:
    """The start positions to try, built from the figure pattern's opening phrases."""

    def __init__(self, openers: Iterable[str], currency_prefixes: Iterable[str]) -> None:
        anchors: dict[str, set[int]] = {}  # word -> how many words precede it in a phrase
        signs: set[str] = set()
        self.glued: set[str] = set()  # words that may touch what follows: "us" of "US$5"
        currency_prefixes = tuple(currency_prefixes)
        currencies = {p.lower() for p in currency_prefixes}
        # Only currency prefixes may hold signs; another phrase with one ("twenty-five", were
        # it added to numbers.yaml) is not found by its words: then every position is searched.
        self.exhaustive = True
        for phrase in {p.lower() for p in openers}:
            words = phrase.split(" ")
            if all(re.fullmatch(r"\w+", w) for w in words):
                at = max(range(len(words)), key=lambda i: len(words[i]))  # the rarest
                anchors.setdefault(words[at], set()).add(at)
                continue
            if phrase not in currencies:
                self.exhaustive = False
            signs.update(c for c in phrase if not c.isalnum() and not c.isspace())
            first = re.match(r"\w+", phrase)
            if first and not signs.intersection(phrase[first.end():].strip()) - {"."}:
                anchors.setdefault(first.group(), set()).add(0)  # "Rs. 500": "rs" is whole
        for prefix in currency_prefixes:
            first = re.match(r"\w+", prefix.lower())
            if first:
                self.glued.add(first.group())
        signs.discard(".")
        self.anchors = {word: tuple(sorted(at)) for word, at in anchors.items()}
        self.signs = frozenset(signs)
        self.words = frozenset(self.anchors)
        self.run = re.compile("[" + re.escape("".join(sorted(signs | _PUNCTUATION))) + r"\d]+")

    def positions(self, text: str, index: WordIndex) -> list[int] | None:
        """Sorted start positions, a superset of where the figure pattern can match in
        ``text`` (whose word index is ``index``), or None to search every position."""
        if not self.exhaustive or any(c in text for c in _FOLDS_APART):
            return None
        found: set[int] = set()
        add = found.add
        for word in self.words & index.words:
            for at in index.offsets(word):
                for before in self.anchors[word]:
                    start = at if not before else _words_back(text, at, before)
                    if start is not None:
                        add(start)
        for m in self.run.finditer(text):
            s, e = m.span()
            if e - s == 1 and text[s] in _PUNCTUATION:
                continue  # a full stop or a hyphen with no digit after it
            if s == 0 or not is_word_char(text[s - 1]):
                add(s)
            else:  # a currency code glued to it: "USD5", "US$5"
                word = _word_start(text, s)
                if text[word:s].lower() in self.glued:
                    add(word)
            run = m.group()
            for j in range(1, e - s):
                if run[j - 1] in _PUNCTUATION or run[j - 1] in self.signs:
                    add(s + j)  # "-5" inside "3-5", "$5" after "-"
            if run[0] in self.signs and s and text[s - 1].isspace():  # "US $5"
                end = s - 1
                while end and text[end - 1].isspace():
                    end -= 1
                word = _word_start(text, end)
                if text[word:end].lower() in self.glued:
                    add(word)
        return sorted(found)


def _word_start(text: str, end: int) -> int:
    start = end
    while start and is_word_char(text[start - 1]):
        start -= 1
    return start


def _words_back(text: str, at: int, count: int) -> int | None:
    """The start of the word ``count`` words before the word starting at ``at``, across
    whitespace only (the words of an opening phrase), or None."""
    for _ in range(count):
        end = at
        while end and text[end - 1].isspace():
            end -= 1
        start = _word_start(text, end)
        if end == at or start == end:
            return None
        at = start
    return at
