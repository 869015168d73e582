"""Markdown: structure never reaches the checks as words, and every position is the file's own.

``fixtures/draft.md`` is a realistic council story written for these tests: front matter, ATX
and setext headings, a byline in emphasis, bullet and nested ordered lists, a link with a title,
a two-paragraph block quote, a table, inline and fenced code and a footnote.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from quotelint import Settings, lint_text
from quotelint.text.document import Document

DRAFT = (ROOT / "tests" / "fixtures" / "draft.md").read_text(encoding="utf-8")


def blocks(text: str) -> list[tuple[str, int, tuple[int, int], str]]:
    doc = Document(text, "draft.md")
    return [(p.kind, p.quote_depth, doc.position(p.start), text[p.start:p.end])
            for p in doc.paragraphs]


def findings(text: str, path: str = "draft.md") -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.column, text[f.start:f.end])
            for f in lint_text(text, path=path, settings=Settings(select=["QL4"]))]


def test_draft_paragraphs_kinds_and_positions():
    got = blocks(DRAFT)
    assert got[:10] == [
        ("heading", 0, (7, 3), "Council votes to close the Elm Street bridge"),
        ("paragraph", 0, (9, 2), "By Maria Lopez, City Hall reporter"),
        ("paragraph", 0, (11, 1), DRAFT[DRAFT.index("The city council"):
                                         DRAFT.index("crossings.") + len("crossings.")]),
        ("heading", 0, (15, 4), "What was decided"),
        ("list-item", 0, (17, 3), DRAFT[DRAFT.index("The bridge closes"):
                                         DRAFT.index("committee said.") + len("committee said.")]),
        ("list-item", 0, (19, 3), DRAFT[DRAFT.index("Buses will"):
                                         DRAFT.index('"Route map").') + len('"Route map").')]),
        ("list-item", 0, (20, 6), "Cyclists keep a protected lane."),
        ("list-item", 0, (21, 4), "Work starts at night."),
        ("paragraph", 1, (23, 3), "“We cannot wait for a span to fail before we act,” said "
                                  "Councillor Ana\n> Reyes, who chairs the committee."),
        ("paragraph", 1, (26, 3), "“Nobody likes a detour,” she added."),
    ]
    cells = [(line_col, text) for kind, _, line_col, text in got if kind == "table-cell"]
    assert cells == [
        ((30, 3), "Crossing"), ((30, 19), "Vehicles a day"), ((30, 36), "Notes"),
        ((32, 3), "Elm Street"), ((32, 19), "12,000"), ((32, 36), "closed from March 3"),
        ((33, 3), "Harbour Road"), ((33, 19), "18,500"), ((33, 36), '"already congested"')]
    assert got[-3:] == [
        ("heading", 0, (42, 1), "Setext heading"),
        ("paragraph", 0, (45, 1), "Officials reportedly plan to review the decision in May."),
        ("paragraph", 0, (47, 7), "The review date was confirmed by the clerk's office."),
    ]


def test_draft_findings_skip_front_matter_code_and_urls():
    # "It is believed" also appears in the front matter and in the fenced code block.
    assert findings(DRAFT) == [("QL401", 28, 1, "It is believed"),
                               ("QL402", 45, 11, "reportedly")]


def test_draft_markers_are_blanked_at_their_offsets():
    doc = Document(DRAFT, "draft.md")
    assert len(doc.prose) == len(DRAFT)
    lines = doc.prose.split("\n")
    assert lines[6].startswith("  Council votes")  # "# " blanked
    assert lines[8] == " By Maria Lopez, City Hall reporter "  # *emphasis* markers
    assert lines[16].startswith("  The bridge closes on   March 3   and")  # "- " and **
    assert lines[19].startswith("     Cyclists")  # "- 1. "
    assert lines[22].startswith("  “We cannot")  # "> "
    assert lines[29] == "  Crossing        Vehicles a day   Notes                  "
    assert lines[30].strip() == ""  # the delimiter row
    assert lines[42].strip() == ""  # the setext underline
    assert "bridge-report" not in doc.prose  # inline code
    assert "example.com" not in doc.prose and "Route map" not in doc.prose


def test_block_quote_quotations_pair_without_problems():
    doc = Document(DRAFT, "draft.md")
    marked = [q for q in doc.quotes.quotes if DRAFT[q.start] in "\"“"]  # by quotation marks
    assert [(doc.position(q.start), DRAFT[q.start:q.end]) for q in marked] == [
        ((17, 48), '"by the end of summer"'),
        ((23, 3), "“We cannot wait for a span to fail before we act,”"),
        ((26, 3), "“Nobody likes a detour,”"),
        ((33, 36), '"already congested"')]
    assert doc.quotes.problems == []


def test_straight_quote_right_after_the_block_quote_marker_opens():
    text = '>"We will not resign," the minister said.\n'
    doc = Document(text, "a.md")
    assert [(q.start, q.end) for q in doc.quotes.quotes if text[q.start] == '"'] == [(1, 22)]
    assert doc.quotes.problems == []


def test_crlf_draft_keeps_the_same_lines_and_columns():
    crlf = DRAFT.replace("\n", "\r\n")
    assert findings(crlf) == [("QL401", 28, 1, "It is believed"),
                              ("QL402", 45, 11, "reportedly")]
    assert [b[:3] for b in blocks(crlf)] == [b[:3] for b in blocks(DRAFT)]


@pytest.mark.parametrize(("text", "expected"), [
    # a lazy continuation line stays in the block quote's paragraph
    ("> The minister said the talks\nwould resume.\n",
     [("paragraph", 1, "The minister said the talks\nwould resume.")]),
    # a nested block quote is a new paragraph
    ("> Outer.\n> > Inner.\n", [("paragraph", 1, "Outer."), ("paragraph", 2, "Inner.")]),
    # an ordered list must start at 1 to interrupt a paragraph
    ("The vote was in\n2019. Then it failed.\n",
     [("paragraph", 0, "The vote was in\n2019. Then it failed.")]),
    ("1. First\n2. Second\n", [("list-item", 0, "First"), ("list-item", 0, "Second")]),
    # a list item's continuation line joins it; a blank line and indent is a second paragraph
    ("- First line\n  goes on.\n\n  Second paragraph.\n\nAfter.\n",
     [("list-item", 0, "First line\n  goes on."), ("list-item", 0, "Second paragraph."),
      ("paragraph", 0, "After.")]),
    # "---" under text is a heading; after a blank line, a thematic break
    ("Title\n---\n\n---\nBody.\n", [("heading", 0, "Title"), ("paragraph", 0, "Body.")]),
    ("Title\n===\n", [("heading", 0, "Title")]),
    ("## Closed heading ##\n", [("heading", 0, "Closed heading")]),
    # indented code after a blank line is not prose; inside a paragraph it is
    ("Text.\n\n    It is believed\n\nMore.\n", [("paragraph", 0, "Text."),
                                                  ("paragraph", 0, "More.")]),
    ("Text\n    goes on.\n", [("paragraph", 0, "Text\n    goes on.")]),
    # a fence inside a block quote
    ("> ```\n> It is believed\n> ```\n> Said.\n", [("paragraph", 1, "Said.")]),
    # an escaped pipe is part of the cell; a header without a delimiter row is no table
    ("a | b\n--|--\nx \\| y | z\n",
     [("table-cell", 0, "a"), ("table-cell", 0, "b"), ("table-cell", 0, "x \\| y"),
      ("table-cell", 0, "z")]),
    ("a | b\nc | d\n", [("paragraph", 0, "a | b\nc | d")]),
    # a comment line breaks a paragraph; text after a comment on its line is prose
    ("One.\n<!-- note -->\nTwo.\n", [("paragraph", 0, "One."), ("paragraph", 0, "Two.")]),
    ("<!-- a\nb -->\nAfter.\n", [("paragraph", 0, "After.")]),
])
def test_block_structure(text, expected):
    assert [(k, d, t) for k, d, _, t in blocks(text)] == expected


def test_inline_syntax_is_blanked_but_words_stay():
    text = ("**Bold**, _it_, snake_case, ~~gone~~, \\*literal\\*, [text][ref] and "
            "[shortcut].\n\n[ref]: https://example.com\n[shortcut]: https://example.com\n")
    doc = Document(text, "a.md")
    first = doc.prose.split("\n")[0]
    assert first == ("  Bold  ,  it , snake_case,   gone  ,  *literal *,  text       and "
                     " shortcut .")
    # [sic]-style editorial brackets are not links and stay
    assert Document("He said [the minister] would go.", "a.md").prose == \
        "He said [the minister] would go."


def test_plain_text_keeps_markdown_characters():
    text = "# not a heading\n> not a quote\n"
    assert Document(text, "a.txt").prose == text
