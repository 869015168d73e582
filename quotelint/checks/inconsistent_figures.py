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

from ..analysis.numbers.compare import Mention
from .figures import ComparingCheck


class InconsistentFiguresCheck(ComparingCheck):
    def pick(self, b: Mention, candidates: list[Mention], clash: Mention | None) -> Mention | None:
        return clash
