"""Trigger words: the cheap test a costly pattern rule runs before its regex (Vale's substring
test before the pattern).

A rule's ``trigger`` is one or more lists of words; the rule's pattern is searched only in the
units (sentences, paragraphs, ...) that contain a word of every list. The words must be ones
every match needs ("experts say" needs a verb of saying), so a trigger never changes what a rule
finds, only how fast: a pattern with look-behinds tried at each of an article's positions is
far costlier than a lookup of a few dozen words in the article's word index.

    trigger:
      - [\\L<vague_groups>, some, many, most]   # a group word ...
      - [say, says, said, \\L<group_verbs>]      # ... and a verb, in the same sentence

A list may name a lexicon (``\\L<name>``). Words are compared case-insensitively; an entry of
several words ("point out") is looked up by its longest word.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..cache import compile_re
from ..matching.word_index import WordSet, lookup_word
from ..schema import Where, type_name

Trigger = WordSet  # a unit is searched if it has one of these words
_LEXICON = compile_re(r"\\L<(\w+)>")


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
    for item in items:  # each wrong word reported (a collecting ``where``), the rest read
        if not isinstance(item, str):
            where.report(line, f"'trigger' words must be strings, not {type_name(item)}")
            continue
        ref = _LEXICON.fullmatch(item.strip())
        if ref and ref.group(1) not in lexicons:
            where.report(line, f"'trigger' uses unknown lexicon {ref.group(1)!r}")
            continue
        for entry in lexicons[ref.group(1)] if ref else [item]:
            key = lookup_word(entry)
            if key is None:
                where.report(line, f"'trigger' word {entry!r} has no letters or digits")
            else:
                words.add(key)
    return frozenset(words)


def parse_triggers(value: Any, lexicons: Mapping[str, list[str]], where: Where,
                   line: int | None) -> list[Trigger]:
    """``trigger:`` as word sets: a list of words is one set, a list of lists several."""
    if value is None:
        return []
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        lists = [where.attempt(_word_list, v, lexicons, where, line) for v in value]
        return [words for words in lists if words is not None]
    return [_word_list(value, lexicons, where, line)]
