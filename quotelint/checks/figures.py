"""What the figure kinds share: the tolerance, the comparison of mentions, the findings.

The kinds are ``inconsistent-figures`` (QL501), ``mixed-units`` (QL503), both story-wide, and
``wrong-conversion`` (QL502). What a figure measures, and when two figures are comparable at
all, is decided by ``analysis/numbers`` (quantities, context, compare); these kinds only say
what to report. A story-wide kind reduces each document with ``collect`` to a list of
picklable ``Mention`` records, and ``run_story`` compares the records of different files.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from ..analysis.attribution.sourcing import headline
from ..analysis.numbers.compare import (
    Mention,
    agree,
    ambiguous,
    conversion_agrees,
    in_unit_of,
    mentions,
    same_measure,
    where,
)
from ..analysis.numbers.story import same_in_story, sharpen, story_mentions
from ..findings import Finding, Related
from ..schema import Field, Where, boolean, number
from ..text.document import Document
from .base import Check

# A mention is compared with at most this many mentions of its dimension before it (a table of
# thousands of distances would otherwise be compared pair by pair).
WINDOW = 200


def _tolerance(value, where: Where, line: int | None, key: str) -> float:
    value = number(value, where, line, key)
    if not 0 <= value < 1:
        raise where.error(line, f"'{key}' must be a share between 0 and 1 (0.02 is 2%)")
    return value


TOLERANCE = Field(_tolerance, default=0.02,
                  doc="relative slack when comparing figures (config: numbers.tolerance)")
PLACEHOLDERS = frozenset({"match", "measure", "this", "other", "where", "expected", "fix"})


class FigureCheck(Check):
    """Base of the kinds that compare figures of one document."""

    PARAMS: ClassVar[dict[str, Field]] = {"tolerance": TOLERANCE}
    PLACEHOLDERS = PLACEHOLDERS

    def tolerance(self, doc: Document) -> float:
        """The rule's slack, unless the configuration sets ``numbers.tolerance``."""
        return float(self.configured(doc, "numbers", "tolerance", lambda v: v is not None))

    def mention_finding(self, here: Mention, other: Mention, message: str | None = None, *,
                        start: Mention | None = None,
                        end: tuple[int, tuple[int, int]] | None = None,
                        also: tuple[Mention, ...] = ()) -> Finding:
        """A finding at ``here`` (from ``start``, if given) that points to ``other``, and to
        ``also`` (other articles of a story that disagree with ``here`` too)."""
        if message is None:
            message = self.format(measure=named(here, other), this=here.shown,
                                  other=other.shown + in_unit_of(here, other),
                                  where=where(other, here), match=here.shown, expected="",
                                  fix="")
        first = start or here
        related = () if first is other else tuple(
            Related(m.path, m.line, m.column, f"{m.shown} ({named(m, here)})")
            for m in (other, *also))
        stop, (end_line, end_column) = end or (here.end, (here.end_line, here.end_column))
        return self.finding_at(here.path, first.start, stop, (first.line, first.column),
                               (end_line, end_column), message, related=related)


class ComparingCheck(FigureCheck):
    """A kind that compares each mention with the mentions of the same quantity before it, in
    its document and, with ``--story``, in the documents before its own. A subclass says which
    earlier mention, if any, to report a mention against (``pick``)."""

    STORY = True
    PARAMS: ClassVar[dict[str, Field]] = {
        "tolerance": TOLERANCE,
        "story": Field(boolean, default=True, doc="with --story, also compare across files"),
    }

    def pick(self, b: Mention, candidates: list[Mention], clash: Mention | None) -> Mention | None:
        """The earlier mention to report ``b`` against: ``candidates`` are those of the same
        quantity, ``clash`` the first of them that disagrees with ``b``."""
        raise NotImplementedError

    def run(self, doc: Document) -> Iterator[Finding]:
        found = doc.cached(mentions)
        tolerance = self.tolerance(doc)
        yield from self._compare([(m, tolerance) for m in found], found, tolerance,
                                 same_file=True)

    def collect(self, doc: Document) -> tuple[float, list[Mention]] | None:
        """What ``run_story`` needs of one document: its tolerance and its comparable mentions
        with what a story keys them by (plain, picklable values, so that documents can be read
        in other processes). Not the headline's that the story below it states too ("Five
        dead" over "At least five people are dead"): the body's place is the one to name."""
        if not self.params["story"]:
            return None
        tolerance = self.tolerance(doc)
        keep = [m for m in doc.cached(mentions) if m.comparable and m.primary]
        top = headline(doc)
        if top is not None:
            end = doc.paragraphs[top].end
            body = [m for m in keep if m.start > end]
            keep = [m for m in keep if m.start > end or not any(
                b.dimension == m.dimension and agree(b, m, tolerance) for b in body)]
        return tolerance, story_mentions(doc, keep)

    def run_story(self, summaries: list) -> Iterator[Finding]:
        """Each document's mentions against those of the documents before it."""
        summaries = [s for s in summaries if s]
        story = iter(sharpen([m for _, found in summaries for m in found]))
        earlier: list[tuple[Mention, float]] = []
        for tolerance, mine in summaries:
            found = [next(story) for _ in mine]
            if earlier:
                yield from self._compare(earlier, found, tolerance, same_file=False)
            earlier.extend((m, tolerance) for m in found)

    def _compare(self, earlier: list[tuple[Mention, float]], later: list[Mention],
                 tolerance: float, *, same_file: bool) -> Iterator[Finding]:
        """Each mention of ``later`` against the mentions of ``earlier`` before it: those of its
        own file keyed by measure or words, those of another article of the story also by
        what they are said of (``story.same_in_story``)."""
        same = same_measure if same_file else same_in_story
        keyed = (lambda m: m.measure or m.clause) if same_file else (
            lambda m: m.measure or m.clause or m.anchors)
        by_dimension: dict[str, list[tuple[Mention, float]]] = defaultdict(list)
        starts: dict[str, list[int]] = defaultdict(list)
        seen: set[tuple[Mention, float]] = set()
        for m, tol in earlier:
            if keyed(m):
                # Mentions that differ only in their place compare alike with any other, but
                # for "one sentence" (same file, same sentence); the first stands for all: a
                # later one in its file never precedes a mention of the first one's sentence.
                key = (_unplaced(m), tol)
                if key not in seen:
                    seen.add(key)
                    by_dimension[m.dimension].append((m, tol))
                    starts[m.dimension].append(m.start)
        for b in later:
            if not keyed(b):
                continue
            pool = by_dimension[b.dimension]
            # The mentions before it (in its own file), the last WINDOW of them.
            before = bisect_left(starts[b.dimension], b.start) if same_file else len(pool)
            candidates = [(a, max(tol, tolerance)) for a, tol in
                          pool[max(0, before - WINDOW):before] if same(a, b)]
            if b.reference and ambiguous(b, [a for a, _ in candidates],
                                         [a for a, _ in pool[:before]]):
                continue  # "The race is 4.1 miles" after two races: either, so neither
            agreeing: set[str] = set()
            if not same_file:
                candidates = _best(b, candidates)
                agreeing = {a.path for a, tol in candidates if agree(a, b, tol)}
            clashes: dict[str, Mention] = {}
            for a, tol in candidates:
                if a.path not in agreeing and a.path not in clashes and not _agrees(a, b, tol):
                    clashes[a.path] = a
            clash = next(iter(clashes.values()), None)
            other = self.pick(b, [a for a, _ in candidates], clash)
            if other is not None:
                # Of a story, every article that disagrees is named, the first in the message.
                also = tuple(a for a in clashes.values() if a.path != other.path) \
                    if other is clash and not same_file else ()
                found = self.mention_finding(b, other, also=also)
                if b.provisional or other.provisional:  # a count that the articles say moves
                    found = replace(found, severity="info")
                yield found


def _agrees(a: Mention, b: Mention, tolerance: float) -> bool:
    """``agree``, or for "That is about 570 miles" and the figure it converts, as a conversion
    ("912 km (570 miles)"): the figure as stated, the conversion with its rounding."""
    if b.restates == a.start and b.path == a.path:
        return conversion_agrees(a, b, tolerance)
    return agree(a, b, tolerance)


def _best(b: Mention, candidates: list[tuple[Mention, float]]) -> list[tuple[Mention, float]]:
    """Of each other article, the mentions ``b`` is best compared with: those of its measure or
    words if it has any, else those keyed by the words near them. (An article of which one
    agrees with ``b`` does not contradict it: one with both 3 km and 5 km, two races, and a
    5 km.)"""
    strong = {a.path for a, _ in candidates if same_measure(a, b)}
    return [(a, tol) for a, tol in candidates if a.path not in strong or same_measure(a, b)]


def named(here: Mention, other: Mention) -> str:
    """What the two figures are of, for the message: the measure ("the range"), else the noun
    they are said of ("the pipeline"), else "the same quantity" (two figures keyed by the
    words around them)."""
    for m in (here, other):
        if m.display:
            return m.display
    for m in (here, other):
        if m.clause is not None and m.clause.named:
            return f"the {m.clause.named}"
    return "the same quantity"


def _unplaced(m: Mention) -> Mention:
    """``m`` without its place in the text: what it is compared by."""
    return replace(m, start=0, end=0, line=0, column=0, end_line=0, end_column=0, sentence=0)
