"""Patterns that end where the text searched ends (``...\\s*$``): the words before a verb.

The attribution analysis asks of the words before each reporting verb whether they end in a
passive ("was told"), a conjunction ("and said"), a relative ("who said") or a dash, ten
questions or so for each of the nine reporting verbs of an average article. Searched forwards,
such a pattern is tried at every position of the sentence before the verb and fails at `$` each
time; matched in reverse (the `regex` module's REVERSE flag) it is tried once, at the end.
Found or not is the same either way; where a caller reads the match (RAISED's start), it is
the forward search's too, since a greedy reverse match reaches as far left as the leftmost
forward one, but a trie of alternatives may stop at a shorter word ("called" in "so-called").
tests/matching/test_end_search.py checks both on every prefix of the seeds' sentences.
"""

from __future__ import annotations

import re

import regex

from ..cache import compile_re, compile_regex, remember
from .last_words import last_words, may_end_with


class Tail:
    """A pattern ending in ``$``, matched backwards from the end of ``text[pos:endpos]``.

    Only for text with no line break, or patterns that end in ``\\s*$``: searched forwards, `$`
    also matches before a final line break, which a reverse match anchored at the end does not
    skip."""

    __slots__ = ("reverse",)

    def __init__(self, source: str, flags: int = 0) -> None:
        self.reverse = compile_regex(source, flags | regex.REVERSE)

    def ends(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        """The match ending at ``endpos`` (default: the end of ``text``), or None."""
        return self.reverse.match(text, pos, len(text) if endpos is None else endpos)


class EndSearch:
    """A `Tail` whose match must be the forward search's, the leftmost, such as the phrase
    before a figure that names its measure, from an alternation whose branches overlap.
    Searched forwards, each alternative is tried at every one of the 80 characters before each
    figure; matched in reverse at the end, once. The match returned comes from a forward search
    starting just before the reverse match: it differs only for a match more than 40 characters
    longer."""

    def __init__(self, source: str) -> None:
        self.forward = compile_re(source)
        self.backward = Tail(source)
        # The words the pattern can end with, looked up before it is matched (last_words.py);
        # from the start-up cache, since expanding the pattern costs a few milliseconds.
        self.last_words = remember(("last-word set", source), lambda: last_words(source))

    def search(self, text: str) -> re.Match | None:
        if self.last_words is not None and not may_end_with(text, self.last_words):
            return None
        found = self.backward.ends(text)
        if found is None:
            return None
        return self.forward.search(text, max(0, found.start() - 40))
