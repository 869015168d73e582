"""The resolved settings of a run: which rules, at which severity, with which kind options.

The command line fills these today; configuration files (``.quotelint.yaml``,
``pyproject.toml``) resolve to the same object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ruleset import RuleSet


@dataclass
class Settings:
    select: list[str] | None = None  # None: every enabled rule
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # selector -> error|warning|info
    rules: list[str] = field(default_factory=list)  # extra rule files or folders
    default_rules: bool = True
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-kind settings
    fail_on: str = "warning"
    _ruleset: RuleSet | None = field(default=None, init=False, repr=False, compare=False)

    def ruleset(self) -> RuleSet:
        """Load, validate and select the rules once; raises RuleErrors or QuotelintError."""
        if self._ruleset is None:
            from .ruleset import load_rules

            loaded = load_rules(self.rules, defaults=self.default_rules)
            self._ruleset = loaded.select(self.select, self.ignore, self.severity)
        return self._ruleset
