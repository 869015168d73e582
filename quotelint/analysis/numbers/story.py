"""Figures of different articles of one story (``--story``): when they state one quantity.

Within an article, two figures are one quantity by a shared measure or by the same words
around them (``compare.why_not_same``). Across outlets, the words differ while the fact is
the same ("a 19-ton delivery truck" / "a 25-tonne truck"), so a story also keys figures by
what they are said of (``context.yaml``'s ``story``):

- physical figures and sums of money by a content word near both ("truck", "earnings", a
  name), if they are at most ``max_ratio`` (sums: ``money_ratio``) apart; for sums, not by a
  word near most of the story's sums ("tax" in a story about a tax charge);
- counts by two words of the compound noun they count ("five fire rescue units", "four fire
  and rescue crews"), not by a single noun ("seasons", "officials"), which a story counts for
  many things; "no captive fighters were released" is a count of none of its compound;
- words outlets use for one thing (``synonyms``: "income" for "earnings", "jailed" for
  "captive") as that one word.

Every exclusion of ``why_not_same`` that holds across outlets still applies (times, proposals,
changes, named sources). A toll (the dead, injured...) is *provisional* when it is a floor
("at least 60 killed") or its article says the count is changing ("the toll rose to"): a
disagreement with it is explained by time, and is reported as info.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ...cache import compile_re
from ...data import load_data
from .compare import Mention, exclusion, why_not_same
from .context import context_table, lemma
from .measures import measure_table

if TYPE_CHECKING:
    from ...text.document import Document


@dataclass(frozen=True)
class StoryTable:
    window: int
    max_ratio: float
    money_ratio: float
    common: float
    tolls: frozenset[str]
    floors: frozenset[str]
    changing: re.Pattern
    skip: frozenset[str]
    synonyms: dict[str, str]  # a word's stem: the stem of the word it stands for


@lru_cache(maxsize=1)
def story_table() -> StoryTable:
    data = load_data("context")["story"]
    return StoryTable(
        window=int(data["window"]),
        max_ratio=float(data["max_ratio"]),
        money_ratio=float(data["money_ratio"]),
        common=float(data["common"]),
        tolls=frozenset(data["tolls"]),
        floors=frozenset(data["floors"]),
        changing=compile_re(rf"(?i:{data['changing']})"),
        skip=context_table().skip | frozenset(lemma(w) for w in data["not_anchors"]),
        synonyms={lemma(w): lemma(word) for word, same in data["synonyms"].items()
                  for w in same},
    )


_WORD = compile_re(r"[A-Za-z][\w’'-]*")
_PHYSICAL = frozenset({"length", "area", "volume", "mass", "speed"})


def story_mentions(doc: Document, found: list[Mention]) -> list[Mention]:
    """Those of ``found`` (a document's comparable mentions) that a story can compare, with
    what it compares them by: the words near each physical figure or sum of money
    (``anchors``), and whether a toll is provisional."""
    table = story_table()
    text = doc.flat
    changing = bool(table.changing.search(text))
    out = []
    for m in found:
        family = _family(m.dimension)
        anchors: frozenset[str] = frozenset()
        if family in _PHYSICAL or family == "money":
            anchors = _anchors(text, doc, m, table)
        elif family == "count" and m.measure is None and not m.approximator:
            anchors = frozenset(f"counted:{w}" for w in _counted(text, m.end))
        if not (m.measure or m.clause or anchors):
            continue  # a count with no measure: nothing says what it counts
        provisional = (m.measure or "").split(":")[0] in table.tolls and (
            m.approximator in table.floors or changing)
        out.append(replace(m, anchors=anchors, provisional=provisional))
    if "no " in text or "No " in text:
        out.extend(_none_counted(doc, doc.path))
    return out


def sharpen(found: list[Mention]) -> list[Mention]:
    """The mentions of a whole story with the anchors of its sums of money that say little
    taken out: those near more than ``common`` of the story's sums in that currency (and more
    than two: a word near two sums may be the one thing they are, "earnings") ("tax",
    "Goldman" in a story about a bank's tax charge). Physical figures are few in a story, and
    a word near most of them ("truck") is more often what they all measure."""
    share = story_table().common
    by_dimension: dict[str, list[Mention]] = {}
    for m in found:
        if m.anchors and _family(m.dimension) == "money":
            by_dimension.setdefault(m.dimension, []).append(m)
    drop: dict[str, frozenset[str]] = {}
    for dimension, group in by_dimension.items():
        counts = Counter(w for m in group for w in m.anchors)
        most = max(2.0, share * len(group))
        drop[dimension] = frozenset(w for w, n in counts.items() if n > most)
    return [replace(m, anchors=m.anchors - drop[m.dimension]) if m.dimension in drop else m
            for m in found]


def _family(dimension: str) -> str:
    family = dimension.split("/")[0]
    return "money" if family.startswith("money:") else family


def _anchors(text: str, doc: Document, m: Mention, table: StoryTable) -> frozenset[str]:
    """The content words within ``window`` words of ``m`` in its sentence, as stems, a
    synonym as the word it stands for ("income": "earnings"); a hyphenated word gives its
    parts ("fourth-quarter": "fourth", "quarter")."""
    sent = doc.sentences[doc.sentence_index(m.start)]
    left = _WORD.findall(text, sent.start, m.start)[-table.window:]
    right = _WORD.findall(text, m.end, sent.end)[:table.window]
    words = [part for token in left + right for part in token.split("-")]
    stems = (lemma(t) for t in words if t)
    return frozenset(table.synonyms.get(w, w) for w in stems
                     if len(w) > 2 and w not in table.skip)


# A count's noun phrase: two to four words right after it ("five fire rescue units", "22
# ambulance crews", "four fire and rescue crews", "four detained Boko Haram leaders"), up to a
# word that ends it.
_COUNTED = compile_re(r"(?:\s+[A-Za-z][A-Za-z-]+){2,4}")
# "No captive Boko Haram fighters were released": a count of none, of a compound noun, in
# a sentence that says what happened to them.
_NONE = compile_re(r"\b[Nn]o((?:\s+[A-Za-z][A-Za-z-]+){2,4}?)\s+(?:were|was|have been|had "
                   r"been|has been|are|is)\s+(?:\w+ed|freed|hurt|killed|taken|held)\b")


def _counted(text: str, end: int) -> frozenset[str]:
    """The words of the compound noun a count counts ("fire", "rescue", "unit" of "five fire
    rescue units containing ..."), as stems, "and" left out ("fire and rescue crews"); none
    if it has fewer than two. A compound names one kind of thing; a single noun ("seasons",
    "officials") may be counted for many."""
    m = _COUNTED.match(text, end, end + 60)
    return _compound(m.group().split()) if m else frozenset()


def _compound(words: list[str]) -> frozenset[str]:
    table = measure_table()
    kept: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if not kept and low in table.partial:
            return frozenset()  # "128 other politicians": a part, not the count of them all
        if low == "and" and kept:  # "fire and rescue crews": one kind of crew
            continue
        verb = len(low) > 4 and low.endswith(("ing", "ed")) and not word[0].isupper()
        if low in table.stop or (verb and (kept or i == len(words) - 1)):
            break  # "units containing", "crews sent"; not "detained Boko Haram leaders"
        kept.append(low)
    if len(kept) < 2:
        return frozenset()
    same = story_table().synonyms
    return frozenset(same.get(w, w) for w in map(lemma, kept))


def _none_counted(doc: Document, path: str) -> list[Mention]:
    """Counts of none ("no captive fighters were released") as mentions of 0, keyed by the
    words of their compound noun."""
    text = doc.flat
    out = []
    for m in _NONE.finditer(text):
        words = _compound(m.group(1).split())
        if not words:
            continue
        start, end = m.start(), m.start(1) + len(m.group(1))
        (line, column), (end_line, end_column) = doc.position(start), doc.position(end)
        out.append(Mention(
            path=path, start=start, end=end, line=line, column=column, end_line=end_line,
            end_column=end_column, measure=None, display="", dimension="count", unit="",
            system=None, lo=0.0, hi=0.0, exact=False, approximator="",
            shown=text[start:end], value=0.0, value2=None, half=0.0,
            sentence=doc.sentence_index(start), primary=True, paired=False, comparable=True,
            times=frozenset(), context=frozenset(), source=None, subject=None, head=None,
            clause=None, anchors=frozenset(f"counted:{w}" for w in words)))
    return out


def same_in_story(a: Mention, b: Mention) -> bool:
    """Do ``a`` and ``b``, of two articles of a story, state one quantity? By their measure
    or words (``why_not_same``), else by what they are said of (the module docstring)."""
    why = why_not_same(a, b)
    if why is None:
        return True
    if why not in ("context", "measure", "no shared word") or a.dimension != b.dimension:
        return False
    table = story_table()
    most = table.money_ratio if _family(a.dimension) == "money" else table.max_ratio
    shared = a.anchors & b.anchors
    if not shared or _ratio(a, b) > most:
        return False
    if _family(a.dimension) == "count" and len(shared) < 2:
        return False  # "fire engines" are not "fire rescue units": two words of a compound
    for m, other in ((a, b), (b, a)):
        if (other.measure is None and m.measure and ":" not in m.measure
                and lemma(m.measure) not in other.anchors):
            return False  # "a top speed of 50 mph" is not any speed near the tram
    return exclusion(a, b, story=True) is None


def _ratio(a: Mention, b: Mention) -> float:
    """How many times apart ``a`` and ``b`` are: their middles, or for a stated range
    ("20-25 mph"), its end nearest the other."""
    mid_a, mid_b = abs(a.lo + a.hi) / 2, abs(b.lo + b.hi) / 2
    if a.hi == float("inf") or b.hi == float("inf"):
        mid_a, mid_b = a.lo, b.lo
    elif a.value2 is not None and b.value2 is None:
        mid_a = min(max(mid_b, a.lo), a.hi)
    elif b.value2 is not None and a.value2 is None:
        mid_b = min(max(mid_a, b.lo), b.hi)
    low, high = sorted((mid_a, mid_b))
    if low == 0 and a.value2 is None and b.value2 is None and min(a.hi, b.hi) == 0:
        return 1.0  # "no fighters were released" / "four fighters": none is no ratio apart
    return high / low if low > 0 else float("inf")
