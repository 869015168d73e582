"""``wrong-conversion``: a conversion in parentheses that does not match the figure it
converts ("320 km (150 miles)").

    - id: QL502
      name: wrong-conversion
      kind: wrong-conversion
      category: number-consistency
      severity: warning
      tolerance: 0.02
      message: "“{match}”: {this} is {expected}, not {other}."
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.numbers.compare import conversion_agrees, in_unit_of, mentions, where
from ..analysis.numbers.quantities import quantities
from ..findings import Finding
from ..text.document import Document
from .figures import FigureCheck


class WrongConversionCheck(FigureCheck):
    def run(self, doc: Document) -> Iterator[Finding]:
        found = doc.cached(mentions)
        tolerance = self.tolerance(doc)
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
            yield self.mention_finding(b, a, message, start=a,
                                       end=(end, doc.position(end)))
