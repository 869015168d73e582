"""The records of the quotation analysis: ``Quote``, ``MarkProblem``, ``QuoteAnalysis``.

``quotes.py`` builds them and re-exports them; they live here so that ``block_quotes.py``,
which ``quotes.py`` uses, need not import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOUBLE, SINGLE, BLOCK = "double", "single", "block"
FAMILY = {'"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "«": DOUBLE, "»": DOUBLE,
          "''": DOUBLE, "``": DOUBLE, "‘‘": DOUBLE, "’’": DOUBLE,
          "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‹": SINGLE, "›": SINGLE}
STRAIGHT = frozenset({'"', "'", "''", "``"})


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
