"""Reporters: one module per output format, each with ``write(findings, out, ctx)``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..checks.base import Check
    from ..config.settings import Settings
    from ..findings import Finding

FORMATS: dict[str, str] = {
    "text": "quotelint.report.text",
    "full": "quotelint.report.full",
    "concise": "quotelint.report.concise",
    "json": "quotelint.report.json",
    "jsonl": "quotelint.report.jsonl",
    "sarif": "quotelint.report.sarif",
    "github": "quotelint.report.github",
    "html": "quotelint.report.html",
}


@dataclass
class ReportContext:
    """What a reporter may need besides the findings."""

    rules: list[Check]  # every rule that ran (SARIF lists them)
    files: int  # linted
    quiet: bool = False
    color: bool = False
    fixed: int = 0  # fixes applied by --fix before these findings were collected
    errors: list[str] = field(default_factory=list)  # input and rule errors of the run
    terminal: bool = False  # the output is a terminal: ``text`` shows each finding's sentence
    stdin_name: str | None = None  # what standard input's findings are named, if it was read
    skipped: int = 0  # files that could not be read (binary, undecodable, too large)
    # The files linted, with their settings, for a report that shows their text (html).
    planned: list[tuple[str, Settings]] = field(default_factory=list)
    max_bytes: int | None = None
    collected: dict[str, Any] = field(default_factory=dict)  # the format's collector's data

    @property
    def summarise(self) -> bool:
        """Whether to end with a summary line: not with ``-q``, and not when errors left
        nothing linted ("No problems found in 0 files" would read as a pass)."""
        return not self.quiet and bool(self.files or self.skipped or not self.errors)


def writer(fmt: str) -> Callable[[list[Finding], TextIO, ReportContext], None]:
    return import_module(FORMATS[fmt]).write


def collector(fmt: str) -> Callable[..., Any] | None:
    """What a format needs made of each document while it is linted (its ``COLLECT``), as
    ``lint_paths``'s ``collect``; None for most."""
    return getattr(import_module(FORMATS[fmt]), "COLLECT", None)
