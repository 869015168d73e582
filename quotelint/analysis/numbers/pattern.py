"""The one pattern that finds figures, and the word lists it is built from.

Everything is data (``quotelint/data/numbers.yaml`` and ``units.yaml``): approximators,
number and scale words, vague magnitudes, currencies, unit names, and the words that make a
number a date, a time or a name. ``figures`` reads each match into a ``Figure``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...cache import compile_re
from ...data import load_data
from ...matching.alternation import alternation, trie
from .starts import FigureStarts
from .units import unit_table

Interval = tuple[float, float]


@dataclass(frozen=True)
class FigureGrammar:
    """The compiled figure pattern and the tables that read its matches into values."""

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
    starts: FigureStarts  # where the pattern can match, from the word index (starts.py)


def norm(text: str) -> str:
    return " ".join(text.lower().split())


@lru_cache(maxsize=1)
def figure_grammar() -> FigureGrammar:
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
    # module's named lists did. Its word lists are tries, which fail on a word's first letter;
    # it is tried only where a figure can start (starts.py).
    nw, sw = trie(number_words), trie(scale_words)
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
    words = (rf"(?:\ba\s+(?:{sw})\b|\b(?:{nw})\b)(?:(?:\s+|-)(?:{nw}|{sw})\b"
             rf"|\s+and\s+(?:{nw})\b)*")  # "one hundred and twenty"
    number = rf"(?:{digits}|(?i:{words}))"
    scale = (rf"(?:(?:\s+|-)(?i:{sw})\b|\s?(?:bn|tn|trn|mln|mn)(?![\w²³])"
             r"|(?:m|b|k)(?![\w²³/]))")
    cur = rf"(?:{trie(currency_prefix)})\s?"
    unit_names = [*unit_table().names, *data["percent"], *data["percentage_points"],
                  *currency_name]
    start_guard = r"(?<![\w.,:/@#'’‘])(?<![A-Za-z][-‐])"
    post = rf"(?:\s+(?i:{trie(p for p in postfix if p != 'plus')})\b|\+(?![\d\w])|-plus\b)"
    # A cheap first test at each word start: a phrase that can open a figure, as a trie, which
    # fails most words on their first letters. Three-letter prefixes let every "for", "one"
    # and "the" through to the alternatives below.
    openers = [*approximators, *vague, *number_words, *(f"a {w}" for w in scale_words),
               "between", "from", "minus", *currency_prefix]
    prefixes = trie({w.lower() for w in openers})
    pattern = (
        rf"(?<!\w)(?=[\d.−-]|(?i:{prefixes}))"
        rf"(?P<approx>(?i:{trie(approximators)})\s+)?"
        rf"(?:(?P<vague>(?i:{trie(vague)})(?![\w-]))"
        rf"|{start_guard}(?P<lead>(?i:between|from)\s+)?"
        rf"(?P<neg>(?i:minus)\s+|[-−](?=\d))?(?P<cur>{cur})?(?P<num>{number})(?P<scale>{scale})?"
        rf"(?:(?P<rsep>\s*[-–—]\s*|\s+(?i:to|and|or)\s+)(?P<neg2>(?i:minus)\s+|[-−](?=\d))?"
        rf"(?P<cur2>{cur})?(?P<num2>{number})(?P<scale2>{scale})?)?)"
        rf"(?P<post>{post})?"
        # Symbols are matched regardless of case here; the Python side re-checks exact ones.
        rf"(?:(?P<usep>\s?-\s?|\s+)?(?P<unit>(?i:{trie(unit_names)}))(?![\w²³]|/\w|\.\w)"
        r"(?P<inches>\s?(?P<inch_num>\d{1,2}(?:\.\d+)?)\s?(?:ins?|inches|inch|″|\"|”)(?!\w))?)?"
        rf"(?P<post2>{post})?"
    )
    months = alternation(data["months"])
    return FigureGrammar(
        pattern=compile_re(pattern),
        starts=FigureStarts(openers, currency_prefix),
        approximators={norm(k): v for k, v in approximators.items()},
        postfix={norm(k): v for k, v in postfix.items()},
        number_words=number_words,
        scale_words=scale_words,
        scale_abbreviations=abbreviations,
        vague={norm(k): v for k, v in vague.items()},
        currency_prefix={k.strip(): v for k, v in currency_prefix.items()},
        currency_name=currency_name,
        percent=frozenset(norm(p) for p in data["percent"]),
        points=frozenset(norm(p) for p in data["percentage_points"]),
        months=compile_re(rf"(?:\b(?:{months})\.?\s+(?:the\s+)?$)"),
        time_after=compile_re(
            rf"(?:[:.]\d\d\b|\s?(?i:{alternation(data['time_suffixes'])})(?!\w)|(?:st|nd|rd|th)\b"
            rf"|s\b|\s+(?:{months})\b|[\w/])"),
        name_before=compile_re(rf"\b(?:{alternation(data['name_prefixes'])})\.?\s+$"),
    )


