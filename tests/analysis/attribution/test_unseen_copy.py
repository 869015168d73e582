"""False alarms found by auditing the sourcing rules on copy they were not tuned on: each class
of case on sentences written for these tests, with the unsourced control that is still reported."""

from __future__ import annotations

import pytest

from quotelint import Settings, lint_text


def rules_at(text: str) -> list[tuple[str, int, int]]:
    found = lint_text(text, "draft.txt", settings=Settings(select=["unattributed-claim"]))
    return [(f.rule, f.line, f.column) for f in found]


def test_a_pollster_named_before_modifiers_names_the_poll():
    assert rules_at("The mayor held a 9-point lead in a Courier statewide poll.") == []
    assert rules_at("The mayor held a 9-point lead in the latest Courier tracking poll.") == []
    assert rules_at("The mayor held a 9-point lead in a new statewide poll.") == [("QL414", 1, 18)]


def test_the_poll_refers_back_to_a_poll_named_earlier():
    story = ("A poll by the Courier of 800 voters was published on Monday.\n\n"
             "Turnout is expected to be high.\n\n"
             "The race has been bitter.\n\n"
             "The mayor leads her rival by nine points in the poll.\n")
    assert rules_at(story) == [("QL411", 3, 9)]
    unnamed = story.replace("A poll by the Courier of 800 voters was published",
                            "Voters were asked")
    assert rules_at(unnamed) == [("QL411", 3, 9), ("QL414", 7, 11)]


def test_a_title_ending_in_a_full_stop_is_a_headline():
    story = ("Mayor takes 9-point lead over rival.\n\n"
             "The mayor has moved ahead, according to a Courier poll published on Monday.\n\n"
             "The vote is on Thursday.\n")
    assert rules_at(story) == []
    titled = story.replace("Mayor takes 9-point lead over rival.", "Poll Gives Mayor 9-Point Lead.")
    assert rules_at(titled) == []


def test_a_short_lede_written_as_a_sentence_is_not_a_headline():
    lede = ("The mayor has now taken a 9-point lead over her rival.\n\n"
            "The vote is on Thursday.\n\n"
            "The polls open at eight.\n")
    assert rules_at(lede) == [("QL414", 1, 27)]


def test_an_appositive_after_a_mid_sentence_attribution_leaves_it_the_clause_before():
    sentence = ("Asylum seekers would be considered a separate class, Smith said, "
                "a change that could help them.")
    assert rules_at(sentence) == []
    unnamed = sentence.replace("Smith said", "officials said")
    assert rules_at(unnamed) == [("QL408", 1, 22)]


def sources_at(text: str) -> list[tuple[str, int, int]]:
    found = lint_text(text, "draft.txt",
                      settings=Settings(select=["anonymous-source", "unattributed-claim"]))
    return [(f.rule, f.line, f.column) for f in found]


@pytest.mark.parametrize(("sentence", "expected"), [
    # A group that a passive belief is about is the claim's topic, not its source.
    ("Council ministers are believed to have agreed a new budget.", [("QL411", 1, 19)]),
    ("Council ministers believe the budget will pass.", [("QL301", 1, 1)]),
    ("Young people in rented flats are thought to miss out on the vote.", [("QL411", 1, 30)]),
    ("Young people in rented flats say they miss out on the vote.", [("QL301", 1, 1)]),
    # "official" as an adjective.
    ("The league sent an official warning to the two players after they were seen in Spain, "
     "where they had said they would not be.", []),
    ("An official said the two players had been warned.", [("QL302", 1, 1)]),
    # "a source for his claim": where a claim comes from, not a person.
    ("The mayor never cited a source for his claim that crime had doubled.", []),
    ("A source close to the mayor said crime had doubled.", [("QL301", 1, 1)]),
    # A source that says nothing gives no information.
    ("Officials have not said when the plant will reopen.", []),
    ("Officials, who did not want to be named, said the plant would close.", [("QL302", 1, 1)]),
])
def test_source_nouns_in_other_roles_are_not_sources(sentence, expected):
    assert sources_at(sentence) == expected


def test_back_as_a_particle_is_no_attitude():
    assert rules_at("In the end most residents left the flats and headed back to the "
                    "shelter.") == []
    assert rules_at("Most voters in the town back the bypass.") == [("QL405", 1, 1)]
