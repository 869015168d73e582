"""Does a quotation run across a line break? The test that tells sentence lines from
paragraph lines (``paragraphs.py``; docs/architecture.md, "Paragraphs and line breaks")."""

from __future__ import annotations

from .quote_model import FAMILY, QuoteAnalysis
from .quotes import has_mark, opens_with_mark, pair_marks


def _line_events(prose: str, start: int, end: int) -> tuple[str | None, dict[str, str]]:
    """One line paired on its own: (the family of the outermost quote it leaves open, the first
    event of each family: "open" or "unopened")."""
    scratch = QuoteAnalysis()
    openers, left = pair_marks(prose, start, end, scratch)
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
    marked = [has_mark(prose, s, e) for s, e in lines]
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
