"""Compiling rule patterns once, with lexicons as the `regex` module's named lists (``\\L<name>``).

Named lists are matched as a set, not as a long alternation, so a 500-word lexicon costs about
what one word costs.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from ..schema import Where

_LEXICON_REF = regex.compile(r"\\L<(\w+)>")


def compile_pattern(source: str, *, ignore_case: bool, lexicons: Mapping[str, list[str]],
                    where: Where, line: int | None, key: str) -> regex.Pattern:
    """Compile ``source`` or raise a RuleError naming the key, the line and the regex problem."""
    lists = {}
    for name in _LEXICON_REF.findall(source):
        if name not in lexicons:
            known = ", ".join(sorted(lexicons)) or "none loaded"
            raise where.error(line, f"'{key}' uses unknown lexicon {name!r} (lexicons: {known})")
        lists[name] = lexicons[name]
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(source, flags, **lists)
    except (regex.error, ValueError, TypeError) as exc:
        raise where.error(line, f"'{key}' is not a valid regular expression: {exc}") from None


def lexicon_pattern(name: str) -> str:
    """A pattern matching any entry of lexicon ``name`` as whole words."""
    return rf"(?<!\w)\L<{name}>(?!\w)"
