"""Figures compared across the articles of a story (``--story``): the seeds and our own."""

from __future__ import annotations

import json
import pickle

from conftest import ROOT

from quotelint import Document, Settings, lint_paths
from quotelint.checks.ruleset import load_rules

SEED_001 = "seeds/001_ed26ab55f95e6654.txt"
SEED_002 = "seeds/002_03e8ae0ae14f60e1.txt"

FIRST = """\
Ukraine receives first long-range rockets

The rockets, which have a range of 300 km, arrived in Ukraine on Monday, officials said.

Thousands of Russian troops are dug in on the peninsula, according to Western officials.
"""

SECOND = """\
Rockets arrive as Kyiv plans spring offensive

Kyiv has begun training crews on the rockets, which have a range of 200 miles.

Analysts say tens of thousands of Russian troops are dug in on the peninsula.

The rockets cost $1.5m each.
"""


def numbers(out: str) -> list[str]:
    return [line for line in out.splitlines() if " QL5" in line]


def test_seeds_as_a_story(cli):
    r = cli("--story", "seeds/", cwd=ROOT)
    assert numbers(r.out) == [
        f"{SEED_001}:13:217: info QL504 [*] “320 kms”: unit symbols take no plural s; "
        "write “320 km”.",
        f"{SEED_002}:12:103: info QL503 Mixed unit systems for the range: nearly 200 mi vs "
        f"nearly 320 km (= 199 mi), the other at {SEED_001}:13; use one, or give both.",
        f"{SEED_002}:14:108: warning QL501 Figures for troops disagree: tens of thousands "
        f"(10,000–99,999) vs thousands (2,000–9,999), the other at {SEED_001}:17.",
    ]


def test_seed_story_findings_point_to_the_other_file_in_json(cli):
    r = cli("--story", "--format", "json", "--select", "QL501,QL503", "seeds/", cwd=ROOT)
    found = [(f["path"], f["line"], f["column"], f["end_column"], f["rule"],
              [(x["path"], x["line"], x["column"]) for x in f["related"]])
             for f in json.loads(r.out)]
    assert found == [
        (SEED_002, 12, 103, 119, "QL503", [(SEED_001, 13, 210)]),
        (SEED_002, 14, 108, 128, "QL501", [(SEED_001, 17, 203)]),
    ]


def test_seeds_without_story_have_no_cross_file_findings(cli):
    r = cli("seeds/", cwd=ROOT)
    assert numbers(r.out) == [
        f"{SEED_001}:13:217: info QL504 [*] “320 kms”: unit symbols take no plural s; "
        "write “320 km”."]


def test_a_story_of_our_own(write):
    a, b = write("a.txt", FIRST), write("b.txt", SECOND)
    result = lint_paths([str(a), str(b)], Settings(select=["number-consistency"]), story=True)
    assert [(f.path.rsplit("/", 1)[1], f.line, f.column, f.rule, f.message.split(":")[0],
             [(r.path.rsplit("/", 1)[1], r.line, r.column) for r in f.related])
            for f in result.findings] == [
        ("b.txt", 3, 69, "QL501", "Figures for the range disagree", [("a.txt", 3, 36)]),
        ("b.txt", 5, 14, "QL501", "Figures for troops disagree", [("a.txt", 5, 1)]),
    ]
    assert "200 mi vs 300 km (= 186 mi)" in result.findings[0].message
    alone = lint_paths([str(a), str(b)], Settings(select=["number-consistency"]))
    assert alone.findings == []


def test_story_summaries_are_small_and_picklable():
    check = load_rules().find("QL501")
    summary = check.collect(Document(SECOND, "b.txt"))
    tolerance, found, dates = pickle.loads(pickle.dumps(summary))
    assert dates == []
    assert tolerance == 0.02
    assert [(m.shown, m.measure, m.line) for m in found] == [
        ("200 mi", "range", 3), ("tens of thousands (10,000–99,999)", "troops", 5),
        ("$1.5m", None, 7)]  # a sum of money, keyed across a story by the words near it
    assert sorted(found[2].anchors) == ["cost", "rocket"]
    assert not load_rules().find("QL504").STORY


def test_an_unused_suppression_of_a_rule_within_one_file_is_reported_without_story(cli, write):
    # A kind declares whether it compares articles; QL504 does not, so a comment that
    # silences no QL504 is unused in a plain run too, as in a story run.
    path = write("a.txt", "The parcel weighed 20 kg.\n"
                          "<!-- quotelint-disable-next-line QL504 -- house style -->\n"
                          "The rockets have a range of 300 km.\n")
    for args in ((), ("--story",)):
        r = cli("-q", "--select", "QL504,QL901", *args, str(path))
        assert [line.split(":", 1)[1] for line in r.out.splitlines() if "QL901" in line] == [
            "2:1: info QL901 Unused suppression: “quotelint-disable-next-line QL504” "
            "silences nothing."]


CLIMB_A = """\
Climbers rescued from Ben Nevis ledge

Two climbers were winched to safety from a ledge 200 metres below the summit of Ben Nevis.

The coastguard helicopter flew from Prestwick in strong winds.
"""

CLIMB_B = """\
Helicopter crew praised after Ben Nevis rescue

The crew flew through strong winds from Prestwick.

Two climbers were winched from a ledge 900 feet below the summit of Ben Nevis, where they \
had spent the night.
"""


def test_a_figure_with_no_measure_word_restated_in_another_article(write):
    a, b = write("a.txt", CLIMB_A), write("b.txt", CLIMB_B)
    result = lint_paths([str(a), str(b)], Settings(select=["QL501"]), story=True)
    assert [(f.path.rsplit("/", 1)[1], f.line, f.column, f.end_column, f.message,
             [(r.path.rsplit("/", 1)[1], r.line, r.column) for r in f.related])
            for f in result.findings] == [
        ("b.txt", 5, 40, 48, f"Figures for the same quantity disagree: 900 ft vs 200 m "
                             f"(= 656 ft), the other at {a}:3.", [("a.txt", 3, 50)])]
    assert lint_paths([str(a), str(b)], Settings(select=["QL501"])).findings == []
    right = write("c.txt", CLIMB_B.replace("900 feet", "650 feet"))  # 200 m = 656 ft
    assert lint_paths([str(a), str(right)], Settings(select=["QL501"]), story=True).findings == []


def test_story_summaries_keep_unmeasured_physical_figures_with_their_words():
    _, found, _ = load_rules().find("QL501").collect(Document(CLIMB_A, "a.txt"))
    (m,) = pickle.loads(pickle.dumps(found))
    assert (m.shown, m.measure, m.line) == ("200 m", None, 3)
    assert {"climber", "winch", "ledg", "summit"} <= m.clause.words
    assert m.clause.names == {"ben", "nevi"}


LORRY_A = """\
Lorry driver held after market crash

The driver of a 12-ton delivery lorry was arrested after it ploughed into a market stall.

Police said the lorry had been stolen from a depot on Monday.
"""

LORRY_B = """\
Market crash: driver arrested

Witnesses said the 18-tonne lorry mounted the kerb at speed.

Three people were killed at the market, police said.
"""

LORRY_C = """\
Market crash toll rises

Two people were killed at the market, and the toll may rise, officials said.
"""


def test_a_story_keys_physical_figures_by_the_words_near_them(write):
    # "a 12-ton delivery lorry" and "the 18-tonne lorry": no measure word, different clauses,
    # but one lorry of one story; the finding names both places and converts.
    a, b = write("a.txt", LORRY_A), write("b.txt", LORRY_B)
    result = lint_paths([str(a), str(b)], Settings(select=["QL501"]), story=True)
    assert [(f.path.rsplit("/", 1)[1], f.line, f.column, f.severity, f.message.split(",")[0],
             [(r.path.rsplit("/", 1)[1], r.line, r.column) for r in f.related])
            for f in result.findings] == [
        ("b.txt", 3, 20, "warning", "Figures for the lorry disagree: 18 tonnes vs 12 tons "
                                    "(= 10.9 tonnes)", [("a.txt", 3, 17)])]


def test_a_toll_an_article_calls_provisional_disagrees_only_as_info(write):
    b, c = write("b.txt", LORRY_B), write("c.txt", LORRY_C)
    result = lint_paths([str(b), str(c)], Settings(select=["QL501"]), story=True)
    assert [(f.path.rsplit("/", 1)[1], f.line, f.severity) for f in result.findings] == [
        ("c.txt", 3, "info")]


KIDNAP_A = """\
Hostages freed after two years

The aid workers were kidnapped from a clinic on March 3, 2019, near the northern border.

A video released in March 2020 showed them alive.
"""

KIDNAP_B = """\
Aid workers home

The aid workers, kidnapped from a clinic in March 2018, landed in the capital.
"""


def test_a_story_compares_the_dates_of_one_event(write):
    # "kidnapped ... March 3, 2019" and "kidnapped ... March 2018": one event, two years; the
    # video of March 2020 is another event (no word in common near it).
    a, b = write("a.txt", KIDNAP_A), write("b.txt", KIDNAP_B)
    result = lint_paths([str(a), str(b)], Settings(select=["QL501"]), story=True)
    assert [(f.path.rsplit("/", 1)[1], f.line, f.column, f.end_column, f.message,
             [(r.path.rsplit("/", 1)[1], r.line, r.column) for r in f.related])
            for f in result.findings] == [
        ("b.txt", 3, 45, 55, f"Figures for the date disagree: March 2018 vs March 3, 2019, "
                             f"the other at {a}:3.", [("a.txt", 3, 49)])]
    assert lint_paths([str(a), str(b)], Settings(select=["QL501"])).findings == []


def test_a_story_keys_counts_by_the_compound_noun_they_count(write):
    a = write("a.txt", "Flood rescue\n\nSix fire rescue units containing pumps were sent to "
                       "the estate, and 40 residents were moved.\n")
    b = write("b.txt", "Estate flooded\n\nFour rescue units are at the scene, and 60 residents "
                       "have left.\n")
    result = lint_paths([str(a), str(b)], Settings(select=["QL501"]), story=True)
    # "rescue units" is one kind of thing; "residents" may be counted for anything
    assert [(f.path.rsplit("/", 1)[1], f.line, f.column, f.message.split(",")[0])
            for f in result.findings] == [
        ("b.txt", 3, 1, "Figures for the same quantity disagree: 4 vs 6")]
