"""Restatements by reference ("That is about 400 miles.", "The pipeline is 567 miles.") and
approximations read both ways, on sentences written for these tests."""

from __future__ import annotations

import pytest

from quotelint import Settings, lint_text


def found(text: str) -> list[tuple[str, int, int, str]]:
    settings = Settings(select=["number-consistency"])
    return [(f.rule, f.line, f.column, f.message) for f in lint_text(text, settings=settings)]


PIPELINE = "The new gas pipeline will run 912 km from the coast to the refinery.\n\n"


def test_that_is_restates_the_figure_of_the_sentence_before():
    assert found(PIPELINE + "That is about 400 miles.\n") == [
        ("QL501", 3, 9, "Figures for the same quantity disagree: about 400 mi vs 912 km "
                        "(= 567 mi), the other at line 1.")]


@pytest.mark.parametrize("restated", [
    "That is about 570 miles.",  # agrees, and gives the other system: no QL503 either
    "That's nearly 570 miles.",
    "That is about 600 miles.",  # a conversion rounded to one significant figure
    "That is about 550 miles.",  # "about": rounded by 3%
    "That is 300 miles more than the old line.",  # a difference, not a restatement
    "It is about 400 miles to the nearest port.",  # more words: not a restatement alone
])
def test_that_is_agreeing_or_not_a_restatement(restated):
    assert found(PIPELINE + restated + "\n") == []


def test_that_is_after_two_figures_of_one_system_restates_neither():
    text = ("The 10 km race and the 3 km walk start at noon.\n\n"
            "That is roughly 1.9 miles.\n")
    assert found(text) == []


def test_a_bare_copula_restates_the_figure_its_noun_was_given():
    text = ("The rebuilt warehouse will store 14 million tonnes of grain for the region.\n\n"
            "Farmers welcomed the plan.\n\n"
            "The grain is 7 million tons.\n")
    assert found(text) == [
        ("QL501", 5, 14, "Figures for the amount of grain disagree: 7 million tons vs 14 "
                         "million tonnes (= 14,558,829 tons), the other at line 1.")]


def test_the_equivalent_of_in_the_same_sentence_is_a_conversion():
    assert found("The well is 40 metres deep, the equivalent of 300 feet.\n") == [
        ("QL502", 1, 13, "“40 metres deep, the equivalent of 300 feet”: 40 m is 131 ft, "
                         "not 300 ft.")]


@pytest.mark.parametrize(("first", "second"), [
    ("More than 20 people were killed in the blast.", "As many as 20 people were killed in the "
                                                      "blast."),
    ("Nearly 80 people were killed in the attack.", "The attack left 84 people killed."),
    ("About 100 people were injured in the crash.", "In all, 104 people were injured in the "
                                                    "crash."),
])
def test_approximations_agree_both_ways(first, second):
    assert found(f"{first}\n\n{second}\n") == []
