"""The reporting verbs of each sentence, tried only where the word index has a verb's first
word (cues.sentence_verbs), are those a search along the sentence finds."""

from __future__ import annotations

import pytest

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
