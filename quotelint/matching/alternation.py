"""Word lists as regex alternations: the one way every table of quotelint builds them.

``alternation`` lists the words longest first, so that "pointed out" wins over "pointed" at
the same position; ties in alphabetical order, so that the pattern's source is the same on
every run: the start-up cache (cache.py) keys a compiled pattern by its source, and a set's
order changes with each process's hash seed. ``trie`` shares their prefixes,
``sa(?:id|ys?)``, for a list tried at every position of a text: the engine rejects a position
on its first letter instead of trying each word. Both prefer the longest word at a position. A
space in a phrase matches any run of spaces ("according  to").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import cache


def longest_first(words: Iterable[str]) -> list[str]:
    """The distinct ``words``, longest first, ties alphabetical."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words: Iterable[str]) -> str:
    """``a|b|c`` of the escaped ``words`` (longest first), or "" when there are none."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first(words))


def trie(words: Iterable[str]) -> str:
    """The ``words`` as one alternation sharing their prefixes, the longest preferred.

    From the start-up cache when the same words were seen before: building the default pack's
    tries costs a one-article run more than loading their cached patterns does."""
    distinct = tuple(sorted(set(words)))
    return cache.remember(("trie", distinct), lambda: _build(distinct))


def _build(words: Iterable[str]) -> str:
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _emit(tree)


def _emit(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _emit(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) > 1:
        body = f"(?:{'|'.join(branches)})"
    elif "" in node and len(branches[0]) > 1:
        body = f"(?:{branches[0]})"
    else:
        body = branches[0]
    # Greedy: the longer word first, the word that ends here if the rest does not match.
    return body + "?" if "" in node else body
