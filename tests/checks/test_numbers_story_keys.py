"""Across a story: what keys two figures of different articles, and how closely they must
agree (estimates, synonyms, rounded counts, counts of people written as words)."""

from __future__ import annotations

from quotelint import Settings, lint_paths


def story(write, *texts: str, select: str = "QL501") -> list[tuple]:
    paths = [str(write(f"{chr(97 + i)}.txt", t)) for i, t in enumerate(texts)]
    result = lint_paths(paths, Settings(select=[select]), story=True)
    return [(f.path.rsplit("/", 1)[1], f.line, f.column, f.severity,
             f.message.split(", the other")[0],
             [(r.path.rsplit("/", 1)[1], r.line) for r in f.related]) for f in result.findings]


BANK_A = """\
Lender warns of loss

The levy will turn the lender from an estimated $4.2 billion in earnings to a loss.
"""

BANK_B = """\
Lender takes a hit

Analysts had expected the bank to post net income of $4.6 billion.
"""

BANK_C = """\
Lender takes a hit

Analysts had expected the bank to post net income of $4.2 billion.
"""


def test_an_estimate_is_its_digits_and_income_is_earnings(write):
    # "an estimated $4.2 billion" no longer reaches 15% past itself, and "income" keys the
    # sum as "earnings" does
    assert story(write, BANK_A, BANK_B) == [
        ("b.txt", 3, 54, "warning", "Figures for the same quantity disagree: $4.6 billion vs "
                                    "an estimated $4.2 billion", [("a.txt", 3)])]
    assert story(write, BANK_A, BANK_C) == []


PORT_A = """\
Storm reaches the coast

Gales closed the harbour of Varn, a city of 620,000, on Tuesday.
"""

PORT_B = """\
Harbour shut

The storm shut the harbour of Varn, a city of 630,000 on the northern coast.
"""


def test_two_figures_rounded_alike_that_differ_disagree(write):
    # 615,000-625,000 and 625,000-635,000 touch, but no writer rounds one number both ways
    assert story(write, PORT_A, PORT_B) == [
        ("b.txt", 3, 47, "warning", "Figures for the population disagree: 630,000 vs 620,000",
         [("a.txt", 3)])]
    assert story(write, PORT_A, PORT_B.replace("630,000", "620,000")) == []
    assert story(write, PORT_A, PORT_B.replace("630,000", "about 630,000")) == []


CREWS_A = """\
Warehouse fire

Nine fire engines and three fire rescue units containing cutting gear were sent.
"""

CREWS_B = """\
Blaze at depot

"Nine fire engines and two fire and rescue crews are here," a spokesman said.
"""

CREWS_C = """\
Depot fire

Crews from two rescue units are at the depot.
"""

CREWS_D = """\
Depot fire

Nine fire engines and 40 firefighters were there, with 25 other fire crews on the way.
"""


def test_a_story_keys_counts_by_two_words_of_their_compound_and_names_every_article(write):
    # "three fire rescue units" / "two fire and rescue crews" / "two rescue units": two words
    # of one compound each; "nine fire engines" shares one ("fire") with them. The last
    # article's "three" disagrees with both articles before it: the finding names both.
    assert story(write, CREWS_B, CREWS_C, CREWS_A) == [
        ("c.txt", 3, 23, "warning", "Figures for the same quantity disagree: 3 vs 2",
         [("a.txt", 3), ("b.txt", 3)])]
    # "25 other fire crews" is a part of something, not the count of the crews
    assert story(write, CREWS_A, CREWS_D) == []


HOSTAGE_A = """\
Engineers home

The engineers, abducted in May 2019, were flown home on Sunday.
"""

HOSTAGE_B = """\
Freed engineers land

Gunmen seized them on May 9, 2018, officials said.
"""

HOSTAGE_C = """\
Engineers freed

The kidnapping in May 2019 was the first in the province.
"""


def test_a_story_dates_one_event_by_synonyms_and_names_every_article(write):
    # "abducted" / "seized" / "the kidnapping" are one event, near all three dates: it is what
    # they date, not a subject to take out
    assert story(write, HOSTAGE_A, HOSTAGE_C, HOSTAGE_B) == [
        ("c.txt", 3, 23, "warning", "Figures for the date disagree: May 9, 2018 vs May 2019",
         [("a.txt", 3), ("b.txt", 3)])]


SWAP_A = """\
Aid workers freed

No jailed Red Brigade members were released in return, a mediator said.
"""

SWAP_B = """\
Prisoner swap

The aid workers were handed over in exchange for three Red Brigade members.
"""

SWAP_C = """\
Prisoner swap

Three detained Red Brigade members were released on Tuesday night.
"""


def test_none_of_a_compound_noun_is_a_count_of_zero(write):
    # "No jailed Red Brigade members were released" / "three Red Brigade members": the words
    # of one compound; "detained" opens a compound, it does not end it
    assert story(write, SWAP_A, SWAP_B, SWAP_C) == [
        ("b.txt", 3, 50, "warning", "Figures for the same quantity disagree: 3 vs No jailed Red "
                                    "Brigade members", [("a.txt", 3)]),
        ("c.txt", 3, 1, "warning", "Figures for the same quantity disagree: 3 vs No jailed Red "
                                   "Brigade members", [("a.txt", 3)])]
    # "no British citizens" shares one word with "three Red Brigade members": not keyed
    assert story(write, SWAP_A.replace("jailed Red Brigade members", "British citizens"),
                 SWAP_B) == []


def test_a_range_is_as_far_from_a_figure_as_its_nearest_end(write):
    # 45 mph is 1.8 times the middle of 20-30 mph, but 1.5 times its top: near enough to be
    # the van's one speed, and outside the range
    a = "Van crash\n\nThe van mounted the kerb at 45mph near the market.\n"
    b = "Market crash\n\nA witness said the van moved at 20-30 mph through the stalls.\n"
    assert story(write, a, b) == [
        ("b.txt", 3, 33, "warning", "Figures for the same quantity disagree: 20-30 mph vs 45 mph",
         [("a.txt", 3)])]


def test_the_words_of_a_compound_are_read_through_synonyms(write):
    # "no captive rebels" / "two jailed insurgents": captive = jailed, rebels = insurgents
    a = "Talks\n\nNo captive rebels were freed under the deal, the ministry said.\n"
    b = "Deal done\n\nThe deal freed the pilot and two jailed insurgents.\n"
    assert story(write, a, b) == [
        ("b.txt", 3, 30, "warning", "Figures for the same quantity disagree: 2 vs No captive "
                                    "rebels", [("a.txt", 3)])]
