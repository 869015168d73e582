"""The figure pattern tried only where a figure can start (analysis/figure_starts.py) finds what
searching every position finds, at the same places."""

from __future__ import annotations

import pytest
from conftest import seed_documents
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotelint.analysis.numbers.pattern import figure_grammar
from quotelint.analysis.numbers.starts import FigureStarts
from quotelint.matching.word_index import WordIndex, matches_at

SEED_TEXTS = [d.flat for d in seed_documents()]
# Each opening shape once: a currency code or sign glued to the number or spaced from it, a
# sign, a range, a phrase whose rarest word is not its first, a vague magnitude.
SHAPES = [
    "Turnover rose to USD5m, then US$5.2bn, US $6bn and A$3bn; HK$ 7m, Rs.500 and Rs 600.",
    "Temperatures fell to -5C, then −7C, and .5 of a degree; a 3-5 split, 10–12 km.",
    "As many as 30 died, at least 12 were hurt and well over a million fled; no more than 9.",
    "Between 3 and 5 km, from 10 to 20 miles, dozens of homes, thousands, tens of thousands.",
    "An estimated £4.5bn, nearly €3m, ¥200 and ₹50 lakh; one hundred and twenty people.",
    "The 2020-21 season, COVID-19, a G7 summit, 5km, 10,000 runners and 3.2% growth.",
]


def _both(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    grammar = figure_grammar()
    starts = grammar.starts.positions(text, WordIndex(text))
    every = [m.span() for m in grammar.pattern.finditer(text)]
    tried = [m.span() for m in matches_at(grammar.pattern, text, starts)]
    return every, tried


@pytest.mark.parametrize("text", SHAPES + SEED_TEXTS)
def test_the_starts_find_every_figure(text):
    every, tried = _both(text)
    assert tried == every
    assert every  # each text has figures, or this compares nothing


def test_only_a_few_places_are_tried():
    text = SHAPES[0]
    starts = figure_grammar().starts.positions(text, WordIndex(text))
    # "USD5m" at 17, "US$5.2bn" at 29, "US $6bn" at 43: the code, not the digit
    assert {17, 29, 43} <= set(starts)
    assert len(starts) < len(text) // 4


@pytest.mark.parametrize("text", ["About ſix hundred", "ıt was about 5", "İN 1999 about 5"])
def test_letters_that_fold_apart_are_searched_everywhere(text):
    assert figure_grammar().starts.positions(text, WordIndex(text)) is None
    every, tried = _both(text)
    assert tried == every


_ALPHABET = st.sampled_from(
    [*"0123456789.,-−–$£€¥₹ \n\t_’'aAbsSuUdDrRkKıİſ", "US", "USD", "Rs", "A$", "HK",
     "about", "as many as", "a million", "between", "and", "to", "from", "minus", "dozens of",
     "well over", "at least", "km", "bn", "m", "%", "per cent", "nearly", "one", "two",
     "hundred", "thousand", "tens of", "more than", "up to"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=40).map("".join))
@example("a  million US  $5 and -.5 and --5 and 5-$6")
def test_arbitrary_text_gives_the_same_figures(text):
    every, tried = _both(text)
    assert tried == every


def test_an_opening_phrase_with_a_sign_that_is_no_currency_means_searching_everywhere():
    # "twenty-five" would not be found by its words: the pattern is then tried everywhere.
    starts = FigureStarts(["about", "twenty-five", "us$"], ["us$"])
    assert not starts.exhaustive
    assert starts.positions("about 5", WordIndex("about 5")) is None
    assert FigureStarts(["about", "us$"], ["us$"]).positions("about 5", WordIndex("about 5")) \
        == [0, 6]
