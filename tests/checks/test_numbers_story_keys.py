"""Across a story: what keys two figures of different articles, and how closely they must
agree (estimates, synonyms, rounded counts, counts of people written as words)."""

from __future__ import annotations

from quotelint import Settings, lint_paths


def story(write, *texts: str, select: str = "QL501") -> list[tuple]:
    paths = [str(write(f"{chr(97 + i)}.txt", t)) for i, t in enumerate(texts)]
    result = lint_paths(paths, Settings(select=[select]), story=True)
    return [(f.path.rsplit("/", 1)[1], f.line, f.column, f.severity,
             f.message.split(", the other")[0],
             [(r.path.rsplit("/", 1)[1], r.line) for r in f.related]) for f in result.findings]


BANK_A = """\
Lender warns of loss

The levy will turn the lender from an estimated $4.2 billion in earnings to a loss.
"""

BANK_B = """\
Lender takes a hit

Analysts had expected the bank to post net income of $4.6 billion.
"""

BANK_C = """\
Lender takes a hit

Analysts had expected the bank to post net income of $4.2 billion.
"""


def test_an_estimate_is_its_digits_and_income_is_earnings(write):
    # "an estimated $4.2 billion" no longer reaches 15% past itself, and "income" keys the
    # sum as "earnings" does
    assert story(write, BANK_A, BANK_B) == [
        ("b.txt", 3, 54, "warning", "Figures for the same quantity disagree: $4.6 billion vs "
                                    "an estimated $4.2 billion", [("a.txt", 3)])]
    assert story(write, BANK_A, BANK_C) == []


PORT_A = """\
Storm reaches the coast

Gales closed the harbour of Varn, a city of 620,000, on Tuesday.
"""

PORT_B = """\
Harbour shut

The storm shut the harbour of Varn, a city of 630,000 on the northern coast.
"""


def test_two_figures_rounded_alike_that_differ_disagree(write):
    # 615,000-625,000 and 625,000-635,000 touch, but no writer rounds one number both ways
    assert story(write, PORT_A, PORT_B) == [
        ("b.txt", 3, 47, "warning", "Figures for the population disagree: 630,000 vs 620,000",
         [("a.txt", 3)])]
    assert story(write, PORT_A, PORT_B.replace("630,000", "620,000")) == []
    assert story(write, PORT_A, PORT_B.replace("630,000", "about 630,000")) == []
