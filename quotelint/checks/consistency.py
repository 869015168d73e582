"""``consistency``: two variants of one thing must not both appear in a document.

``either`` maps one variant (a regular expression) to the other. Whichever appears first in
the document wins; every later use of the other variant is reported, pointing to the first.

    - id: HOUSE020
      name: consistent-spelling
      kind: consistency
      category: style
      severity: info
      message: "“{match}” here, but “{other}” on line {other_line}: pick one."
      ignore_case: true
      either: {'Kyiv': 'Kiev', 'adviser': 'advisor'}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..findings import Finding, Related
from ..schema import Field, boolean, choice, string_map
from ..text.document import Document
from .base import BuildContext, Check, flat
from .regexes import compile_pattern
from .scopes import SCOPES, matches


class ConsistencyCheck(Check):
    PLACEHOLDERS = frozenset({"match", "other", "other_line"})
    PARAMS: ClassVar[dict[str, Field]] = {
        "either": Field(string_map, required=True, doc="variant -> other variant (regexes)"),
        "ignore_case": Field(boolean, default=False, doc="match regardless of case"),
        "scope": Field(choice(*SCOPES), default="outside-quotes", doc="where to search"),
    }

    def setup(self, ctx: BuildContext) -> None:
        either = self.params["either"]
        if not either:
            return self.problem("either", "'either' must have at least one pair")
        self.pairs = []
        for left, right in either.items():
            line = self.raw["either"].line_of(left)
            self.pairs.append(tuple(
                self.where.attempt(compile_pattern, rf"(?<!\w)(?:{src})(?!\w)",
                                   ignore_case=self.params["ignore_case"],
                                   lexicons=ctx.lexicons, where=self.where, line=line,
                                   key="either")
                for src in (left, right)))
        return None

    def run(self, doc: Document) -> Iterator[Finding]:
        scope = self.params["scope"]
        for left, right in self.pairs:
            a = list(matches(doc, left, scope))
            b = list(matches(doc, right, scope))
            if not a or not b:
                continue
            first, later = (a, b) if a[0].start() < b[0].start() else (b, a)
            anchor = first[0]
            line, column = doc.position(anchor.start())
            other = flat(anchor.group())
            for m in later:
                yield self.finding(
                    doc, m.start(), m.end(), match=flat(m.group()), other=other,
                    other_line=line,
                    related=[Related(doc.path, line, column, f"first written “{other}” here")])
