"""Restatements by reference: a figure whose sentence says only what an earlier figure is in
other words, so that it is compared with that figure whatever the words around it.

Two shapes, both in a sentence of their own:

- "That is about 400 miles.", "That's nearly 570 miles.", "This works out at 1,300 feet.":
  the figure restates the last figure of its dimension in the sentence before;
- "The pipeline is 567 miles.", "The crops were 7 million tons a year.": a bare copula,
  nothing but a noun phrase and the figure; it restates the nearest earlier figure of its
  dimension with that noun beside it ("the 912km pipeline", "tonnes of crops").

Only figures with a unit are read so (a length, a mass...): "That is 20% of ..." or "The fee
is £5m" say too little to know what they restate. A comparative after the figure ("That is
30 km more than ...") makes it a difference, not a restatement. (Restatements in the same
sentence, "912 km, or roughly 570 miles", "the equivalent of 570 miles", are conversions:
``quantities``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cache import compile_re
from .context import context_table, lemma

if TYPE_CHECKING:
    from ...text.document import Document
    from .quantity import Quantity

_OPEN = r"[\"“‘']?"
_THAT = compile_re(
    rf"{_OPEN}(?:That|This|It)(?:’s|'s|\s+(?:is|was|would\s+be|works\s+out\s+(?:at|to)|"
    r"equates\s+to|comes\s+to|amounts\s+to|means))\s+(?:(?:just|well|some)\s+)?")
_BARE = compile_re(
    rf"{_OPEN}(?:The|Its|Their|His|Her|This|That)\s+(?P<phrase>(?:[\w’'-]+\s+){{0,2}}?"
    r"(?P<noun>[a-z][\w-]{2,}))\s+(?:is|are|was|were)\s+")
# What may follow the figure in a restatement: a rate, a closing quote, the full stop.
_END = compile_re(r"\s*(?:(?:a|an|per|each|every)\s+\w+|annually|yearly)?\s*[.!]?[\"”’']?\s*")
_WORD = compile_re(r"[A-Za-z]+")
# Words a restatement's noun must find within this many characters of the earlier figure.
_NEAR = 60


def references(doc: Document, found: list[Quantity]) -> list[tuple[int | None, str]]:
    """For each quantity of ``found``: (the index of the earlier quantity it restates, or None;
    the noun phrase of a bare restatement, "men's race", or "")."""
    text = doc.flat
    sentences = doc.sentences
    out: list[tuple[int | None, str]] = [(None, "")] * len(found)
    for i, q in enumerate(found):
        fig = q.figure
        if fig.unit is None or q.converts is not None:
            continue
        sent = sentences[q.sentence]
        if not _END.fullmatch(text, fig.end, sent.end):
            continue  # more words after it: not a restatement alone
        that = _THAT.fullmatch(text, sent.start, fig.start)
        if that is not None:
            out[i] = (_previous(found, i), "")
            continue
        bare = _BARE.fullmatch(text, sent.start, fig.start)
        if bare is not None:
            phrase = bare.group("phrase")
            out[i] = (_said_of(text, found, i, phrase_words(phrase)), phrase)
    return out


def _previous(found: list[Quantity], i: int) -> int | None:
    """The figure of ``found[i]``'s dimension in the sentence before it, if there is one: or
    the one in the other unit system, if only one is ("The 10km race and the 3km walk ...
    That is about 1.9 miles" is said of one of two; "... 10 km ... 6 miles" of the 10 km)."""
    q = found[i]
    system = q.figure.unit.unit.system if q.figure.unit else None
    same = [j for j in range(i) if found[j].sentence == q.sentence - 1
            and found[j].figure.unit is not None and found[j].converts is None
            and found[j].figure.dimension == q.figure.dimension]
    if len(same) > 1:
        same = [j for j in same if found[j].figure.unit.unit.system != system]
    return same[0] if len(same) == 1 else None


def phrase_words(phrase: str) -> frozenset[str]:
    """The stems of a restatement's noun phrase ("men's race": "men", "race")."""
    return frozenset(lemma(w) for w in _WORD.findall(phrase))


def _said_of(text: str, found: list[Quantity], i: int, words: frozenset[str]) -> int | None:
    """The nearest earlier figure of ``found[i]``'s dimension with the noun phrase's ``words``
    beside it ("the men's 10km race" for "The men's race"), unless its sentence has two: of
    "the 10km race and the 4km race", "The race is 4.1 miles" may be either. Of a noun that
    names a kind of thing ("race", "hurdles"), two anywhere in the article are enough."""
    q = found[i]
    near: list[int] = []
    for j in range(i):
        p = found[j]
        if (p.sentence == q.sentence or p.figure.unit is None or p.converts is not None
                or p.figure.dimension != q.figure.dimension):
            continue
        around = text[max(0, p.start - _NEAR):p.end + _NEAR]
        if words <= {lemma(w) for w in _WORD.findall(around)}:
            near.append(j)
    if not near:
        return None
    last = near[-1]  # the nearest, unless its sentence has another of another value
    kind = bool(words & context_table().categories)  # "race": any of them, anywhere
    if any((kind or found[j].sentence == found[last].sentence)
           and found[j].base != found[last].base for j in near):
        return None
    return last
