"""``suppression``: report suppression comments that are wrong, did nothing, or give no reason.

Like ruff's RUF100 (unused ``noqa``): a suppression that silences nothing hides the next real
problem on its line, and one that names no rule that exists silences nothing at all. This kind
reads no text itself: the audit of each file's suppression comments
(``quotelint.run.suppress.audit``), once every other rule has run, including the rules that
compare articles, finds what is wrong with them, and each rule of this kind reports the
problems of the sort its ``report`` names. Both sorts take one code path.

    - id: QL901
      name: unused-suppression
      kind: suppression
      category: style
      severity: info
      message: "Unused suppression: {detail}."
      report: unused
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import ClassVar, Protocol

from ..findings import Finding
from ..schema import Field, choice
from ..text.document import Document
from .base import Check

# The sorts of problem the audit finds: what ``report`` may name.
UNUSED, MISSING_REASON = "unused", "missing-reason"


class Comment(Protocol):
    """Where a suppression comment is, and what it says (``run.suppress.Directive``)."""

    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class SuppressionCheck(Check):
    AUDIT = True
    PLACEHOLDERS = frozenset({"detail", "directive"})
    PARAMS: ClassVar[dict[str, Field]] = {
        "report": Field(choice(UNUSED, MISSING_REASON), required=True,
                        doc="unused (or unknown) suppressions, or those without a reason"),
    }

    def run(self, doc: Document) -> Iterator[Finding]:
        return iter(())

    def audit(self, path: str,
              problems: Mapping[str, Sequence[tuple[Comment, str]]]) -> Iterator[Finding]:
        """A finding for each of the file's problems of the sort this rule reports."""
        for d, detail in problems.get(self.params["report"], ()):
            yield self.finding_at(path, d.start, d.end, (d.line, d.column),
                                  (d.end_line, d.end_column),
                                  self.format(detail=detail, directive=d.text))


def reason_rules(checks: Iterable[Check]) -> list[str]:
    """The ids of the rules that report a suppression comment with no reason: what the
    configuration's ``suppressions: {require_reason: true}`` selects."""
    return [c.meta.id for c in checks
            if isinstance(c, SuppressionCheck) and c.params["report"] == MISSING_REASON]
