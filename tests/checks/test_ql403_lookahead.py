"""QL403's opening look-ahead (rules/unattributed.yaml) is only a quicker way to fail: the
pattern finds the same matches with it as without it."""

from __future__ import annotations

import pytest
import regex
from conftest import seed_sentences
from hypothesis import given, settings
from hypothesis import strategies as st

from quotelint.checks.ruleset import load_rules

LOOKAHEAD = (r"(?=(?:\L<vague_quantifiers>|the|vast|broad|overwhelming|great|majority|most|two|"
             r"three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|some|many|others|"
             r"few|several|people)\b|(?:[\w-]++\s+)?\L<vague_groups>)")


def _both() -> tuple[regex.Pattern, regex.Pattern]:
    ruleset = load_rules()
    rule = next(c for c in ruleset.checks if c.meta.id == "QL403")
    source = rule.pattern.pattern
    assert LOOKAHEAD in source  # or this test compares nothing
    lists = {k: ruleset.lexicons[k] for k in ("vague_quantifiers", "vague_groups", "group_verbs")}
    flags = rule.pattern.flags & ~regex.V1
    return (regex.compile(source, flags, **lists),
            regex.compile(source.replace(LOOKAHEAD, ""), flags, **lists))


WITH, WITHOUT = _both()
SENTENCES = [
    "Most particle physicists believe the result.", "Military experts have suggested a deal.",
    "Experts speaking to UK-based newspaper the Telegraph said it would fail.",
    "Some say the plan is dead, and others argue it never lived.",
    "The vast majority of economists predicted a fall.", "Critics, including Jane Doe, said no.",
    "Two senior analysts at Barclays said the bank would cut rates.",
    "People familiar with the matter say otherwise.", "Many in the industry believe it.",
    *seed_sentences(),
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_look_ahead_changes_no_match(sentence):
    assert [m.span() for m in WITH.finditer(sentence)] == \
        [m.span() for m in WITHOUT.finditer(sentence)]


def test_the_sentences_have_matches():
    assert sum(1 for s in SENTENCES for _ in WITH.finditer(s)) >= 6


_WORDS = ["most", "Most", "experts", "military", "critics", "say", "said", "believe", "the",
          "vast", "majority", "of", "two", "people", "some", "others", "in", "industry",
          "have", "also", "at", "Barclays", "-", ",", "including", "Jane", "speaking", "to"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join))
def test_the_look_ahead_changes_nothing_on_arbitrary_word_strings(text):
    assert [m.span() for m in WITH.finditer(text)] == [m.span() for m in WITHOUT.finditer(text)]
