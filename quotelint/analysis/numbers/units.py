"""Units of measurement: aliases, dimensions, systems and conversion to a common unit.

The table lives in ``quotelint/data/units.yaml``; this module turns it into lookups and does
the arithmetic. Every conversion works on intervals, because a stated figure is an interval
(figures.py) and so, sometimes, is a unit: "tons" may be short or long tons.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...data import load_data

Interval = tuple[float, float]


@dataclass(frozen=True)
class Unit:
    key: str
    dimension: str
    system: str
    factor: Interval  # to the dimension's base unit; two values when the name is ambiguous
    offset: float = 0.0  # affine scales (temperature): base = value * factor + offset
    display: str = ""

    @property
    def symbol(self) -> str:
        return self.display or self.key

    def to_base(self, interval: Interval, difference: bool = False) -> Interval:
        """``interval`` in the base unit. A ``difference`` ("rose by 2C", "2C above
        pre-industrial levels") is a distance on the scale, not a point: it takes no offset
        (a rise of 2 °C is 3.6 °F, where a temperature of 2 °C is 35.6 °F)."""
        lo, hi = interval
        f_lo, f_hi = self.factor
        offset = 0.0 if difference else self.offset
        candidates = [lo * f_lo, lo * f_hi, hi * f_lo, hi * f_hi]
        candidates = [0.0 if math.isnan(c) else c for c in candidates]
        return min(candidates) + offset, max(candidates) + offset

    def from_base(self, value: float, difference: bool = False) -> float:
        """A base value in this unit (the middle reading when the unit is ambiguous)."""
        offset = 0.0 if difference else self.offset
        return (value - offset) / ((self.factor[0] + self.factor[1]) / 2)


@dataclass(frozen=True)
class UnitName:
    """One way of writing a unit: ``plural_symbol`` marks "kms" (reported, with ``fix``)."""

    unit: Unit
    text: str
    exact_case: bool
    solid_only: bool = False  # only written straight after digits ("42in")
    ambiguous: bool = False  # "m": metres or million, decided by context
    plural_symbol: bool = False
    fix: str | None = None


@dataclass(frozen=True)
class UnitTable:
    units: dict[str, Unit]
    names: dict[str, UnitName]  # exact text -> name (case-insensitive names stored lower-cased)
    dimensions: dict[str, dict[str, Any]]

    def lookup(self, text: str) -> UnitName | None:
        name = self.names.get(text)
        if name is not None:
            return name
        name = self.names.get(" ".join(text.lower().split()))
        return name if name is not None and not name.exact_case else None

    def absolute_slack(self, dimension: str) -> float | None:
        return self.dimensions.get(dimension, {}).get("absolute_slack")

    def base_symbol(self, dimension: str) -> str:
        return self.dimensions.get(dimension, {}).get("base", "")


def _factor(value: Any) -> Interval:
    if isinstance(value, list):
        return float(value[0]), float(value[1])
    return float(value), float(value)


@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    data = load_data("units")
    units: dict[str, Unit] = {}
    names: dict[str, UnitName] = {}
    for key, spec in data["units"].items():
        unit = Unit(key, spec["dimension"], spec["system"], _factor(spec["factor"]),
                    float(spec.get("offset", 0.0)), spec.get("display", ""))
        units[key] = unit
        first_symbol = (spec.get("symbols") or [key])[0]
        ambiguous = set(spec.get("ambiguous_symbols") or ())
        for text in spec.get("symbols") or ():
            names[text] = UnitName(unit, text, True, ambiguous=text in ambiguous)
        for text in spec.get("solid_symbols") or ():
            names[text] = UnitName(unit, text, True, solid_only=True)
        for text in spec.get("plural_symbols") or ():
            names[text] = UnitName(unit, text, True, plural_symbol=True, fix=first_symbol)
        for text in spec.get("aliases") or ():
            names.setdefault(text.lower(), UnitName(unit, text.lower(), False))
    return UnitTable(units, names, data["dimensions"])


# -- presenting figures ------------------------------------------------------------------------

def format_number(value: float) -> str:
    """A figure as a reader would write it: three significant figures, thousands separated."""
    if value == math.inf:
        return "∞"
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    rounded = round(value, max(0, 2 - magnitude))
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.{max(0, 2 - magnitude)}f}".rstrip("0").rstrip(".")


def format_interval(interval: Interval) -> str:
    lo, hi = interval
    if lo == hi:
        return format_number(lo)
    return f"{format_number(lo)}–{format_number(hi)}"


def join_unit(number: str, symbol: str) -> str:
    if symbol in ("%", "°C", "°F"):
        return number + symbol
    return f"{number} {symbol}" if symbol else number
