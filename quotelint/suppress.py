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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .checks.base import Check
    from .document import Document
    from .findings import Finding

ACTIONS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
_DIRECTIVE = re.compile(r"<!--[ \t]*quotelint-([\w-]*)(.*?)-->", re.S)
# The reason follows " -- "; word processors turn "--" into a dash, so accept those too.
_REASON = re.compile(r"(?:^|\s)(?:--|—|–)(?:\s|$)")
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


def matches(selector: str, rule: str, name: str, category: str) -> bool:
    """The selection rules of ``--select``: ALL, an id, a name, a category or an id prefix."""
    key = selector.upper()
    return key in ("ALL", rule.upper()) or selector in (name, category) or (
        selector[:1].isalpha() and rule.upper().startswith(key))


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
            excluded = _not_directives(doc)
        if any(s <= m.start() < e for s, e in excluded):
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


@dataclass
class Suppressions:
    """The directives of one file and which of them silenced something."""

    path: str
    directives: list[Directive]
    used: set[int] = field(default_factory=set)  # indexes into directives

    @classmethod
    def of(cls, doc: Document) -> Suppressions | None:
        directives = parse(doc)
        return cls(doc.path, directives) if directives else None

    def silencer(self, f: Finding, *, audit: bool = False) -> int | None:
        """The index of the directive that silences ``f``, if any.

        A finding about a suppression comment (``audit``) is silenced only by another comment
        that names its rule: not by a blanket one, nor by the comment it is about."""
        disabled_by: int | None = None
        for i, d in enumerate(self.directives):
            if not (d.action in ACTIONS and _covers(d, f.rule, f.name, f.category)):
                continue
            if audit and (not d.selectors or d.start == f.start):
                continue
            if d.action == "disable-file" or \
                    (d.action == "disable-line" and f.line == d.line) or \
                    (d.action == "disable-next-line" and f.line == d.end_line + 1):
                return i
            if d.start >= f.start:
                continue
            if d.action == "disable" and disabled_by is None:
                disabled_by = i
            elif d.action == "enable":
                disabled_by = None
        return disabled_by

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
                 audit_ids: frozenset[str]) -> list[tuple[str, Directive, str]]:
        """(kind, directive, detail) for every directive that is wrong or did nothing.

        ``kind`` is ``unused`` or ``missing-reason``. A directive is only called unused if a
        rule it names ran over the whole of what it could silence: not if every such rule was
        deselected, nor if one compares articles and this run was not a ``--story`` run.
        """
        out: list[tuple[str, Directive, str]] = []
        metas = [(c.meta.id, c.meta.name, c.meta.category) for c in loaded]
        ran_ids = {c.meta.id for c in ran}
        partial = {c.meta.id for c in ran if is_story_wide(c) and not story}
        for i, d in enumerate(self.directives):
            if d.action not in ACTIONS:
                out.append(("unused", d, f"unknown directive “quotelint-{d.action}” (use "
                                         f"{', '.join(ACTIONS)})"))
                continue
            unknown = [s for s in d.selectors if not any(matches(s, *m) for m in metas)]
            if unknown:
                out.append(("unused", d, f"“{unknown[0]}” is not a rule id, name or category "
                                         f"(see `quotelint rules`)"))
                continue
            if d.silences and not d.reason:
                out.append(("missing-reason", d, f"“{d.text}” gives no reason"))
            covered = {m[0] for m in metas if _covers(d, *m)} - audit_ids
            if d.action == "enable":
                if not self._enables_something(i, metas):
                    out.append(("unused", d, f"“{d.text}” follows no matching disable"))
                continue
            checked = covered & ran_ids
            if i not in self.used and checked and not checked & partial:
                out.append(("unused", d, f"“{d.text}” silences nothing"))
        return out

    def _enables_something(self, index: int, metas: list[tuple[str, str, str]]) -> bool:
        enable = self.directives[index]
        for meta in metas:
            if not _covers(enable, *meta):
                continue
            disabled = False
            for d in self.directives[:index]:
                if d.action in ("disable", "enable") and _covers(d, *meta):
                    disabled = d.action == "disable"
            if disabled:
                return True
        return False
