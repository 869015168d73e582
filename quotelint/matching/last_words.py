"""The words a pattern can end with: a set look-up before a costly match at the end of a text.

The phrase before a figure that names its measure ("a range of", "killed at least", "weighs")
is one pattern of fifty alternatives matched backwards from the figure (end_search.EndSearch),
and it matches before few figures. Every alternative ends with a
word from a short list, so the text's last word is looked up first. The list is read from the
pattern itself (its parse tree, expanded into the texts it can match), so a measure added to
``data/measures.yaml`` needs nothing else; a pattern that can end with any word ("rose by",
"(?: \\w+)?"), or that the expansion does not understand, gets no list and is always matched.
"""

from __future__ import annotations

import sys
from itertools import product

from .word_index import ASCII_WORD_CHARS, is_word_char

if sys.version_info >= (3, 11):
    from re import _constants as _c
    from re import _parser
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

_WORD = "\x00"  # any run of word characters (\w+)
_BOUNDARY = "\x01"  # \b: stands between a word and what precedes it
_LIMIT = 20000  # texts expanded; beyond it the pattern gets no list


class _Unsupported(Exception):
    pass


def last_words(source: str) -> frozenset[str] | None:
    """The lower-cased last words of the texts ``source`` matches (trailing spaces aside), when
    they are finitely many and each stands after a space, a punctuation mark or ``\\b``; None
    when the pattern can end otherwise, or cannot be read."""
    try:
        texts = _expand(_parser.parse(source))
    except (_Unsupported, RecursionError):
        return None
    found = set()
    for text in texts:
        text = text.rstrip(" ")
        start = len(text)
        while start and (text[start - 1] in ASCII_WORD_CHARS or text[start - 1] == _WORD):
            start -= 1
        word = text[start:]
        if not word or _WORD in word or not start or is_word_char(text[start - 1]):
            return None  # no last word, any word, or one glued to what precedes it
        found.add(word.lower())
    return frozenset(found)


def may_end_with(text: str, words: frozenset[str]) -> bool:
    """False when ``text``'s last word (trailing whitespace aside) is surely none of ``words``:
    an ASCII word after an ASCII non-word character. Anything else may match: True."""
    end = len(text.rstrip())
    start = end
    while start and text[start - 1] in ASCII_WORD_CHARS:
        start -= 1
    if start == end or (start and not text[start - 1].isascii()) or not text[end:].isascii():
        return True
    return text[start:end].lower() in words


def _expand(items) -> set[str]:
    texts = {""}
    for op, av in items:
        parts = _item(op, av)
        texts = {a + b for a, b in product(texts, parts)}
        if len(texts) > _LIMIT:
            raise _Unsupported
    return texts


def _item(op, av) -> set[str]:
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op is _c.IN:
        return _class(av)
    if op is _c.SUBPATTERN:
        return _expand(av[-1])
    if op is _c.BRANCH:
        return set().union(*(_expand(alt) for alt in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return _repeat(*av)
    if op is _c.AT:
        if av is _c.AT_BOUNDARY:
            return {_BOUNDARY}
        if av in (_c.AT_END, _c.AT_END_STRING, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
            return {""}
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return {""}  # a look-around adds no characters: the texts found are a superset
    raise _Unsupported(op)


def _class(items) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av).lower())
        elif op is _c.RANGE and av[1] - av[0] < 40:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT):
            chars.add(_WORD)
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars.add(" ")
        else:
            raise _Unsupported(op)
    return chars


def _repeat(low: int, high: int, item) -> set[str]:
    inner = _expand(item)
    if all(set(t) <= {_WORD} for t in inner):  # \w+, \d*
        return {_WORD} | ({""} if low == 0 else set())
    if all(set(t) <= {" "} for t in inner):  # \s+, \s*
        return {" "} | ({""} if low == 0 else set())
    if high is _c.MAXREPEAT or high > 4:
        raise _Unsupported("repeat")
    texts: set[str] = set()
    for count in range(low, high + 1):
        texts |= {"".join(p) for p in product(inner, repeat=count)}
        if len(texts) > _LIMIT:
            raise _Unsupported("repeat")
    return texts
