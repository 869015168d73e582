"""Findings: what a check reports, in the shape every reporter consumes."""

from __future__ import annotations

from dataclasses import dataclass

# Ordered from least to most severe; `--fail-on` compares against this order.
SEVERITIES: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

# The fixed vocabulary of the output contract. Rules must use one of these.
CATEGORIES: tuple[str, ...] = (
    "quote-balance",
    "quote-attribution",
    "anonymous-source",
    "unattributed-claim",
    "number-consistency",
    "style",
)


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement``: an unambiguous edit. ``safe``: it cannot
    change what the sentence says (a unit symbol); an unsafe one (a loaded verb's "said") is
    applied only with ``--unsafe-fixes``."""

    start: int
    end: int
    replacement: str
    safe: bool = True

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"


@dataclass(frozen=True, slots=True)
class Related:
    """Another location a finding points to: the other mention of a figure, maybe in another
    file."""

    path: str
    line: int
    column: int
    message: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one span. Lines and columns are 1-based, in code points; the end is
    exclusive (the column just after the span), as in SARIF."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    related: tuple[Related, ...] = ()
    fix: Fix | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict:
        """The JSON output contract, plus offsets, related locations and the fix."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
                for r in self.related
            ],
            "fix": (
                None
                if self.fix is None
                else {"start": self.fix.start, "end": self.fix.end,
                      "replacement": self.fix.replacement,
                      "applicability": self.fix.applicability}
            ),
        }


def at_least(severity: str, threshold: str) -> bool:
    return SEVERITIES[severity] >= SEVERITIES[threshold]
