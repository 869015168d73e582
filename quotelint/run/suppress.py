"""Inline suppression comments, in Markdown and plain text alike.

    <!-- quotelint-disable-next-line QL301 -- the source is named in the next paragraph -->
    <!-- quotelint-disable-line unattributed-claim -->      (on the line it silences)
    <!-- quotelint-disable QL401 QL402 -->  ...  <!-- quotelint-enable QL401 QL402 -->
    <!-- quotelint-disable-file style -->

Selectors are what ``--select`` takes (ids, names, categories, id prefixes, ALL); none means
every rule. Everything after `` -- `` is the reason. HTML comments, because they vanish when
Markdown is rendered (markdownlint and Vale use the same form); the same comment works in a
``.txt`` file. A comment inside code or inside a quotation is not a directive: it is text that
someone wrote or said.

Directives are parsed once per document into a small picklable ``Suppressions``, so that
findings that arrive later (story-wide ones, compared across articles) are silenced by the
comments of the file they point into, and so that an unused directive is only reported once
every finding that could have used it is known.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..cache import compile_re
from ..checks.selectors import matches
from ..checks.suppression import MISSING_REASON, UNUSED

if TYPE_CHECKING:
    from ..checks.base import Check
    from ..checks.ruleset import RuleSet
    from ..findings import Finding
    from ..text.document import Document

ACTIONS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
_DIRECTIVE = compile_re(r"<!--[ \t]*quotelint-([\w-]*)(.*?)-->", re.S)
# The reason follows " -- "; word processors turn "--" into a dash, so accept those too.
_REASON = compile_re(r"(?:^|\s)(?:--|—|–)(?:\s|$)")
_QUOTE_MARKS = frozenset("\"'“”‘’„‚«»‹›")


@dataclass(frozen=True, slots=True)
class Directive:
    action: str  # one of ACTIONS, or what was written if it is none of them
    selectors: tuple[str, ...]  # empty: every rule
    reason: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def text(self) -> str:
        return " ".join(["quotelint-" + self.action, *self.selectors])

    @property
    def silences(self) -> bool:
        return self.action in ACTIONS and self.action != "enable"


def _covers(d: Directive, rule: str, name: str, category: str) -> bool:
    return not d.selectors or any(matches(s, rule, name, category) for s in d.selectors)


def parse(doc: Document) -> list[Directive]:
    """The directives of a document, in order, leaving out comments in code or quotations."""
    text = doc.text
    if "quotelint-" not in text:  # the cheap test: almost no article has any
        return []
    out = []
    excluded: list[tuple[int, int]] | None = None
    for m in _DIRECTIVE.finditer(text):
        if excluded is None:
            from ..text.markup import merge

            excluded = merge(_not_directives(doc))
            starts = [s for s, _ in excluded]
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < excluded[k][1]:
            continue
        body = m.group(2)
        reason = ""
        r = _REASON.search(body)
        if r:
            body, reason = body[:r.start()], body[r.end():].strip()
        selectors = tuple(s for s in re.split(r"[\s,]+", body) if s)
        line, column = doc.position(m.start())
        end_line, end_column = doc.position(m.end())
        out.append(Directive(m.group(1), selectors, reason, m.start(), m.end(), line, column,
                             end_line, end_column))
    return out


def _not_directives(doc: Document) -> list[tuple[int, int]]:
    """Code (Markdown) and quotations: a comment there is quoted, not meant. Only quotations
    closed by a mark count: a quote left open (a problem a comment may well be silencing, or
    an AP running quote) is no evidence that the comment was quoted."""
    spans = list(doc.structure.code) if doc.structure is not None else []
    spans.extend((q.start, q.end) for q in doc.quotes.quotes
                 if doc.text[q.start] in _QUOTE_MARKS and getattr(q, "close_mark", True))
    return spans


class _RuleIndex:
    """Where the directives that cover one rule act, so that matching a finding is a couple of
    look-ups and a binary search rather than a pass over every directive of the file (a file
    of thousands of comments would otherwise be quadratic)."""

    def __init__(self, covering: list[tuple[int, Directive]]) -> None:
        self.files: list[int] = []  # disable-file directives, in order
        self.lines: dict[int, list[int]] = {}  # line -> directives silencing it, in order
        self.block_starts: list[int] = []  # offsets of disable/enable directives
        self.block_state: list[int | None] = []  # the disable in force after each of them
        state: int | None = None
        for i, d in covering:
            if d.action == "disable-file":
                self.files.append(i)
            elif d.action == "disable-line":
                self.lines.setdefault(d.line, []).append(i)
            elif d.action == "disable-next-line":
                self.lines.setdefault(d.end_line + 1, []).append(i)
            elif d.action in ("disable", "enable"):
                if d.action == "enable":
                    state = None
                elif state is None:
                    state = i
                self.block_starts.append(d.start)
                self.block_state.append(state)

    def block_at(self, offset: int) -> int | None:
        """The disable whose block ``offset`` falls in (directives before it), if any."""
        k = bisect_left(self.block_starts, offset)
        return self.block_state[k - 1] if k else None


@dataclass
class Suppressions:
    """The directives of one file and which of them silenced something."""

    path: str
    directives: list[Directive]
    used: set[int] = field(default_factory=set)  # indexes into directives
    # (rule, name, category, audit) -> where the directives that cover it act; built on use
    _index: dict[tuple, _RuleIndex] = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_index": {}}  # rebuilt where needed, not shipped

    @classmethod
    def of(cls, doc: Document) -> Suppressions | None:
        directives = parse(doc)
        return cls(doc.path, directives) if directives else None

    def silencer(self, f: Finding, *, audit: bool = False) -> int | None:
        """The index of the directive that silences ``f``, if any.

        A finding about a suppression comment (``audit``) is silenced only by another comment
        that names its rule: not by a blanket one, nor by the comment it is about. The first
        directive (in the file's order) that silences the finding's line or the whole file
        wins; otherwise the open ``disable`` block it falls in, if any."""
        index = self._index.get((f.rule, f.name, f.category, audit))
        if index is None:
            index = self._index[(f.rule, f.name, f.category, audit)] = _RuleIndex(
                [(i, d) for i, d in enumerate(self.directives)
                 if d.action in ACTIONS and _covers(d, f.rule, f.name, f.category)
                 and not (audit and not d.selectors)])
        skip = f.start if audit else None
        here = [i for i in (*index.files[:2], *index.lines.get(f.line, ())[:2])
                if self.directives[i].start != skip]
        if here:
            return min(here)
        return index.block_at(f.start)

    def filter(self, findings: Iterable[Finding], *, audit: bool = False) -> list[Finding]:
        """The findings no directive silences, remembering which directives were used (not for
        ``audit`` findings, which are about the directives themselves)."""
        kept = []
        for f in findings:
            i = self.silencer(f, audit=audit)
            if i is None:
                kept.append(f)
            elif not audit:
                self.used.add(i)
        return kept

    def problems(self, loaded: Sequence[Check], ran: Sequence[Check], *, story: bool,
                 is_story_wide: Callable[[Check], bool],
                 audit_ids: frozenset[str]) -> dict[str, list[tuple[Directive, str]]]:
        """Every directive that is wrong or did nothing, as (directive, detail) by the sort of
        problem: ``unused`` or ``missing-reason`` (``checks.suppression``).

        A directive is only called unused if a rule it names ran over the whole of what it
        could silence: not if every such rule was deselected, nor if one compares articles and
        this run was not a ``--story`` run.
        """
        out: dict[str, list[tuple[Directive, str]]] = {UNUSED: [], MISSING_REASON: []}
        metas = [(c.meta.id, c.meta.name, c.meta.category) for c in loaded]
        ran_ids = {c.meta.id for c in ran}
        partial = {c.meta.id for c in ran if is_story_wide(c) and not story}
        disabled: set[str] = set()  # rules a disable block has switched off so far
        for i, d in enumerate(self.directives):
            if d.action in ("disable", "enable"):
                ids = {m[0] for m in metas if _covers(d, *m)}
                enables = d.action == "enable" and bool(ids & disabled)
                if d.action == "disable":
                    disabled |= ids
                else:
                    disabled -= ids
            if d.action not in ACTIONS:
                out[UNUSED].append((d, f"unknown directive “quotelint-{d.action}” (use "
                                         f"{', '.join(ACTIONS)})"))
                continue
            unknown = [s for s in d.selectors if not any(matches(s, *m) for m in metas)]
            if unknown:
                out[UNUSED].append((d, f"“{unknown[0]}” is not a rule id, name or category "
                                         f"(see `quotelint rules`)"))
                continue
            if d.silences and not d.reason:
                out[MISSING_REASON].append((d, f"“{d.text}” gives no reason"))
            covered = {m[0] for m in metas if _covers(d, *m)} - audit_ids
            if d.action == "enable":
                if not enables:
                    out[UNUSED].append((d, f"“{d.text}” follows no matching disable"))
                continue
            checked = covered & ran_ids
            if i not in self.used and checked and not checked & partial:
                out[UNUSED].append((d, f"“{d.text}” silences nothing"))
        return out


def audit(sup: Suppressions | None, ruleset: RuleSet, *, story: bool,
          is_story_wide: Callable[[Check], bool]) -> list[Finding]:
    """The findings about a file's suppression comments that are wrong or did nothing (the
    rules of kind ``suppression``), once all of its other findings, story-wide ones included,
    have been matched against them; each is silenced only by a comment that names its rule."""
    audits = [c for c in ruleset.checks if c.AUDIT]
    if sup is None or not audits:
        return []
    audit_ids = frozenset(c.meta.id for c in ruleset.all_checks if c.AUDIT)
    problems = sup.problems(ruleset.all_checks, ruleset.checks, story=story,
                            is_story_wide=is_story_wide, audit_ids=audit_ids)
    return sup.filter([f for check in audits for f in check.audit(sup.path, problems)],
                      audit=True)
