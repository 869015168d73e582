"""Quotation marks: pairing (analysis/quotes.py) and the quote-balance rules QL101-QL105.

Every case is a sentence of the kind a reporter files, with the exact line and column of each
finding; none is taken from the evaluation data.
"""

from __future__ import annotations

import pytest

from quotelint import Settings, lint_text
from quotelint.text.document import Document
from quotelint.text.marks import word_count


def found(text: str, *rules: str, path: str = "draft.txt",
          options: dict | None = None) -> list[tuple[int, int, str]]:
    settings = Settings(select=list(rules) or ["quote-balance"], options=options or {})
    return [(f.line, f.column, f.rule) for f in lint_text(text, path, settings=settings)]


def spans(text: str, path: str = "draft.txt") -> list[str]:
    doc = Document(text, path)
    return [text[q.start:q.end] for q in doc.quotes.quotes]


# -- marks that pair ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, quoted", [
    ("“We will rebuild the bridge,” the mayor said.", ["“We will rebuild the bridge,”"]),
    ('"We will rebuild the bridge," the mayor said.', ['"We will rebuild the bridge,"']),
    ("‘We will rebuild the bridge,’ the mayor said.", ["‘We will rebuild the bridge,’"]),
    ("« Nous ne céderons pas », a déclaré le ministre.", ["« Nous ne céderons pas »"]),
    ("„Wir schaffen das“, sagte die Kanzlerin.", ["„Wir schaffen das“"]),
    ("''We will win this election,'' the candidate said.", ["''We will win this election,''"]),
])
def test_every_family_of_marks_pairs(text, quoted):
    assert spans(text) == quoted
    assert found(text) == []


def test_us_nesting_single_inside_double():
    text = "“He told me, ‘Go home,’ and walked off,” the nurse said."
    doc = Document(text)
    assert [(text[q.start:q.end], q.depth) for q in doc.quotes.quotes] == [
        ("“He told me, ‘Go home,’ and walked off,”", 0), ("‘Go home,’", 1)]
    assert found(text) == []


def test_uk_nesting_double_inside_single():
    text = "‘He told me “go home” and walked off,’ the nurse said."
    assert spans(text) == ["‘He told me “go home” and walked off,’", "“go home”"]
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "Ukraine’s army has held the line since the ’90s ended.",
    "Rock ’n’ roll never left the old port town.",
    "The Ukrainians’ morale is high, officials said.",
    "The 5'10\" guard and the 6′2″ forward both started.",
    "Don't say the students' union wasn't warned.",
])
def test_apostrophes_and_primes_are_not_quotes(text):
    doc = Document(text)
    assert doc.quotes.quotes == [] and doc.quotes.problems == []


def test_a_plural_possessive_later_does_not_swallow_a_short_quote():
    text = ("Four players joined the new 'All Golds' side, and the row over the All Blacks' "
            "try went on.")
    assert spans(text) == ["'All Golds'"]


def test_possessive_plural_inside_a_uk_quote():
    text = "‘The players’ union is strong,’ the captain said."
    assert spans(text) == ["‘The players’ union is strong,’"]
    assert found(text) == []


def test_ap_running_quote_over_paragraphs_is_accepted():
    text = ("“We will rebuild the bridge within a year.\n\n"
            "“Then we will fix every road in the county,” the mayor said.\n")
    doc = Document(text)
    first, second = doc.quotes.quotes
    assert (first.continues, second.continued) == (True, True)
    assert text[first.start:first.end] == "“We will rebuild the bridge within a year."
    assert found(text) == []


def test_running_quote_in_a_merged_paragraph_is_accepted():
    # Corpora and CMSs merge paragraphs: the AP reopening mark then sits mid-line.
    text = "“We will rebuild the bridge. “Then we will fix the roads,” the mayor said."
    assert spans(text) == ["“We will rebuild the bridge.", "“Then we will fix the roads,”"]
    assert found(text) == []


def test_markdown_list_and_block_quote_prefixes_do_not_hide_the_next_quote():
    text = "> “We will rebuild the bridge.\n>\n> “Then the roads,” the mayor said.\n"
    assert found(text, path="draft.md") == []


# -- QL101 unclosed -------------------------------------------------------------------------------

def test_unclosed_quote():
    assert found("The mayor said the plan was “a fantasy and walked out.") == [(1, 29, "QL101")]


def test_quote_open_at_paragraph_end_without_ap_reopening_is_unclosed():
    text = "“We will rebuild the bridge.\n\nThe mayor then left the meeting."
    assert found(text) == [(1, 1, "QL101")]


def test_a_stray_opener_does_not_turn_later_quotes_into_nested_ones():
    text = "The “plan was dead. Officials said “the water is safe” and left."
    assert found(text) == [(1, 5, "QL101")]
    doc = Document(text)
    assert [(text[q.start:q.end], q.depth) for q in doc.quotes.quotes] == [
        ("“the water is safe”", 0)]


# -- QL102 unopened -------------------------------------------------------------------------------

def test_closing_mark_with_no_opener():
    assert found("We will rebuild the bridge,” the mayor said.") == [(1, 28, "QL102")]


def test_a_stray_closer_never_hides_the_next_problem():
    text = "Costs rose” again.\n“The water is safe to drink,\" the engineer said."
    assert found(text, "QL102", "QL103") == [(1, 11, "QL102"), (2, 29, "QL103")]


# -- QL103 mismatched -----------------------------------------------------------------------------

def test_curly_opener_closed_by_straight_mark():
    text = "“The water is safe to drink,\" the engineer said."
    assert found(text) == [(1, 29, "QL103")]  # one problem: not also the minority style


def test_closing_mark_used_as_an_opener():
    assert found("”The water is safe,” the engineer said.", "QL103") == [(1, 1, "QL103")]


def test_mismatch_message_names_both_marks_and_where_the_other_is():
    f = lint_text("“The water is safe,\" he said.", settings=Settings(select=["QL103"]))[0]
    assert f.message == ("Quotation marks do not match: opened with “, closed with \" "
                         "(the other mark is at line 1, column 1).")


# -- QL104 nesting --------------------------------------------------------------------------------

def test_double_inside_double_is_wrong_nesting():
    text = "“He told me “go home” and walked off,” the nurse said."
    assert found(text) == [(1, 13, "QL104")]


@pytest.mark.parametrize("style, expected", [("us", [(1, 13, "QL104")]), ("uk", [])])
def test_configured_house_style_decides_which_family_goes_outside(style, expected):
    text = "‘He told me “go home” and walked off,’ the nurse said."
    assert found(text, options={"quotes": {"style": style}}) == expected


def test_without_a_style_the_articles_own_habit_decides():
    text = ("“The council met,” the clerk said.\n\n"
            "‘He told me “go home” and walked off,’ the nurse said.\n\n"
            "“It was late,” the guard said.\n")
    assert found(text, "QL104") == [(3, 13, "QL104")]


# -- QL105 mixed styles ---------------------------------------------------------------------------

def test_mixed_straight_and_curly_marks_are_reported_once_at_the_minority():
    text = ('The general said it would be "very, very difficult" to win.\n\n'
            "“This would be a severe blow,” the envoy said.\n\n"
            'The minister called it "a setback".\n')
    result = lint_text(text, settings=Settings(select=["QL105"]))
    assert [(f.line, f.column, f.severity) for f in result] == [(3, 1, "info")]
    assert (result[0].related[0].line, result[0].related[0].column) == (1, 30)


def test_apostrophes_do_not_count_as_a_style():
    assert found("Russia's army said the plan was “dead on arrival”.", "QL105") == []


# -- seeds ----------------------------------------------------------------------------------------

def test_seed_002_line_19_mismatch_is_one_finding():
    """The only curly mark is the opener of the mismatched pair: one problem, one finding."""
    from conftest import ROOT

    text = (ROOT / "seeds" / "002_03e8ae0ae14f60e1.txt").read_text(encoding="utf-8")
    result = lint_text(text, settings=Settings(select=["quote-balance"]))
    assert [(f.line, f.column, f.rule) for f in result] == [(19, 184, "QL103")]
    assert (result[0].related[0].line, result[0].related[0].column) == (19, 1)


def test_word_count_treats_contractions_as_one_word():
    assert word_count("We don’t know Ukraine’s plan") == 5


# -- one problem, one finding (issue 13) ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # The closing mark a paragraph later closes the quote left open: one warning, at the opener.
    ("“The bridge will reopen in May, the mayor said.\n\nBy then the cables are new,” she added.",
     [(1, 1, "QL101")]),
    ("‘‘We will not close the school,’’ the head teacher said.", []),
    ("The new goalkeeper is 6’3’’ and the striker 5’9’’ tall.", []),
    ("The centre-back is 6′ tall and plays with a 12\" strap.", []),
    ("“He brought a 12\" ruler to the hearing,” the clerk said.", []),
    ("“The vote is on Friday. “We have the numbers,” the whip said.", []),
    # Straight marks around curly ones are told apart: no nesting error, the mixed style at info.
    ("\"The sign said “Closed for repairs” all week,\" she said. \"Yes,\" he said.",
     [(1, 16, "QL105")]),
])
def test_one_problem_one_finding(text, expected):
    assert found(text) == expected


def test_doubled_single_marks_closing_a_curly_opener_are_mismatched():
    assert found("“We asked the right question’’ the auditor said.") == [(1, 29, "QL103")]
