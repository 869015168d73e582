"""Quotation marks paired per paragraph, as an editor reads them.

Marks: ``"`` ``'`` ``“ ”`` ``‘ ’`` ``« »`` ``‹ ›`` ``„ ‚``, and the doubles ``''`` and `````
of typewriter wire copy and ``‘‘ ’’`` of some CMSes, each one mark standing for ``"`` or ``“ ”``.
Each mark gets a role from its neighbours: curly marks say which way they face, straight marks
open after the start, a space or ``([{—–-/`` and close otherwise. ``’``/``'`` between letters,
before a decade (``’90s``), in a known elision (``rock ’n’ roll``) or after a digit (``5'10"``)
is an apostrophe or a prime; after a letter it is a possessive (``Ukrainians’ morale``) unless a
single quote is open, and even then ``s’`` before a lower-case word is one when a later single
mark can close the quote (``‘the players’ union is strong,’``). ``′ ″`` are primes, never
quotes; so is a double mark after a digit (``12"``, ``5’2’’``) unless it closes a quotation
of its own shape.

Pairing is a stack per paragraph, so a stray mark costs at most its own paragraph, and an
editor's reading of what is left open:

- a fresh opener of the family of the innermost open quote, after a sentence end, takes that
  quote up: the AP running quote at a paragraph break, seen inside one line when a corpus or a
  CMS merged the paragraphs (``"A. "B," he said.``). The first quote ends at its sentence end
  and nothing is reported;
- the outermost quote still open at the end of a paragraph runs on (AP) when the next paragraph
  opens with a mark of its family; any other quote still open is *unclosed*;
- an unclosed opener has no span, so the quotes after it are read as if it were not there: a
  stray mark never hides another finding.

A paragraph that starts with a lower-case letter continues the one before (a wrap or a corpus
split mid-sentence), so they are paired together. Depth is read from the final spans: a quote
nested directly in one of its own family (``“a “b” c”``) is a *nesting* problem; which family
belongs outside (US double, UK single) depends on the house style and is the check's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..cache import compile_regex
from .block_quotes import block_quotes
from .quote_model import (
    BLOCK,
    DOUBLE,
    FAMILY,
    SINGLE,
    STRAIGHT,
    MarkProblem,
    Quote,
    QuoteAnalysis,
)

if TYPE_CHECKING:
    from .document import Document
    from .paragraphs import Paragraph

__all__ = ["BLOCK", "DOUBLE", "FAMILY", "SINGLE", "STRAIGHT", "MarkProblem", "Quote",
           "QuoteAnalysis", "analyze_quotes", "has_mark", "opens_with_mark", "pair_marks",
           "word_count"]

# What may close each opener without a mismatch (German „so“ and ‚so‘, Polish „tak”).
VALID_CLOSE = {'"': ('"', "''"), "''": ('"', "''"), "``": ("''", '"'), "'": ("'",),
               "“": ("”",), "‘": ("’",), "‘‘": ("’’", "”"), "„": ("“", "”"), "‚": ("‘", "’"),
               "«": ("»",), "‹": ("›",)}
_OPEN_ONLY = frozenset({"“", "„", "«", "‘", "‚", "‹", "``", "‘‘"})
_CLOSE_ONLY = frozenset({"”", "»", "’", "›", "’’"})
_OPEN_CONTEXT = frozenset(" \t\r\n([{—–-/\u00a0") | frozenset("“‘«‹„‚")
_SENTENCE_END = frozenset(".!?…")
_CLOSING_PUNCT = frozenset(".,;:!?…)]}")
_AFTER_SENTENCE = frozenset(")]\"'’”»›")  # may stand between a sentence end and the next quote
_MARKS = compile_regex(r"''|``|‘‘|’’|[\"'“”‘’„‚«»‹›]")
_ELISION = compile_regex(r"(?i)['’‘](?:n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b)")
_DECADE = compile_regex(r"['’‘]\d\ds?\b")
_PRIME = compile_regex(r"\d['’′]\d{1,2}(?:[\"”″]|''|’’)?|\d(?:[\"”″]|''|’’)")
_FEET = compile_regex(r"\d['’′]\d{1,2}$")  # 5'10 before an inch mark
_INCH = frozenset({'"', "”", "''", "’’"})
_WORD = compile_regex(r"\w+(?:['’-]\w+)*")
_LEADER = compile_regex(r"[ \t>*+-]*(?:\d{1,9}[.)] )?")  # Markdown block-quote and list prefixes


def word_count(text: str) -> int:
    """Words as a reader counts them: ``don’t``, ``Ukraine’s`` and ``go-ahead`` are one each."""
    return len(_WORD.findall(text))


def has_mark(prose: str, start: int, end: int) -> bool:
    return _MARKS.search(prose, start, end) is not None


def opens_with_mark(prose: str, start: int, end: int) -> str | None:
    """The quotation mark a paragraph opens with, past Markdown ``>`` and list markers."""
    m = _MARKS.match(prose, _lead_end(prose, start, end), end)
    return m.group() if m else None


def _lead_end(prose: str, start: int, end: int) -> int:
    m = _LEADER.match(prose, start, end)
    return m.end() if m else start


# -- roles ---------------------------------------------------------------------------------------

def _apostrophe(prose: str, j: int, end: int) -> bool:
    return prose[j - 1].isalnum() and j + 1 < end and prose[j + 1].isalnum()


def _next_single_closes(prose: str, i: int, end: int) -> bool:
    """Does the next single mark after ``i`` (apostrophes aside) close a quotation?"""
    for m in _MARKS.finditer(prose, i + 1, end):
        j = m.start()
        if FAMILY[m.group()] != SINGLE or _apostrophe(prose, j, end):
            continue
        # A closing mark after punctuation: ‘The players’ union is strong,’ she said.
        return m.group() in "’'" and prose[j - 1] in ".,;:!?…"
    return False


def _role(prose: str, i: int, mark: str, bounds: tuple[int, int], families: set[str],
          top: str | None, after_open: bool) -> str:
    """'open', 'close' or 'skip' (apostrophe or prime) for ``mark`` at ``i``.

    ``families``: the families open; ``top``: the innermost open mark; ``after_open``: the
    character before is a mark that opened a quote (``"'We``).
    """
    start, end = bounds
    j = i + len(mark)
    prev = " " if i <= start or after_open else prose[i - 1]
    nxt = prose[j] if j < end else " "
    family = FAMILY[mark]
    if family == SINGLE:
        if prev.isalnum() and nxt.isalnum():
            return "skip"  # don't, Ukraine’s, rock’n’roll
        if _ELISION.match(prose, i) or _DECADE.match(prose, i):
            return "skip"
        if mark == "'" and prev.isdigit() and (SINGLE not in families or nxt.isdigit()):
            return "skip"  # a prime: 5'10"
        if mark in "’'" and prev.isalpha():
            if SINGLE not in families:
                return "skip"  # a possessive or elision: Ukrainians’ morale, goin’
            if prev in "sS" and nxt == " " and j + 1 < end and prose[j + 1].islower() \
                    and _next_single_closes(prose, i, end):
                return "skip"  # ‘the players’ union is strong,’ she said
    elif mark in _INCH and prev.isdigit() and _PRIME.search(prose, max(start, i - 4), j) and (
            DOUBLE not in families or _FEET.search(prose, max(start, i - 5), i)
            or (top is not None and (top in STRAIGHT) != (mark in STRAIGHT))):
        # inches: 5'10", 5’2’’, a 12" record; in a quotation, after feet or in the other shape
        # of marks (“a 12" pizza”)
        return "skip"
    if mark in _OPEN_ONLY:
        if mark == "“" and DOUBLE in families and (prev.isalnum() or prev in ".,;:!?…") \
                and (nxt.isspace() or nxt in ".,;:!?)" or j >= end):
            return "close"  # a curly mark facing the wrong way: “word“
        if top in ("„", "‚") and mark in VALID_CLOSE[top]:
            return "close"  # „so“
        return "open"
    if mark in _CLOSE_ONLY:
        if mark == "”" and DOUBLE not in families and prev in _OPEN_CONTEXT and nxt.isalnum():
            return "open"  # a curly mark facing the wrong way: ”word”
        return "close"
    # A straight mark: decide by context, then by what is open. Before a space or punctuation
    # it cannot open; glued between words or after punctuation ("end."Next) it may do either.
    opens = prev in _OPEN_CONTEXT and not nxt.isspace() and nxt not in _CLOSING_PUNCT
    closes = not prev.isspace() and prev not in _OPEN_CONTEXT \
        and not ((prev.isalnum() or prev in _CLOSING_PUNCT) and nxt.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if family in families else "open"


# -- pairing -------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Open:
    """An opener while its paragraph is paired."""

    mark: str
    offset: int
    close: int | None = None
    close_mark: str | None = None
    runs_to: int | None = None  # end of a quote that runs on
    continued: bool = False

    @property
    def family(self) -> str:
        return FAMILY[self.mark]

    @property
    def end(self) -> int | None:
        if self.close is not None:
            return self.close + len(self.close_mark or "")
        return self.runs_to


def _sentence_end_before(prose: str, i: int, start: int) -> int | None:
    """If the text before ``i`` ends a sentence (``... end. “``), the offset just past it."""
    j = i
    while j > start and (prose[j - 1].isspace() or prose[j - 1] == ">"):
        j -= 1  # a Markdown block quote's markers count as space
    if j == i:
        return None
    k = j
    while k > start and prose[k - 1] in _AFTER_SENTENCE:
        k -= 1
    return j if k > start and prose[k - 1] in _SENTENCE_END else None


def pair_marks(prose: str, start: int, end: int,
               out: QuoteAnalysis) -> tuple[list[_Open], list[_Open]]:
    """Pair the marks of one stretch of text: (every opener in order, openers left open)."""
    stack: list[_Open] = []
    # How many marks of each family are on the stack: asking the stack itself for every mark
    # would make a paragraph of ten thousand opening marks quadratic.
    open_count = {DOUBLE: 0, SINGLE: 0}
    openers: list[_Open] = []
    last_open = -2
    for m in _MARKS.finditer(prose, start, end):
        i, mark = m.start(), m.group()
        families = {f for f, n in open_count.items() if n}
        role = _role(prose, i, mark, (start, end), families,
                     stack[-1].mark if stack else None, last_open == i)
        if role == "skip":
            continue
        out.styles["straight" if mark in STRAIGHT else "curly"].append(i)
        if role == "open":
            last_open = i + len(mark)
            opener = _Open(mark, i)
            if stack and stack[-1].family == opener.family:
                sentence_end = _sentence_end_before(prose, i, start)
                if sentence_end is not None:  # "A. "B: the first quote runs on
                    popped = stack.pop()
                    popped.runs_to = sentence_end
                    open_count[popped.family] -= 1
                    opener.continued = True
            stack.append(opener)
            open_count[opener.family] += 1
            openers.append(opener)
            continue
        k = None
        if open_count.get(FAMILY[mark]):
            k = next(k for k in range(len(stack) - 1, -1, -1)
                     if stack[k].family == FAMILY[mark])
        if k is None and stack and (stack[-1].mark in STRAIGHT) == (mark in STRAIGHT) \
                and not _closes_next(prose, i + len(mark), end, stack[-1]):
            k = len(stack) - 1  # "it was a bit more.' The: one quote, closed with the wrong mark
        elif k is None:
            out.problems.append(MarkProblem("unopened", i, mark))
            continue
        for inner in stack[k + 1:]:  # crossed: ‘a “b’ c” leaves “ unclosed inside ‘...’
            _unclosed(inner, out)
        opener = stack[k]
        for gone in stack[k:]:
            open_count[gone.family] -= 1
        del stack[k:]
        opener.close, opener.close_mark = i, mark
        if mark not in VALID_CLOSE.get(opener.mark, ()):
            at, bad = (opener.offset, opener.mark) if opener.mark in _CLOSE_ONLY else (i, mark)
            partner = i if at == opener.offset else opener.offset
            out.problems.append(MarkProblem("mismatched", at, bad, partner=partner))
    return openers, stack


def _closes_next(prose: str, j: int, end: int, opener: _Open) -> bool:
    """Does a mark that can close ``opener`` follow at ``j``?"""
    m = _MARKS.match(prose, j, end)
    return m is not None and FAMILY[m.group()] == opener.family


def _unclosed(opener: _Open, out: QuoteAnalysis) -> None:
    # A straight ' left open is far more often an apostrophe we could not tell from a quote
    # ('bot nets, a word split by the corpus) than a quote left open: not reported.
    if opener.mark != "'":
        out.problems.append(MarkProblem("unclosed", opener.offset, opener.mark))


def _groups(prose: str, paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Paragraphs paired together: one that starts in lower case continues the one before."""
    groups: list[list[Paragraph]] = []
    for para in paragraphs:
        if groups and prose[para.start].islower():
            groups[-1].append(para)
        else:
            groups.append([para])
    return groups


def _depths(spans: list[tuple[int, int, _Open]]) -> list[int]:
    """Depth of each span (sorted by start, longest first) in the forest containment makes."""
    depths: list[int] = []
    ends: list[int] = []
    for _, end, _ in spans:
        while ends and ends[-1] < end:
            ends.pop()
        depths.append(len(ends))
        ends.append(end)
    return depths


def analyze_quotes(doc: Document) -> QuoteAnalysis:
    prose = doc.prose
    out = QuoteAnalysis()
    groups = _groups(prose, doc.paragraphs)
    continued_next = False
    broken: str | None = None  # the family of a quote the group before left unclosed
    for k, group in enumerate(groups):
        first, last = group[0], group[-1]
        n = len(out.problems)
        openers, left = pair_marks(prose, first.start, last.end, out)
        if continued_next and openers and openers[0].offset == _lead_end(prose, first.start,
                                                                         first.end):
            openers[0].continued = True
        nxt = groups[k + 1][0] if k + 1 < len(groups) else None
        next_opens = opens_with_mark(prose, nxt.start, nxt.end) if nxt else None
        continued_next = False
        for n, opener in enumerate(left):
            if n == 0 and next_opens is not None and FAMILY[next_opens] == opener.family:
                opener.runs_to = last.end  # AP: the next paragraph takes the quote up
                continued_next = True
            else:
                _unclosed(opener, out)
        broken = _one_per_quotation(out.problems, n, broken)
        spans = sorted(((o.offset, o.end, o) for o in openers if o.end is not None),
                       key=lambda s: (s[0], -s[1]))
        for (start, end, o), depth in zip(spans, _depths(spans), strict=True):
            para = next(p for p in reversed(group) if p.start <= start)
            out.quotes.append(Quote(start, end, o.mark, o.close_mark, depth, para.index,
                                    continues=o.close is None, continued=o.continued))
    if doc.markdown:
        out.quotes.extend(block_quotes(doc, out.quotes))
    out.quotes.sort(key=lambda q: (q.start, q.depth))
    _nesting(out)
    out.problems.sort(key=lambda p: p.start)
    return out


def _one_per_quotation(problems: list[MarkProblem], n: int, broken: str | None) -> str | None:
    """One broken quotation, one problem: a closing mark with nothing open after a quote of its
    family left unclosed (in its group, or at the end of the group before) closes that quote,
    and is not reported again. Returns the family of the last quote the group leaves unclosed.
    """
    own = sorted(problems[n:], key=lambda p: p.start)
    unclosed: list[str] = [broken] if broken else []
    kept = []
    for p in own:
        family = FAMILY[p.mark]
        if p.kind == "unopened" and family in unclosed:
            unclosed.remove(family)
            continue
        if p.kind == "unclosed":
            unclosed.append(family)
        kept.append(p)
    problems[n:] = kept
    return next((FAMILY[p.mark] for p in reversed(kept) if p.kind == "unclosed"), None)


def _nesting(out: QuoteAnalysis) -> None:
    """A quote nested directly in a quote of its own family: “a “b” c” should be “a ‘b’ c”."""
    for q in out.quotes:
        if q.depth:
            parent = out.parent(q)
            # Marks of another shape (“ inside "...") are told apart: QL105's business.
            if parent is not None and parent.family == q.family \
                    and (q.open_mark in STRAIGHT) == (parent.open_mark in STRAIGHT):
                out.problems.append(MarkProblem("nesting", q.start, q.open_mark,
                                                partner=parent.start))
