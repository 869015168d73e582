"""The document model: decoding, positions, paragraphs, sentences and the markup mask."""

from __future__ import annotations

import codecs

import pytest

from quotelint.errors import InputError
from quotelint.text.document import Document, decode


def sentences(text: str, **kw) -> list[str]:
    doc = Document(text, **kw)
    return [text[s.start:s.end] for s in doc.sentences]


def paragraphs(text: str, **kw) -> list[str]:
    doc = Document(text, **kw)
    return [text[p.start:p.end] for p in doc.paragraphs]


# -- decoding ----------------------------------------------------------------------------------

def test_decode_utf8_and_bom():
    assert decode("“Yes,” she said.".encode(), "a.txt") == "“Yes,” she said."
    assert decode(codecs.BOM_UTF8 + b"Hello", "a.txt") == "Hello"
    assert decode(codecs.BOM_UTF16_LE + "Héllo".encode("utf-16-le"), "a.txt") == "Héllo"


def test_decode_invalid_utf8_names_file_line_and_byte():
    with pytest.raises(InputError) as exc:
        decode(b"first line\nsecond \xff line\n", "drafts/bad.txt")
    assert str(exc.value) == ("drafts/bad.txt:2: not valid UTF-8 (byte 0xff at offset 18); "
                              "file skipped. Re-save it as UTF-8.")


def test_decode_refuses_binary():
    with pytest.raises(InputError, match=r"^img\.txt: looks like a binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.txt")


# -- positions ---------------------------------------------------------------------------------

def test_positions_are_one_based_code_points():
    text = "Ab\n“Ünïcode” 😀 x\r\nlast"
    doc = Document(text)
    assert doc.position(0) == (1, 1)
    assert doc.position(text.index("“")) == (2, 1)
    # an astral character is one code point, so "x" is column 13 of line 2
    assert doc.position(text.index("x")) == (2, 13)
    assert doc.position(text.index("last")) == (3, 1)
    assert doc.position(len(text)) == (3, 5)
    assert doc.line_text(2) == "“Ünïcode” 😀 x"


# -- paragraphs --------------------------------------------------------------------------------

def test_one_paragraph_per_line_without_blank_lines():
    text = ("Antony Blinken has warned that an attempt to retake Crimea would be a red line for "
            "Vladimir Putin, it has been reported.\n"
            "Mr Blinken told a group of experts that the US is not seeking to encourage Kyiv.\n"
            "The US’s top diplomat said the decision should be left up to Ukraine.\n")
    assert [p[:14] for p in paragraphs(text)] == ["Antony Blinken", "Mr Blinken tol",
                                                  "The US’s top d"]


def test_hard_wrapped_paragraphs_are_joined():
    text = ("The council met on Tuesday to discuss the budget for the coming year\n"
            "and agreed, after a long debate, to raise the tax on second homes.\n"
            "The vote was close.\n"
            "\n"
            "A second paragraph.\n")
    assert paragraphs(text) == [text[:text.index("\n\n")], "A second paragraph."]


def test_markdown_paragraphs_break_at_headings_and_list_items():
    text = "# The headline\nFirst line\nsame paragraph.\n- an item\n- another\n> quoted\n> on\n"
    assert paragraphs(text, path="a.md") == [
        "The headline", "First line\nsame paragraph.", "an item", "another", "quoted\n> on"]
    assert [p.kind for p in Document(text, "a.md").paragraphs] == [
        "heading", "paragraph", "list-item", "list-item", "paragraph"]


# -- sentences ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chairman of the Joint Chiefs of Staff Gen. Mark Milley has publicly said it is doubtful.",
    "The U.S. Army declined to comment on the plan.",
    "Mr Blinken and Mrs. May met Dr. Ruth Evans at No. 10 on Jan. 20 to discuss it.",
    "John F. Kennedy was in Dallas with Apple Inc. executives.",
    "“Why?” Milley asked.",
    "“Is it over?” he asked.",
])
def test_abbreviations_do_not_end_sentences(text):
    assert sentences(text) == [text]


def test_sentence_boundaries():
    text = ("He flew to the U.S. The next day he left. “We are ready.” Kyiv said so! "
            "It cost $1.5 million. Was it worth it? Nobody knows…")
    assert sentences(text) == ["He flew to the U.S.", "The next day he left.",
                               "“We are ready.”", "Kyiv said so!", "It cost $1.5 million.",
                               "Was it worth it?", "Nobody knows…"]


def test_sentences_never_cross_paragraphs():
    assert sentences("A headline without a full stop\n\nThe body starts here.") == [
        "A headline without a full stop", "The body starts here."]


# -- markup mask -------------------------------------------------------------------------------

MARKDOWN = """---
title: "It is believed"
---
# Draft

See `it is believed` and https://example.com/it-is-believed. <span>It</span> <!-- it is believed -->

```
It is believed
```

[a link](https://example.com/reportedly "reportedly") and more text.
"""


def test_markdown_mask_keeps_offsets_and_hides_markup():
    doc = Document(MARKDOWN, "draft.md")
    assert len(doc.prose) == len(MARKDOWN)
    assert doc.prose.count("\n") == MARKDOWN.count("\n")
    assert "believed" not in doc.prose
    assert "reportedly" not in doc.prose
    # prose survives, at its original offsets
    for word in ("Draft", "See", "and", "<span>It", "a link", "and more text."):
        at = MARKDOWN.index(word)
        if word.startswith("<span>"):
            at, word = at + len("<span>"), "It"
        assert doc.prose[at:at + len(word)] == word
    # Markdown syntax is blanked: the heading's hashes and the link's brackets
    assert doc.prose[MARKDOWN.index("# Draft")] == " "
    link = MARKDOWN.index("[a link]")
    assert doc.prose[link] == doc.prose[link + len("[a link]") - 1] == " "
    # the URL's trailing full stop is prose, not part of the URL
    dot = MARKDOWN.index("believed. ") + len("believed")
    assert doc.prose[dot] == "."


def test_plain_text_masks_urls_and_comments_but_not_backticks():
    text = "Read `it` at www.example.com/x. <!-- note -->\n"
    doc = Document(text, "a.txt")
    url, comment = "www.example.com/x", "<!-- note -->"
    assert doc.prose == f"Read `it` at {' ' * len(url)}. {' ' * len(comment)}\n"


def test_unclosed_fence_runs_to_the_end():
    text = "Intro.\n\n```\nIt is believed\n"
    assert "believed" not in Document(text, "a.md").prose
