"""``anonymous-source``: unnamed sources, each rule reporting one aspect of them.

One analysis (``analysis/attribution/anonymity.py``) finds every anonymous source of a document
and lists what is to be reported of each (``AnonymousSource.reports``); a rule of this kind
reports the entries named by its ``report``, so that a newsroom can tune each separately:

- ``no-reason``: a described anonymous source and no reason for anonymity in the same or the
  next sentence;
- ``reason-given``: an anonymous source with a reason given (the desk still wants the list);
- ``bare``: a source with no description at all ("sources said", "officials say");
- ``boilerplate``: the reason given is a formula ("not authorized to speak publicly"); the
  finding is on the formula;
- ``secondhand``: another outlet's anonymous source ("X reported, citing ...");
- ``later-mention``: a later mention of a source already reported ("the aide said");
- ``spokesperson``: an unnamed spokesperson of a body ("a Pentagon spokesman said").

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

from ..analysis.attribution.anonymity import anonymity_finder
from ..findings import Finding
from ..schema import Field, choice
from ..text.document import Document
from .base import BuildContext, Check, flat

REPORTS = ("no-reason", "reason-given", "bare", "boilerplate", "secondhand", "later-mention",
           "spokesperson")


class AnonymousSourceCheck(Check):
    PLACEHOLDERS = frozenset({"match", "outlet"})
    PARAMS: ClassVar[dict[str, Field]] = {
        "report": Field(choice(*REPORTS), required=True,
                        doc="which aspect: " + ", ".join(REPORTS)),
    }

    def setup(self, ctx: BuildContext) -> None:
        self.finder = anonymity_finder(ctx.lexicons, ctx.shared)
        self.report = self.params["report"]

    def run(self, doc: Document) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        for source in doc.cached(self.finder.find):
            for report, start, end in source.reports:
                if report != self.report or (start, end) in seen:
                    continue
                seen.add((start, end))
                yield self.finding(doc, start, end, match=flat(doc.text[start:end]),
                                   outlet=source.outlet or "")
