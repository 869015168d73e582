"""``Quantity``: one figure of a document in context, the record that ``quantities`` makes and
``context``, ``references``, ``compare`` and the checks read. It has a module of its own so
that the modules which read it need not import the one that makes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figures import Figure

Interval = tuple[float, float]


# Not frozen, for speed, but never changed once made: see attribution.model.Attribution.
@dataclass(slots=True, unsafe_hash=True)
class Quantity:
    """A figure in context. ``base`` is its interval in the dimension's base unit (SI)."""

    figure: Figure
    base: Interval
    sentence: int
    measure: str | None = None  # key: "range", "troops", "distance:algiers", "length:pipeline"
    display: str = ""  # "the range"
    converts: int | None = None  # index of the figure this one restates in parentheses
    per: str = ""  # a rate: "year" in "30,000 tonnes a year"
    comparable: bool = True  # False: a change, a part, a rate or a source description
    times: frozenset[str] = frozenset()  # years and time words of the sentence ("2015", "ago")
    source: str | None = None  # a named source in the sentence ("Russia said")
    subject: str | None = None  # a name opening the sentence ("Greece makes 115,000 tonnes")
    head: str | None = None  # the noun the figure is said of ("the bridge is 19 km long")
    context: frozenset[str] = frozenset()  # content words of the sentence
    difference: bool = False  # a change of temperature ("rose by 2C"), not a temperature
    cue: str = ""  # the words that named the measure ("of voters")
    scoped: bool = False  # a share of one vote or poll ("% of voters", "turnout")
    proposed: bool = False  # a target someone asks for ("called for 20,000 troops")
    names: frozenset[str] = frozenset()  # names near it: "exports to Germany"
    marks: frozenset[str] = frozenset()  # words near it that tell things apart: "the second"

    @property
    def start(self) -> int:
        return self.figure.start

    @property
    def end(self) -> int:
        return self.figure.end

    @property
    def dimension(self) -> str:
        dimension = self.figure.dimension + (" difference" if self.difference else "")
        return f"{dimension}/{self.per}" if self.per else dimension

    @property
    def system(self) -> str | None:
        return self.figure.unit.unit.system if self.figure.unit else None
