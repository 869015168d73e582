"""``mixed-units``: one quantity stated in metric in one place and in imperial units in
another ("320 km" here, "200 miles" there), when the two agree and neither gives its
conversion; in one article and across a story.

    - id: QL503
      name: mixed-unit-systems
      kind: mixed-units
      category: number-consistency
      severity: info
      message: "Mixed unit systems for {measure}: {this} vs {other}, the other at {where}."
"""

from __future__ import annotations

from ..analysis.numbers.compare import Mention
from .figures import ComparingCheck


class MixedUnitsCheck(ComparingCheck):
    def pick(self, b: Mention, candidates: list[Mention], clash: Mention | None) -> Mention | None:
        if clash is not None or b.paired or not b.system:
            return None  # a disagreement is inconsistent-figures' to report
        return next((a for a in candidates
                     if a.system and a.system != b.system and not a.paired), None)
