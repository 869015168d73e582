"""Word lists as regex alternations: the one way every table of quotelint builds them.

Longest first, so that "pointed out" wins over "pointed" at the same position; ties in
alphabetical order, so that the pattern's source is the same on every run: the start-up cache
(cache.py) keys a compiled pattern by its source, and a set's order changes with each process's
hash seed. A space in a phrase matches any run of spaces ("according  to").
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> list[str]:
    """The distinct ``words``, longest first, ties alphabetical."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words: Iterable[str]) -> str:
    """``a|b|c`` of the escaped ``words`` (longest first), or "" when there are none."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first(words))
