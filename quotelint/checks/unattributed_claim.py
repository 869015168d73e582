"""``unattributed-claim``: a claim pattern that is reported only when no source is named.

Everything the ``pattern`` kind does (a regex or lexicon within a scope, ``unless`` and
``requires`` conditions), plus a sourcing test: a match is not reported when its
sentence names its source ("the ministry said", "according to Reuters", "a poll by Gallup"),
or, with ``source_in: sentence-or-previous`` (or ``around``), when the sentence before (or
either neighbour) does. ``source_in: content`` is stricter: an attribution counts only if the
match is part of what it attributes ("she believed [most people wanted ...]"), while named
evidence in the sentence or the one before still counts. ``source_types:
evidence`` accepts only named evidence (a poll, a survey, figures) and "according to": a
generalisation about what people think is not sourced by an official's quote in the same
sentence. The message can ask the editor's question that fits the match (``ask``).

    - id: QL404
      name: unnamed-evidence
      kind: unattributed-claim
      category: unattributed-claim
      message: "“{match}”: {question}"
      pattern: '\\b(?:polls?|polling|a survey|studies) (?:\\w+ ){0,3}?(?:show|shown|found)\\b'
      ignore_case: true
      ask: {'poll|survey': "Which poll? Name who conducted it.", '.': "Which study?"}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from ..analysis.attribution.lexicon import required
from ..analysis.attribution.sourcing import headline, source_finder
from ..cache import compile_regex
from ..findings import Finding
from ..matching.alternation import alternation
from ..schema import Field, boolean, choice, string, string_map
from ..text.document import Document
from .base import BuildContext
from .pattern import PatternCheck
from .regexes import compile_pattern
from .scopes import SCOPES

# Sentences (before, after) where a named source cancels a finding.
_WINDOWS = {"sentence": (0, 0), "sentence-or-previous": (1, 0), "around": (1, 1),
            "content": (1, 0), "paragraph-or-previous": (0, 0), "nowhere": None}


class UnattributedClaimCheck(PatternCheck):
    PLACEHOLDERS = frozenset({"match", "question"})
    PARAMS: ClassVar[dict[str, Field]] = {
        **PatternCheck.PARAMS,
        "scope": Field(choice(*SCOPES), default="outside-quotes", doc="where to search"),
        "source_in": Field(choice(*_WINDOWS), default="sentence",
                           doc="where a named source cancels the finding"),
        "source_types": Field(choice("any", "evidence"), default="any",
                              doc="which named sources count: any, or evidence only"),
        "ask": Field(string_map, default={}, doc="regex on the match -> the editor's question"),
        "question": Field(string, default="Who says so? Name the source.",
                          doc="the question when no 'ask' entry matches"),
        "lede_named_later": Field(boolean, default=False,
                                  doc="in the lede, a source named in the next paragraph counts"),
    }

    def setup(self, ctx: BuildContext) -> None:
        super().setup(ctx)
        asks = self.raw.get("ask") or {}
        self.asks: list[tuple[regex.Pattern, str]] = [
            (self.where.attempt(compile_pattern, key, ignore_case=True, lexicons=ctx.lexicons,
                                where=self.where, line=asks.line_of(key), key="ask"), question)
            for key, question in self.params["ask"].items()]
        # Last: a word list the analysis needs and no rule file defines ends the setup.
        self.finder = source_finder(ctx.lexicons, ctx.shared)
        groups = required(ctx.lexicons, ("vague_groups",),
                          "kind 'unattributed-claim'")["vague_groups"]
        # A lede's "experts say" is named later only by one of the experts (sourcing.py).
        self.group = compile_regex(rf"(?i:\b(?:{alternation(groups)})\b)")

    def _question(self, matched: str) -> str:
        for pattern, question in self.asks:
            if pattern.search(matched):
                return question
        return self.params["question"]

    def placeholders(self) -> frozenset[str] | None:
        inherited = super().placeholders()  # None while the pattern is wrong
        return None if inherited is None else inherited | self.PLACEHOLDERS

    def run(self, doc: Document) -> Iterator[Finding]:
        window = _WINDOWS[self.params["source_in"]]
        for m in self.allowed_matches(doc):
            index = doc.sentence_index(m.start())
            top = doc.cached(headline)  # once a document, and only where a rule matches
            if top is not None and doc.sentences[index].paragraph == top:
                continue  # a headline's sourcing is the story's
            if self.params["lede_named_later"] and self.finder.named_in_next_paragraph(
                    doc, index, experts=self.group.search(m.group()) is not None):
                continue
            if window and self.finder.sourced(
                    doc, index, before=window[0], after=window[1],
                    evidence_only=self.params["source_types"] == "evidence",
                    within=m.span() if self.params["source_in"] == "content" else None,
                    paragraphs=self.params["source_in"] == "paragraph-or-previous"):
                continue
            fields = self.fields(doc, m)
            yield self.finding(doc, m.start(), m.end(), **fields,
                               question=self._question(fields["match"]))
