"""Sentences: an abbreviation-aware splitter that never crosses a paragraph.

A candidate boundary is sentence punctuation, any closing quotes or brackets, then whitespace.
It is a boundary unless what follows is lower case, or the word before the period is a title
("Gen. Mark Milley"), a number abbreviation before a digit ("No. 10", "Jan. 20"), an initial
("John F. Kennedy"), or an initialism/ambiguous abbreviation ("U.S.", "Inc.") not followed by a
usual sentence opener. `“Why?” Milley asked.` stays one sentence: a reporting verb follows.
The word lists live in ``quotelint/data/abbreviations.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..cache import compile_regex
from ..data import load_data
from ..matching.end_search import Tail

if TYPE_CHECKING:
    from .paragraphs import Paragraph


# Not frozen, for speed, but never changed once made: see attribution.model.Attribution.
@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    """A sentence's span (trimmed) and the index of its paragraph."""

    start: int
    end: int
    paragraph: int


# A candidate starts where a run of sentence punctuation starts: without the look-behind a long
# run not followed by a space ("!!!!...", "......") is tried from each of its characters, which
# is quadratic in its length.
_CANDIDATE = compile_regex(r"(?<![.!?…])([.!?…]+)([\"'”’»)\]]*)(\s+)")
WORD_BEFORE = Tail(r"[\w.'’-]+$")
_NEXT_WORDS = compile_regex(r"[\"'“‘(\[]?([\w'’.-]+)(?:\s+([\w'’.-]+))?(?:\s+([\w'’.-]+))?"
                            r"(?:\s+([\w'’.-]+))?")
_INITIALISM = compile_regex(r"(?:\w\.)+\w")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    return {key: frozenset(value) for key, value in load_data("abbreviations").items()}


def _following(prose: str, after: int, end: int) -> list[str]:
    """The up to four words after a candidate boundary, without final periods."""
    words = _NEXT_WORDS.match(prose, after, end)
    return [w.rstrip(".") for w in (words.groups() if words else ()) if w]


def word_before(prose: str, start: int) -> str:
    """The word (periods and apostrophes included) that ends at ``start``. Matched backwards
    from ``start`` (matching/end_search.py): searched forwards, the pattern would be tried at
    each of the 40 characters before every period of the article."""
    # Searched forwards, `$` also matched before a final line break: the word may end there.
    end = start - 1 if start and prose[start - 1] == "\n" else start
    before = WORD_BEFORE.ends(prose, max(0, start - 40), end)
    return before.group().lstrip("'’-") if before else ""


def _is_boundary(prose: str, m: regex.Match, end: int) -> bool:
    after = m.end()
    if after >= end:
        return True
    nxt = prose[after]
    if nxt.islower():
        return False
    lists = _lists()
    term, closers = m.group(1), m.group(2)
    if closers and term[-1] in "?!…" and any(
            w in lists["reporting_verbs"] for w in _following(prose, after, end)):
        return False  # “Why?” Milley asked.
    if term != "." or closers:
        return True
    token = word_before(prose, m.start())
    if not token:
        return True
    if token in lists["titles"]:
        return False
    if token in lists["before_number"] and nxt.isdigit():
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "John F. Kennedy"
    if token in lists["ambiguous"] or _INITIALISM.fullmatch(token):
        following = _following(prose, after, end)
        return bool(following) and following[0] in lists["openers"]
    return True


def split_sentences(prose: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    out: list[Sentence] = []
    for para in paragraphs:
        start = para.start
        for m in _CANDIDATE.finditer(prose, para.start, para.end):
            if _is_boundary(prose, m, para.end):
                cut = m.start(3)
                if cut > start:
                    out.append(Sentence(start, cut, para.index))
                start = m.end()
        if para.end > start:
            out.append(Sentence(start, para.end, para.index))
    return out
