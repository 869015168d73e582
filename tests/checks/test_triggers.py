"""Trigger words (checks/triggers.py): a pattern runs only in the units that have the words, so a
trigger filters by sentence and never finds anything the pattern would not."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quotelint.checks.ruleset import load_rules
from quotelint.matching.word_index import WordIndex
from quotelint.text.document import Document
from quotelint.text.words import word_index

RULE = """\
lexicons:
  saying: [say, said, points out]
rules:
  - id: T001
    name: experts-say
    kind: pattern
    category: unattributed-claim
    message: "{match}"
    pattern: '\\bexperts (?:say|said|points out)\\b'
    ignore_case: true
"""


def found(write, rule: str, text: str) -> list[tuple[int, int, str]]:
    checks = load_rules([write("r.yaml", rule)], defaults=False).checks
    doc = Document(text, "a.txt")
    return [(f.line, f.column, f.message) for c in checks for f in c.run(doc)]


TEXT = ("The bridge reopened on Monday. Some EXPERTS SAID it was safe.\n"
        "Engineers disagreed, and the experts points out nothing.\n")


@pytest.mark.parametrize("trigger", [
    "[experts]",
    "[[experts], ['\\L<saying>']]",          # a lexicon, and two lists that must both be there
    "[[experts], [say, said, points out]]",  # "points out" is looked up by "points"
])
def test_a_true_trigger_finds_what_the_pattern_finds(write, trigger):
    expected = [(1, 37, "EXPERTS SAID"), (2, 30, "experts points out")]
    assert found(write, RULE, TEXT) == expected
    assert found(write, RULE + f"    trigger: {trigger}\n", TEXT) == expected


def test_the_words_must_be_in_the_same_sentence(write):
    rule = RULE.replace("'\\bexperts (?:say|said|points out)\\b'", "'\\bsaid\\b'")
    text = "Experts met on Monday. Police said the road was closed. Police said experts agreed."
    assert found(write, rule, text) == [(1, 31, "said"), (1, 64, "said")]
    # "experts" is in the first and last sentences only: the second is never searched.
    assert found(write, rule + "    trigger: [experts]\n", text) == [(1, 64, "said")]


def test_the_word_index_keeps_offsets_when_lowercasing_changes_the_length():
    # "İ" lower-cases to two characters: the offsets must still be the original text's.
    text = "İstanbul experts said the quake was overdue."
    index = word_index(Document(text, "a.txt"))
    assert index.offsets("experts") == [text.index("experts")]
    assert index.offsets("said") == [text.index("said")]


def test_the_slowest_pack_rules_have_triggers():
    # The examples of every rule, triggers and all, are run by test_default_pack; this checks
    # that the rules that can be sped up this way are: the five slowest patterns of the pack.
    triggered = {c.meta.id for c in load_rules().checks if getattr(c, "triggers", None)}
    assert {"QL403", "QL404", "QL407", "QL408", "QL409"} <= triggered


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"aZ09_ -.,’'\n\té", "İ", "x_y", "Said"]),
                max_size=40).map("".join))
@example("It said: “no”, then_again 42-year-old")
def test_the_word_index_has_the_words_a_word_pattern_finds(text):
    # ASCII text is split on its non-word characters, other text searched: the same words.
    assert WordIndex(text).words == {w.lower() for w in regex.findall(r"\w+", text)}
