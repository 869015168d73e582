"""``--format concise``: one finding a line, ``path:line:col: severity ID message``, the form
grep, editors and scripts read (what ``text`` prints when the output is not a terminal).

A finding that ``--fix`` would fix is marked ``[*]`` before its message, as ruff marks it;
one whose fix is unsafe (only ``--fix --unsafe-fixes`` applies it) ``[~]``.
Colour only when writing to a terminal (or when asked): see ``use_color``.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TextIO

from ..findings import SEVERITIES, Finding
from . import ReportContext

_RESET = "\033[0m"
_BOLD = "\033[1m"
SEVERITY_COLORS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m"}


def use_color(stream: TextIO, mode: str = "auto") -> bool:
    """``always``/``never`` decide; ``auto`` colours a terminal unless ``NO_COLOR`` is set
    (no-color.org), and colours anything if ``FORCE_COLOR`` is set (force-color.org)."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def format_finding(f: Finding, *, color: bool = False) -> str:
    fix = "" if f.fix is None else "[*] " if f.fix.safe else "[~] "
    if not color:
        return f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {fix}{f.message}"
    severity = f"{SEVERITY_COLORS[f.severity]}{f.severity}{_RESET}"
    return (f"{_BOLD}{f.path}{_RESET}:{f.line}:{f.column}: {severity} {_BOLD}{f.rule}{_RESET} "
            f"{fix}{f.message}")


def _count(n: int, severity: str) -> str:
    return f"{n} {severity}{'s' if n != 1 and severity != 'info' else ''}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def summary(findings: list[Finding], files: int, fixed: int = 0, skipped: int = 0) -> str:
    """``Found 3 problems (1 error, 2 warnings) in 2 files.``, after ``Fixed N problems.`` when
    ``--fix`` fixed some, and a ``[*]`` line when some are fixable. Files that could not be
    read are counted apart: ``in 2 files; 1 skipped.``"""
    done = f"Fixed {_plural(fixed, 'problem')}. " if fixed else ""
    where = _plural(files, "file") + (f"; {skipped} skipped" if skipped else "")
    if not findings:
        return f"{done}No problems found in {where}."
    counts = Counter(f.severity for f in findings)
    parts = ", ".join(_count(counts[s], s) for s in sorted(SEVERITIES, key=SEVERITIES.get,
                                                            reverse=True) if counts[s])
    line = f"{done}Found {_plural(len(findings), 'problem')} ({parts}) in {where}."
    fixable = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    if fixable:
        line += f"\n[*] {fixable} fixable with `quotelint --fix`."
    if unsafe:
        line += (f"\n[~] {unsafe} {'more ' if fixable else ''}fixable with `quotelint --fix "
                 f"--unsafe-fixes`: they may change what a sentence says.")
    return line


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    for f in findings:
        out.write(format_finding(f, color=ctx.color) + "\n")
    if ctx.summarise:
        out.write(summary(findings, ctx.files, ctx.fixed, ctx.skipped) + "\n")
