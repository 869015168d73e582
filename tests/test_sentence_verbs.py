"""The reporting verbs of each sentence, tried only where the word index has a verb's first
word (cues.sentence_verbs), are those a search along the sentence finds."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotelint.analysis import cues
from quotelint.analysis.attributions import masked_text
from quotelint.analysis.cues import sentence_verbs
from quotelint.analysis.words import words
from quotelint.document import Document
from tests.conftest import ROOT

TEXTS = [
    "“We will not back down,” she said. He pointed out that officials had told reporters.",
    "Mr Smith, who said nothing, was said to have added: “I said no.” Said nobody, ever.",
    "> “Quoted,” they insisted.\n\nThe minister explained, adding that he had warned them.",
    *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))),
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_verbs_of_each_sentence_are_those_a_search_finds(text):
    doc = Document(text, "a.md")
    t = doc.cached(masked_text)
    found = sentence_verbs(doc, t)
    want = [[m.span() for m in words().verbs.finditer(t, s.start, s.end)]
            for s in doc.sentences]
    assert [[m.span() for m in ms] for ms in found] == want
    assert any(want)


_PIECES = ["said", "says", "told", "pointed out", "added", "Said", "resaid", "said-so", " ",
           "  ", ". ", ", ", "“", "”", "\"", "he", "Smith", "that", "\n\n", "> ", "-", "é",
           "warned", "insisted", "called"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_arbitrary_text_gives_the_verbs_a_search_finds(text):
    doc = Document(text, "a.md")
    t = doc.cached(masked_text)
    want = [[m.span() for m in words().verbs.finditer(t, s.start, s.end)]
            for s in doc.sentences]
    assert [[m.span() for m in ms] for ms in sentence_verbs(doc, t)] == want


def test_a_verb_form_with_no_first_word_means_searching_each_sentence(monkeypatch):
    monkeypatch.setattr(cues, "words", lambda: dataclasses.replace(words(), verb_words=None))
    doc = Document("He said so. She told them.", "a.txt")
    assert cues.sentence_verbs(doc, doc.cached(masked_text)) == [None, None]
