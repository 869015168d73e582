"""``quote-balance``: quotation marks that do not pair up, or that break the house style.

One kind, five problems, each a rule of its own so that each can be selected, ignored or given
a severity separately:

    - id: QL103
      name: mismatched-quote-marks
      kind: quote-balance
      category: quote-balance
      problem: mismatched
      message: "Quotation opened with {other} (line {other_line}) is closed with {mark}."

``unclosed``, ``unopened``, ``mismatched`` and ``nesting`` come from the pairing of
``analysis/quotes.py``, which reads AP running quotes as correct and never lets a stray mark
hide another finding; ``wrong-nesting`` also checks which family goes outside, for the
``style`` of the rule or of the configuration (``quotes.style``: ``us`` puts ‘single’ marks
inside “double” ones, ``uk`` the reverse; ``auto`` takes the family of most top-level quotes).
``mixed-styles`` reports, once per document, the first mark of the less used of straight and
curly marks that no other problem reports.

The five rules share one code path: ``issues`` lists every problem of the document once (one
problem, one finding: a mark already reported as mismatched is not also the first mark of the
minority style), and each rule keeps those of its ``problem``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from ..findings import Finding, Related
from ..schema import Field, choice
from ..text.document import Document
from ..text.marks import DOUBLE, SINGLE, STRAIGHT, QuoteAnalysis
from .base import Check

PROBLEMS = ("unclosed", "unopened", "mismatched", "nesting", "mixed-styles")
_ENGLISH = frozenset('"\'“”‘’') | {"''", "``"}
_SAMPLE = {DOUBLE: "“double”", SINGLE: "‘single’"}


def house_style(doc: Document, configured: str) -> str | None:
    """"us", "uk" or None: the configuration, else the rule, else the document's own habit."""
    style = (doc.options.get("quotes") or {}).get("style") or configured
    if style in ("us", "uk"):
        return style
    families = [q.family for q in doc.quotes.top_level() if q.open_mark in _ENGLISH]
    doubles, singles = families.count(DOUBLE), families.count(SINGLE)
    if doubles == singles:
        return None
    return "us" if doubles > singles else "uk"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem of the quotation marks: ``kind`` is a rule's ``problem``; ``partner`` the
    other mark (of the pair, the parent quotation, or the majority style); ``values`` the
    message placeholders of its kind."""

    kind: str
    start: int
    mark: str
    partner: int | None = None
    values: dict[str, str] = field(default_factory=dict)


def issues(doc: Document, style: str | None) -> list[Issue]:
    """Every problem of ``doc``'s quotation marks, each once, for the house ``style``."""
    analysis = doc.quotes
    out = [Issue(p.kind, p.start, p.mark, p.partner) for p in analysis.problems
           if p.kind != "nesting"]
    out += _nesting(analysis, style)
    taken = {i.start for i in out if i.kind == "mismatched"}
    taken |= {i.partner for i in out if i.kind == "mismatched" and i.partner is not None}
    out += _mixed(doc, analysis, taken)
    return out


def _nesting(analysis: QuoteAnalysis, style: str | None) -> Iterator[Issue]:
    same_family = {p.start for p in analysis.problems if p.kind == "nesting"}
    for q in analysis.quotes:
        parent = analysis.parent(q) if q.depth else None
        if parent is None or q.block:
            continue
        wrong = q.start in same_family or bool(
            style and q.open_mark in _ENGLISH and parent.open_mark in _ENGLISH
            and (q.open_mark in STRAIGHT) == (parent.open_mark in STRAIGHT)
            and (style == "us") == (q.family == DOUBLE))
        if wrong:
            inside = SINGLE if (style or ("us" if parent.family == DOUBLE else "uk")) == "us" \
                else DOUBLE
            outside = DOUBLE if inside == SINGLE else SINGLE
            yield Issue("nesting", q.start, q.open_mark, parent.start,
                        {"inside": _SAMPLE[inside], "outside": _SAMPLE[outside]})


def _mixed(doc: Document, analysis: QuoteAnalysis, taken: set[int]) -> list[Issue]:
    straight, curly = analysis.styles["straight"], analysis.styles["curly"]
    if not straight or not curly:
        return []
    # The majority is the house style; on a tie, the style the article starts with.
    if len(straight) != len(curly):
        major, minor = (("straight", straight), ("curly", curly)) if \
            len(straight) > len(curly) else (("curly", curly), ("straight", straight))
    else:
        major, minor = (("straight", straight), ("curly", curly)) if \
            straight[0] < curly[0] else (("curly", curly), ("straight", straight))
    at = next((i for i in minor[1] if i not in taken), None)
    if at is None:
        return []
    mark = doc.text[at:at + (2 if doc.text[at:at + 2] in ("''", "``") else 1)]
    return [Issue("mixed-styles", at, mark, major[1][0], {
        "majority": major[0], "minority": minor[0], "majority_count": str(len(major[1])),
        "minority_count": str(len(minor[1]))})]


class QuoteBalanceCheck(Check):
    PARAMS: ClassVar[dict[str, Field]] = {
        "problem": Field(choice(*PROBLEMS), required=True, doc="which problem this rule reports"),
        "style": Field(choice("auto", "us", "uk"), default="auto",
                       doc="nesting convention; quotes.style in the configuration overrides it"),
    }
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({
        "match", "mark", "other", "other_line", "other_column", "opening", "closing", "inside",
        "outside",
        "majority", "minority", "majority_count", "minority_count"})

    def run(self, doc: Document) -> Iterator[Finding]:
        analysis = doc.quotes
        if not analysis.styles["straight"] and not analysis.styles["curly"]:
            return  # the cheap test: no quotation mark at all
        style = house_style(doc, self.params["style"])
        found = doc.cached(_issues_by_style).get(style)
        if found is None:
            found = doc.cached(_issues_by_style)[style] = issues(doc, style)
        problem = self.params["problem"]
        for issue in found:
            if issue.kind == problem:
                yield self._at(doc, issue)

    def _at(self, doc: Document, issue: Issue) -> Finding:
        start, mark, partner = issue.start, issue.mark, issue.partner
        other_line, other_column = doc.position(partner) if partner is not None else (0, 0)
        other = doc.text[partner] if partner is not None else ""
        related = () if partner is None else (
            Related(doc.path, other_line, other_column, f"the other mark, {other}"),)
        opening, closing = (mark, other) if partner is None or start < partner else (other, mark)
        return self.finding(doc, start, start + len(mark), related=related, match=mark,
                            mark=mark, other=other, other_line=other_line,
                            other_column=other_column, opening=opening, closing=closing,
                            **issue.values)


def _issues_by_style(doc: Document) -> dict[str | None, list[Issue]]:
    """The issues of each house style asked for: the five rules share one list."""
    return {}
