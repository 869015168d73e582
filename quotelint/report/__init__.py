"""Reporters: one module per output format, each with ``write(findings, out, ctx)``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..findings import Finding
    from ..ruleset import RuleSet

FORMATS: dict[str, str] = {
    "text": "quotelint.report.text",
    "json": "quotelint.report.json",
}


@dataclass
class ReportContext:
    """What a reporter may need besides the findings."""

    ruleset: RuleSet
    files: int
    quiet: bool = False


def writer(fmt: str) -> Callable[[list[Finding], TextIO, ReportContext], None]:
    return import_module(FORMATS[fmt]).write
