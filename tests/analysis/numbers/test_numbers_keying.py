"""Which figures are one quantity: figures of other events, votes, polls, places and times are
not, and a temperature change converts as a difference. Articles written for these tests."""

from __future__ import annotations

import pytest

from quotelint import Document, Settings, lint_text
from quotelint.analysis.numbers.quantities import quantities


def lint(text: str, *rules: str):
    return lint_text(text, settings=Settings(select=list(rules) or ["number-consistency"]))


def rows(findings):
    return [(f.rule, f.line, f.column, f.message) for f in findings]


ATTACKS = """\
Lorry attack in Lyon

A lorry drove into a crowd in Lyon on Saturday night, killing 12 people, police said.

The Lyon attack was the latest in a series. In March, gunmen killed 32 people in an attack on \
a concert hall in Hamburg.

In November, bombers killed 130 people in an attack on a stadium in Munich.

The Lyon attack's death toll was 14, the prefect said.
"""


def test_death_tolls_of_attacks_in_other_months_are_not_compared():
    # 32 (in March) and 130 (in November) are two attacks; 14 against 12 is one toll.
    assert rows(lint(ATTACKS, "QL501")) == [
        ("QL501", 9, 34, "Figures for the death toll disagree: 14 vs 12, the other at line 3.")]


def test_a_month_after_a_preposition_is_a_time_word_and_a_date_is_a_date():
    doc = Document("In March, gunmen killed 32 people. Last November, bombers killed 130 "
                   "people. On March 15, 40 people were killed. Bombers killed 130 people in "
                   "November. On July 13th, 12 people were killed.")
    assert [sorted(q.times) for q in quantities(doc)] == [
        ["march"], ["november"], ["march 15"], ["november"], ["july 13th"]]


def test_a_shared_function_word_does_not_make_two_troop_figures_one():
    text = ("Border standoff\n\nBoth sides have each sent thousands of troops to the river.\n\n"
            "Tens of thousands of troops face each other in the hills.\n")
    assert lint(text, "QL501") == []
    # the same words around them still make them one figure
    text = ("Border standoff\n\nThousands of troops face each other in the hills.\n\n"
            "Tens of thousands of troops face each other in the hills.\n")
    assert rows(lint(text, "QL501")) == [
        ("QL501", 5, 1, "Figures for troops disagree: tens of thousands (10,000–99,999) vs "
                        "thousands (2,000–9,999), the other at line 3.")]


def test_a_figure_someone_calls_for_is_a_target_not_the_figure():
    text = ("Troops in Iraq\n\n"
            "The United States has about 3,500 troops advising Iraqi forces, officials said.\n\n"
            "Senator Carla Reyes has called for 20,000 troops to advise Iraqi forces.\n\n"
            "The United States has 5,000 troops advising Iraqi forces, officials said.\n")
    assert rows(lint(text, "QL501")) == [
        ("QL501", 7, 23, "Figures for troops disagree: 5,000 vs about 3,500, the other at "
                         "line 3.")]
    doc = Document(text)
    assert [(q.figure.text, q.proposed) for q in quantities(doc)] == [
        ("about 3,500", False), ("20,000", True), ("5,000", False)]
    # two targets may restate one another
    text = text.replace("The United States has 5,000", "Senator Reyes has asked for 5,000")
    assert rows(lint(text, "QL501")) == [
        ("QL501", 7, 29, "Figures for troops disagree: 5,000 vs 20,000, the other at line 5.")]


WARMING = """\
Warming

Global temperatures have risen by 1.1C (34F) since the late 19th century.

The Paris agreement aims to limit warming to 1.5C (2.7F) above pre-industrial levels.

Temperatures rose to 35C (95F) in Seville on Tuesday.

The city recorded a 2C (4F) rise in average summer temperatures.

Temperatures fell to minus 20C (14F) overnight.

Summer was 3F (1.7C) warmer than average this year.
"""


def test_a_temperature_change_converts_as_a_difference():
    # A rise of 1.1 °C is 2 °F (34 °F is the temperature 1.1 °C); 1.5 °C of warming is 2.7 °F,
    # 2 °C is 3.6 °F, 3 °F is 1.7 °C. 35C (95F) and minus 20C are temperatures.
    assert rows(lint(WARMING, "QL502")) == [
        ("QL502", 3, 35, "“1.1C (34F)”: a difference of 1.1°C is 1.98°F, not 34°F."),
        ("QL502", 11, 22, "“minus 20C (14F)”: -20°C is -4°F, not 14°F."),
    ]


def test_a_difference_is_its_own_dimension_without_the_offset():
    found = quantities(Document(WARMING))
    assert [(q.figure.text, q.dimension, round(q.base[0], 2)) for q in found] == [
        ("1.1C", "temperature difference", 1.05), ("34F", "temperature difference", 18.61),
        ("1.5C", "temperature difference", 1.45), ("2.7F", "temperature difference", 1.47),
        ("35C", "temperature", 307.65), ("95F", "temperature", 307.87),
        ("2C", "temperature difference", 1.5), ("4F", "temperature difference", 1.94),
        ("minus 20C", "temperature", 252.65), ("14F", "temperature", 262.87),
        ("3F", "temperature difference", 1.39), ("1.7C", "temperature difference", 1.65),
    ]


@pytest.mark.parametrize(("sentence", "dimension"), [
    ("Leaders agreed to keep global warming below 1.5C (2.7F).", "temperature difference"),
    ("The deal aims to hold the increase in global average temperature to well below 2C "
     "(3.6F) above pre-industrial levels.", "temperature difference"),
    ("Temperatures were 4F (2.2C) below normal for the week.", "temperature difference"),
    ("Temperatures have warmed by 1C (1.8F) since 1900.", "temperature difference"),
    ("Because of warming, temperatures reached 40C (104F) in Seville.", "temperature"),
    ("It was 5C (41F) above freezing.", "temperature"),
    ("Temperatures rose to 35C (95F) on Tuesday.", "temperature"),
])
def test_what_makes_a_temperature_a_difference(sentence, dimension):
    assert [q.dimension for q in quantities(Document(sentence))] == [dimension, dimension]
    assert lint(sentence, "QL502") == []


def test_units_convert_a_difference_without_the_offset():
    from quotelint.analysis.numbers.units import unit_table

    celsius, fahrenheit = unit_table().units["°C"], unit_table().units["°F"]
    assert celsius.to_base((2, 2), difference=True) == (2, 2)
    assert fahrenheit.to_base((3.6, 3.6), difference=True)[0] == pytest.approx(2.0)
    assert fahrenheit.from_base(2, difference=True) == pytest.approx(3.6)
    assert fahrenheit.from_base(celsius.to_base((2, 2))[0]) == pytest.approx(35.6)


PRIMARIES = """\
Pike sweeps the Midwest

In Ohio, Governor Dana Pike won the primary with 47 percent of the vote, state officials said.

In Michigan, Pike won the primary with 36 percent of the vote, state officials said.

A Marist poll found that 58 percent of voters say the economy is the top issue.

The Marist poll also found that 31 percent of voters say immigration is the top issue.

Among women, Pike won 52 percent of the vote in Ohio.

In Ohio, polls stayed open late. Turnout reached 44 percent, officials said.

In Michigan, polls closed on time. Turnout reached 29 percent, officials said.

Pike won the primary in Ohio with 41 percent of the vote.
"""


def test_shares_of_other_votes_polls_questions_and_subgroups_are_not_compared():
    # Ohio's and Michigan's primaries, two questions of one poll, women against all voters,
    # and two states' turnouts (named in the sentence before) are different shares; Ohio's
    # 47% restated as 41% is a real inconsistency.
    assert rows(lint(PRIMARIES, "QL501")) == [
        ("QL501", 17, 35, "Figures for the share of voters disagree: 41% vs 47%, the other "
                          "at line 3.")]


def test_why_two_shares_are_kept_apart():
    from quotelint.analysis.numbers.compare import mentions, why_not_same

    found = {m.line: m for m in Document(PRIMARIES).cached(mentions) if m.measure}
    assert found[11].clause.group == frozenset({"women"})
    assert found[13].clause.names == frozenset({"ohio"})  # from "In Ohio, polls stayed ..."
    assert found[15].clause.names == frozenset({"michigan"})
    assert [why_not_same(found[a], found[b]) for a, b in
            [(3, 5), (7, 9), (3, 11), (13, 15), (3, 17)]] == [
        "other vote or poll", "other vote or poll", "other vote or poll",
        "other vote or poll", None]


FERRY = """\
Ferry disaster

The transport minister, Paula Garnier, said 80 passengers died when the ferry capsized.

“I counted about 30 passengers dead on the deck of the ferry,” a fisherman said.

Officials said 60 passengers died when the ferry capsized.
"""


def test_a_quoted_figure_is_its_speakers_not_a_named_sources():
    # The fisherman's 30 is his account, not the minister's toll; the officials' 60 against
    # the minister's 80 is reported (a source that names no one is no source).
    assert rows(lint(FERRY, "QL501")) == [
        ("QL501", 7, 16, "Figures for the death toll (passengers) disagree: 60 vs 80, the other "
                         "at line 3.")]
    found = [q for q in quantities(Document(FERRY)) if q.measure]
    assert [q.source for q in found] == ["paula garnier", "(a quotation)", None]


def test_a_day_after_said_is_not_a_source():
    text = ("At least 84 people were killed in the attack, officials said Friday.\n\n"
            "“At least 90 people were killed in the attack,” the mayor wrote.\n")
    found = quantities(Document(text))
    assert [q.source for q in found] == [None, "(a quotation)"]
    # a quotation is compared with figures that name no source
    assert rows(lint(text, "QL501")) == [
        ("QL501", 3, 2, "Figures for the death toll disagree: at least 90 vs at least 84, the "
                        "other at line 1.")]
