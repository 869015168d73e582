"""Reading figures: one regular-expression pass finds every number-like phrase, and each
match becomes a ``Figure``: its span, its interval in its own unit, its dimension, and what
was said about it.

The words live in ``quotelint/data/numbers.yaml`` and ``units.yaml``. This module knows what a
figure *is* ("nearly 320 kms", "tens of thousands of", "$3.7bn", "between 100 and 150",
"20C") and what is not a figure at all (dates, years, times, ordinals, model names, scores);
what a figure *measures* is decided by ``quantities.py``.

Intervals: a stated value covers ± half its last significant digit, where
trailing zeros of a whole number count as significant down to two significant figures ("300"
is 295–305, "320" is 315–325, "1,500" is 1,450–1,550); an approximator then scales the interval
("nearly" → [0.9 lo, hi]), and a vague magnitude is its own interval ("thousands of" is
2,000–9,999).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ...matching.word_index import WordIndex, matches_at
from .pattern import FigureGrammar, figure_grammar, norm
from .unit_words import metres_follow, metres_precede, pounds_are_money
from .units import UnitName, unit_table

Interval = tuple[float, float]


# Not frozen, for speed, but never changed once made: see attribution.model.Attribution.
@dataclass(slots=True, unsafe_hash=True)
class Figure:
    """One figure as written. ``interval`` is in the figure's own unit, approximator applied."""

    start: int  # the approximator, if any, is part of the figure
    end: int
    number_start: int  # the first digit, number word or currency sign
    text: str
    interval: Interval
    dimension: str  # count, percent, points, money:GBP, length, mass, ...
    unit: UnitName | None = None
    unit_start: int = -1
    unit_end: int = -1
    approximator: str = ""
    vague: bool = False
    range_from: bool = False  # "from X to Y": a change, unless nothing changes
    exact: bool = False  # an order of magnitude ("thousands"): compared without slack
    value: float = 0.0  # the stated value (the low end of a range), in the figure's unit
    value2: float | None = None  # the high end of a range
    half: float = 0.0  # half its last significant digit, before any approximator
    number: str = ""  # the number as written ("320", "$3.7bn", "100-150"), for messages

    @property
    def symbol(self) -> str:
        if self.unit is not None:
            return self.unit.unit.symbol
        if self.dimension == "percent":
            return "%"
        if self.dimension == "points":
            return "points"
        if self.dimension.startswith("money:"):
            return self.dimension[6:]
        return ""


# -- values and their precision ----------------------------------------------------------------

def _digits_value(text: str) -> tuple[float, float]:
    """(value, half-width) of "1,500" or "2.5", by the last-significant-digit rule above."""
    plain = text.replace(",", "")
    value = float(plain)
    if "." in plain:
        return value, 0.5 * 10 ** -len(plain.split(".", 1)[1])
    stripped = plain.lstrip("0") or "0"
    zeros = len(stripped) - len(stripped.rstrip("0"))
    keep = min(zeros, max(len(stripped) - 2, 0))  # at least two significant figures
    return value, 0.5 * 10 ** keep


_AND_AFTER = frozenset({"hundred", "thousand", "million", "billion"})


def _words_value(text: str, grammar: FigureGrammar) -> tuple[float, float] | None:
    tokens = re.split(r"[\s-]+", text.lower())
    if any(t == "and" and (i == 0 or tokens[i - 1] not in _AND_AFTER)
           for i, t in enumerate(tokens)):
        return None  # "one and two" is not one number
    tokens = [t for t in tokens if t and t != "and"]
    total = current = 0
    loose = False
    for i, tok in enumerate(tokens):
        if tok == "a" and i == 0:
            current, loose = 1, True
        elif tok in grammar.number_words:
            current += grammar.number_words[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok in grammar.scale_words:
            total += (current or 1) * grammar.scale_words[tok]
            current = 0
        else:
            return None
    value = total + current
    if loose:  # "a million", "a hundred": a round figure, not a count
        return value, value * 0.25
    return value, _digits_value(str(value))[1] if value >= 10 else 0.5


# Longer runs of digits are identifiers, not quantities (and would overflow a float).
_MAX_DIGITS = 18


def _number(text: str, scale: str | None, grammar: FigureGrammar) -> tuple[float, float] | None:
    if text[:1].isdigit() or text[:1] == ".":
        if sum(c.isdigit() for c in text) > _MAX_DIGITS:
            return None
        value, half = _digits_value(text)
    else:
        parsed = _words_value(text, grammar)
        if parsed is None:
            return None
        value, half = parsed
    if scale:
        s = scale.strip(" -").lower()
        factor = grammar.scale_words.get(s) or grammar.scale_abbreviations.get(s)
        if factor is None:
            return None
        value, half = value * factor, half * factor
    return value, half


def _approximate(interval: Interval, approx: tuple[float, float] | None) -> Interval:
    lo, hi = interval
    if approx is None:
        return lo, hi
    f_lo, f_hi = approx
    return max(0.0, lo) * f_lo if lo >= 0 else lo * f_hi, hi * f_hi if hi >= 0 else hi * f_lo


# -- the pass over a text -----------------------------------------------------------------------

def _unit_of(m: re.Match, grammar: FigureGrammar) -> tuple[str, UnitName | None] | None:
    """The dimension and unit named after the number, or None if the word is not a unit here."""
    text = m.group("unit")
    word = norm(text)
    if word in grammar.percent:
        return "percent", None
    if word in grammar.points:
        return "points", None
    if word in grammar.currency_name and not m.group("cur"):
        return "money:" + grammar.currency_name[word], None
    name = unit_table().lookup(text)
    if name is None or (not name.exact_case and text[:1].isupper() and not text.isupper()):
        return None  # "21 Grams", "Six Feet Under": a title, not a unit
    if name.solid_only and m.group("usep"):
        return None
    return name.unit.dimension, name


def figures(text: str, index: WordIndex | None = None) -> Iterator[tuple[Figure, re.Match]]:
    """Every figure in ``text`` (already blanked of markup), in order, with its raw match.
    With the text's word index, the pattern is tried only where a figure can start."""
    grammar = figure_grammar()
    starts = grammar.starts.positions(text, index) if index is not None else None
    for m in matches_at(grammar.pattern, text, starts):
        fig = _figure(text, m, grammar)
        if fig is not None:
            yield fig, m


_DASHES = ("-", "–", "—")
_REJECT = object()  # a match that is not a figure at all (a score, "between" with no range)


def _figure(text: str, m: re.Match, grammar: FigureGrammar) -> Figure | None:
    """The figure ``m`` matched, or None when it is not one (a date, a score, a name...)."""
    approx_text = norm(m.group("approx") or "")
    approx = grammar.approximators.get(approx_text)
    if m.group("vague"):
        interval = grammar.vague[norm(m.group("vague"))]
        return Figure(m.start(), m.end("vague"), m.start("vague"),
                      text[m.start():m.end("vague")], interval, "count",
                      approximator=approx_text, vague=True, exact=approx is None,
                      value=interval[0], value2=interval[1], number=norm(m.group("vague")))
    if m.group("approx") and m.group("lead"):
        return None  # "about between": not a figure we can read
    first = _number(m.group("num"), m.group("scale"), grammar)
    if first is None:
        return None
    value, half = first
    if m.group("neg"):
        value = -value
    interval = (value - half, value + half)
    ranged = _range(m, grammar, value, half, interval)
    if ranged is _REJECT:
        return None
    lead = norm(m.group("lead") or "")
    if lead == "between" and ranged is None:
        return None
    interval, value2, end = ranged or (interval, None, m.end("scale") if m.group("scale")
                                       else m.end("num"))
    number_start = m.start("neg") if m.group("neg") else (
        m.start("cur") if m.group("cur") else m.start("num"))
    if ranged is not None and lead:
        number_start = m.start("lead")  # "between 100 and 150" is written as one figure
    start = m.start() if m.group("approx") else number_start
    u = _unit(text, m, grammar, value, half, interval, end, ranged is not None)
    if u is None:
        return None
    value, half, interval, end = u.value, u.half, u.interval, u.end
    if u.name is None and u.dimension == "count" and _not_a_count(
            text, m, grammar, value, end, number_start, ranged is not None):
        return None
    interval, end = _postfix(m, grammar, interval, end)
    interval = _approximate(interval, approx)
    if math.isnan(interval[0]) or math.isnan(interval[1]):
        return None
    number = norm(text[number_start:u.number_end])
    if u.name is not None and u.start < u.number_end:  # "6ft 4in", "5m": the unit is inside
        number = norm(text[number_start:u.start]) if u.stop == u.number_end else \
            f"{value:.2f}".rstrip("0").rstrip(".")
    return Figure(start, end, number_start, text[start:end], interval, u.dimension, u.name,
                  u.start, u.stop, approx_text,
                  range_from=lead == "from" and ranged is not None, value=value,
                  value2=value2, half=half, number=number)


def _range(m: re.Match, grammar: FigureGrammar, value: float, half: float, interval: Interval):
    """(interval, high value, end) of "100-150", "between 100 and 150", "two or three";
    None if the second number is not the end of a range; _REJECT for a score ("won 3-1")."""
    if not m.group("num2"):
        return None
    rsep = norm(m.group("rsep"))
    dash = rsep.strip() in _DASHES
    second = None
    if not (m.group("scale") and not m.group("scale2")):  # "£808m to 8,177 cases": no range
        second = _number(m.group("num2"), m.group("scale2"), grammar)
    if second is None:
        return None
    v2, h2 = second
    if m.group("neg2"):
        v2 = -v2
    lead = norm(m.group("lead") or "")
    if rsep == "and":
        valid = lead == "between"
    elif rsep == "or":
        valid = not m.group("num")[:1].isdigit()  # "two or three"
    else:
        valid = rsep == "to" or dash
    if valid and v2 > value:
        if m.group("scale2") and not m.group("scale"):  # "1.5 to 2 million"
            scale = grammar.scale_words.get(norm(m.group("scale2"))) or \
                grammar.scale_abbreviations.get(norm(m.group("scale2")), 1)
            interval = ((value - half) * scale, (value + half) * scale)
        end = m.end("scale2") if m.group("scale2") else m.end("num2")
        return (min(interval[0], v2 - h2), max(interval[1], v2 + h2)), v2, end
    if dash:
        return _REJECT  # a score ("won 3-1"), a season ("2004-05"), a backwards range
    return None


class _Unit(NamedTuple):
    dimension: str
    name: UnitName | None
    start: int  # the unit's span, -1 for none
    stop: int
    value: float  # value, half-width, interval and end, as the unit changes them
    half: float
    interval: Interval
    end: int
    number_end: int  # where the number ends ("6ft 4in" ends after the inches)


def _unit(text: str, m: re.Match, grammar: FigureGrammar, value: float, half: float,
          interval: Interval, end: int, is_range: bool) -> _Unit | None:
    """The figure's dimension and unit, with its value, interval and end updated for what the
    unit says ("5m" in metres, "6ft 4in"); None when the match is not a figure."""
    dimension, name, unit_start, unit_end, number_end = "count", None, -1, -1, end
    cur = m.group("cur")
    if cur:
        code = grammar.currency_prefix.get(cur.strip())
        if code is None:
            return None
        dimension = "money:" + code
    scale = (m.group("scale") or "").strip(" -").lower()
    if scale in ("m", "b", "k") and not cur:
        if scale != "m":
            return None
        interval, found = _metres_or_million(m, text, interval, value, half)
        if found is None:
            return None
        if found == "length":  # "a 5m wall"
            value, half = value / 1e6, half / 1e6
            dimension, name = "length", unit_table().lookup("m")
            unit_start, unit_end = m.start("scale"), m.end("scale")
    if m.group("unit") and name is None and (is_range or not m.group("num2")):
        got = _unit_of(m, grammar)
        if got is not None and (dimension == "count" or got[0].startswith("money")):
            dim, found_name = got
            if found_name is not None and found_name.ambiguous and \
                    not metres_follow(text, m.end("unit")):
                got = None  # "5 m" that is not a length
            elif found_name is not None and found_name.unit.key == "lb" and pounds_are_money(
                    text, m.start(), m.end(), m.end("unit"),
                    bool(m.group("scale") or re.search(r"(?i)illion\b", m.group("num")))):
                dim, found_name = "money:GBP", None
            if got is not None:
                dimension, name = dim, found_name
                unit_start, unit_end = m.start("unit"), m.end("unit")
                end = unit_end
                if name is not None and name.unit.key == "ft" and m.group("inches"):
                    value += float(m.group("inch_num")) / 12  # "6ft 4in": to the inch
                    half = 0.5 / 12
                    interval = (value - half, value + half)
                    end = number_end = m.end("inches")
    return _Unit(dimension, name, unit_start, unit_end, value, half, interval, end, number_end)


def _not_a_count(text: str, m: re.Match, grammar: FigureGrammar, value: float, end: int,
                 number_start: int, is_range: bool) -> bool:
    """A bare number that is a time, an ordinal, a year, a code, a date or a name."""
    if grammar.time_after.match(text[end:end + 12]):
        return True  # "10:30", "3pm", "21st", "1990s", "3G", "24/7"
    num = m.group("num")
    if not num[:1].isdigit() and value == 1 and not is_range:
        return True  # "one": usually a pronoun ("one of the", "no one")
    plain = num.replace(",", "")
    if len(plain) > 1 and plain[0] == "0" and plain[1] != ".":
        return True  # phone numbers, codes
    if (not is_range and "," not in num and "." not in plain and len(plain) == 4
            and 1800 <= value <= 2099 and not m.group("scale")):
        return True  # a year
    before = text[max(0, number_start - 16):number_start]
    return bool(grammar.months.search(before) or grammar.name_before.search(before))


def _postfix(m: re.Match, grammar: FigureGrammar, interval: Interval,
             end: int) -> tuple[Interval, int]:
    """"5,000 or more", "100+": widen the interval, extend the figure."""
    for group in ("post", "post2"):
        if m.group(group) and m.start(group) >= end:
            text = norm(m.group(group).lstrip("-"))
            factor = grammar.postfix.get("plus" if text in ("+", "plus") else text)
            if factor is not None:
                interval = (interval[0] * factor[0], interval[1] * factor[1])
                end = m.end(group)
    return interval, end


def _metres_or_million(m: re.Match, text: str, interval: Interval, value: float,
                       half: float) -> tuple[Interval, str | None]:
    """"5m" after no currency: metres where the context says length, else a count in millions.
    A currency name after it makes it money, even in parentheses ("(456m euros)")."""
    money = m.group("unit") and norm(m.group("unit")) in figure_grammar().currency_name
    if metres_follow(text, m.end("scale")) or (metres_precede(text, m.start()) and not money):
        return (value / 1e6 - half / 1e6, value / 1e6 + half / 1e6), "length"
    if re.match(r"\s+[a-z]", text[m.end("scale"):m.end("scale") + 20]):
        return interval, "count"  # "3m people", "1.5m shares"
    return interval, None
