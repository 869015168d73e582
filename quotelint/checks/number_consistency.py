"""``number-consistency``: the same quantity must agree, within an article and across a story.

One kind, four reports, chosen with ``report``:

- ``inconsistent-figures``: two figures of the same measure whose intervals do not overlap
  ("300 km" and later "200 miles", which is 322 km);
- ``wrong-conversion``: a conversion in parentheses that does not match ("320 km (150 miles)");
- ``mixed-units``: one measure stated in two unit systems ("320 km" here, "200 miles" there);
- ``unit-symbol``: a unit symbol written with a plural s ("320 kms"), with the fix.

The first and third also compare across the files of a story (``quotelint --story``): each
document is reduced by ``collect`` to a list of picklable ``Mention`` records, and ``run_story``
compares the records of different files. What a figure measures, and when two figures are
comparable at all, is decided by ``analysis/numbers/quantities.py``, ``analysis/numbers/context.py``
(the words around a figure) and ``analysis/numbers/compare.py``.

    - id: QL501
      name: inconsistent-figures
      kind: number-consistency
      category: number-consistency
      severity: warning
      report: inconsistent-figures
      tolerance: 0.02
      message: "Figures for {measure} disagree: {this} vs {other}, the other at {where}."
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar

from ..analysis.numbers.compare import (
    Mention,
    agree,
    conversion_agrees,
    in_unit_of,
    mentions,
    same_measure,
    shown,
    where,
)
from ..analysis.numbers.quantities import quantities
from ..findings import Finding, Fix, Related
from ..schema import Field, Where, boolean, choice, number
from ..text.document import Document
from .base import Check

REPORTS = ("inconsistent-figures", "wrong-conversion", "mixed-units", "unit-symbol")
# A mention is compared with at most this many mentions of its dimension before it: an
# article has a handful and a story cluster a few dozen, while comparing every pair of a long
# table of distances is quadratic.
WINDOW = 200


def _tolerance(value, where: Where, line: int | None, key: str) -> float:
    value = number(value, where, line, key)
    if not 0 <= value < 1:
        raise where.error(line, f"'{key}' must be a share between 0 and 1 (0.02 is 2%)")
    return value


class NumberConsistencyCheck(Check):
    PARAMS: ClassVar[dict[str, Field]] = {
        "report": Field(choice(*REPORTS), required=True, doc="which problem this rule reports"),
        "tolerance": Field(_tolerance, default=0.02,
                           doc="relative slack when comparing figures (config: numbers.tolerance)"),
        "story": Field(boolean, default=True, doc="with --story, also compare across files"),
    }
    PLACEHOLDERS = frozenset({"match", "measure", "this", "other", "where", "expected", "fix"})

    def setup(self, ctx) -> None:
        self.report = self.params["report"]
        self.FIXABLE = self.report == "unit-symbol"

    # -- per document ----------------------------------------------------------------------

    def tolerance(self, doc: Document) -> float:
        """The rule's slack, unless the configuration sets ``numbers.tolerance``."""
        return float(self.configured(doc, "numbers", "tolerance", lambda v: v is not None))

    def run(self, doc: Document) -> Iterator[Finding]:
        if self.report == "unit-symbol":
            yield from self._unit_symbols(doc)
            return
        found = doc.cached(mentions)
        tolerance = self.tolerance(doc)
        if self.report == "wrong-conversion":
            yield from self._conversions(doc, found, tolerance)
            return
        yield from self._compare([(m, tolerance) for m in found], found, tolerance,
                                 same_file=True)

    def collect(self, doc: Document) -> tuple[float, list[Mention]] | None:
        """What ``run_story`` needs of one document: its tolerance and its comparable mentions
        (plain, picklable values, so that documents can be read in other processes)."""
        if not self.params["story"] or self.report not in ("inconsistent-figures", "mixed-units"):
            return None
        keep = [m for m in doc.cached(mentions)
                if (m.measure or m.clause) and m.comparable and m.primary]
        return self.tolerance(doc), keep

    def run_story(self, summaries: list) -> Iterator[Finding]:
        """Each document's mentions against those of the documents before it."""
        earlier: list[tuple[Mention, float]] = []
        for summary in summaries:
            if not summary:
                continue
            tolerance, found = summary
            if earlier:
                yield from self._compare(earlier, found, tolerance, same_file=False)
            earlier.extend((m, tolerance) for m in found)

    # -- the reports ------------------------------------------------------------------------

    def _compare(self, earlier: list[tuple[Mention, float]], later: list[Mention],
                 tolerance: float, *, same_file: bool) -> Iterator[Finding]:
        """Each mention of ``later`` against the mentions of ``earlier`` that precede it:
        the first that disagrees is reported (QL501); failing that, the first stated in
        another unit system (QL503)."""
        by_dimension: dict[str, list[tuple[Mention, float]]] = defaultdict(list)
        starts: dict[str, list[int]] = defaultdict(list)
        seen: set[tuple[Mention, float]] = set()
        for m, tol in earlier:
            if m.measure or m.clause:
                # Mentions that differ only in their place compare alike with any other, but
                # for "one sentence" (same file, same sentence); the first stands for all: a
                # later one in its file never precedes a mention of the first one's sentence.
                # Otherwise a file repeating one figure is compared pair by pair.
                key = (_unplaced(m), tol)
                if key not in seen:
                    seen.add(key)
                    by_dimension[m.dimension].append((m, tol))
                    starts[m.dimension].append(m.start)
        for b in later:
            if not (b.measure or b.clause):
                continue
            pool = by_dimension[b.dimension]
            # The mentions before it (in its own file), the last WINDOW of them.
            before = bisect_left(starts[b.dimension], b.start) if same_file else len(pool)
            candidates = [(a, max(tol, tolerance)) for a, tol in
                          pool[max(0, before - WINDOW):before] if same_measure(a, b)]
            clash = next((a for a, tol in candidates if not agree(a, b, tol)), None)
            if self.report == "inconsistent-figures":
                if clash is not None:
                    yield self._finding(b, clash)
            elif clash is None and not b.paired and b.system:
                other = next((a for a, _ in candidates
                              if a.system and a.system != b.system and not a.paired), None)
                if other is not None:
                    yield self._finding(b, other)

    def _conversions(self, doc: Document, found: list[Mention],
                     tolerance: float) -> Iterator[Finding]:
        for q, b in zip(doc.cached(quantities), found, strict=True):
            if q.converts is None:
                continue
            a = found[q.converts]
            if conversion_agrees(a, b, tolerance):
                continue
            expected = in_unit_of(b, a).removeprefix(" (= ").removesuffix(")")
            end = b.end + 1 if doc.text[b.end:b.end + 1] in ")]" else b.end
            stated = a.shown.removeprefix(f"{a.approximator} ") if a.approximator else a.shown
            if a.difference:  # why 2 °C is 3.6 °F here: "a rise of 2C (35.6F)"
                stated = f"a difference of {stated}"
            message = self.format(measure=b.display or "the figure", this=stated,
                                  other=b.shown, expected=expected, where=where(a, b), fix="",
                                  match=" ".join(doc.text[a.start:end].split()))
            yield self._finding(b, a, message, start=a, end=(end, doc.position(end)))

    def _unit_symbols(self, doc: Document) -> Iterator[Finding]:
        for q in doc.cached(quantities):
            name = q.figure.unit
            if name is None or not name.plural_symbol:
                continue
            fig = q.figure
            written = doc.text[fig.number_start:fig.unit_end]
            fixed = doc.text[fig.number_start:fig.unit_start] + (name.fix or "")
            message = self.format(match=written, fix=fixed, measure=q.display, this=shown(q),
                                  other="", where="", expected=fixed)
            yield self.finding(doc, fig.number_start, fig.unit_end, message,
                               fix=Fix(fig.number_start, fig.unit_end, fixed))

    def _finding(self, here: Mention, other: Mention, message: str | None = None, *,
                 start: Mention | None = None,
                 end: tuple[int, tuple[int, int]] | None = None) -> Finding:
        """A finding at ``here`` (from ``start``, if given) that points to ``other``."""
        if message is None:
            message = self.format(measure=_named(here, other), this=here.shown,
                                  other=other.shown + in_unit_of(here, other),
                                  where=where(other, here), match=here.shown, expected="",
                                  fix="")
        first = start or here
        related = () if first is other else (
            Related(other.path, other.line, other.column,
                    f"{other.shown} ({_named(other, here)})"),)
        stop, (end_line, end_column) = end or (here.end, (here.end_line, here.end_column))
        return self.finding_at(here.path, first.start, stop, (first.line, first.column),
                               (end_line, end_column), message, related=related)


def _named(here: Mention, other: Mention) -> str:
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
