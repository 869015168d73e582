"""The reporting verbs of each sentence, tried only where the word index has a verb's first
word (cues.sentence_verbs), are those a search along the sentence finds."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import seed_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from quotelint.analysis.attribution import cues
from quotelint.analysis.attribution.attributions import masked_text
from quotelint.analysis.attribution.cues import sentence_verbs
from quotelint.analysis.attribution.lexicon import words
from quotelint.text.document import Document

TEXTS = [
    "“We will not back down,” she said. He pointed out that officials had told reporters.",
    "Mr Smith, who said nothing, was said to have added: “I said no.” Said nobody, ever.",
    "> “Quoted,” they insisted.\n\nThe minister explained, adding that he had warned them.",
    *seed_texts(),
]


def _both(text: str) -> tuple[list[list[tuple[int, int]]], list[list[tuple[int, int]]]]:
    """(the verbs found from the word index, those a search of each sentence finds)."""
    doc = Document(text, "a.md")
    t = doc.cached(masked_text)
    searched = [[m.span() for m in words().verbs.finditer(t, s.start, s.end)]
                for s in doc.sentences]
    return [[m.span() for m in ms] for ms in sentence_verbs(doc, t)], searched


@pytest.mark.parametrize("text", TEXTS)
def test_the_verbs_of_each_sentence_are_those_a_search_finds(text):
    found, want = _both(text)
    assert found == want
    assert any(want)


_PIECES = ["said", "says", "told", "pointed out", "added", "Said", "resaid", "said-so", " ",
           "  ", ". ", ", ", "“", "”", "\"", "he", "Smith", "that", "\n\n", "> ", "-", "é",
           "warned", "insisted", "called"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_arbitrary_text_gives_the_verbs_a_search_finds(text):
    found, want = _both(text)
    assert found == want


def test_a_verb_form_with_no_first_word_means_searching_each_sentence(monkeypatch):
    monkeypatch.setattr(cues, "words", lambda: dataclasses.replace(words(), verb_words=None))
    doc = Document("He said so. She told them.", "a.txt")
    assert cues.sentence_verbs(doc, doc.cached(masked_text)) == [None, None]
