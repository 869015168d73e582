"""``--format concise``: one finding a line, ``path:line:col: severity ID message``, the form
grep, editors and scripts read (what ``text`` prints when the output is not a terminal)."""

from __future__ import annotations

from typing import TextIO

from ..findings import Finding
from . import ReportContext
from .text import format_finding, summary


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    for f in findings:
        out.write(format_finding(f, color=ctx.color) + "\n")
    if not ctx.quiet:
        out.write(summary(findings, ctx.files, ctx.fixed, ctx.skipped) + "\n")
