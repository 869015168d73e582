"""``unless`` / ``requires`` conditions: another pattern near a match, within a window of sentences.

``window: 0`` is the sentence of the match; ``window: 1`` adds one sentence on each side;
``window: {before: 1, after: 0}`` looks back only. A rule fires when none of its ``unless``
conditions and all of its ``requires`` conditions are found.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..located import LDict
from ..schema import Field, Where, boolean, check_mapping, integer, line_of, string
from ..text.document import Document
from .regexes import TimedPattern, compile_pattern, lexicon_pattern


@dataclass(frozen=True)
class Condition:
    pattern: TimedPattern  # timed, in a user's rule
    before: int
    after: int
    outside_quotes: bool

    def found(self, doc: Document, offset: int) -> bool:
        sentences = doc.sentences
        if not sentences:
            return self.pattern.search(doc.flat) is not None
        i = doc.sentence_index(offset)
        start = sentences[max(0, i - self.before)].start
        end = sentences[min(len(sentences) - 1, i + self.after)].end
        text = doc.flat_outside_quotes if self.outside_quotes else doc.flat
        return self.pattern.search(text, start, end) is not None


def _window(value: Any, where: Where, line: int | None, key: str) -> tuple[int, int]:
    if isinstance(value, dict):
        fields = {"before": Field(integer, default=0), "after": Field(integer, default=0)}
        spec = check_mapping(value, fields, where, line=line, what="'window'")
        return spec["before"], spec["after"]
    n = integer(value, where, line, key)
    return n, n


_FIELDS = {
    "pattern": Field(string, doc="regular expression"),
    "lexicon": Field(string, doc="name of a lexicon: any of its entries, as whole words"),
    "window": Field(_window, default=(0, 0), doc="sentences on each side (or before/after)"),
    "ignore_case": Field(boolean, default=None, doc="defaults to the rule's ignore_case"),
    "outside_quotes": Field(boolean, default=False, doc="look only at the narrator's words"),
}


def parse_conditions(value: Any, key: str, *, where: Where, ignore_case: bool,
                     lexicons: Mapping[str, list[str]]) -> list[Condition]:
    """One condition or a list of them, each a mapping with ``pattern`` or ``lexicon``."""
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        line = line_of(value, i) if isinstance(value, list) else getattr(value, "line", None)
        condition = where.attempt(_condition, item, key, where=where, line=line,
                                  ignore_case=ignore_case, lexicons=lexicons)
        if condition is not None:
            out.append(condition)
    return out


def _condition(item: Any, key: str, *, where: Where, line: int | None, ignore_case: bool,
               lexicons: Mapping[str, list[str]]) -> Condition:
    spec = check_mapping(item, _FIELDS, where, line=line, what=f"'{key}' condition")
    if (spec["pattern"] is None) == (spec["lexicon"] is None):
        raise where.error(line, f"'{key}' condition needs exactly one of 'pattern' or "
                                f"'lexicon'")
    source = spec["pattern"] or lexicon_pattern(spec["lexicon"])
    if spec["lexicon"] and spec["lexicon"] not in lexicons:
        raise where.error(line, f"'{key}' condition uses unknown lexicon "
                                f"{spec['lexicon']!r}")
    key_line = line_of(item, "pattern" if spec["pattern"] else "lexicon") \
        if isinstance(item, LDict) else line
    pattern = compile_pattern(
        source, lexicons=lexicons, where=where, line=key_line, key=key,
        ignore_case=ignore_case if spec["ignore_case"] is None else spec["ignore_case"])
    before, after = spec["window"]
    return Condition(pattern, before, after, spec["outside_quotes"])


def allowed(doc: Document, offset: int, unless: list[Condition],
            requires: list[Condition]) -> bool:
    return not any(c.found(doc, offset) for c in unless) and \
        all(c.found(doc, offset) for c in requires)
