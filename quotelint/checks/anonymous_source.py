"""``anonymous-source``: unnamed sources, reported by what is missing.

One analysis (``analysis/attribution/anonymity.py``) finds every anonymous source of a
document; each rule of this kind reports one aspect of it, so that a newsroom can tune each
separately:

- ``report: no-reason``: a described anonymous source ("two people familiar with the talks")
  and no reason for anonymity in the same or the next sentence;
- ``report: bare``: a source with no description at all ("sources said", "officials say");
- ``report: boilerplate``: the reason given is a formula ("not authorized to speak
  publicly"); the finding is on the formula;
- ``report: secondhand``: another outlet's anonymous source ("X reported, citing ...").

    - id: NEWS301
      name: anonymous-no-reason
      kind: anonymous-source
      category: anonymous-source
      report: no-reason
      message: "Anonymous source (“{match}”): why was anonymity granted?"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..analysis.attribution.anonymity import BARE, DESCRIBED, anonymity_finder
from ..findings import Finding
from ..schema import Field, choice
from ..text.document import Document
from .base import BuildContext, Check, flat

_REPORTS = ("no-reason", "bare", "boilerplate", "secondhand")


class AnonymousSourceCheck(Check):
    PLACEHOLDERS = frozenset({"match", "outlet"})
    PARAMS: ClassVar[dict[str, Field]] = {
        "report": Field(choice(*_REPORTS), required=True,
                        doc="which problem: no-reason, bare, boilerplate or secondhand"),
    }

    def setup(self, ctx: BuildContext) -> None:
        self.finder = anonymity_finder(ctx.lexicons, ctx.shared)
        self.report = self.params["report"]

    def run(self, doc: Document) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        for source in doc.cached(self.finder.find):
            span = self._span(source)
            if span is None or span in seen:
                continue
            seen.add(span)
            yield self.finding(doc, *span, match=flat(doc.text[span[0]:span[1]]),
                               outlet=source.outlet or "")

    def _span(self, source) -> tuple[int, int] | None:
        report = self.report
        if report == "no-reason" and source.kind == DESCRIBED and source.reason is None:
            return source.start, source.end
        if report == "bare" and source.kind == BARE:
            return source.start, source.end
        if report == "boilerplate" and source.reason == "boilerplate":
            return source.reason_start, source.reason_end
        if report == "secondhand" and source.outlet:
            return source.start, source.end
        return None
