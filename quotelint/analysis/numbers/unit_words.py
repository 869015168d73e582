"""Unit words that are units only in context: "m" (metres or millions) and "pounds" (a
weight or money). Copy says which by the words around the figure; these are the tests.
"""

from __future__ import annotations

from ...cache import compile_re

_METRE_AFTER = compile_re(
    r"\s*(?:\(\s*(?:about |around |some )?[\d.,]+\s*(?:ft|feet|foot|in|ins|inches|yards?|"
    r"miles?)\b|-?(?:tall|high|long|wide|deep|away|above|below|across|from|in (?:height|length|"
    r"diameter|depth)|race|sprint|dash|hurdles|freestyle|backstroke|breaststroke|butterfly|"
    r"medley|relay|final|run|mark|jump|throw|drop|fall|wall|tower|tunnel|bridge|yacht|"
    r"runway)\b)")
_METRE_BEFORE = compile_re(r"(?:\(|\b(?:height|depth|length|width|altitude|distance) of)\s*$")
_MONEY_NEAR = compile_re(
    r"(?i)\b(?:cost|costs|worth|paid|pay|pays|paying|fine|fined|spend|spent|budget|sterling|"
    r"salary|bill|price|priced|fund|funds|raise|raised|sum|deal|sold|sell|buy|bought|bid|"
    r"million|billion|bn|invest|invested|loan|debt|tax|compensation|award|awarded|profit|loss)\b")
_MASS_CONVERSION = compile_re(
    r"\s*[(\[]\s*(?:about |around |some )?[\d.,]+\s?(?:kg|kilo|tonne|g\b|gram)")


def metres_follow(text: str, end: int) -> bool:
    """Does what follows "5m" say length ("5m high", "the 100m race", "3m (10ft)")?"""
    return bool(_METRE_AFTER.match(text, end, end + 40))


def metres_precede(text: str, start: int) -> bool:
    """Does what precedes "5m" say length ("a height of 5m", "(5m)")?"""
    return bool(_METRE_BEFORE.search(text, max(0, start - 30), start))


def pounds_are_money(text: str, start: int, end: int, unit_end: int, scaled: bool) -> bool:
    """"pounds" as money: after a scale ("a trillion pounds", "5m pounds"), or with money words
    close by ("paid 500 pounds"), unless a conversion to kilograms follows ("700 pounds
    (320kg)")."""
    if scaled:
        return True
    if _MASS_CONVERSION.match(text, unit_end):
        return False
    return bool(_MONEY_NEAR.search(text, max(0, start - 40), min(len(text), end + 25)))
