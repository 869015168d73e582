"""Word lists as patterns (quotelint/alternation.py): the trie finds exactly what the plain
alternation finds, the longest word first, and both are the same on every run."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import seed_texts

from quotelint.analysis.attribution.lexicon import words
from quotelint.matching.alternation import alternation, longest_first, trie

VERBS = sorted(f.lower() for f in words().verb_class)
LISTS = [
    VERBS,
    ["a", "ab", "abc", "abd", "b", "a b", "us$", "au$", "c.", "cad"],
    ["point", "pointed", "pointed out", "pointing out", "points out"],
]
TEXTS = [
    "He pointed out that she said so, and they went on to say it.",
    "Said she: “No.” The minister, who has said nothing, told reporters.",
    "sayings said_ saidx said",  # words that only start or end like a verb
    "a  b ab abc abd abx us$ au$5 c. cad cads b",
    *seed_texts(),
]


@pytest.mark.parametrize("listed", LISTS, ids=["verbs", "prefixes", "phrases"])
@pytest.mark.parametrize("text", TEXTS, ids=[f"text{i}" for i in range(len(TEXTS))])
def test_the_trie_matches_as_the_alternation_would(listed, text):
    flat = re.compile(rf"(?<!\w)(?:{alternation(listed)})(?!\w)")
    shared = re.compile(rf"(?<!\w)(?:{trie(listed)})(?!\w)")
    for lo, hi in [(0, len(text)), (3, len(text) - 2), (len(text) // 3, len(text) // 2)]:
        assert [m.span() for m in shared.finditer(text, lo, hi)] == \
            [m.span() for m in flat.finditer(text, lo, hi)]


def test_the_verbs_are_a_trie_that_prefers_the_longest():
    verbs = words().verbs
    assert [m.group() for m in verbs.finditer("He pointed out that she said so.")] == \
        ["pointed out", "said"]
    assert trie(["sa", "said", "says", "say"]) == "sa(?:id|ys?)?"


def test_the_patterns_are_the_same_under_any_hash_seed():
    # Sets iterate in a different order in each process; the start-up cache keys patterns by
    # their source, so a source that changed with the seed would never be found again.
    code = ("from quotelint.matching.alternation import alternation, trie, longest_first;"
            "w = {'said', 'says', 'told', 'pointed out', 'ab', 'ba'};"
            "print(alternation(w), trie(w), longest_first(w))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1
    assert longest_first({"ab", "ba", "said"}) == ["said", "ab", "ba"]
