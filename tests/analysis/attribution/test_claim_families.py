"""Unattributed claims by family (issue 14): each family one rule, exact ids and columns on
sentences written for these tests; and a lede's "experts say" named only by one of them."""

from __future__ import annotations

import pytest

from quotelint import Settings, lint_text
from quotelint.checks.ruleset import load_rules
from quotelint.errors import RuleErrors


def rules_at(text: str) -> list[tuple[str, int, int]]:
    found = lint_text(text, "draft.txt", settings=Settings(select=["unattributed-claim"]))
    return [(f.rule, f.line, f.column) for f in found]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("According to state media, the dam burst overnight.", [("QL410", 1, 1)]),
    ("The party won, amid reports that turnout was low.", [("QL410", 1, 16)]),
    ("Local media reported that the bridge had been closed.", [("QL410", 1, 1)]),
    ("According to the Daily Courier, the dam burst overnight.", []),
    ("The new console is expected to outsell its rival.", [("QL411", 1, 17)]),
    ("The ferry was thought to have sunk in the storm.", [("QL411", 1, 11)]),
    ("The bill is expected to pass, the Treasury said.", []),
    ("To many, the coach is a genius.", [("QL412", 1, 1)]),
    ("The cuts were a mistake, said a panel of economists.", [("QL412", 1, 26)]),
    ("Most commentators are betting on a late deal.", [("QL412", 1, 1)]),
    ("Conservatives see the mayor as a liability.", [("QL412", 1, 1)]),
    ("The conservatives in the room see the mayor as a liability.", []),
    ("The mine employs 900 people, by some estimates.", [("QL413", 1, 30)]),
    ("Private polling showing a swing to the party was leaked.", [("QL413", 1, 1)]),
    ("The senator leads her rival in the polls.", [("QL414", 1, 13)]),
    ("The mayor has a 12-point lead.", [("QL414", 1, 17)]),
    ("The club has long been considered a contender for the title.", [("QL408", 1, 10)]),
    ("Regarded as a moderate, the senator voted with the party.", [("QL408", 1, 1)]),
])
def test_each_family_reports_its_shape(sentence, expected):
    assert rules_at(sentence) == expected


def test_a_poll_named_in_the_previous_paragraph_sources_a_standing():
    named = ("A Survation poll for the Courier put the senator on 45%.\n\n"
             "She leads her rival in the polls.\n")
    assert rules_at(named) == []
    unnamed = named.replace("A Survation poll for the Courier put", "Voters put")
    assert rules_at(unnamed) == [("QL414", 3, 5)]


def test_lede_experts_are_named_only_by_one_of_them():
    lede = ("Tax plan under fire\n\n"
            "Experts say the tax plan will hurt the poor.\n\n"
            "{next}\n")
    other = lede.format(next="The finance minister, Jane Doe, said the plan was fair.")
    assert rules_at(other) == [("QL403", 3, 1)]
    expert = lede.format(next="Jane Doe, an economist at the Resolution Foundation, said "
                              "the poorest would lose most.")
    assert rules_at(expert) == []


def test_a_missing_lexicon_is_an_error_naming_it(write):
    path = write("house.yaml", """\
rules:
  - id: H401
    name: house-claim
    kind: unattributed-claim
    category: unattributed-claim
    message: "{match}: by whom?"
    pattern: '\\bit is felt\\b'
""")
    with pytest.raises(RuleErrors) as exc:
        load_rules([path], defaults=False)
    message = str(exc.value)
    assert f"{path}:4:" in message and "'evidence_nouns'" in message
    assert "lexicons.yaml" in message
