"""``substitution``: prefer one wording to another, with the replacement as a fix.

``swap`` maps a regular expression to its replacement. The replacement follows the case of the
match's first letter ("Utilize" -> "Use"). A replacement with alternatives ("a|b") is shown
but not applied by --fix, since choosing is the writer's job. The default scope is
outside-quotes: a quotation is what someone said, and a house style never rewrites it.

    - id: HOUSE010
      name: house-spelling
      kind: substitution
      category: style
      severity: info
      message: "House style: “{replacement}”, not “{match}”."
      ignore_case: true
      swap: {'pre-?prepared': prepared, 'per cent': percent}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..findings import Finding, Fix
from ..schema import Field, boolean, choice, string_map
from ..text.document import Document
from .base import BuildContext, Check, flat
from .regexes import compile_pattern
from .scopes import SCOPES, matches


def match_case(replacement: str, matched: str) -> str:
    """Carry the case of ``matched`` over to ``replacement`` (upper, title or as written)."""
    if matched.isupper() and len(matched) > 1:
        return replacement.upper()
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstitutionCheck(Check):
    PLACEHOLDERS = frozenset({"match", "replacement"})
    PARAMS: ClassVar[dict[str, Field]] = {
        "swap": Field(string_map, required=True, doc="regex -> preferred wording"),
        "ignore_case": Field(boolean, default=False, doc="match regardless of case"),
        "scope": Field(choice(*SCOPES), default="outside-quotes", doc="where to search"),
        "safe": Field(boolean, default=True,
                      doc="false: the replacement may change what a sentence says, so "
                          "--fix applies it only with --unsafe-fixes"),
    }

    def setup(self, ctx: BuildContext) -> None:
        swap = self.params["swap"]
        if not swap:
            return self.problem("swap", "'swap' must have at least one entry")
        line = self.raw.line_of("swap")
        wrong = len(self.where.problems or ())
        # One alternation with a named group per entry: one pass over the text for all of them.
        for source in swap:
            self.where.attempt(compile_pattern, source, ignore_case=self.params["ignore_case"],
                               lexicons=ctx.lexicons, where=self.where,
                               line=self.raw["swap"].line_of(source), key="swap")
        if len(self.where.problems or ()) > wrong:
            return None
        self.replacements = list(swap.values())
        alternation = "|".join(f"(?P<s{i}>(?<!\\w)(?:{src})(?!\\w))"
                               for i, src in enumerate(swap))
        self.pattern = compile_pattern(alternation, ignore_case=self.params["ignore_case"],
                                       lexicons=ctx.lexicons, where=self.where, line=line,
                                       key="swap")

    def run(self, doc: Document) -> Iterator[Finding]:
        for m in matches(doc, self.pattern, self.params["scope"]):
            index = int(m.lastgroup[1:])
            matched = doc.text[m.start():m.end()]
            replacement = match_case(self.replacements[index], matched)
            if replacement == matched:
                continue
            fix = None if "|" in replacement else \
                Fix(m.start(), m.end(), replacement, safe=self.params["safe"])
            yield self.finding(doc, m.start(), m.end(), fix=fix, match=flat(matched),
                               replacement=replacement.replace("|", "” or “"))
