"""Quotation marks paired per paragraph with a stack (DESIGN §3).

Marks: ``"`` ``'`` ``“ ”`` ``‘ ’`` ``« »`` ``‹ ›`` ``„ ‚``. Straight marks open after the start,
a space or ``([{—–-/`` and close otherwise. ``’``/``'`` between letters or digits, before a
decade (``’90s``) or in a known elision (``rock ’n’ roll``) is an apostrophe; after a letter
with no single quote open it is a possessive (``Ukrainians’ morale``). Primes (``5'10"``) are
not quotes. A quote left open at the end of a paragraph is the AP running quote when the next
paragraph opens with a mark of the same family; otherwise it is unclosed. Unpaired and
mismatched marks are kept as problems, and never stop the pairing of the rest of the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from ..document import Document

DOUBLE, SINGLE = "double", "single"
FAMILY = {'"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "«": DOUBLE, "»": DOUBLE,
          "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‹": SINGLE, "›": SINGLE}
STRAIGHT = {'"', "'"}
_OPEN_ONLY = {"“", "„", "«", "‘", "‚", "‹"}
_CLOSE_ONLY = {"”", "»", "’", "›"}
# Low-9 marks are closed by the high marks in German: „so“ and ‚so‘.
_LOW_CLOSERS = {"„": {"“", "”"}, "‚": {"‘", "’"}}
_OPEN_CONTEXT = set(" \t\r\n([{—–-/") | set("“‘«‹„‚")
_MARKS = regex.compile(r"[\"'“”‘’„‚«»‹›]")
_ELISION = regex.compile(r"(?i)['’](?:n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b)")
_DECADE = regex.compile(r"['’‘]\d\ds?\b")
_PRIME = regex.compile(r"\d['’]\d{1,2}[\"”]?|\d[\"”]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start`` is its opening mark, ``end`` is just past its closing mark.

    A quote that runs on into the next paragraph (AP style) has ``close_mark`` None and ends
    at the end of its paragraph, with ``continues`` set.
    """

    start: int
    end: int
    open_mark: str
    close_mark: str | None
    depth: int
    paragraph: int
    continues: bool = False

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.close_mark else self.end

    @property
    def family(self) -> str:
        return FAMILY[self.open_mark]


@dataclass(frozen=True, slots=True)
class MarkProblem:
    """An unpaired or ill-paired mark. ``kind``: unclosed, unopened, mismatched."""

    kind: str
    start: int
    mark: str
    partner: int | None = None  # offset of the other mark of a mismatched pair


@dataclass(slots=True)
class QuoteAnalysis:
    quotes: list[Quote] = field(default_factory=list)
    problems: list[MarkProblem] = field(default_factory=list)
    # Offsets of the marks used as quotation marks, by style: "straight" or "curly".
    styles: dict[str, list[int]] = field(default_factory=lambda: {"straight": [], "curly": []})

    def top_level(self) -> list[Quote]:
        return [q for q in self.quotes if q.depth == 0]


def _role(prose: str, i: int, start: int, end: int, stack: list[tuple[str, int]],
          open_by_family: dict[str, int]) -> str:
    """'open', 'close' or 'skip' (apostrophe or prime) for the mark at ``i``.

    ``open_by_family`` counts the marks of each family on ``stack``: asking the stack itself
    would make a paragraph of ten thousand opening marks quadratic."""
    ch = prose[i]
    prev = prose[i - 1] if i > start else " "
    nxt = prose[i + 1] if i + 1 < end else " "
    family = FAMILY[ch]
    single_open = open_by_family[SINGLE] > 0
    if family == SINGLE:
        if prev.isalnum() and nxt.isalnum():
            return "skip"  # don't, Ukraine’s, rock’n’roll
        if _ELISION.match(prose, i) or _DECADE.match(prose, i):
            return "skip"
        if ch == "'" and prev.isdigit():
            return "skip"  # a prime: 5'10"
        if ch in "’'" and prev.isalpha() and not single_open:
            return "skip"  # a possessive or elision: Ukrainians’ morale, goin’
    elif ch == '"' and prev.isdigit() and _PRIME.search(prose, max(start, i - 4), i + 1) \
            and not open_by_family[DOUBLE]:
        return "skip"  # inches: 5'10", a 12" record
    if ch in _OPEN_ONLY:
        top = stack[-1][0] if stack else None
        if top in _LOW_CLOSERS and ch in _LOW_CLOSERS[top]:
            return "close"
        return "open"
    if ch in _CLOSE_ONLY:
        return "close"
    # A straight mark: decide by context, then by what is open.
    opens = prev in _OPEN_CONTEXT and not nxt.isspace()
    closes = not prev.isspace() and prev not in _OPEN_CONTEXT
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if open_by_family[family] else "open"


def _pair(prose: str, start: int, end: int, paragraph: int,
          out: QuoteAnalysis) -> list[tuple[str, int]]:
    """Pair the marks of one paragraph; returns the marks still open at its end."""
    stack: list[tuple[str, int]] = []
    open_by_family = {DOUBLE: 0, SINGLE: 0}
    for m in _MARKS.finditer(prose, start, end):
        i, ch = m.start(), m.group()
        role = _role(prose, i, start, end, stack, open_by_family)
        if role == "skip":
            continue
        out.styles["straight" if ch in STRAIGHT else "curly"].append(i)
        family = FAMILY[ch]
        if role == "open":
            stack.append((ch, i))
            open_by_family[family] += 1
            continue
        if not open_by_family[family]:
            out.problems.append(MarkProblem("unopened", i, ch))
            continue
        # The search ends at the innermost open mark of the family; every mark above it is
        # popped with it, so the searches of a paragraph cost no more than its marks.
        depth = next(k for k in range(len(stack) - 1, -1, -1) if FAMILY[stack[k][0]] == family)
        for mark, offset in stack[depth + 1:]:
            out.problems.append(MarkProblem("unclosed", offset, mark))
        for mark, _ in stack[depth:]:
            open_by_family[FAMILY[mark]] -= 1
        opener, offset = stack[depth]
        del stack[depth:]
        if (opener in STRAIGHT) != (ch in STRAIGHT):
            out.problems.append(MarkProblem("mismatched", i, ch, partner=offset))
        out.quotes.append(Quote(offset, i + 1, opener, ch, depth, paragraph))
    return stack


def analyze_quotes(doc: Document) -> QuoteAnalysis:
    prose = doc.prose
    out = QuoteAnalysis()
    paragraphs = doc.paragraphs
    for k, para in enumerate(paragraphs):
        left = _pair(prose, para.start, para.end, para.index, out)
        nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        continues = bool(left) and nxt is not None and prose[nxt.start] in FAMILY and \
            FAMILY[prose[nxt.start]] == FAMILY[left[0][0]]
        for depth, (mark, offset) in enumerate(left):
            if continues and depth == 0:
                out.quotes.append(Quote(offset, para.end, mark, None, 0, para.index, True))
            else:
                out.problems.append(MarkProblem("unclosed", offset, mark))
    out.quotes.sort(key=lambda q: (q.start, q.depth))
    out.problems.sort(key=lambda p: p.start)
    return out
