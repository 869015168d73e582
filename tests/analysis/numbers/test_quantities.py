"""The quantity analysis: what is a figure, its interval, its unit, and what it measures."""

from __future__ import annotations

import pickle

import pytest

from quotelint.analysis.numbers.compare import agree, mentions, same_measure
from quotelint.analysis.numbers.figures import figures
from quotelint.analysis.numbers.quantities import quantities
from quotelint.analysis.numbers.units import unit_table
from quotelint.text.document import Document


def read(text: str) -> list[tuple[str, str, str, float, float]]:
    """(as written, dimension, unit symbol, low, high) of each figure, in its own unit."""
    return [(f.text, f.dimension, f.symbol, round(f.interval[0], 3), round(f.interval[1], 3))
            for f, _ in figures(text)]


def measured(text: str) -> list[tuple[str, str | None, bool]]:
    doc = Document(text)
    return [(q.figure.text, q.measure, q.comparable) for q in doc.cached(quantities)]


# -- numbers -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # DESIGN §4: ± half the last significant digit, at least two significant figures
    ("Some 1,500 people marched.", ("Some 1,500", "count", "", 1305.0, 1705.0)),
    ("The rebels hold 2.5 km of road.", ("2.5 km", "length", "km", 2.45, 2.55)),
    ("There are 1.5 million voters.", ("1.5 million", "count", "", 1450000.0, 1550000.0)),
    ("It paid $3.7bn for the firm.", ("$3.7bn", "money:USD", "USD", 3.65e9, 3.75e9)),
    ("It paid £500m for the firm.", ("£500m", "money:GBP", "GBP", 4.95e8, 5.05e8)),
    ("The strike cost €40m.", ("€40m", "money:EUR", "EUR", 3.95e7, 4.05e7)),
    ("He won 300 km away.", ("300 km", "length", "km", 295.0, 305.0)),
    ("The region has 3m people.", ("3m", "count", "", 2.5e6, 3.5e6)),
])
def test_digits_separators_decimals_and_scales(text, expected):
    assert read(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Four men were held.", ("Four", "count", "", 3.5, 4.5)),
    ("She bought two dozen eggs.", ("two dozen", "count", "", 23.5, 24.5)),
    ("The fund raised a million dollars.", ("a million dollars", "money:USD", "USD",
                                            750000.0, 1250000.0)),
    ("It has twenty-five members.", ("twenty-five", "count", "", 24.5, 25.5)),
    ("One hundred and twenty soldiers died.", ("One hundred and twenty", "count", "",
                                              115.0, 125.0)),
    ("The town lost two or three houses.", ("two or three", "count", "", 1.5, 3.5)),
])
def test_number_words(text, expected):
    assert read(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("thousands of Russian soldiers", ("thousands of", 2000.0, 9999.0)),
    ("tens of thousands of Russian troops", ("tens of thousands of", 10000.0, 99999.0)),
    ("hundreds of homes", ("hundreds of", 200.0, 999.0)),
    ("hundreds of thousands of refugees", ("hundreds of thousands of", 100000.0, 999999.0)),
    ("the storm killed thousands", ("thousands", 2000.0, 9999.0)),
    ("several thousand protesters", ("several thousand", 3000.0, 9999.0)),
])
def test_vague_magnitudes_are_intervals(text, expected):
    (written, dimension, _, lo, hi), = read(text)
    assert (written, lo, hi) == expected and dimension == "count"


@pytest.mark.parametrize(("text", "expected"), [
    ("between 100 and 150 troops", ("between 100 and 150", "count", "", 95.0, 155.0)),
    ("100-150 troops", ("100-150", "count", "", 95.0, 155.0)),
    ("10 to 15 miles", ("10 to 15 miles", "length", "mi", 9.5, 15.5)),
    ("1.5 to 2 million people", ("1.5 to 2 million", "count", "", 1450000.0, 2500000.0)),
    ("10-15% of the vote", ("10-15%", "percent", "%", 9.5, 15.5)),
])
def test_ranges_are_kept_as_intervals(text, expected):
    assert read(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("nearly 320 km", (283.5, 341.25)),    # [0.9 v, 1.05 v]: "nearly 80" agrees with 84
    ("about 320 km", (283.5, 357.5)),      # [0.9 v, 1.1 v]
    ("more than 320 km", (315.0, 487.5)),  # [v, 1.5 v]
    ("up to 320 km", (0.0, 325.0)),
    ("at least 320 km", (315.0, float("inf"))),
    ("320 km or more", (315.0, 487.5)),
])
def test_approximators_widen_the_interval(text, expected):
    (_, _, _, lo, hi), = read(text)
    assert (lo, hi) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("turnout of 64%", ("64%", "percent", "%")),
    ("a 5 per cent rise", ("5 per cent", "percent", "%")),
    ("a lead of 3 percentage points", ("3 percentage points", "points", "points")),
])
def test_percentages_and_percentage_points_are_different_dimensions(text, expected):
    assert read(text)[0][:3] == expected


@pytest.mark.parametrize(("text", "symbol", "dimension"), [
    ("320 km", "km", "length"), ("320 kms", "km", "length"), ("320-km", "km", "length"),
    ("320km", "km", "length"), ("320 kilometres", "km", "length"),
    ("200 miles", "mi", "length"), ("30 m (98 ft)", "m", "length"), ("98 ft", "ft", "length"),
    ("90 kg", "kg", "mass"), ("200 lb", "lb", "mass"), ("40 tonnes", "tonnes", "mass"),
    ("-5C", "°C", "temperature"), ("68F", "°F", "temperature"),
    ("20 degrees Celsius", "°C", "temperature"), ("5 litres", "l", "volume"),
    ("2 gallons", "gal", "volume"), ("100 km/h", "km/h", "speed"), ("60 mph", "mph", "speed"),
    ("30 knots", "knots", "speed"), ("20 km²", "km²", "area"), ("20 sq km", "km²", "area"),
    ("400 acres", "acres", "area"), ("160 hectares", "ha", "area"),
])
def test_units_and_aliases(text, symbol, dimension):
    (_, got_dimension, got_symbol, _, _) = read(text)[0]
    assert (got_symbol, got_dimension) == (symbol, dimension)


def test_conversions_go_through_si_and_temperature_is_affine():
    table = unit_table()
    assert table.units["mi"].to_base((200, 200)) == pytest.approx((321868.8, 321868.8))
    assert table.units["°F"].to_base((68, 68))[0] == pytest.approx(293.15)  # 20 °C
    assert table.units["°C"].to_base((-40, -40))[0] == pytest.approx(
        table.units["°F"].to_base((-40, -40))[0])
    lo, hi = table.units["ton"].to_base((1, 1))  # short or long ton
    assert (round(lo), round(hi)) == (907, 1016)


def test_feet_and_inches_read_as_one_height():
    (written, dimension, symbol, lo, hi), = read("He is 6ft 4in tall.")
    assert (written, dimension, symbol) == ("6ft 4in", "length", "ft")
    assert lo == pytest.approx(6.292, abs=1e-3) and hi == pytest.approx(6.375, abs=1e-3)


def test_metres_or_million_by_context():
    assert read("a 3m high wall")[0][1:3] == ("length", "m")
    assert read("3m people")[0][1:3] == ("count", "")
    assert read("£3m deal")[0][1:3] == ("money:GBP", "GBP")
    # in parentheses "5m" is usually a conversion ("30ft (10m)"), unless a currency follows
    assert read("He fell 30ft (10m) to the ground.")[1][1:3] == ("length", "m")
    assert read("Profits were 3.4bn kroner (456m euros).")[1] == (
        "456m euros", "money:EUR", "EUR", 455500000.0, 456500000.0)


def test_pounds_are_weight_unless_money_is_near():
    assert read("The gorilla weighed 400 pounds.")[0][1] == "mass"
    assert read("He was fined 400 pounds.")[0][1] == "money:GBP"
    assert read("It overloaded the plane by 700 pounds (320kg).")[0][1] == "mass"


# -- what is not a figure ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Milley said on January 20 that it was difficult.",
    "Russia has controlled it since 2014.",
    "The talks began at 10:30 and ended at 3pm.",
    "It was the 21st time he had tried.",
    "Ukraine asked for F-16 jets and S-400 systems.",
    "An Su-27 was shot down.",
    "Nato's Article 5 commits every member.",
    "Arsenal won 3-1 on Saturday.",
    "It was the best film of the 1990s.",
    "He flew a Boeing 747 to Sydney.",
    "A Long March 4C rocket will carry the satellite.",
])
def test_dates_years_times_ordinals_models_and_scores_are_not_figures(text):
    assert measured(text) == []


@pytest.mark.parametrize("text", [
    "POLITICO reported it, citing four unnamed people familiar with the call.",
    "According to two people involved in the discussions, the talks stalled.",
    "Three senior officials, who spoke on condition of anonymity, confirmed it.",
])
def test_numbers_inside_source_descriptions_are_not_quantities(text):
    assert measured(text) == []


def test_counts_of_victims_are_still_figures():
    assert measured("Two people were killed, police said.") == [("Two", "deaths", True)]


# -- what a figure measures --------------------------------------------------------------

@pytest.mark.parametrize(("text", "measure"), [
    ("These missiles have a range of nearly 320 kms.", "range"),
    ("It has a 300km range.", "range"),
    ("The fence is 4 metres high.", "height"),
    ("The bridge is 19km long.", "length"),
    ("It fell into a 40-metre-deep well.", "depth"),
    ("The village is 20 miles from Lille.", "distance:lille"),
    ("Ethiopia produced 14 million tonnes of crops.", "production"),
    ("It is defended by tens of thousands of Russian troops.", "troops"),
    ("The attack killed at least 84 people.", "deaths"),
    ("At least 84 people were killed.", "deaths"),
    ("The death toll rose to 84.", "deaths"),
    ("More than 50 people were injured.", "injured"),
    ("Turnout was 64%.", "turnout"),
    ("A referendum saw 97% of voters back the move.", "voters"),
    ("The bank was fined $5bn.", "fine"),
    ("It took a $5bn charge.", "charge"),
    ("It agreed a deal worth £2.6bn.", "deal"),
    ("The pipeline is part of a 912km pipeline network.", "length:pipeline"),
])
def test_measures(text, measure):
    assert measured(text)[0][1] == measure


@pytest.mark.parametrize("text", [
    "He scored from 18 yards.",                   # a position, not a measure of anything
    "She won the 60m hurdles in 7.9 seconds.",    # an event's name
    "Prices rose 5% last year.",                  # a change
    "The river is 3 metres deeper than usual.",   # a comparison
    "It weighs 20 kg more than the old one.",
])
def test_figures_that_measure_nothing_comparable(text):
    assert all(not (measure and comparable) for _, measure, comparable in measured(text))


def test_changes_parts_and_small_troop_counts_are_not_compared():
    assert measured("The death toll rose to 84.")[0][2] is False
    assert measured("The US sent 2,000 extra troops.")[0][2] is False
    assert measured("Another 3,000 troops arrived.")[0][2] is False
    assert measured("A car hit two soldiers.") == [("two", None, True)]


def test_rates_are_their_own_dimension():
    doc = Document("Denmark makes about 30,000 tonnes a year.")
    (q,) = doc.cached(quantities)
    assert (q.dimension, q.measure) == ("mass/year", "production")


@pytest.mark.parametrize(("text", "dimension"), [
    ("The terminal will ship 5 million tonnes of gas a year from 2011.", "mass/year"),
    ("Qatar will supply 7.5 million tonnes of fuel annually.", "mass/year"),
    ("The ark held 300 tonnes of food for a year.", "mass"),  # a duration, not a rate
])
def test_a_rate_may_follow_what_the_figure_counts(text, dimension):
    assert [q.dimension for q in Document(text).cached(quantities)][:1] == [dimension]


def test_parenthetical_conversion_is_linked_to_its_figure():
    doc = Document("The missiles fly 320 km (199 miles) and the lorry 40 metres deep (131 feet).")
    found = doc.cached(quantities)
    assert [(q.figure.text, q.converts) for q in found] == [
        ("320 km", None), ("199 miles", 0), ("40 metres", None), ("131 feet", 2)]


# -- comparing ---------------------------------------------------------------------------

def pair(text: str):
    return doc_mentions(text)[:2]


def doc_mentions(text: str):
    doc = Document(text)
    return [m for m in doc.cached(mentions) if m.measure]


def test_same_measure_and_agreement_on_the_design_examples():
    a, b = pair("The missiles have a range of 320 km.\n\nThe missiles have a range of 200 miles.")
    assert same_measure(a, b) and agree(a, b, 0.02)  # 200 mi = 322 km
    a, b = pair("The missiles have a range of 300 km.\n\nThe missiles have a range of 200 miles.")
    assert same_measure(a, b) and not agree(a, b, 0.02)
    a, b = pair("Thousands of Russian troops dug in.\n\n"
                "Tens of thousands of Russian troops dug in.")
    assert same_measure(a, b) and not agree(a, b, 0.5)  # orders of magnitude: no slack


def test_figures_of_different_named_sources_times_or_subjects_are_not_the_same_measure():
    a, b = pair("Ukraine said 50 soldiers had been killed.\n\n"
                "Russia said 5 soldiers had been killed.")
    assert not same_measure(a, b)
    a, b = pair("In 2015, 17 people were killed in the attacks.\n\n"
                "On Thursday, 84 people were killed in the attacks.")
    assert not same_measure(a, b)
    a, b = pair("The court ruled that only cheese made in Greece may be sold as feta, a blow to "
                "firms in Denmark.\n\nDenmark exports 30,000 tonnes of feta.\n\n"
                "Greece exports 115,000 tonnes of feta.")
    assert not same_measure(a, b)


def test_mentions_pickle_for_parallel_story_runs():
    found = doc_mentions("These missiles have a range of nearly 320 kms.")
    assert pickle.loads(pickle.dumps(found)) == found
