"""``inconsistent-figures``: two figures of the same quantity whose intervals do not overlap
("300 km" and later "200 miles", which is 322 km), in one article and across a story.

    - id: QL501
      name: inconsistent-figures
      kind: inconsistent-figures
      category: number-consistency
      severity: warning
      tolerance: 0.02
      message: "Figures for {measure} disagree: {this} vs {other}, the other at {where}."
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.attribution.sourcing import headline
from ..analysis.numbers.compare import Mention
from ..analysis.numbers.dates import When, disagree, sharpen_whens, whens
from ..findings import Finding, Related
from ..text.document import Document
from .figures import ComparingCheck


class InconsistentFiguresCheck(ComparingCheck):
    """Figures of one quantity that disagree; with ``--story``, also dates or weekdays of one
    event (``analysis/numbers/dates.py``)."""

    def pick(self, b: Mention, candidates: list[Mention], clash: Mention | None) -> Mention | None:
        return clash

    def collect(self, doc: Document) -> tuple | None:
        summary = super().collect(doc)
        if summary is None:
            return None
        top = headline(doc)
        return (*summary, whens(doc, doc.paragraphs[top].end if top is not None else 0))

    def run_story(self, summaries: list) -> Iterator[Finding]:
        yield from super().run_story([s[:2] if s else s for s in summaries])
        found = sharpen_whens([w for s in summaries if s for w in s[2]])
        for i, b in enumerate(found):
            others: dict[str, When] = {}  # the first that disagrees in each file
            for a in found[:i]:
                if a.path not in others and disagree(a, b):
                    others[a.path] = a
            if others:
                yield self._when_finding(b, list(others.values()))

    def _when_finding(self, here: When, others: list[When]) -> Finding:
        other = others[0]
        where = f"line {other.line}" if other.path == here.path else f"{other.path}:{other.line}"
        message = self.format(measure="the date", this=here.shown, other=other.shown,
                              where=where, match=here.shown, expected="", fix="")
        return self.finding_at(here.path, here.start, here.end, (here.line, here.column),
                               (here.end_line, here.end_column), message,
                               related=tuple(Related(o.path, o.line, o.column,
                                                     f"{o.shown} (the date)") for o in others))
