"""Rule selectors, as ``--select``, ``ignore``, ``severity`` and suppression comments take them:
``ALL``, an id (any case), a name, a category, or an id prefix (``QL4``), as in ruff."""

from __future__ import annotations

# How specifically a selector names a rule: the more specific wins when a rule is both
# selected and ignored (an id beats a prefix, a longer prefix a shorter one, a prefix a
# category, a category ALL).
ALL, CATEGORY, EXACT = 0, 1, 1000


def specificity(key: str, rule: str, name: str, category: str) -> int | None:
    """How specifically ``key`` names the rule ``rule`` (``name``, ``category``); None: not."""
    upper = key.upper()
    if upper == rule.upper() or key == name:
        return EXACT
    if upper == "ALL":
        return ALL
    if key == category:
        return CATEGORY
    if key[:1].isalpha() and rule.upper().startswith(upper):
        return CATEGORY + len(key)
    return None


def matches(key: str, rule: str, name: str, category: str) -> bool:
    """Does ``key`` name the rule at all?"""
    return specificity(key, rule, name, category) is not None
