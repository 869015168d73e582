"""Comparing figures: when two mentions measure the same thing, and whether they agree.

A ``Mention`` is the small, picklable record of one quantity that both the single-document
checks and ``--story`` use (a story run collects one list of mentions per document, possibly in
another process, and compares them afterwards). Everything here is arithmetic on intervals
(figures.py) plus the guards that keep two figures of the same measure from being compared
when they plainly describe different things.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .context import Clause, clauses, context_table, lemma, same_clause, same_share
from .quantities import quantities
from .quantity import Quantity
from .references import phrase_words, references
from .units import format_interval, format_number, join_unit, unit_table

if TYPE_CHECKING:
    from ...text.document import Document

# A converted figure in parentheses ("30ft (10m)") is usually rounded to one significant
# figure; it is read with that leniency, but never looser than this share of its value.
CONVERSION_LENIENCY = 0.12
# "That is about 570 miles" restates a figure in other units: its approximator says that
# the conversion is rounded, by at most this share (or one significant figure's rounding).
REFERENCE_ROUNDING = 0.05
# Two figures more than tenfold apart are not one quantity stated twice (a slip is a digit or a
# unit, not an order of magnitude): they are two quantities that the keying did not separate.
MAX_RATIO = 10.0


# Not frozen, for speed, but never changed once made: see attribution.model.Attribution.
@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """One quantity, reduced to what comparing it needs. Picklable (plain values only)."""

    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    measure: str | None
    display: str  # "the range"
    dimension: str
    unit: str  # unit key in units.yaml, "" for counts, percentages and money
    system: str | None
    lo: float  # interval in the dimension's base unit
    hi: float
    exact: bool
    approximator: str
    shown: str  # "nearly 320 km"
    value: float  # the stated value in its own unit (low end of a range)
    value2: float | None
    half: float
    sentence: int
    primary: bool  # not the restatement inside "320 km (199 miles)"
    paired: bool  # part of "320 km (199 miles)": the copy already gives both systems
    comparable: bool
    times: frozenset[str]
    context: frozenset[str]
    source: str | None
    subject: str | None
    head: str | None
    clause: Clause | None  # physical figures: the words around it (``context``)
    difference: bool = False  # a change of temperature: converted without the offset
    scoped: bool = False  # a share of one vote or poll: its clause must say the same too
    proposed: bool = False  # a target someone asks for: compared only with targets
    reference: bool = False  # "The pipeline is 567 miles.": restates a figure it names
    restates: int = -1  # "That is about 570 miles.": where the figure it converts starts
    names: frozenset[str] = frozenset()  # names near it ("exports to Germany")
    marks: frozenset[str] = frozenset()  # words that tell things apart ("the second runway")
    # Set for --story only (story.py): the words near it, and whether it is a count its article
    # gives as a floor or says is changing.
    anchors: frozenset[str] = frozenset()
    provisional: bool = False


def shown(q: Quantity) -> str:
    """The figure as a message shows it: approximator, number, unit symbol ("nearly 320 km")."""
    fig = q.figure
    if fig.vague:
        return f"{fig.number.removesuffix(' of')} ({format_interval(fig.interval)})"
    approx = f"{fig.approximator} " if fig.approximator else ""
    if fig.number[:1].isalpha() and not fig.dimension.startswith("money:"):
        # "two inches" shows as "2 in", "two or three" as "2–3"
        values = [fig.value] + ([fig.value2] if fig.value2 is not None else [])
        return approx + join_unit("–".join(format_number(v) for v in values), fig.symbol)
    if fig.dimension.startswith("money:"):
        number = fig.number if not fig.number[:1].isdigit() else f"{fig.number} {fig.symbol}"
        return approx + number
    return approx + join_unit(fig.number, fig.symbol)


def mentions(doc: Document) -> list[Mention]:
    """The document's quantities as mentions; use ``doc.cached(mentions)``."""
    found = doc.cached(quantities)
    paired = {q.converts for q in found if q.converts is not None}
    around = clauses(doc, found)
    out = []
    for i, q in enumerate(found):
        line, column = doc.position(q.start)
        end_line, end_column = doc.position(q.end)
        fig = q.figure
        # A count in units ("three people", "84 killed") is not rounded: 2 is not 3.
        counted = (q.dimension == "count" and fig.half == 0.5 and not fig.approximator
                   and not fig.vague)
        out.append(Mention(
            path=doc.path, start=q.start, end=q.end, line=line, column=column,
            end_line=end_line, end_column=end_column, measure=q.measure, display=q.display,
            dimension=q.dimension, unit=fig.unit.unit.key if fig.unit else "", system=q.system,
            lo=q.base[0] if not counted else fig.value,
            hi=q.base[1] if not counted else (fig.value2 or fig.value), exact=fig.exact,
            approximator=fig.approximator,
            shown=shown(q), value=fig.value,
            value2=fig.value2, half=fig.half, sentence=q.sentence, primary=q.converts is None,
            paired=q.converts is not None or i in paired, comparable=q.comparable,
            times=q.times, context=q.context, source=q.source,
            subject=q.subject, head=q.head, clause=around[i], difference=q.difference,
            scoped=q.scoped, proposed=q.proposed, names=q.names, marks=q.marks))
    if any(q.figure.unit is not None for q in found):
        _restated(out, references(doc, found))
    return out


def _restated(out: list[Mention], refs: list[tuple[int | None, str]]) -> None:
    """A restatement by reference takes what its figure is of from the figure it restates
    (``references``); a bare one whose figure is not in the document ("The pipeline is 567
    miles." in another article of the story) is keyed by its noun alone."""
    for i, (j, noun) in enumerate(refs):
        m = out[i]
        if j is not None:
            a = out[j]
            out[i] = replace(m, measure=a.measure, display=a.display, clause=a.clause,
                             context=a.context, times=a.times, source=a.source,
                             subject=a.subject, head=a.head, scoped=a.scoped,
                             names=a.names, marks=a.marks,
                             proposed=a.proposed, comparable=m.comparable and a.comparable,
                             # "That is about 5.5 million tons" restates "5 million tonnes a
                             # year" without its rate
                             dimension=a.dimension if a.dimension.startswith(f"{m.dimension}/")
                             else m.dimension)
            if not noun and a.system != m.system:  # "That is about 400 miles": both given
                out[i] = replace(out[i], paired=True)
                out[j] = replace(a, paired=True)
            if not noun:  # "That is about 570 miles": a conversion of the figure before
                out[i] = replace(out[i], restates=a.start)
            if not noun and m.approximator and m.value2 is None:
                # "about" on a conversion covers its rounding, not a tenth either way
                half = max(_lenient_half(m), REFERENCE_ROUNDING * abs(m.value))
                lo, hi = _stated(m, half)
                out[i] = replace(out[i], lo=lo, hi=hi, half=half, approximator="")
        elif noun:
            key = lemma(noun.split()[-1])
            out[i] = replace(m, clause=Clause(phrase_words(noun), key, noun), reference=True)


# -- same measure? --------------------------------------------------------------------------

def same_measure(a: Mention, b: Mention) -> bool:
    """Do ``a`` and ``b`` state the same quantity of the same thing, as far as the text shows
    (by a measure word, or by the words around them)?"""
    return why_not_same(a, b) is None


def why_not_same(a: Mention, b: Mention) -> str | None:
    """Why ``a`` and ``b`` are not taken for one quantity, or None if they are.

    Two ways to know that they are: both are tied to one named measure ("a range of") and
    their sentences share a content word; or at most one is tied to a measure and the words
    around them say the same thing (``context.same_clause``). Then come the
    exclusions, for both. (The reasons name the exclusions for the benchmark's list of
    missed cases.)"""
    if a.dimension != b.dimension:
        return "dimension"
    by_measure = a.measure is not None and b.measure is not None and (
        a.measure == b.measure or not (_noun_keyed(a) or _noun_keyed(b)))
    if by_measure:
        if a.measure != b.measure:
            return "measure"
        if not a.context & b.context:
            return "no shared word"
        if a.scoped and a.clause and b.clause and not same_share(a.clause, b.clause):
            return "other vote or poll"  # "59.6% of voters" rejected another initiative
    elif a.clause is None or b.clause is None:
        return "context"
    elif (a.reference or b.reference) and a.clause.noun == b.clause.noun and (
            _said_of(a, b) if a.reference else _said_of(b, a)):
        pass  # "The pipeline is 567 miles." restates whatever figure is the pipeline's
    elif not same_clause(a.clause, b.clause, a.context, b.context):
        return "context"
    return exclusion(a, b, heads=(a.head, b.head) if by_measure else (_head(a), _head(b)))


def exclusion(a: Mention, b: Mention, *, heads: tuple[str | None, str | None] = (None, None),
              story: bool = False) -> str | None:
    """What keeps two figures of one quantity, as their words say, from being compared: a
    change, a proposal, a conversion, one sentence, other times, sources, subjects or things
    (``heads``: the nouns they are said of). ``story``: of two articles keyed by what they
    are said of (``story.py``), where a time left unsaid in one is no other time."""
    if not (a.comparable and b.comparable):
        return "change, part or rate"  # "rose to 84", "2,000 extra troops"
    if a.proposed != b.proposed:
        return "proposal"  # "called for 20,000 troops" is not the 3,500 there are
    if not (a.primary and b.primary):
        return "conversion"  # "(199 miles)" is compared with its own figure only (QL502)
    if a.path == b.path and a.sentence == b.sentence:
        return "one sentence"  # two figures in one sentence contrast them ("300 km, not 80")
    if a.reference or b.reference:
        pass  # a restatement by reference has its original's times, or none of its own
    elif story and (a.times and b.times and not a.times & b.times):
        return "time"
    elif not story and _other_time(a.times, b.times):
        return "time"  # "in 2015", "four months ago", "earlier reports": another time or event
    if not (a.exact or b.exact) and _ratio(a, b) > MAX_RATIO:
        return "tenfold"  # two different things that the keying could not tell apart
    # "Ukraine said 50 ... Russia said 5" is a dispute, not an inconsistency; a quotation is its
    # speaker's (a witness's "over 30 dead bodies" is not the minister's 80).
    if a.source and b.source and a.source != b.source:
        return "source"
    if a.subject and b.subject and a.subject != b.subject and not (a.reference or b.reference):
        return "subject"  # "Denmark produces 30,000 tonnes ... Greece makes 115,000 tonnes"
    if a.path == b.path and a.names - b.names and b.names - a.names:
        # "exports to Germany were ..." / "exports to France were ...": rows of a list (across
        # outlets, names vary with the writer: "in Ukraine" / "in Kyiv")
        return "entity"
    if not story and a.marks and b.marks and not a.marks & b.marks:
        return "entity"  # "the first runway" / "the second runway"
    head_a, head_b = heads
    if head_a and head_b and head_a != head_b:
        return "head"  # "the bridge is 19 km long ... the convoy was 60 km long"
    return None


def _said_of(reference: Mention, other: Mention) -> bool:
    """Are the words of a bare restatement's noun phrase ("men's race") all around ``other``?"""
    return reference.clause.words <= other.clause.words | other.context


def ambiguous(b: Mention, candidates: list[Mention], before: list[Mention]) -> bool:
    """Could the bare restatement ``b`` ("The race is 4.1 miles.") be said of more than one
    figure? Of its ``candidates`` (the same quantity), or, for a noun that names a kind of
    thing ("race", "hurdles"), of any figure ``before`` it with that noun in its clause."""
    noun = b.clause.noun if b.clause else None
    if noun in context_table().categories:
        candidates = [a for a in before if a.clause is not None and noun in a.clause.words]
    return len({(a.lo, a.hi) for a in candidates}) > 1


def _other_time(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two sentences' time words place their figures at different times? Years, months and
    time words must be the same; weekdays only differ if both name one ("on Saturday" may be
    left out of a restatement, but "on Friday" is not "by Saturday")."""
    days_a = {t for t in a if t.startswith("day:")}
    days_b = {t for t in b if t.startswith("day:")}
    return a - days_a != b - days_b or bool(days_a and days_b and days_a != days_b)


def _noun_keyed(m: Mention) -> bool:
    """Is ``m``'s measure only the noun it modifies or counts ("length:pipeline" for "the
    912km pipeline")? Then "the pipeline is 400 miles long" (the length) may restate it, and
    the words around them decide."""
    return bool(m.measure) and m.measure.startswith(m.dimension.split("/")[0] + ":")


def _head(m: Mention) -> str | None:
    """What a figure keyed by its context is said of: its own noun ("the 912km pipeline") if
    it has one, else the noun its sentence says something of ("the bridge is ...")."""
    if m.clause is not None and m.clause.noun:
        return m.clause.noun
    return lemma(m.head) if m.head else None


def _ratio(a: Mention, b: Mention) -> float:
    """How many times larger one figure is than the other ("at least 84": 84)."""
    mid_a, mid_b = _middle(a), _middle(b)
    if min(mid_a, mid_b) <= 0:
        return 1.0
    return max(mid_a, mid_b) / min(mid_a, mid_b)


def _middle(m: Mention) -> float:
    return abs(m.lo + m.hi) / 2 if math.isfinite(m.hi) else abs(m.lo)


# -- agree? ----------------------------------------------------------------------------------

def agree(a: Mention, b: Mention, tolerance: float) -> bool:
    """Do the intervals overlap, allowing the tolerance (none between two orders of magnitude:
    "thousands" and "tens of thousands" do not touch)?

    Two figures with the same approximator are compared as stated: "up to 4 km" and "up to
    1.8 miles" give two different maxima, though each range contains the other's value."""
    if a.approximator and a.approximator == b.approximator and not (a.exact or b.exact):
        a, b = _as_stated(a), _as_stated(b)
    low, high = max(a.lo, b.lo), min(a.hi, b.hi)
    absolute = unit_table().absolute_slack(a.dimension)
    if absolute is not None:
        return low <= high + absolute
    if _same_rounding(a, b):
        return a.value == b.value  # "340,000" and "350,000": their roundings only touch
    if a.exact and b.exact:
        tolerance = 0.0
    return low <= high * (1 + tolerance) if high >= 0 else low <= high * (1 - tolerance)


def _same_rounding(a: Mention, b: Mention) -> bool:
    """Are ``a`` and ``b`` plain figures in one unit, rounded to the same digit? Then they
    agree only if they are the same number: two such figures that differ by one step of
    their rounding touch at the edge of their intervals, but no writer rounds 345,000 to
    340,000 and another to 350,000."""
    return (not (a.approximator or b.approximator or a.exact or b.exact)
            and a.value2 is None and b.value2 is None and a.unit == b.unit
            and a.half == b.half > 0 and a.restates < 0 and b.restates < 0)


def conversion_agrees(original: Mention, converted: Mention, tolerance: float) -> bool:
    """"A (B)": B converts the number A states. So A is taken as stated, without its rounding
    or approximator ("at least 200 m (656 ft)" converts 200 m, "two inches (5 cm)" converts
    2 in), and B is read with one-significant-figure leniency ("30ft (10m)"), widened by its
    own approximator if it has one ("(about 650 ft)")."""
    lo, hi = _stated(converted, _lenient_half(converted))
    if converted.approximator:
        lo, hi = min(lo, converted.lo), max(hi, converted.hi)
    o_lo, o_hi = _stated(original, 0.0)
    return agree(replace(original, lo=o_lo, hi=o_hi, exact=False),
                 replace(converted, lo=lo, hi=hi, exact=False), tolerance)


def _lenient_half(m: Mention) -> float:
    """Half the width a converted figure may be off by: its last digit, or one significant
    figure's rounding ("30ft (10m)"), at most ``CONVERSION_LENIENCY`` of it."""
    half = m.half
    if m.value2 is None and m.value == int(m.value) and m.value:
        digits = str(int(abs(m.value)))
        zeros = len(digits) - len(digits.rstrip("0"))
        half = max(half, min(0.5 * 10 ** zeros, CONVERSION_LENIENCY * abs(m.value)))
    return half


def _stated(m: Mention, half: float) -> tuple[float, float]:
    """The interval of the number as stated (no approximator), in base units."""
    top = m.value2 if m.value2 is not None else m.value
    if not m.unit:
        return m.value - half, top + half
    return unit_table().units[m.unit].to_base((m.value - half, top + half), m.difference)


def _as_stated(m: Mention) -> Mention:
    lo, hi = _stated(m, m.half)
    return replace(m, lo=lo, hi=hi, approximator="")


# -- messages --------------------------------------------------------------------------------

def in_unit_of(target: Mention, other: Mention) -> str:
    """``other``'s stated value in ``target``'s unit, as " (= 322 km)"; "" when units match."""
    if not target.unit or not other.unit or target.unit == other.unit:
        return ""
    table = unit_table()
    src, dst = table.units[other.unit], table.units[target.unit]
    values = [other.value] + ([other.value2] if other.value2 is not None else [])
    converted = [dst.from_base(src.to_base((v, v), other.difference)[0], other.difference)
                 for v in values]
    number = "–".join(format_number(v) for v in converted)
    return f" (= {join_unit(number, dst.symbol)})"


def where(other: Mention, here: Mention) -> str:
    if other.path == here.path:
        return f"line {other.line}"
    return f"{other.path}:{other.line}"
