"""QL201 orphan-quote: a quotation of four words or more that names no speaker."""

from __future__ import annotations

import pytest

from quotelint import Settings, lint_text


def orphans(text: str, path: str = "draft.txt",
            options: dict | None = None) -> list[tuple[int, int, int, int]]:
    settings = Settings(select=["QL201"], options=options or {})
    return [(f.line, f.column, f.end_line, f.end_column)
            for f in lint_text(text, path, settings=settings)]


def test_orphan_quotation_is_reported_over_its_whole_span():
    text = "The talks collapsed on Tuesday.\n“We were never going to sign that deal.”\n"
    assert orphans(text) == [(2, 1, 2, 41)]


def test_message_counts_the_words_and_quotes_the_start():
    f, = lint_text("The talks collapsed. “We were never going to sign that deal.”",
                   settings=Settings(select=["QL201"]))
    assert f.message == ("Quotation of 8 words has no speaker: who said "
                         "“We were never going to sign…”?")


@pytest.mark.parametrize("text", [
    "“We were never going to sign that deal,” the minister said.",
    "The minister was blunt: “We were never going to sign that deal.”",
    "“We were never going to sign that deal.” — Maria Lopez, trade minister",
    "The minister said the deal was “never going to be signed by us.”",
    "The minister said:\n\n“We were never going to sign that deal.”",
    "“The deal is dead,” the minister said. “We were never going to sign it.”",
])
def test_attributed_quotations_are_not_reported(text):
    assert orphans(text) == []


@pytest.mark.parametrize("text", [
    "The minister called the plan a “red line” for Moscow.",  # a scare quote: 2 words
    "The so-called “special military operation” entered its second year.",
    "The film “Gone With the Wind Again” opens on Friday.",  # a title
    "Fans still sing “We Are the Champions” after every win.",
])
def test_scare_quotes_names_and_titles_are_not_reported(text):
    assert orphans(text) == []


CONTINUED = "“The bridge is safe,” the engineer said.\n\n“We tested every bolt and every weld.”\n"


def test_ap_reading_a_new_paragraph_of_quotation_needs_its_own_speaker():
    assert orphans(CONTINUED) == [(3, 1, 3, 39)]


# A house rule that reads quotations the British way; the configuration may still say otherwise.
BRITISH_RULE = """\
rules:
  - id: UK201
    name: orphan-quote-uk
    kind: quote-attribution
    category: quote-attribution
    paragraph_continuation: true
    message: "No speaker for “{excerpt}”."
"""
BRITISH = {"quotes": {"paragraph_continuation": True}}


def _british_rule(write):
    from quotelint.checks.ruleset import load_rules

    return load_rules([write("uk.yaml", BRITISH_RULE)], defaults=False).find("UK201")


def test_british_reading_is_the_speaker_going_on(write):
    from quotelint.text.document import Document

    check = _british_rule(write)
    assert list(check.run(Document(CONTINUED))) == []
    text = CONTINUED.replace("said.", "said. The council was not convinced.")
    assert [(f.line, f.column) for f in check.run(Document(text))] == [(3, 1)]


def test_headline_quotations_are_left_to_the_body():
    text = ("Minister 'will not sign the fishing deal'\n\n"
            "The minister said on Monday that she would not sign.\n")
    assert orphans(text) == []
    assert orphans("# Minister ‘will not sign the fishing deal’\n", "draft.md") == []


def test_hyphenated_words_count_once():
    assert orphans("Trading closed. It was “a go-ahead plan” after all.") == []  # 3 words
    assert orphans("Trading closed. “A go-ahead for the bridge plan.”") == [(1, 17, 1, 50)]


def test_running_quote_with_no_speaker_is_reported_once_at_its_start():
    text = "“We will rebuild the bridge within a year.\n\n“Then we will fix every road.”\n"
    assert orphans(text) == [(1, 1, 1, 43)]


def test_markdown_block_quote_with_no_speaker():
    text = "The report was blunt.\n\n> The dam was never inspected after the floods.\n"
    assert orphans(text, "draft.md") == [(3, 3, 3, 48)]


@pytest.mark.parametrize("options, expected", [
    ({}, []),
    ({"quotes": {"min_words": 2}}, [(1, 26, 1, 36)]),
])
def test_configuration_overrides_the_threshold(options, expected):
    text = "The plan would cross the “red line” drawn in 2014."
    assert orphans(text, options=options) == expected


def test_configured_threshold_can_silence_long_quotations_too():
    text = "The talks collapsed. “We were never going to sign that deal.”"
    assert orphans(text, options={"quotes": {"min_words": 20}}) == []


def test_the_rule_parameter_is_the_default_threshold(write):
    from quotelint.checks.ruleset import load_rules

    path = write("house.yaml", """\
rules:
  - id: HOUSE201
    name: orphan-quote-strict
    kind: quote-attribution
    category: quote-attribution
    min_words: 2
    message: "No speaker for {words} words."
""")
    check = load_rules([path], defaults=False).find("HOUSE201")
    from quotelint.text.document import Document

    doc = Document("The plan would cross the “red line” drawn in 2014.")
    assert [(f.column, f.message) for f in check.run(doc)] == [(26, "No speaker for 2 words.")]


# -- the two readings of a speaker going on ------------------------------------------------------

STORY = """\
Harbour master Ian Bell said the new sea wall had held through the storm.

“We were lucky with the weather, and the engineers did the rest.”

“Nobody was hurt and no boat was lost,” he added.

“Every boat in the harbour is back on its mooring tonight.”

Councillor Ann Ames wants the repairs finished by spring. “We will find the money somehow.”

The county council was not convinced.

“The wall will need another survey before the winter storms.”
"""


def test_ap_reading_wants_a_speaker_for_every_new_quotation():
    """By default a paragraph of quotation after X's words or X's quotation, and a quotation
    after narration about X, are new quotations: AP would have left the first one open."""
    assert orphans(STORY) == [(3, 1, 3, 66), (7, 1, 7, 60), (9, 59, 9, 92), (13, 1, 13, 62)]


def test_british_reading_lets_the_speaker_go_on():
    """Ian Bell's reported words, his quotation and the sentence about Ann Ames give the next
    quotation its speaker; after the council, named in between, nobody is going on."""
    assert orphans(STORY, options=BRITISH) == [(13, 1, 13, 62)]


def test_the_rule_setting_is_the_default_the_configuration_overrides(write):
    from quotelint.text.document import Document

    check = _british_rule(write)
    assert [f.line for f in check.run(Document(STORY))] == [13]
    ap = Document(STORY, options={"quotes": {"paragraph_continuation": False}})
    assert [f.line for f in check.run(ap)] == [3, 7, 9, 13]


@pytest.mark.parametrize("text", [
    "Lycos Europe's “Make love not spam today” campaign was meant to hurt the spammers.",
    "The prize is billed as “the biggest book award in the country”.",
    "The dam stands on the Jinshajiang - or “river of golden sand” as it is known.",
])
def test_names_after_a_naming_word_or_before_a_naming_noun_are_not_reported(text):
    assert orphans(text) == []


NARRATED = """\
Writing in the Gazette, Mr Brown set out his plans for the town.

“We will build three new schools before the next election.”

The company is also looking at new markets in Asia.

“We have two people travelling round Japan and China this month.”
"""


def test_narration_names_a_person_not_a_firm_or_an_opening_participle():
    """In the British reading "Writing in the Gazette, Mr Brown ..." introduces Mr Brown's
    words; a sentence about a company, in between, introduces nobody's."""
    assert orphans(NARRATED) == [(3, 1, 3, 60), (7, 1, 7, 66)]
    assert orphans(NARRATED, options=BRITISH) == [(7, 1, 7, 66)]


# -- issue 13: quotations whose speaker a reader finds ---------------------------------------------

@pytest.mark.parametrize("text", [
    # A newsletter's bracketed credit closes the item.
    "FERRY FARES TO RISE “Fares on every crossing will go up by a tenth from May.” The "
    "operator blamed fuel. [Harbour Gazette]",
    # Interview verbs beside the quotation.
    "“Would the toll be negotiable for local drivers?” Jane Moss pressed.",
    # A party or state in brackets before the verb.
    "Gov. Tom Hale (R-OH), said, “We are going to keep every toll booth open this summer.”",
    # The speaker of a relative clause after a verb of its own.
    "The mayor rejected remarks made by a council candidate who said residents should "
    "“never pay a penny more for the bridge.”",
    # A transcript introduced by a sentence that ends with a colon.
    "“The bridge stays open,” Mayor Ann Roe said after the vote.\n\nTranscript as follows:\n\n"
    "“Tonight we decided to keep the bridge open for every driver in the county.”",
    # The items of a list introduced by a colon.
    "The new rules include:\n\n- Lorries must book a crossing and show a “valid permit from "
    "the port authority”.\n\n- Cyclists pay nothing but must use the “lane marked for "
    "cycles only”.",
])
def test_credited_introduced_and_interviewed_quotations_are_not_reported(text):
    assert orphans(text) == []


BRITISH_STORY = ("Mr Hale told the committee the ferry would run all winter. Mr Hale added "
                 "that fares would stay the same.\n\n"
                 "“Nobody on the island will be cut off this year, whatever the weather.”\n")


def test_auto_reads_an_article_with_british_titles_the_british_way():
    assert orphans(BRITISH_STORY) == []


def test_auto_reads_titles_with_a_full_stop_the_ap_way():
    assert orphans(BRITISH_STORY.replace("Mr ", "Mr. ")) == [(3, 1, 3, 72)]


def test_a_configured_reading_overrides_auto():
    assert orphans(BRITISH_STORY, options={"quotes": {"paragraph_continuation": False}}) == [
        (3, 1, 3, 72)]


def test_a_phrase_quoted_inside_the_sentence_is_reported_from_five_words():
    assert orphans("Traders want the deal to include “permanent duty free access” soon.") == []
    assert orphans("Traders want the deal to include “permanent duty free market access” soon."
                   ) == [(1, 34, 1, 69)]


# -- issue 13: thoughts put in words, column excerpts and poll wording ----------------------------

def _rules(text: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column)
            for f in lint_text(text, "draft.txt", settings=Settings(select=["QL201"]))]


def test_a_thought_imagined_by_a_named_commentator_is_the_commentators():
    text = ("After the vote, conservative commentator Ann Ross of the rival Harbour Review "
            "imagined Hale was thinking: “What have I let the town in for?”")
    assert _rules(text) == []
    assert _rules(text.replace("conservative commentator Ann Ross of the rival Harbour Review "
                               "imagined Hale was thinking:", "nothing more was heard.")
                  ) == [("QL201", 1, 41)]


EXCERPT = """\
Columnist says the ferry is too dear.

From Tom Reid, writing at The Harbour Gazette:

"The ferry has never been so expensive to run, and the island pays for it.

“We will cut every fare by a tenth,” Hale told the board.

"The board did not believe a word of it, and neither did the town."
"""


@pytest.mark.parametrize("credit", ["From Tom Reid, writing at The Harbour Gazette:",
                                    "From Tom Reid writing in The Harbour Gazette:",
                                    "Tom Reid wrote in The Harbour Gazette:"])
def test_an_excerpt_under_its_writers_credit_is_the_writers_over_every_paragraph(credit):
    from quotelint.analysis.attribution.attributions import quotations, quote_attribution
    from quotelint.text.document import Document

    text = EXCERPT.replace("From Tom Reid, writing at The Harbour Gazette:", credit)
    assert _rules(text) == []
    doc = Document(text)
    last = quotations(doc)[-1]
    a = quote_attribution(doc, last)
    assert (doc.position(last.start)[0], text[a.source[0]:a.source[1]], a.via) == (
        9, "Tom Reid", "introduced")


def test_without_the_credit_line_the_excerpts_last_paragraph_is_an_orphan():
    text = EXCERPT.replace("From Tom Reid, writing at The Harbour Gazette:",
                           "The ferry was the talk of the town on Monday.")
    assert _rules(text) == [("QL201", 9, 1)]


POLL = """\
The Harbour Gazette poll of 900 voters found the mayor's standing had fallen.

On other measures, such as whether she is honest, or "cares about people like you," or can fix \
the ferry, she has lost ground since spring.
"""


@pytest.mark.parametrize("text", [
    POLL,
    "The Gazette survey reached 900 voters.\n\nVoters were asked whether the council "
    "\"spends your money on the right things,\" and most said no.\n",
    "The Gazette survey reached 900 voters.\n\nMost answered no to the question: “Should the "
    "council sell the ferry to a private firm?”\n",
])
def test_a_polls_wording_is_not_reported(text):
    assert _rules(text) == []


@pytest.mark.parametrize("text, expected", [
    # No poll named in the paragraph or the one before: somebody's words, unattributed.
    (POLL.replace("The Harbour Gazette poll of 900 voters found the",
                  "Nobody doubts the"), [("QL201", 3, 54)]),
    # A poll nearby, but no question cue before the quotation.
    ("The Gazette survey reached 900 voters.\n\nAfter the vote, “Should the council sell the "
     "ferry to a private firm?”\n", [("QL201", 3, 17)]),
])
def test_poll_wording_needs_a_poll_and_a_question_cue(text, expected):
    assert _rules(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Gazette poll reached 900 voters.\n\nIt asked whether the ferry should be sold "
     "“to a private firm before the summer.”\n", True),
    # The question cue is in another clause, or too far before the quotation.
    ("The Gazette poll reached 900 voters.\n\nIt asked whether the ferry should be sold; "
     "the plan was “to sell it to a private firm before the summer.”\n", False),
    ("The Gazette poll reached 900 voters.\n\nIt asked whether the ferry should be sold by the "
     "council to the first bidder with the cash, the plan being “to sell it soon.”\n", False),
])
def test_poll_wording_follows_its_question_cue_in_the_same_clause(text, expected):
    from quotelint.analysis.attribution.attributions import quotations
    from quotelint.analysis.attribution.titles import is_poll_wording
    from quotelint.text.document import Document

    doc = Document(text)
    q, = quotations(doc)
    assert is_poll_wording(doc, q) is expected


GOING_ON = ("“The toll stays,” Mayor Ann Hale said on Monday.\n\n"
            "Hale was quick to add that the bridge would not close.\n\n"
            "“Closing it? Never going to happen.”\n")


@pytest.mark.parametrize("narration, expected", [
    ("Hale was quick to add that the bridge would not close.", []),
    ("Hale looked tired after the long vote.", [("QL201", 5, 1)]),
    ("Hale added 300 jobs to the council.", [("QL201", 5, 1)]),  # no reported clause
])
def test_ap_reading_accepts_narration_of_the_speaker_going_on(narration, expected):
    text = GOING_ON.replace("Hale was quick to add that the bridge would not close.", narration)
    assert _rules(text) == expected
