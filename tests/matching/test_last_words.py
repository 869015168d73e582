"""The words a pattern can end with (analysis/last_words.py): read from the pattern, and a
look-up that never turns away a text the pattern matches."""

from __future__ import annotations

import copy

import pytest
from conftest import seed_documents
from hypothesis import given, settings
from hypothesis import strategies as st

from quotelint.analysis.numbers.measures import measure_table
from quotelint.matching.end_search import EndSearch
from quotelint.matching.last_words import last_words, may_end_with


@pytest.mark.parametrize(("source", "expected"), [
    (r"(?i:\bweigh(?:s|ed)?|\bpayload of)\s*$", {"weigh", "weighs", "weighed", "of"}),
    (r"\bdeath toll (?:\w+ ){0,2}(?:of|hit)\s*$", {"of", "hit"}),
    (r"\bkill(?:ed|s) (?:at least |some )?$", {"killed", "kills", "least", "some"}),
    (r"\bHike[sd]?\s+$", {"hike", "hikes", "hiked"}),
])
def test_the_last_words_of_a_pattern(source, expected):
    assert last_words(source) == expected


@pytest.mark.parametrize("source", [
    r"\brose(?: \w+)?\s*$",  # any word may end it
    r"\bup\s+$|[-–]\s*$",  # a dash ends no word
    r"weigh\s*$",  # "overweigh": no boundary before the word
    r"\b(?:a|b)+\s*$",  # unbounded repetition
    r"\b[^x]ing\s*$",  # a negated class
])
def test_patterns_with_no_short_list_of_last_words(source):
    assert last_words(source) is None


def test_a_text_is_turned_away_only_by_an_ascii_last_word_not_listed():
    words = frozenset({"of", "weighs"})
    assert may_end_with("a range of ", words)
    assert may_end_with("It WEIGHS\t", words)
    assert not may_end_with("it was about ", words)
    assert may_end_with("(weighs", words)  # "(" is not a word character
    assert may_end_with("déweighs ", words)  # a non-ASCII letter may be part of the word
    assert may_end_with("weighs\u00a0", words)  # a non-ASCII space: the pattern decides
    assert may_end_with("the figure: ", words)  # no last word: the pattern decides


def test_the_measure_phrase_before_a_figure_has_its_last_words():
    assert {"of", "weighs", "killed", "turnout"} <= measure_table().before.last_words
    assert measure_table().change_before.last_words is None  # "rose by": any word


PREFIXES = [d.flat[:end] for d in seed_documents() for end in range(0, len(d.flat), 3)]
PREFIXES += ["The missile has a range of ", "the death toll rose sharply to ", "Ships carry "]


def _without_look_up(search: EndSearch, text: str):
    plain = copy.copy(search)
    plain.last_words = None
    return plain.search(text)


def test_the_look_up_changes_no_measure_phrase():
    search = measure_table().before
    hits = 0
    for text in PREFIXES:
        want = _without_look_up(search, text)
        got = search.search(text)
        assert (got and got.span()) == (want and want.span()), text[-60:]
        hits += want is not None
    assert hits >= 3


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["the", "range", "of", "weighs", "killed", "at", "least",
                                 "death", "toll", "rose", "to", " ", "  ", "\n", "(", "é", "5",
                                 "Of", "WEIGH", "_", "\u00a0"]), max_size=12).map("".join))
def test_the_look_up_changes_nothing_on_arbitrary_text(text):
    search = measure_table().before
    want = _without_look_up(search, text)
    got = search.search(text)
    assert (got and got.span()) == (want and want.span())
