"""``unit-symbol``: a unit symbol written with a plural s ("320 kms"), with the fix. A style
rule: it says nothing about whether figures agree.

    - id: QL504
      name: plural-unit-symbol
      kind: unit-symbol
      category: style
      severity: info
      message: "“{match}”: unit symbols take no plural s; write “{fix}”."
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.numbers.quantities import quantities
from ..findings import Finding, Fix
from ..text.document import Document
from .base import Check


class UnitSymbolCheck(Check):
    PLACEHOLDERS = frozenset({"match", "fix"})

    def run(self, doc: Document) -> Iterator[Finding]:
        for q in doc.cached(quantities):
            name = q.figure.unit
            if name is None or not name.plural_symbol:
                continue
            fig = q.figure
            written = doc.text[fig.number_start:fig.unit_end]
            fixed = doc.text[fig.number_start:fig.unit_start] + (name.fix or "")
            yield self.finding(doc, fig.number_start, fig.unit_end,
                               self.format(match=written, fix=fixed),
                               fix=Fix(fig.number_start, fig.unit_end, fixed))
