"""The registry of rule kinds: kind name -> "module:Class", imported only when a rule uses it.

Users write rules (YAML); kinds are Python, one module per kind, as Vale keeps one file per
check type. Adding a kind is one line here and one module.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import Check

KINDS: dict[str, str] = {
    "pattern": "quotelint.checks.pattern:PatternCheck",
    "substitution": "quotelint.checks.substitution:SubstitutionCheck",
    "consistency": "quotelint.checks.consistency:ConsistencyCheck",
    "unattributed-claim": "quotelint.checks.unattributed_claim:UnattributedClaimCheck",
    "anonymous-source": "quotelint.checks.anonymous_source:AnonymousSourceCheck",
    "attribution-verb": "quotelint.checks.attribution_verb:AttributionVerbCheck",
    "suppression": "quotelint.checks.suppression:SuppressionCheck",
    "inconsistent-figures": "quotelint.checks.inconsistent_figures:InconsistentFiguresCheck",
    "mixed-units": "quotelint.checks.mixed_units:MixedUnitsCheck",
    "wrong-conversion": "quotelint.checks.wrong_conversion:WrongConversionCheck",
    "unit-symbol": "quotelint.checks.unit_symbol:UnitSymbolCheck",
    "quote-balance": "quotelint.checks.quote_balance:QuoteBalanceCheck",
    "quote-attribution": "quotelint.checks.quote_attribution:QuoteAttributionCheck",
}


def kind_class(kind: str) -> type[Check] | None:
    """The class implementing ``kind``, or None if there is no such kind."""
    target = KINDS.get(kind)
    if target is None:
        return None
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)
