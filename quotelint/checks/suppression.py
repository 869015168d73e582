"""``suppression``: report suppression comments that are wrong, did nothing, or give no reason.

Like ruff's RUF100 (unused ``noqa``): a suppression that silences nothing hides the next real
problem on its line, and one that names no rule that exists silences nothing at all. This kind
reads no text itself; the linter hands it the suppression comments of each file once every
other rule has run (``quotelint.run.suppress``), including the rules that compare articles.

    - id: QL901
      name: unused-suppression
      kind: suppression
      category: style
      severity: info
      message: "Unused suppression: {detail}."
      report: unused
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..findings import Finding
from ..run.suppress import Directive
from ..schema import Field, choice
from ..text.document import Document
from .base import Check


class SuppressionCheck(Check):
    AUDIT = True
    PLACEHOLDERS = frozenset({"detail", "directive"})
    PARAMS: ClassVar[dict[str, Field]] = {
        "report": Field(choice("unused", "missing-reason"), required=True,
                        doc="unused (or unknown) suppressions, or those without a reason"),
    }

    def run(self, doc: Document) -> Iterator[Finding]:
        return iter(())

    def audit(self, path: str, directive: Directive, detail: str) -> Finding:
        d = directive
        return Finding(
            path=path, line=d.line, column=d.column, end_line=d.end_line,
            end_column=d.end_column, rule=self.meta.id, name=self.meta.name,
            category=self.meta.category, severity=self.meta.severity,
            message=self.format(detail=detail, directive=d.text), start=d.start, end=d.end)
