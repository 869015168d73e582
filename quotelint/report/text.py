"""``path:line:col: severity ID message``, one finding a line, as ruff and flake8 print them."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..findings import SEVERITIES, Finding
from . import ReportContext


def format_finding(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"


def _count(n: int, severity: str) -> str:
    return f"{n} {severity}{'s' if n != 1 and severity != 'info' else ''}"


def summary(findings: list[Finding], files: int) -> str:
    if not findings:
        return f"No problems found in {files} file{'s' if files != 1 else ''}."
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(_count(counts[s], s) for s in sorted(SEVERITIES, key=SEVERITIES.get,
                                                            reverse=True) if counts[s])
    n = len(findings)
    return f"Found {n} problem{'s' if n != 1 else ''} ({parts}) in {files} " \
           f"file{'s' if files != 1 else ''}."


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    for f in findings:
        out.write(format_finding(f) + "\n")
    if not ctx.quiet:
        out.write(summary(findings, ctx.files) + "\n")
