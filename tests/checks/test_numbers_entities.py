"""Two figures are one quantity only if they measure the same attribute of the same thing at
the same time: rows of a list, two of a kind, changes and other days are not compared."""

from __future__ import annotations

import pytest

from quotelint import Settings, lint_text


def found(text: str) -> list[tuple[str, int, int]]:
    settings = Settings(select=["number-consistency"])
    return [(f.rule, f.line, f.column) for f in lint_text(text, settings=settings)]


@pytest.mark.parametrize("text", [
    # rows of a list: exports to one country and to another
    "Exports to Germany were 30,000 tonnes of wheat.\n\nExports to France were 45,000 tonnes "
    "of wheat.\n",
    # two of a kind, told apart by an ordinal
    "The first runway is 3,000 metres long.\n\nThe second runway is 2,500 metres long.\n",
    # a change: the new value after "from X to"
    "The dam holds 40 million cubic metres of water.\n\nThe dam was expanded from 40 million "
    "cubic metres to 55 million cubic metres of water.\n",
    # a change with its object between the verb and "to"
    "The reservoir held 40 million litres of water.\n\nEngineers have increased the "
    "reservoir's capacity to 55 million litres of water.\n",
    # a toll on one day and on another
    "The death toll was 50 on Friday, officials said.\n\nBy Saturday the death toll was 84, "
    "officials said.\n",
    # two places' distances from one city
    "The smelter is 400 miles from Johannesburg.\n\nThe new mine is 150 miles from "
    "Johannesburg.\n",
])
def test_different_things_or_times_are_not_compared(text):
    assert found(text) == []


def test_a_day_left_out_of_a_restatement_still_compares():
    text = ("The first runway is 3,000 metres long, the airport said on Monday.\n\n"
            "The airport's first runway is 2,500 metres long.\n")
    assert found(text) == [("QL501", 3, 31)]


def test_the_same_row_restated_with_another_figure_is_reported():
    text = ("Exports to Germany were 30,000 tonnes of wheat.\n\n"
            "Exports to Germany were 45,000 tonnes of wheat, the ministry said.\n")
    assert found(text) == [("QL501", 3, 25)]
