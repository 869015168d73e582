"""Reading figures: one regular-expression pass finds every number-like phrase, and each
match becomes a ``Figure``: its span, its interval in its own unit, its dimension, and what
was said about it.

The words live in ``quotelint/data/numbers.yaml`` and ``units.yaml``. This module knows what a
figure *is* ("nearly 320 kms", "tens of thousands of", "$3.7bn", "between 100 and 150",
"20C") and what is not a figure at all (dates, years, times, ordinals, model names, scores);
what a figure *measures* is decided by ``quantities.py``.

Intervals follow DESIGN §4: a stated value covers ± half its last significant digit, where
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
from functools import lru_cache

from ..data import load_data
from .unit_words import metres_follow, metres_precede, pounds_are_money
from .units import UnitName, unit_alternation, unit_table

Interval = tuple[float, float]


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Lexicon:
    pattern: re.Pattern
    approximators: dict[str, Interval]
    postfix: dict[str, Interval]
    number_words: dict[str, int]
    scale_words: dict[str, int]
    scale_abbreviations: dict[str, int]
    vague: dict[str, Interval]
    currency_prefix: dict[str, str]
    currency_name: dict[str, str]
    percent: frozenset[str]
    points: frozenset[str]
    months: re.Pattern
    time_after: re.Pattern
    name_before: re.Pattern


def _alt(words) -> str:
    """An alternation of phrases, longest first, where a space matches any run of spaces."""
    ordered = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_data("numbers")
    approximators = {k: (float(a), float(b)) for k, (a, b) in data["approximators"].items()}
    postfix = {k: (float(a), float(b)) for k, (a, b) in data["postfix_approximators"].items()}
    vague: dict[str, Interval] = {}
    for phrase, (lo, hi) in data["vague_magnitudes"].items():
        vague[phrase] = (float(lo), float(hi))
        if phrase.endswith(" of"):  # "killed thousands" as well as "thousands of"
            vague.setdefault(phrase[:-3], (float(lo), float(hi)))
    currency_prefix, currency_name = {}, {}
    for code, spec in data["currencies"].items():
        for p in spec["prefixes"]:
            currency_prefix[p] = code
        for n in spec["names"]:
            currency_name[n.lower()] = code
    number_words = {k: int(v) for k, v in data["number_words"].items()}
    scale_words = {k: int(v) for k, v in data["scale_words"].items()}
    abbreviations = {k: int(v) for k, v in data["scale_abbreviations"].items()}

    # One pattern for every figure. Python's re runs it about twice as fast as the regex
    # module's named lists did, and compiles it as fast.
    nw, sw = _alt(number_words), _alt(scale_words)
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
    words = (rf"(?:\ba\s+(?:{sw})\b|\b(?:{nw})\b)(?:(?:\s+|-)(?:{nw}|{sw})\b"
             rf"|\s+and\s+(?:{nw})\b)*")  # "one hundred and twenty"
    number = rf"(?:{digits}|(?i:{words}))"
    scale = (rf"(?:(?:\s+|-)(?i:{sw})\b|\s?(?:bn|tn|trn|mln|mn)(?![\w²³])"
             r"|(?:m|b|k)(?![\w²³/]))")
    cur = rf"(?:{_alt(currency_prefix)})\s?"
    unit_names = [*unit_alternation(), *data["percent"], *data["percentage_points"],
                  *currency_name]
    start_guard = r"(?<![\w.,:/@#'’‘])(?<![A-Za-z][-‐])"
    post = rf"(?:\s+(?i:{_alt(p for p in postfix if p != 'plus')})\b|\+(?![\d\w])|-plus\b)"
    # A cheap first test at each word start: the first three letters of some phrase that can
    # open a figure. Most word starts fail it, and never reach the alternatives below.
    openers = [*approximators, *vague, *number_words, *(f"a {w}" for w in scale_words),
               "between", "from", "minus", *currency_prefix]
    prefixes = _alt({w[:3].lower() for w in openers})
    pattern = (
        rf"(?<!\w)(?=[\d.−-]|(?i:{prefixes}))"
        rf"(?P<approx>(?i:{_alt(approximators)})\s+)?"
        rf"(?:(?P<vague>(?i:{_alt(vague)})(?![\w-]))"
        rf"|{start_guard}(?P<lead>(?i:between|from)\s+)?"
        rf"(?P<neg>(?i:minus)\s+|[-−](?=\d))?(?P<cur>{cur})?(?P<num>{number})(?P<scale>{scale})?"
        rf"(?:(?P<rsep>\s*[-–—]\s*|\s+(?i:to|and|or)\s+)(?P<neg2>(?i:minus)\s+|[-−](?=\d))?"
        rf"(?P<cur2>{cur})?(?P<num2>{number})(?P<scale2>{scale})?)?)"
        rf"(?P<post>{post})?"
        # Symbols are matched regardless of case here; the Python side re-checks exact ones.
        rf"(?:(?P<usep>\s?-\s?|\s+)?(?P<unit>(?i:{_alt(unit_names)}))(?![\w²³]|/\w|\.\w)"
        r"(?P<inches>\s?(?P<inch_num>\d{1,2}(?:\.\d+)?)\s?(?:ins?|inches|inch|″|\"|”)(?!\w))?)?"
        rf"(?P<post2>{post})?"
    )
    months = _alt(data["months"])
    return Lexicon(
        pattern=re.compile(pattern),
        approximators={_norm(k): v for k, v in approximators.items()},
        postfix={_norm(k): v for k, v in postfix.items()},
        number_words=number_words,
        scale_words=scale_words,
        scale_abbreviations=abbreviations,
        vague={_norm(k): v for k, v in vague.items()},
        currency_prefix={k.strip(): v for k, v in currency_prefix.items()},
        currency_name=currency_name,
        percent=frozenset(_norm(p) for p in data["percent"]),
        points=frozenset(_norm(p) for p in data["percentage_points"]),
        months=re.compile(rf"(?:\b(?:{months})\.?\s+(?:the\s+)?$)"),
        time_after=re.compile(
            rf"(?:[:.]\d\d\b|\s?(?i:{_alt(data['time_suffixes'])})(?!\w)|(?:st|nd|rd|th)\b"
            rf"|s\b|\s+(?:{months})\b|[\w/])"),
        name_before=re.compile(rf"\b(?:{_alt(data['name_prefixes'])})\.?\s+$"),
    )


# -- values and their precision ----------------------------------------------------------------

def _digits_value(text: str) -> tuple[float, float]:
    """(value, half-width) of "1,500" or "2.5", by DESIGN §4's last-significant-digit rule."""
    plain = text.replace(",", "")
    value = float(plain)
    if "." in plain:
        return value, 0.5 * 10 ** -len(plain.split(".", 1)[1])
    stripped = plain.lstrip("0") or "0"
    zeros = len(stripped) - len(stripped.rstrip("0"))
    keep = min(zeros, max(len(stripped) - 2, 0))  # at least two significant figures
    return value, 0.5 * 10 ** keep


_AND_AFTER = frozenset({"hundred", "thousand", "million", "billion"})


def _words_value(text: str, lex: Lexicon) -> tuple[float, float] | None:
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
        elif tok in lex.number_words:
            current += lex.number_words[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok in lex.scale_words:
            total += (current or 1) * lex.scale_words[tok]
            current = 0
        else:
            return None
    value = total + current
    if loose:  # "a million", "a hundred": a round figure, not a count
        return value, value * 0.25
    return value, _digits_value(str(value))[1] if value >= 10 else 0.5


def _number(text: str, scale: str | None, lex: Lexicon) -> tuple[float, float] | None:
    if text[:1].isdigit() or text[:1] == ".":
        value, half = _digits_value(text)
    else:
        parsed = _words_value(text, lex)
        if parsed is None:
            return None
        value, half = parsed
    if scale:
        s = scale.strip(" -").lower()
        factor = lex.scale_words.get(s) or lex.scale_abbreviations.get(s)
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

def _unit_of(m: re.Match, lex: Lexicon) -> tuple[str, UnitName | None] | None:
    """The dimension and unit named after the number, or None if the word is not a unit here."""
    text = m.group("unit")
    norm = _norm(text)
    if norm in lex.percent:
        return "percent", None
    if norm in lex.points:
        return "points", None
    if norm in lex.currency_name and not m.group("cur"):
        return "money:" + lex.currency_name[norm], None
    name = unit_table().lookup(text)
    if name is None or (not name.exact_case and text[:1].isupper() and not text.isupper()):
        return None  # "21 Grams", "Six Feet Under": a title, not a unit
    if name.solid_only and m.group("usep"):
        return None
    return name.unit.dimension, name


def figures(text: str) -> Iterator[tuple[Figure, re.Match]]:
    """Every figure in ``text`` (already blanked of markup), in order, with its raw match."""
    lex = lexicon()
    for m in lex.pattern.finditer(text):
        fig = _figure(text, m, lex)
        if fig is not None:
            yield fig, m


def _figure(text: str, m: re.Match, lex: Lexicon) -> Figure | None:
    approx_text = _norm(m.group("approx") or "")
    approx = lex.approximators.get(approx_text)
    start = m.start()
    if m.group("vague"):
        interval = lex.vague[_norm(m.group("vague"))]
        end = m.end("vague")
        return Figure(start, end, m.start("vague"), text[start:end], interval, "count",
                      approximator=approx_text, vague=True, exact=approx is None,
                      value=interval[0], value2=interval[1], number=_norm(m.group("vague")))
    if m.group("approx") and m.group("lead"):
        return None  # "about between": not a figure we can read
    num_start = m.start("lead") if m.group("lead") else m.start("neg") if m.group("neg") else (
        m.start("cur") if m.group("cur") else m.start("num"))
    if not m.group("approx"):
        start = num_start
    first = _number(m.group("num"), m.group("scale"), lex)
    if first is None:
        return None
    value, half = first
    interval = (value - half, value + half)
    if m.group("neg"):
        interval = (-interval[1], -interval[0])
        value = -value
    lead = _norm(m.group("lead") or "")
    rsep = _norm(m.group("rsep") or "")
    end = m.end("scale") if m.group("scale") else m.end("num")
    is_range = False
    value2: float | None = None
    if m.group("num2"):
        if m.group("scale") and not m.group("scale2"):
            second = None  # "£808m to 8,177 cases": the second number is something else
        else:
            second = _number(m.group("num2"), m.group("scale2"), lex)
        if second is None:
            second = (-math.inf, 0.0)  # not a range: keep the first figure alone
        v2, h2 = second
        if m.group("neg2"):
            v2 = -v2
        words_range = not m.group("num")[:1].isdigit()
        valid = (rsep == "and" and lead == "between") or (rsep in ("to", "-", "–", "—") or
                                                          rsep.strip() in ("-", "–", "—"))
        if rsep == "or" and words_range and v2 > value:
            valid = True  # "two or three"
        if rsep == "and" and lead != "between":
            valid = False
        if valid and v2 > value:
            if m.group("scale2") and not m.group("scale"):  # "1.5 to 2 million"
                scale = lex.scale_words.get(_norm(m.group("scale2"))) or \
                    lex.scale_abbreviations.get(_norm(m.group("scale2")), 1)
                interval = ((value - half) * scale, (value + half) * scale)
            interval = (min(interval[0], v2 - h2), max(interval[1], v2 + h2))
            end = m.end("scale2") if m.group("scale2") else m.end("num2")
            is_range = True
            value2 = v2
        elif rsep.strip() in ("-", "–", "—") and not m.group("unit"):
            return None  # a score ("won 3-1") or a season ("2004-05")
        elif valid and v2 <= value and rsep.strip() in ("-", "–", "—"):
            return None
    if lead and not is_range:
        if lead == "between":
            return None
        num_start = m.start("neg") if m.group("neg") else (
            m.start("cur") if m.group("cur") else m.start("num"))
        if not m.group("approx"):
            start = num_start
    number_end = end
    after = text[end:end + 12]
    dimension = "count"
    unit: UnitName | None = None
    unit_start = unit_end = -1
    cur = m.group("cur")
    if cur:
        code = lex.currency_prefix.get(cur.strip())
        if code is None:
            return None
        dimension = "money:" + code
    scale_text = (m.group("scale") or "").strip(" -").lower()
    if scale_text in ("m", "b", "k") and not cur:
        if scale_text != "m":
            return None
        # "5m": million, or metres; the unit decides below.
        interval, dimension = _metres_or_million(m, text, interval, value, half)
        if dimension == "length":
            value, half = value / 1e6, half / 1e6
            unit = unit_table().lookup("m")
            unit_start, unit_end = m.start("scale"), m.end("scale")
        elif dimension is None:
            return None
    if m.group("unit") and unit is None and (is_range or not m.group("num2")):
        got = _unit_of(m, lex)
        if got is not None and (dimension == "count" or got[0].startswith("money")):
            dim, name = got
            if name is not None and name.ambiguous and not metres_follow(text, m.end("unit")):
                got = None
            elif name is not None and name.unit.key == "lb" and pounds_are_money(
                    text, m.start(), m.end(), m.end("unit"),
                    bool(m.group("scale") or re.search(r"(?i)illion\b", m.group("num")))):
                dim, name = "money:GBP", None
            if got is not None:
                dimension, unit = dim, name
                unit_start, unit_end = m.start("unit"), m.end("unit")
                end = m.end("unit")
                if name is not None and name.unit.key == "ft" and m.group("inches"):
                    value = value + float(m.group("inch_num")) / 12  # "6ft 4in": to the inch
                    half = 0.5 / 12
                    interval = (value - half, value + half)
                    end = number_end = m.end("inches")
        after = text[end:end + 12]
    if unit is None and dimension == "count" and lex.time_after.match(after):
        return None  # "10:30", "3pm", "21st", "1990s", "3G", "24/7"
    if unit is None and dimension == "count":
        if not m.group("num")[:1].isdigit() and value == 1 and not is_range:
            return None  # "one": usually a pronoun ("one of the", "no one")
        plain = m.group("num").replace(",", "")
        if len(plain) > 1 and plain[0] == "0" and plain[1] != ".":
            return None  # phone numbers, codes
        if (not is_range and "," not in m.group("num") and "." not in plain
                and len(plain) == 4 and 1800 <= value <= 2099 and not m.group("scale")):
            return None  # a year
        before = text[max(0, num_start - 16):num_start]
        if lex.months.search(before) or lex.name_before.search(before):
            return None  # "January 20", "Article 5"
    for group in ("post", "post2"):
        if m.group(group) and m.end(group) <= len(text) and m.start(group) >= end - 0:
            p = _norm(m.group(group).lstrip("-"))
            factor = lex.postfix.get(p) or (lex.postfix.get("plus") if p in ("+", "plus") else None)
            if factor is not None:
                interval = (interval[0] * factor[0], interval[1] * factor[1])
                end = m.end(group)
    interval = _approximate(interval, approx)
    if math.isnan(interval[0]) or math.isnan(interval[1]):
        return None
    number = _norm(text[num_start:number_end])
    if unit is not None and unit_start < number_end:  # "6ft 4in", "5m": the unit is inside
        number = _norm(text[num_start:unit_start]) if unit_end == number_end else \
            f"{value:.2f}".rstrip("0").rstrip(".")
    return Figure(start, end, num_start, text[start:end], interval, dimension, unit,
                  unit_start, unit_end, approx_text, range_from=lead == "from" and is_range,
                  value=value, value2=value2, half=half, number=number)


def _metres_or_million(m: re.Match, text: str, interval: Interval, value: float,
                       half: float) -> tuple[Interval, str | None]:
    """"5m" after no currency: metres where the context says length, else a count in millions."""
    if metres_follow(text, m.end("scale")) or metres_precede(text, m.start()):
        return (value / 1e6 - half / 1e6, value / 1e6 + half / 1e6), "length"
    if re.match(r"\s+[a-z]", text[m.end("scale"):m.end("scale") + 20]):
        return interval, "count"  # "3m people", "1.5m shares"
    return interval, None
