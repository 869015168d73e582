"""A story-wide rule kind for the tests (the real one, number consistency, lives elsewhere):
it reports a distance in a later article that differs from the first article's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from quotelint.checks.base import Check
from quotelint.findings import Finding
from quotelint.text.document import Document

_DISTANCE = regex.compile(r"\b(\d+) km\b")


class DistanceCheck(Check):
    STORY = True

    def run(self, doc: Document) -> Iterator[Finding]:
        return iter(())

    def collect(self, doc: Document) -> Any:
        return [(doc.path, m.start(), m.end(), *doc.position(m.start()),
                 *doc.position(m.end()), m.group()) for m in _DISTANCE.finditer(doc.flat)]

    def run_story(self, summaries: list[Any]) -> Iterator[Finding]:
        if not summaries or not summaries[0]:
            return
        first = summaries[0][0][-1]
        for mentions in summaries[1:]:
            for path, start, end, line, col, end_line, end_col, text in mentions:
                if text != first:
                    yield Finding(path, line, col, end_line, end_col, self.meta.id,
                                  self.meta.name, self.meta.category, self.meta.severity,
                                  self.format(match=text), start, end)
