"""Who said what (analysis/attributions.py): speakers, cues and kinds, as an editor reads them.

The sentences are written for these tests; none comes from the evaluation data.
"""

from __future__ import annotations

import pytest

from quotelint.analysis.attribution.attributions import (
    attributions,
    quotations,
    quote_attribution,
    sentence_attributions,
)
from quotelint.text.document import Document


def read(text: str, path: str = "draft.txt") -> list[tuple]:
    """(quotation, kind, speaker, cue, via) for every quotation, in order."""
    doc = Document(text, path)
    out = []
    for q in quotations(doc):
        a = quote_attribution(doc, q)
        out.append((text[q.start:q.end], a and a.kind, a and a.source_text(doc),
                    a and a.cue_text(doc), a and a.via))
    return out


@pytest.mark.parametrize("text, speaker, cue, kind", [
    ("“We will not retreat,” Milley said.", "Milley", "said", "direct"),
    ("“We will not retreat,” said Kurt Volker, a former US special envoy.",
     "Kurt Volker", "said", "direct"),
    ("Blinken said: “The decision belongs to Ukraine alone.”", "Blinken", "said", "direct"),
    ("The minister told reporters: “We will not sign this deal.”",
     "The minister", "told", "direct"),
    ("Gen. Mark Milley described the offensive as “a very, very difficult fight.”",
     "Gen. Mark Milley", "described", "mixed"),
    ("The senator called it “a betrayal of every voter in this state.”",
     "The senator", "called", "mixed"),
    ("The bridge is “safe for every kind of traffic”, according to the city’s chief engineer.",
     "the city’s chief engineer", "according to", "mixed"),
    ("“There is no military solution here.” — Antony Blinken", "Antony Blinken", "—", "direct"),
    ("“Is the water safe to drink?” asked Maria Lopez, who lives by the plant.",
     "Maria Lopez", "asked", "direct"),
    ("“We were never told,” Ana Ruiz, a nurse at the clinic, said on Monday.",
     "Ana Ruiz", "said", "direct"),
    ("Harry Reid (D-Nev.) told reporters that the plan “may have violated the law.”",
     "Harry Reid", "told", "mixed"),
    ("A spokesman for the Harbour Trust (HT), which meets this week in Dover, told reporters: "
     "“The pier is safe.”", "A spokesman for the Harbour Trust", "told", "direct"),
    ("The mayor, who faces re-election in May, said the levy was “simply unfair to renters.”",
     "The mayor", "said", "mixed"),
    ("The union criticised the offer, saying it was “an insult to every worker here.”",
     "The union", "saying", "mixed"),
    ("The engineer’s claim that the dam was “perfectly sound until Tuesday” was false.",
     "The engineer", "’s claim", "mixed"),
    ("\"Don't you care about the fishermen?\", implored campaigner Barry Lim.",
     "campaigner Barry Lim", "implored", "direct"),
    (" - Southampton boss Harry Redknapp: \"We know they can give us problems.\"",
     "Southampton boss Harry Redknapp", ":", "direct"),
    ("A \"taxpayer-funded propaganda exercise on the EU\" is being used, say the Tories.",
     "the Tories", "say", "mixed"),
    ("\"Our primary worry is the budget,\" consultancy 4Cast said in a report.",
     "consultancy 4Cast", "said", "direct"),
    ("Andrei Illarionov - then an adviser to the president - told a press conference: "
     "\"Now officials are doing it.\"", "Andrei Illarionov", "told", "direct"),
    ("The union named the members who pledged to “strike until the pay offer is improved”.",
     "the members", "pledged", "mixed"),
    ("\"Things are getting worse,\" said David Wyss of Standard & Poor's in New York.",
     "David Wyss of Standard & Poor's", "said", "direct"),
    ("Dr Ann Lewis, Welsh secretary of the British Medical Association (BMA), welcomed the "
     "targets as \"faster progress on waiting lists\".", "Dr Ann Lewis", "welcomed", "mixed"),
])
def test_speaker_and_cue_in_the_quotations_sentence(text, speaker, cue, kind):
    (_, got_kind, got_speaker, got_cue, via), = read(text)
    assert (got_speaker, got_cue, got_kind, via) == (speaker, cue, kind, "cue")


def test_speaker_span_points_into_the_text():
    text = "Officials met on Monday.\n“We will not retreat,” Milley said."
    doc = Document(text)
    a = quote_attribution(doc, quotations(doc)[0])
    assert a.source == (48, 54) and doc.position(a.source[0]) == (2, 24)


def test_pronoun_speaker_is_reported_and_resolved_to_the_last_named_person():
    text = ("Jane Okafor, the mayor, said the bridge would reopen. "
            "“We will rebuild it stone by stone,” she said.")
    doc = Document(text)
    a = quote_attribution(doc, quotations(doc)[0])
    assert a.source_text(doc) == "she"
    assert doc.text[a.resolved[0]:a.resolved[1]] == "Jane Okafor"


def test_quote_that_goes_on_after_he_said_keeps_its_speaker():
    text = "“The bridge is safe,” the engineer said. “We tested every bolt and every weld.”"
    assert read(text)[1] == ("“We tested every bolt and every weld.”", "direct", "the engineer",
                             "said", "continued")


def test_ap_running_quote_shares_the_speaker_named_in_any_paragraph():
    text = ("“We will rebuild the bridge within a year.\n\n"
            "“Then we will fix every road in the county,” the mayor said.\n")
    assert [r[2:] for r in read(text)] == [("the mayor", "said", "continued"),
                                            ("the mayor", "said", "cue")]


def test_paragraph_introduced_by_x_said_colon():
    text = "The minister said:\n\n“We will not sign this deal, not now and not ever.”"
    assert read(text)[0][2:] == ("The minister", "said", "introduced")


def test_paragraph_opening_with_a_quotation_after_the_speakers_quotation():
    text = "“The bridge is safe,” the engineer said.\n\n“We tested every bolt and every weld.”"
    assert read(text)[1][2:] == ("the engineer", "said", "previous-paragraph")


def test_paragraph_after_narration_does_not_carry_the_speaker_over():
    text = ("“The bridge is safe,” the engineer said. The council was not convinced.\n\n"
            "“We tested every bolt and every weld.”")
    assert read(text)[1][1:] == (None, None, None, None)


def test_a_name_that_is_also_a_verb_is_still_a_name():
    assert read("“It is such a sad song,” Read said.")[0][2] == "Read"


def test_speaker_in_the_next_sentence_after_a_quoted_question():
    text = "“Who pays for the repairs?” The mayor’s deputy, Tom Reyes, put it to the council."
    assert read(text)[0][2] == "Tom Reyes"


def test_transcript_label_inside_the_quotation():
    text = "\"HOST: Senator, will you vote for the bill on Tuesday?\""
    assert read(text)[0][2] == "HOST"


def test_markdown_block_quote_takes_the_speaker_that_introduces_it():
    text = "The minister said:\n\n> We will not sign this deal.\n> Not now, not ever.\n"
    assert read(text, "draft.md") == [("We will not sign this deal.\n> Not now, not ever.",
                                       "direct", "The minister", "said", "introduced")]


def test_markdown_block_quote_with_a_dash_credit_line():
    text = "> Injustice anywhere is a threat to justice everywhere.\n> — Martin Luther King Jr.\n"
    assert read(text, "draft.md") == [("Injustice anywhere is a threat to justice everywhere.",
                                       "direct", "Martin Luther King Jr", "—", "cue")]


def test_block_quote_that_quotes_with_marks_is_left_to_its_marks():
    text = "> “We will not sign this deal,” the minister said.\n"
    assert read(text, "draft.md") == [("“We will not sign this deal,”", "direct",
                                       "the minister", "said", "cue")]


# -- indirect attributions, for the anonymity and unattributed-claim rules ------------------------

def _indirect(text: str) -> list[tuple[str, str, str, str]]:
    doc = Document(text)
    return [(a.kind, a.source_text(doc), a.cue_text(doc), text[a.content[0]:a.content[1]])
            for a in attributions(doc) if a.quote is None]


@pytest.mark.parametrize("text, expected", [
    ("Officials said the talks had collapsed.",
     ("indirect", "Officials", "said", "the talks had collapsed")),
    ("The minister told reporters that the deal was dead.",
     ("indirect", "The minister", "told", "the deal was dead")),
    ("The talks have collapsed, two people familiar with the matter said on Monday.",
     ("indirect", "two people familiar with the matter", "said", "The talks have collapsed")),
    ("According to two officials involved in the talks, the deal is off.",
     ("according-to", "two officials involved in the talks", "According to", "the deal is off")),
    ("The bridge will reopen in May, according to the city’s transport chief.",
     ("according-to", "the city’s transport chief", "according to",
      "The bridge will reopen in May")),
    ("A senior official, who spoke on condition of anonymity, said the plan was shelved.",
     ("indirect", "A senior official", "said", "the plan was shelved")),
])
def test_indirect_attribution(text, expected):
    assert _indirect(text) == [expected]


@pytest.mark.parametrize("text", [
    "The talks collapsed on Tuesday.",
    "It is believed the talks collapsed on Tuesday.",
    "Ukrainian forces were told to hold the line.",
    "A group called Friends of the Dam met on Friday.",
])
def test_no_attribution(text):
    assert attributions(Document(text)) == []


def test_sentence_attributions_finds_the_source_of_each_sentence():
    text = ("The plant will close. Officials said 300 jobs would go. "
            "“We were never consulted,” a worker said.")
    doc = Document(text)
    got = [[a.source_text(doc) for a in sentence_attributions(doc, i)] for i in range(3)]
    assert got == [[], ["Officials"], ["a worker"]]


# -- speaker shapes of real copy, each at its exact line and column --------------------------------

def speakers_at(text: str) -> list[tuple[int, int, str | None, tuple[int, int] | None]]:
    """(line, column) of each quotation, its speaker as written and the speaker's position."""
    doc = Document(text)
    out = []
    for q in quotations(doc):
        a = quote_attribution(doc, q)
        src = a.source if a is not None else None
        out.append((*doc.position(q.start), a and a.source_text(doc),
                    src and doc.position(src[0])))
    return out


SHAPES = """\
The bakery on Mill Lane raised its prices again.
“Up 4 per cent on last year,” café owners said.
"We are closing the shop for good," shop owners told the council.
"The buses stop running at six," said Robert Currington who is taking part in the pilot.
"It is a pretty expensive model," said Will Doyle, a professor of economics.
"We will not stop now," Theresa May said.
"Prices will settle in the spring," said energy analyst Orin Middleton of Barclays Capital.
"It is going to change radio for good," thinks Curry.
"You can call it a peace dividend," smiles one broker.
The mayor has even claimed the bridge will be “the envy of every town in the county.”
"""


SHAPES_SPEAKERS = [
    (2, 1, "café owners", (2, 31)),
    (3, 1, "shop owners", (3, 37)),
    (4, 1, "Robert Currington", (4, 39)),
    (5, 1, "Will Doyle", (5, 40)),
    (6, 1, "Theresa May", (6, 25)),
    (7, 1, "energy analyst Orin Middleton of Barclays Capital", (7, 42)),
    (8, 1, "Curry", (8, 48)),
    (9, 1, "one broker", (9, 44)),
    (10, 47, "The mayor", (10, 1)),
]


def test_a_bare_plural_is_a_speaker_only_right_after_a_quotation():
    # "prices rose" is no speaker: the bare noun phrase must stand between quotation and verb
    assert speakers_at("Shop prices rose, owners said the rents were “simply too high now.”") \
        == [(1, 46, "owners", (1, 19))]
    assert speakers_at("“Up 4 per cent,” prices in the shop rose.") == [(1, 1, None, None)]


SHAPES_2 = """\
“The pier will reopen in June,” the harbour master said.

“Who will pay for the repairs?” Councillor Ames asked.
While vague, she painted a picture of a town that would offer “jobs for every leaver.”
But he blamed “a lack of money in the county budget” for the delay.
Ames says she admires the engineers for what she calls “the best work on this coast.”
“The sea wall held for a hundred years,” read one.
"Not a penny more from the rates," tweeted another.
“The town deserves better than this,” they conclude.
“We will rebuild it stone by stone.” —\u00a0Mayor Ruth Kell
"""


SHAPES_2_SPEAKERS = [
    (1, 1, "the harbour master", (1, 33)),
    (3, 1, "Councillor Ames", (3, 33)),  # its own speaker, not the harbour master going on
    (4, 63, "she", (4, 14)),  # the subject, with a verb of her own
    (5, 15, "he", (5, 5)),
    (6, 56, "Ames", (6, 1)),  # Ames said it, in saying what she admires
    (7, 1, "one", (7, 47)),
    (8, 1, "another", (8, 44)),
    (9, 1, "they", (9, 39)),
    (10, 1, "Mayor Ruth Kell", (10, 40)),  # a dash credit after a no-break space
]


@pytest.mark.parametrize("text", [
    "Kell “has a passion for defending the wrong people,” the leaflet said.",
    "The pier is widely considered “the finest on the whole east coast.”",
    "Reducing the rates, or ending “waste in every department”, is not enough.",
])
def test_a_subject_is_no_speaker_of_words_said_about_it(text):
    """The quotation is the subject's predicate, or the verb is passive, or the subject is a
    thing: the sentence's subject did not say these words."""
    doc = Document(text)
    a = quote_attribution(doc, quotations(doc)[0])
    assert a is None or a.via != "subject"


def test_a_speaker_read_from_the_subject_is_no_source_for_the_sourcing_rules():
    doc = Document("Officials painted a picture of a port that would offer “jobs for everyone.”")
    a = quote_attribution(doc, quotations(doc)[0])
    assert (a.source_text(doc), a.via, a.cue) == ("Officials", "subject", None)
    assert attributions(doc) == []


SHAPES_3 = """\
"The voters like the council more than its members do," is the verdict of Jo Pyle.
The mayor was called "the best builder this town has had" by the council leader Ann Hart.
Mr Cole is alleged to have said the dam should be "opened to the public at last".
The US said the talks were "more useful than we have seen for some time".
"The tour went far better than any of us had feared," May wrote.
Growth will need "deep and lasting reform of the ports", the Harbour Board (HB) has said.
It was put to Mr Lund that he had once referred to the board as "a club for old friends".
 - Harbour master Ian Bell "We were lucky with the weather all week."
For Rita Moss, this is progress: "We can finally see the boats from the pier again."
She is concerned too many boats are moored near pylons which carry "very high voltage".
"""


SHAPES_3_SPEAKERS = [
    (1, 1, "Jo Pyle", (1, 75)),  # “...,” is the verdict of X
    (2, 22, "the council leader Ann Hart", (2, 62)),  # a passive's agent after the quotation
    (3, 51, "Mr Cole", (3, 1)),  # hearsay: is alleged to have said
    (4, 28, "The US", (4, 1)),
    (5, 1, "May", (5, 55)),
    (6, 18, "the Harbour Board", (6, 58)),  # (HB) has said
    (7, 65, "he", (7, 28)),  # had once referred to ... as
    (8, 28, "Harbour master Ian Bell", (8, 4)),  # a reaction round-up's list item
    (9, 34, "Rita Moss", (9, 5)),
    (10, 68, "She", (10, 1)),  # is concerned: her own view
]


def test_hearsay_is_a_speaker_but_no_source():
    doc = Document(SHAPES_3)
    a = quote_attribution(doc, quotations(doc)[2])
    assert (a.source_text(doc), a.verb_class) == ("Mr Cole", "hearsay")
    assert a not in attributions(doc)


SHAPES_4 = """\
Between tasks, this cheerful senior citizen reveals her goal: “To be the oldest woman here.”
Even so, the mayor's intention to “finish the pier by June at the latest” was plain.
The critics called him “a disappointment of historic proportions” as a prime minister.
"""


SHAPES_4_SPEAKERS = [
    (1, 63, "this cheerful senior citizen", (1, 16)),  # "this" opens no time phrase here
    (2, 35, "the mayor", (2, 10)),  # the mayor's intention to “...”
    (3, 24, "The critics", (3, 1)),  # "as a prime minister" is no inverted speaker
]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(SHAPES, SHAPES_SPEAKERS, id="news copy"),
    pytest.param(SHAPES_2, SHAPES_2_SPEAKERS, id="more shapes"),
    pytest.param(SHAPES_3, SHAPES_3_SPEAKERS, id="british copy"),
    pytest.param(SHAPES_4, SHAPES_4_SPEAKERS, id="look-alikes"),
])
def test_speaker_shapes_at_their_lines_and_columns(text, expected):
    """Every quotation of each block, in order: its line and column, its speaker as written
    and where the speaker stands."""
    assert speakers_at(text) == expected


def test_the_carry_over_sees_attributions_in_text_order_ties_after_the_earlier_ones():
    # carryover._TextOrder answers "which attributions start in this span" by bisection, in
    # the order a list sorted after each addition had (a scan of that list was quadratic).
    from quotelint.analysis.attribution.carryover import _TextOrder
    from quotelint.analysis.attribution.model import Attribution

    def att(start: int, end: int, cue_end: int = 0, name: str = "x") -> Attribution:
        return Attribution(name, (start, end), (0, 1), (cue_end - 1, cue_end) if cue_end else None,
                           0)

    known = _TextOrder([att(50, 60, name="b"), att(10, 20, 95, name="a"), att(50, 55, name="c")])
    assert [a.kind for a in known.between(0, 100)] == ["a", "b", "c"]  # sorted, stable
    known.add(att(50, 70, name="d"))  # a tie: after those already there
    known.add(att(80, 90, name="e"))
    assert [a.kind for a in known.between(50, 81)] == ["b", "c", "d", "e"]
    assert [a.kind for a in known.between(51, 80)] == []
    assert [a.kind for a in known.all()] == ["a", "b", "c", "d", "e"]
    assert known.reach == 85  # "a": content from 10, cue to 95


def test_cue_finders_are_skipped_only_in_sentences_without_their_words():
    from quotelint.analysis.attribution.cues import (
        _according_cues,
        _possessive_cues,
        find_cues,
        finders_in_vain,
    )

    doc = Document("The mayor left early. According to police, the road was closed. "
                   "The mayor’s claim that the bridge was safe was wrong.", "a.txt")
    assert finders_in_vain(doc) == [(_according_cues, _possessive_cues), (_possessive_cues,),
                                    (_according_cues,)]
    found = {(a.kind, doc.text[a.source[0]:a.source[1]]) for a in attributions(doc)}
    assert ("according-to", "police") in found
    third = doc.sentences[2]
    cues = find_cues(doc.flat, third.start, third.end, finders_in_vain(doc)[2])
    assert [(doc.text[c.start:c.end], c.cls, doc.text[c.source[0]:c.source[1]]) for c in cues] \
        == [("’s claim", "possessive", "The mayor")]


def test_overlap_by_bisection_is_the_scan_it_replaced():
    import random

    from quotelint.analysis.attribution.anonymity import _Overlaps

    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(1, 30)) for s in rng.sample(range(300), rng.randint(0, 12))]
        overlaps = _Overlaps(spans)
        for start in range(0, 320, 3):
            end = start + rng.randint(1, 20)
            assert overlaps.any(start, end) == any(s < end and start < e for s, e in spans)


def _resolved(text: str) -> list[str | None]:
    doc = Document(text)
    out = []
    for q in quotations(doc):
        a = quote_attribution(doc, q)
        out.append(None if a.resolved is None else doc.text[a.resolved[0]:a.resolved[1]])
    return out


@pytest.mark.parametrize("text, person", [
    # an adverbial with a place, then the subject: not the place, not the object
    ("Mayor Jane Okafor toured the harbour on Monday.\n\n"
     "Speaking at a school in Dover, Kent, Okafor praised Ms Dana Holt, calling her tireless."
     "\n\n"
     "She says, “The bridge will be ready by May.”\n", "Okafor"),
    # two people as the subject: the one the pronoun agrees with
    ("Mayor Jane Okafor arrived early.\n\n"
     "Visiting the market, Okafor and husband Tom greeted the traders. "
     "She says, “We will keep the stalls open.”\n", "Okafor"),
    # "Govs." does not end the sentence, so its names are not the subject of the next one
    ("Senator Dana Holt spoke in Leeds.\n\n"
     "Holt did not attack her rivals, particularly Govs. Tom Reeve and Sam Price, who doubt "
     "her. She said, “I did well in the debate.”\n", "Holt"),
])
def test_a_pronoun_refers_to_the_subject_of_the_sentence_before(text, person):
    assert _resolved(text) == [person]


def test_a_pronoun_after_the_quotation_refers_to_its_sentence_s_subject():
    text = ("Judge Sam Price heard the case. Mr Tom Reeve, his lawyer, asked for mercy.\n\n"
            "Price saw it differently: “This was no joke,” he said.\n")
    assert _resolved(text) == ["Price"]


def test_a_name_in_the_speaker_s_own_description_is_not_the_pronoun_s_person():
    text = ("“The levy works,” said Dana Holt, a former adviser to Ms Ann Reeve. "
            "But “it is not enough,” she added, and Holt called for more.\n")
    assert _resolved(text) == [None, "Dana Holt"]


def test_one_pronoun_speaking_two_quotations_refers_to_one_person():
    text = ("Anticipating criticism, Mayor Tom Reeve said he had asked Judge Sam Price for advice."
            "\n\n“I want to be clear,” he said. “The order stands. It will not be withdrawn.”\n")
    assert _resolved(text) == ["Mayor Tom Reeve", "Mayor Tom Reeve"]
