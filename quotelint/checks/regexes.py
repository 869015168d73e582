"""Compiling rule patterns once, with lexicons as the `regex` module's named lists (``\\L<name>``),
and running a user's rules under a time limit.

Named lists are matched as a set, not as a long alternation, so a 500-word lexicon costs about
what one word costs.

A rule is user input, and a backtracking pattern such as ``(a|aa)+$`` can take longer than the
age of the universe on forty characters. Every pattern that comes from a user's rule file is
therefore compiled into a limited ``TimedPattern``: the same methods as a compiled pattern, each
call given the ``regex`` module's ``timeout``. When the limit passes, ``PatternTimeout`` is
raised and the linter reports the rule for that file and goes on without it
(``linter.lint_document``).

The default pack's own patterns run without the limit on a sentence or an article: the
``regex`` module charges a fixed cost per call for a timeout, whatever the text, and the pack
makes some fifty calls an article. Those patterns are the project's code,
like the analyses' patterns, which were never timed: they are tested on arbitrary text
(tests/test_properties.py) and timed against adversarial copy (benchmarks/scaling.py). Over
``PACK_UNTIMED_BELOW`` characters (a huge file, a paragraph with no sentence end) they are
limited too: where a pattern could slow more than in proportion, a long text is where it shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ..cache import compile_regex
from ..errors import PatternTimeout
from ..paths import default_rules_dir
from ..schema import Where

_LEXICON_REF = compile_regex(r"\\L<(\w+)>")


def _seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


# Seconds one call of a rule's pattern may take: a second, plus one per ten million characters
# searched, so that the whole-text search of a very large file is not cut short (the default
# pack searches 50 MB in about 0.2 s; a second is thousands of times what any pattern needs on
# an article). QUOTELINT_PATTERN_TIMEOUT sets the base; it reaches worker processes too.
PATTERN_TIMEOUT = _seconds("QUOTELINT_PATTERN_TIMEOUT", 1.0)
SECONDS_PER_CHAR = 1e-7
# Characters below which a default-pack pattern searches without the limit (see above): forty
# long articles; a sentence is a few hundred.
PACK_UNTIMED_BELOW = 100_000


def time_limit(chars: int) -> float:
    """The time limit of one pattern call over ``chars`` characters."""
    return PATTERN_TIMEOUT + chars * SECONDS_PER_CHAR


def _span(string: str, pos: int | None, endpos: int | None) -> int:
    end = len(string) if endpos is None else min(endpos, len(string))
    return max(0, end - (pos or 0))


class TimedPattern:
    """A compiled pattern whose every match over ``untimed_below`` characters or more runs under
    ``time_limit`` (every match of a user's rule: 0); other attributes (``pattern``,
    ``groupindex``, ``flags``...) are the compiled pattern's own."""

    __slots__ = ("_compiled", "untimed_below")

    def __init__(self, compiled: regex.Pattern, *, untimed_below: int = 0) -> None:
        self._compiled = compiled
        self.untimed_below = untimed_below

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"TimedPattern({self._compiled.pattern!r})"

    def _timeout(self, limit: float) -> PatternTimeout:
        return PatternTimeout(limit, self._compiled.pattern)

    def _call(self, method: Any, string: str, pos: int | None, endpos: int | None) -> Any:
        span = _span(string, pos, endpos)
        if span < self.untimed_below:
            return method(string, pos, endpos)
        limit = time_limit(span)
        try:
            return method(string, pos, endpos, timeout=limit)
        except TimeoutError:
            raise self._timeout(limit) from None

    def search(self, string: str, pos: int | None = None,
               endpos: int | None = None) -> regex.Match | None:
        return self._call(self._compiled.search, string, pos, endpos)

    def match(self, string: str, pos: int | None = None,
              endpos: int | None = None) -> regex.Match | None:
        return self._call(self._compiled.match, string, pos, endpos)

    def fullmatch(self, string: str, pos: int | None = None,
                  endpos: int | None = None) -> regex.Match | None:
        return self._call(self._compiled.fullmatch, string, pos, endpos)

    def findall(self, string: str, pos: int | None = None, endpos: int | None = None) -> list:
        return self._call(self._compiled.findall, string, pos, endpos)

    def finditer(self, string: str, pos: int | None = None,
                 endpos: int | None = None) -> Iterator[regex.Match]:
        """Every match; the limit covers the whole iteration, as the ``regex`` module counts."""
        if _span(string, pos, endpos) < self.untimed_below:
            return self._compiled.finditer(string, pos, endpos)
        return self._finditer(string, pos, endpos)

    def _finditer(self, string: str, pos: int | None,
                  endpos: int | None) -> Iterator[regex.Match]:
        limit = time_limit(_span(string, pos, endpos))
        try:
            yield from self._compiled.finditer(string, pos, endpos, timeout=limit)
        except TimeoutError:
            raise self._timeout(limit) from None

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        if len(string) < self.untimed_below:
            return self._compiled.sub(repl, string, count)
        limit = time_limit(len(string))
        try:
            return self._compiled.sub(repl, string, count, timeout=limit)
        except TimeoutError:
            raise self._timeout(limit) from None


def compile_pattern(source: str, *, ignore_case: bool, lexicons: Mapping[str, list[str]],
                    where: Where, line: int | None, key: str) -> TimedPattern:
    """Compile ``source`` or raise a RuleError naming the key, the line and the regex problem."""
    lists = {}
    for name in _LEXICON_REF.findall(source):
        if name not in lexicons:
            known = ", ".join(sorted(lexicons)) or "none loaded"
            raise where.error(line, f"'{key}' uses unknown lexicon {name!r} (lexicons: {known})")
        lists[name] = lexicons[name]
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        untimed = PACK_UNTIMED_BELOW if _in_default_pack(where.path) else 0
        return TimedPattern(compile_regex(source, flags, **lists), untimed_below=untimed)
    except (regex.error, ValueError, TypeError) as exc:
        raise where.error(line, f"'{key}' is not a valid regular expression: {exc}") from None


def _in_default_pack(path: str) -> bool:
    """Is ``path`` one of the default pack's own files (not a user's copy of one)?"""
    return _resolved_in_default_pack(os.path.abspath(path))  # a relative path: from here


@lru_cache(maxsize=64)
def _resolved_in_default_pack(path: str) -> bool:
    return Path(path).resolve().parent == default_rules_dir().resolve()


def lexicon_pattern(name: str) -> str:
    """A pattern matching any entry of lexicon ``name`` as whole words."""
    return rf"(?<!\w)\L<{name}>(?!\w)"
