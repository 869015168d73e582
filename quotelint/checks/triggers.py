"""Trigger words: the cheap test a costly pattern rule runs before its regex (Vale's substring
test before the pattern).

A rule's ``trigger`` is one or more lists of words; the rule's pattern is searched only in the
units (sentences, paragraphs, ...) that contain a word of every list. The words must be ones
every match needs ("experts say" needs a verb of saying), so a trigger never changes what a rule
finds, only how fast: a pattern with look-behinds tried at each of an article's ~2,500
positions costs milliseconds, a lookup of a few dozen words in the article's word index costs
microseconds (issue 7: the vague-group and mental-state rules took half the run).

    trigger:
      - [\\L<vague_groups>, some, many, most]   # a group word ...
      - [say, says, said, \\L<group_verbs>]      # ... and a verb, in the same sentence

A list may name a lexicon (``\\L<name>``). Words are compared case-insensitively; an entry of
several words ("point out") is looked up by its longest word.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..cache import compile_re
from ..schema import Where, type_name

if TYPE_CHECKING:
    from ..document import Document

Trigger = frozenset[str]
_WORD = compile_re(r"\w+")
_LEXICON = compile_re(r"\\L<(\w+)>")


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


def _key(entry: str) -> str | None:
    """The word an entry is looked up by: its longest, the rarest as a rule."""
    parts = _WORD.findall(entry.lower())
    return max(parts, key=len) if parts else None


def _word_list(items: Any, lexicons: Mapping[str, list[str]], where: Where,
               line: int | None) -> Trigger:
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list):
        raise where.error(line, f"'trigger' must be a list of words, or a list of such lists, "
                                f"not {type_name(items)}")
    if not items:
        raise where.error(line, "'trigger' has an empty list of words")
    words: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            raise where.error(line, f"'trigger' words must be strings, not {type_name(item)}")
        ref = _LEXICON.fullmatch(item.strip())
        if ref and ref.group(1) not in lexicons:
            raise where.error(line, f"'trigger' uses unknown lexicon {ref.group(1)!r}")
        for entry in lexicons[ref.group(1)] if ref else [item]:
            key = _key(entry)
            if key is None:
                raise where.error(line, f"'trigger' word {entry!r} has no letters or digits")
            words.add(key)
    return frozenset(words)


def parse_triggers(value: Any, lexicons: Mapping[str, list[str]], where: Where,
                   line: int | None) -> list[Trigger]:
    """``trigger:`` as word sets: a list of words is one set, a list of lists several."""
    if value is None:
        return []
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return [_word_list(v, lexicons, where, line) for v in value]
    return [_word_list(value, lexicons, where, line)]


def triggered(doc: Document, units: list[tuple[int, int]],
              triggers: Sequence[Trigger]) -> list[tuple[int, int]]:
    """The units (sorted, non-overlapping spans of ``doc.flat``) that contain a word of every
    trigger."""
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
    return [units[i] for i in sorted(found or ())]
