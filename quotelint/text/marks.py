"""Quotation marks and their pairing within a span of text, as an editor reads them.

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

The pairing itself (``pair``) is a stack: see ``quotes.py`` for how paragraphs are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..cache import compile_regex

DOUBLE, SINGLE, BLOCK = "double", "single", "block"
FAMILY = {'"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "«": DOUBLE, "»": DOUBLE,
          "''": DOUBLE, "``": DOUBLE, "‘‘": DOUBLE, "’’": DOUBLE,
          "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‹": SINGLE, "›": SINGLE}
STRAIGHT = frozenset({'"', "'", "''", "``"})
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


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start`` is its opening mark, ``end`` is just past its closing mark.

    A quote that runs on (AP style, into the next paragraph, or past a merged paragraph break)
    has ``close_mark`` None, ``continues`` set, and ends at the end of its last sentence. The
    quote that takes it up has ``continued`` set. ``depth`` is 0 for a top-level quotation.
    """

    start: int
    end: int
    open_mark: str
    close_mark: str | None
    depth: int
    paragraph: int
    continues: bool = False
    continued: bool = False

    @property
    def inner_start(self) -> int:
        return self.start + len(self.open_mark)

    @property
    def inner_end(self) -> int:
        return self.end - len(self.close_mark) if self.close_mark else self.end

    @property
    def family(self) -> str:
        return FAMILY.get(self.open_mark, BLOCK)

    @property
    def block(self) -> bool:
        """A Markdown ``>`` block quote: a quotation with no marks (``open_mark`` is "")."""
        return not self.open_mark


@dataclass(frozen=True, slots=True)
class MarkProblem:
    """An unpaired or ill-paired mark.

    ``kind``: ``unclosed`` (an opener never closed), ``unopened`` (a closer with nothing open),
    ``mismatched`` (a pair whose marks do not belong together: ``“ ... "``, a curly mark facing
    the wrong way), ``nesting`` (a quote inside a quote of the same family). ``start`` is the
    offending mark; ``partner`` the other mark of the pair, when there is one.
    """

    kind: str
    start: int
    mark: str
    partner: int | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.mark)


@dataclass(slots=True)
class QuoteAnalysis:
    quotes: list[Quote] = field(default_factory=list)
    problems: list[MarkProblem] = field(default_factory=list)
    # Offsets of the marks used as quotation marks, by style: "straight" or "curly".
    styles: dict[str, list[int]] = field(default_factory=lambda: {"straight": [], "curly": []})

    def top_level(self) -> list[Quote]:
        return [q for q in self.quotes if q.depth == 0]

    _parents: dict[int, Quote] | None = field(default=None, repr=False, compare=False)

    def parent(self, quote: Quote) -> Quote | None:
        """The innermost quotation that contains ``quote`` (None at the top level)."""
        if quote.depth == 0:
            return None
        if self._parents is None:
            self._parents = _parents(self.quotes)
        return self._parents.get(id(quote))


def _parents(quotes: list[Quote]) -> dict[int, Quote]:
    """Each nested quotation's parent, in one sweep over the quotations in text order: asking
    every quotation in turn would make ten thousand nested quotes quadratic."""
    parents: dict[int, Quote] = {}
    open_: list[Quote] = []  # the chain of quotations that contain the current position
    for q in sorted(quotes, key=lambda q: (q.start, q.depth)):
        while open_ and not (open_[-1].start < q.start and q.end <= open_[-1].end):
            open_.pop()
        if q.depth and open_ and open_[-1].depth == q.depth - 1:
            parents[id(q)] = open_[-1]
        open_.append(q)
    return parents


def word_count(text: str) -> int:
    """Words as a reader counts them: ``don’t``, ``Ukraine’s`` and ``go-ahead`` are one each."""
    return len(_WORD.findall(text))


def opens_with_mark(prose: str, start: int, end: int) -> str | None:
    """The quotation mark a paragraph opens with, past Markdown ``>`` and list markers."""
    m = _MARKS.match(prose, lead_end(prose, start, end), end)
    return m.group() if m else None


def lead_end(prose: str, start: int, end: int) -> int:
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
class Open:
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


def pair(prose: str, start: int, end: int, out: QuoteAnalysis) -> tuple[list[Open], list[Open]]:
    """Pair the marks of one stretch of text: (every opener in order, openers left open)."""
    stack: list[Open] = []
    # How many marks of each family are on the stack: asking the stack itself for every mark
    # would make a paragraph of ten thousand opening marks quadratic.
    open_count = {DOUBLE: 0, SINGLE: 0}
    openers: list[Open] = []
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
            opener = Open(mark, i)
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
            unclosed(inner, out)
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


def _closes_next(prose: str, j: int, end: int, opener: Open) -> bool:
    """Does a mark that can close ``opener`` follow at ``j``?"""
    m = _MARKS.match(prose, j, end)
    return m is not None and FAMILY[m.group()] == opener.family


def unclosed(opener: Open, out: QuoteAnalysis) -> None:
    # A straight ' left open is far more often an apostrophe we could not tell from a quote
    # ('bot nets, a word split by the corpus) than a quote left open: not reported.
    if opener.mark != "'":
        out.problems.append(MarkProblem("unclosed", opener.offset, opener.mark))


def _line_events(prose: str, start: int, end: int) -> tuple[str | None, dict[str, str]]:
    """One line paired on its own: (the family of the outermost quote it leaves open, the first
    event of each family: "open" or "unopened")."""
    scratch = QuoteAnalysis()
    openers, left = pair(prose, start, end, scratch)
    firsts = sorted([(o.offset, o.family, "open") for o in openers]
                    + [(p.start, FAMILY[p.mark], "unopened") for p in scratch.problems
                       if p.kind == "unopened"])
    events: dict[str, str] = {}
    for _, family, event in firsts:
        events.setdefault(family, event)
    left_open = next((o.family for o in left if o.mark != "'"), None)
    return left_open, events


def quote_runs_across(prose: str, lines: list[tuple[int, int]], lookahead: int = 6) -> bool:
    """Does a quotation run across a line break of these lines, as when each line is a
    sentence: a line leaves a quote open, the next line does not reopen it (AP), and the next
    mark of its family, within ``lookahead`` lines, is a closing mark with nothing open, or an
    opening mark that starts a later line (the quote taken up, AP style)?"""
    marked = [_MARKS.search(prose, s, e) is not None for s, e in lines]
    if sum(marked) < 2:
        return False
    events = [_line_events(prose, s, e) if m else (None, {})
              for (s, e), m in zip(lines, marked, strict=True)]
    for i in range(len(lines) - 1):
        family = events[i][0]
        if family is None:
            continue
        reopens = opens_with_mark(prose, *lines[i + 1])
        if reopens is not None and FAMILY[reopens] == family:
            continue  # AP: the next paragraph takes the quote up
        for j in range(i + 1, min(len(lines), i + 1 + lookahead)):
            event = events[j][1].get(family)
            if event is not None:
                if event == "unopened":
                    return True
                # Taken up at the start of a later line, past lines with none of its marks:
                # an AP running quote whose sentences are lines ("A. / B. / "C.").
                if j > i + 1 and opens_with_mark(prose, *lines[j]) is not None:
                    return True
                break
    return False
