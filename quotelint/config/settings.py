"""The resolved settings of a run: which rules, at which severity, with which kind options.

The command line fills one ``Settings``; with ``discover`` (the command line's default) or an
explicit ``config`` file, each linted file gets its own, resolved from the closest
configuration file with the command line's flags on top (``quotelint.config.load``). Library
callers get exactly what they construct: no file is looked for unless they ask.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..checks.ruleset import RuleSet
    from ..errors import RuleError, RuleErrors, UnknownSelector

# Where a setting came from: (config file or "command line", line or None).
Origin = tuple[str, "int | None"]


@dataclass
class Settings:
    select: list[str] | None = None  # None: every enabled rule
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # selector -> error|warning|info
    rules: list[str] = field(default_factory=list)  # extra rule files or folders
    default_rules: bool = True
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-kind settings
    fail_on: str = "warning"
    extend_select: list[str] = field(default_factory=list)  # added to select (or the defaults)
    exclude: list[str] = field(default_factory=list)  # globs, relative to ``root``
    root: str | None = None  # what ``exclude`` is relative to (the config's folder; else cwd)
    config: str | None = None  # an explicit configuration file: no discovery
    discover: bool = False  # each file uses its closest configuration file
    # For --show-config and for errors that point into a config file: selector or key -> origin.
    origins: dict[str, Origin] = field(default_factory=dict)
    config_files: list[str] = field(default_factory=list)  # the file and what it extends
    story: bool = False  # the configuration's ``story: true``: compare the files (--story)

    def ruleset(self) -> RuleSet:
        """The rules these settings run: loaded once per process for each distinct set of
        rule files (``loaded_rules``), selected once per distinct selection. Raises RuleErrors
        (the rule files' problems and the unknown selectors together) or QuotelintError."""
        from ..checks.ruleset import loaded_rules
        from ..errors import RuleErrors, UnknownSelector
        from ..schema import raise_all

        try:
            loaded = loaded_rules(self.rules, self.default_rules)
        except RuleErrors as exc:
            raise_all(self.problems(exc))
            raise
        try:
            return loaded.selected(self.select, self.ignore, self.severity, self.extend_select)
        except UnknownSelector as exc:
            raise_all(self._located(exc))
            raise

    def problems(self, failed: RuleErrors | None = None) -> list[RuleError]:
        """What ``ruleset`` raises, as a list: the rule files' problems (``failed``, when they
        were loaded already) and the selectors that name no rule, those checked against every
        rule read when the rule files are wrong."""
        from ..checks.ruleset import selector_hints, unknown_selectors
        from ..errors import QuotelintError, RuleError, RuleErrors, UnknownSelector

        if failed is None:
            try:
                self.ruleset()
            except RuleErrors as exc:
                return exc.errors
            except RuleError as exc:
                return [exc]
            except QuotelintError:
                return []
            return []
        keys = [*(self.select or ()), *self.ignore, *self.severity, *self.extend_select]
        unknown = unknown_selectors(keys, failed.defined)
        return [*failed.errors, *self._located(UnknownSelector(
            unknown, selector_hints(unknown, failed.defined)))]

    def _located(self, exc: UnknownSelector) -> list[RuleError]:
        """Each unknown selector at the line that wrote it, or as the command line's."""
        from ..errors import RuleError

        errors = []
        for key in exc.keys:
            path, line = self.origins.get(f"selector:{key}", ("", None))
            if not path or path == "command line":
                path, line = "quotelint", None
            errors.append(RuleError(path, line, exc.message(key)))
        return errors

    @property
    def uses_config(self) -> bool:
        return self.discover or self.config is not None

    def excludes(self, path: str) -> bool:
        """Is ``path`` excluded by an ``exclude`` glob?"""
        if not self.exclude or path == "-":
            return False
        from .globs import excluded

        return excluded(path, self.exclude, self.root or os.getcwd())
