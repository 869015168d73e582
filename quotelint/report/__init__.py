"""Reporters: one module per output format, each with ``write(findings, out, ctx)``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..checks.base import Check
    from ..checks.ruleset import RuleSet
    from ..findings import Finding

FORMATS: dict[str, str] = {
    "text": "quotelint.report.text",
    "full": "quotelint.report.full",
    "concise": "quotelint.report.concise",
    "json": "quotelint.report.json",
    "jsonl": "quotelint.report.jsonl",
    "sarif": "quotelint.report.sarif",
    "github": "quotelint.report.github",
}


@dataclass
class ReportContext:
    """What a reporter may need besides the findings.

    ``rules`` may also be given as a RuleSet (what the first version took); ``ruleset`` still
    reads as one."""

    rules: list[Check]  # every rule that ran (SARIF lists them)
    files: int  # linted
    quiet: bool = False
    color: bool = False
    fixed: int = 0  # fixes applied by --fix before these findings were collected
    errors: list[str] = field(default_factory=list)  # input and rule errors of the run
    terminal: bool = False  # the output is a terminal: ``text`` shows each finding's sentence
    stdin_name: str | None = None  # what standard input's findings are named, if it was read
    skipped: int = 0  # files that could not be read (binary, undecodable, too large)

    def __post_init__(self) -> None:
        checks = getattr(self.rules, "checks", None)
        if checks is not None:
            self.rules = list(checks)

    @property
    def ruleset(self) -> RuleSet:
        from ..checks.ruleset import RuleSet

        return RuleSet(list(self.rules))


def writer(fmt: str) -> Callable[[list[Finding], TextIO, ReportContext], None]:
    return import_module(FORMATS[fmt]).write
