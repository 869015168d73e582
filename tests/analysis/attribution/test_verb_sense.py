"""Loaded reporting verbs (QL601, QL602, QL605) in their plain senses are not reported: an
object ("claimed victory"), a particle ("admitted to hospital"), a noun ("into claims that"),
a speaker that only shows ("the survey revealed") and a confession that was one."""

from __future__ import annotations

import pytest

from quotelint.config.settings import Settings
from quotelint.run.linter import lint_text


def loaded(text: str) -> list[tuple[str, int, int]]:
    found = lint_text(text, "draft.txt", settings=Settings(select=["style"]))
    return [(f.rule, f.line, f.column) for f in found if f.rule.startswith("QL6")]


@pytest.mark.parametrize("text", [
    # an object, then a relative or subordinate clause whose verb is not reported
    "The rebels claimed responsibility for the blast, which wounded six soldiers.",
    "The party claimed victory after the ballots were counted on Friday night.",
    "United claimed the title for the first time since the club was sold.",
    "The flood claimed the lives of two farmers who had refused to leave.",
    "The airline admitted liability for the delay and agreed to pay each passenger.",
    "The chairman maintains the title of honorary president and travels to every match.",
    "The engineers revealed the design of the tunnel at a meeting that lasted two hours.",
    "The company revealed a folding phone, which will go on sale in March.",
    # a particle
    "A cyclist admitted to hospital on Monday was said to be stable.",
    "Three pupils were admitted into hospital after the fire, which started in a kitchen.",
    "The protesters insisted on a recount before the result was declared.",
    # a noun
    "Regulators opened an inquiry into claims that the bank had hidden its losses.",
    "The nurse won her claim of unfair dismissal at the tribunal, which sat for a week.",
    "The tribunal heard the largest claim it had ever been asked to decide.",
    "The number of people filing jobless claims rose to its highest level since May.",
    # a speaker that only shows
    "The survey revealed that most tenants had not been told about the rise.",
    "Emails seen by the court revealed the payments were made in cash.",
    # a confession that was one
    "The guard admitted to stealing the paintings, the court heard.",
    "The former treasurer confessed that he had embezzled the club's funds.",
    "The singer confessed to the murder in a letter to his sister.",
])
def test_plain_senses_are_not_reported(text):
    assert loaded(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor claimed the budget was balanced, which it was not.", ("QL601", 1, 11)),
    ("Some voters who claim to prefer the challenger were not named.", ("QL601", 1, 17)),
    ("He resigned because he claimed it was unfair to the staff.", ("QL601", 1, 24)),
    ("The coach admitted that his side had been poor after the break.", ("QL602", 1, 11)),
    ("The former governor revealed that he kept giving paid speeches.", ("QL605", 1, 21)),
    ("The minister claimed, without evidence, that the figures were wrong.", ("QL601", 1, 14)),
    ("“It was a mistake,” the manager admitted to reporters.", ("QL602", 1, 33)),
])
def test_loaded_senses_are_still_reported(text, expected):
    assert loaded(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("The new bridge, which the council claims was built on time, has cracked.", ("QL601", 1, 35)),
    ("Nobody, he claimed, would be able to win the seat without them.", ("QL601", 1, 12)),
    ("The council is continuing to insist the road will reopen in May.", ("QL601", 1, 30)),
    ("The minister insisted on Monday that the budget was balanced.", ("QL601", 1, 14)),
    ("The coach admitted to reporters that his side had been poor.", ("QL602", 1, 11)),
])
def test_particles_parentheses_and_relative_clauses_still_report(text, expected):
    assert loaded(text) == [expected]


@pytest.mark.parametrize("text", [
    "The servers are maintained by a contractor in Dublin, which has forty staff.",
    "The number of people filing new jobless claims jumped to its highest level in May.",
    "In March the lawsuit claimed its first victim. The shop has since closed and was sold.",
    "A gunman claiming allegiance to the militia opened fire on the crowd.",
    "The senator maintained a brisk pace into advanced age, walking to work.",
    "The bombing of the depot, which was claimed by a separatist group, closed the port.",
    "The mayor conceded defeat shortly after midnight, when the count was finished.",
])
def test_participles_nouns_and_the_end_of_the_sentence(text):
    assert loaded(text) == []

