"""``pattern``: report each match of a regular expression or lexicon within a scope.

The general-purpose kind (Vale's ``existence``): a newsroom can write most house rules with it.

    - id: NEWS001
      name: no-sources-say
      kind: pattern
      category: anonymous-source
      message: "“{match}”: which sources?"
      pattern: '\\bsources (?:say|said)\\b'
      ignore_case: true
      unless: {pattern: 'on condition of anonymity', window: 1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from ..findings import Finding
from ..schema import Field, boolean, choice, string
from ..text.document import Document
from .base import BuildContext, Check, flat
from .conditions import allowed, parse_conditions
from .regexes import compile_pattern, lexicon_pattern
from .scopes import SCOPES, matches
from .triggers import parse_triggers


def passthrough(value: Any, *_: Any) -> Any:
    return value


class PatternCheck(Check):
    PARAMS: ClassVar[dict[str, Field]] = {
        "pattern": Field(string, doc="regular expression (the `regex` module's syntax)"),
        "lexicon": Field(string, doc="name of a lexicon: any entry, as whole words"),
        "ignore_case": Field(boolean, default=False, doc="match regardless of case"),
        "scope": Field(choice(*SCOPES), default="sentence", doc="where to search"),
        "trigger": Field(passthrough, doc="list(s) of words, one of each in every match's "
                                          "unit: a cheap test run first, so that a costly "
                                          "pattern runs only where it can match"),
        "unless": Field(passthrough, doc="condition(s) that cancel a match"),
        "requires": Field(passthrough, doc="condition(s) a match needs"),
    }

    def setup(self, ctx: BuildContext) -> None:
        p = self.params
        self.pattern = self._pattern(ctx)
        self.triggers = self.where.attempt(parse_triggers, p["trigger"], ctx.lexicons,
                                           self.where, self.raw.line_of("trigger"))
        self.unless = self._conditions("unless", ctx)
        self.requires = self._conditions("requires", ctx)
        self.scope = p["scope"]

    def _pattern(self, ctx: BuildContext) -> regex.Pattern | None:
        p = self.params
        if (p["pattern"] is None) == (p["lexicon"] is None):
            return self.problem("kind",
                                "a pattern rule needs exactly one of 'pattern' or 'lexicon'")
        key = "pattern" if p["pattern"] is not None else "lexicon"
        if key == "lexicon" and p["lexicon"] not in ctx.lexicons:
            return self.problem("lexicon", f"unknown lexicon {p['lexicon']!r}")
        source = p["pattern"] if key == "pattern" else lexicon_pattern(p["lexicon"])
        return self.where.attempt(compile_pattern, source, ignore_case=p["ignore_case"],
                                  lexicons=ctx.lexicons, where=self.where,
                                  line=self.raw.line_of(key), key=key)

    def _conditions(self, key: str, ctx: BuildContext) -> list:
        if self.params[key] is None:
            return []
        return parse_conditions(self.params[key], key, where=self.where,
                                ignore_case=self.params["ignore_case"], lexicons=ctx.lexicons)

    def placeholders(self) -> frozenset[str] | None:
        if self.pattern is None:
            return None  # its named groups are unknown
        return self.PLACEHOLDERS | frozenset(self.pattern.groupindex)

    def allowed_matches(self, doc: Document) -> Iterator[regex.Match]:
        """Matches in the rule's scope that pass its ``unless``/``requires`` conditions."""
        for m in matches(doc, self.pattern, self.scope, self.triggers):
            if allowed(doc, m.start(), self.unless, self.requires):
                yield m

    def run(self, doc: Document) -> Iterator[Finding]:
        for m in self.allowed_matches(doc):
            yield self.finding(doc, m.start(), m.end(), **self.fields(doc, m))

    @staticmethod
    def fields(doc: Document, m: regex.Match) -> dict[str, str]:
        """Message placeholders of a match: ``match`` and the pattern's named groups."""
        groups = {k: flat(v or "") for k, v in m.groupdict().items()}
        return {**groups, "match": flat(doc.text[m.start():m.end()])}
