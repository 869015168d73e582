"""Errors that reach the user as one clear line and exit status 2, never as a traceback."""

from __future__ import annotations


class QuotelintError(Exception):
    """A problem the user can fix (bad path, bad rule, bad config): printed as-is, exit 2."""


class RuleError(QuotelintError):
    """A problem in a rule or config file, located as ``file:line: what is wrong``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class RuleErrors(QuotelintError):
    """Several rule errors found in one load, reported together so the user fixes them at once."""

    def __init__(self, errors: list[RuleError],
                 defined: list[tuple[str, str, str]] | None = None) -> None:
        self.errors = errors
        # The (id, name, category) of every rule read, right or wrong: what a selector may
        # name when a load fails.
        self.defined = defined or []
        super().__init__("\n".join(str(e) for e in errors))


class MissingLexicon(QuotelintError):
    """A rule kind needs word lists (lexicons) that no loaded rule file defines."""

    def __init__(self, user: str, names: list[str]) -> None:
        self.user = user
        self.names = names
        listed = ", ".join(repr(n) for n in names)
        super().__init__(f"{user} needs the lexicon{'s' if len(names) > 1 else ''} "
                         f"{listed}, which no loaded rule file defines: load the default "
                         f"pack's lexicons.yaml or define {'them' if len(names) > 1 else 'it'}")


class UnknownSelector(QuotelintError):
    """Selectors (``--select``, ``ignore:``, a severity override) that name no rule."""

    def __init__(self, keys: list[str], hints: dict[str, str] | None = None) -> None:
        self.keys = keys
        self.hints = hints or {}
        super().__init__("\n".join(self.message(key) for key in keys))

    @property
    def key(self) -> str:
        return self.keys[0]

    def message(self, key: str) -> str:
        return (f"unknown rule selector {key!r}: not a rule id, name, id prefix or category "
                f"(see `quotelint rules`){self.hints.get(key, '')}")


class InputError(QuotelintError):
    """A file that cannot be read or decoded: reported, skipped, and the run ends with exit 2."""


class PatternTimeout(TimeoutError):
    """A rule's pattern ran past its time limit."""

    def __init__(self, seconds: float, source: str) -> None:
        self.seconds = seconds
        self.source = source
        super().__init__(f"pattern timed out after {seconds:.3g}s")
