"""One article in every shape copy arrives in: the same quotations and the same findings.

The article is written for the test: a headline, then paragraphs with a quotation of two
sentences, an AP running quote and a reported quotation.
"""

from __future__ import annotations

import textwrap

import pytest

from quotelint import Settings, lint_text
from quotelint.analysis.attribution.attributions import quotations
from quotelint.text.document import Document

HEADLINE = "Harbour bridge to close for repairs"
PARAGRAPHS = [
    "The harbour bridge will close for six weeks from Monday, the council said.",
    "\"The cables are older than anyone thought. We cannot wait another winter,\" "
    "said Mary Okafor, who chairs the transport committee.",
    "\"Ferries will run every twenty minutes.",
    "\"Nobody will be left stranded,\" she added.",
    "Shop owners on the quay said the closure would be \"a hard blow for the summer trade\".",
]
SENTENCES = [
    [PARAGRAPHS[0]],
    ["\"The cables are older than anyone thought.",
     "We cannot wait another winter,\" said Mary Okafor, who chairs the transport committee."],
    [PARAGRAPHS[2]],
    [PARAGRAPHS[3]],
    [PARAGRAPHS[4]],
]

SHAPES = {
    "published": ("draft.txt", "\n\n".join([HEADLINE, *PARAGRAPHS]) + "\n"),
    "paragraph-lines": ("draft.txt", "\n".join([HEADLINE, *PARAGRAPHS]) + "\n"),
    "wrapped-72": ("draft.txt", "\n\n".join(
        textwrap.fill(p, 72, break_long_words=False) for p in [HEADLINE, *PARAGRAPHS]) + "\n"),
    "sentence-lines": ("draft.txt", "\n".join(
        [HEADLINE, *(s for p in SENTENCES for s in p)]) + "\n"),
    "one-line": ("draft.txt", HEADLINE + "\n\n" + " ".join(PARAGRAPHS) + "\n"),
    "crlf": ("draft.txt", ("\n\n".join([HEADLINE, *PARAGRAPHS]) + "\n").replace("\n", "\r\n")),
    "markdown-semantic": ("draft.md", "\n\n".join(
        [HEADLINE, *("\n".join(p) for p in SENTENCES)]) + "\n"),
}


def _quoted(text: str, path: str) -> list[str]:
    doc = Document(text, path)
    return [" ".join(text[q.start:q.end].split()) for q in quotations(doc)]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_lists_the_same_quotations(shape):
    path, text = SHAPES[shape]
    assert _quoted(text, path) == [
        "\"The cables are older than anyone thought. We cannot wait another winter,\"",
        "\"Ferries will run every twenty minutes.",
        "\"Nobody will be left stranded,\"",
        "\"a hard blow for the summer trade\"",
    ]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_no_shape_makes_a_quotation_unbalanced(shape):
    path, text = SHAPES[shape]
    settings = Settings(select=["quote-balance", "quote-attribution"])
    assert [f.rule for f in lint_text(text, path, settings=settings)] == []


def test_sentence_lines_make_one_paragraph_under_the_headline():
    _, text = SHAPES["sentence-lines"]
    doc = Document(text, "draft.txt")
    assert [text[p.start:p.end].split("\n")[0] for p in doc.paragraphs] == [
        HEADLINE, PARAGRAPHS[0]]


def test_paragraph_lines_stay_paragraphs_when_no_quotation_crosses_a_line():
    _, text = SHAPES["paragraph-lines"]
    assert len(Document(text, "draft.txt").paragraphs) == 1 + len(PARAGRAPHS)


def test_an_unclosed_quotation_in_paragraph_lines_is_still_reported():
    text = ("Talks resumed on Tuesday.\n"
            "\"We will not sign anything today, the envoy said.\n"
            "The next round is due in March.\n")
    settings = Settings(select=["quote-balance"])
    assert [(f.line, f.column, f.rule) for f in lint_text(text, "draft.txt", settings=settings)
            ] == [(2, 1, "QL101")]
