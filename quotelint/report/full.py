"""``--format full``: each finding as its one line, then the sentence around it with the span
underlined, as ruff's ``full`` output shows the code around a diagnostic.

    draft.md:3:26: warning QL401 “It is believed”: by whom? Name who believes or reported it.
      |
    3 | Officials met on Monday. It is believed the talks failed.
      |                          ^^^^^^^^^^^^^^ QL401
      |

News copy often comes one paragraph to a line, so a long line is cut to the sentence that holds
the span (and that to about ``WIDTH`` characters around it), with "…" where it was cut. The
copy is read again from the file; findings in standard input get their line only.
"""

from __future__ import annotations

import re
from typing import TextIO

from ..findings import Finding
from . import ReportContext
from .concise import SEVERITY_COLORS, format_finding, summary

WIDTH = 100  # characters of copy shown for one finding
_RESET = "\033[0m"
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\s+|$)")


def window(line: str, start: int, end: int, width: int = WIDTH) -> tuple[int, int]:
    """The part of ``line`` to show for the span ``[start, end)``: all of a short line, else
    the sentence around the span, cut to about ``width`` characters at word boundaries."""
    if len(line) <= width:
        return 0, len(line)
    lo = 0
    for m in _SENTENCE_END.finditer(line, 0, start):
        lo = m.end()
    m = _SENTENCE_END.search(line, max(end - 1, lo))
    hi = m.end() if m else len(line)
    hi = len(line[:hi].rstrip())
    if hi - lo > width:  # a long sentence: keep the span, and what fits around it
        room = max(0, width - (end - start))
        if start - lo > room // 2:
            lo = max(lo, start - room // 2)
            space = line.find(" ", lo, start)
            lo = space + 1 if space != -1 else lo
        if hi - lo > width:
            hi = max(end, lo + width)
            space = line.rfind(" ", end, hi)
            hi = space if space != -1 else hi
    return lo, hi


def frame(f: Finding, text: str, *, color: bool = False) -> list[str]:
    """The lines that show ``f`` in ``text``: the copy of its first line, the span underlined."""
    first = text.rfind("\n", 0, f.start) + 1
    last = text.find("\n", f.start)
    last = len(text) if last == -1 else last
    line = text[first:last].replace("\t", " ").rstrip("\r")
    start, end = f.start - first, min(f.end, first + len(line)) - first
    lo, hi = window(line, start, end)
    shown = ("…" if lo else "") + line[lo:hi] + ("…" if hi < len(line) else "")
    pad = start - lo + (1 if lo else 0)
    marks = "^" * max(1, min(end, hi) - start)
    if color:
        marks = f"{SEVERITY_COLORS[f.severity]}{marks}{_RESET}"
    gutter = " " * len(str(f.line))
    return [f"{gutter} |", f"{f.line} | {shown}".rstrip(),
            f"{gutter} | {' ' * pad}{marks} {f.rule}", f"{gutter} |"]


def _source(path: str, ctx: ReportContext, texts: dict[str, str | None]) -> str | None:
    if path in texts:
        return texts[path]
    text = None
    if path != "-" and path != ctx.stdin_name:
        from ..text.document import decode

        try:
            with open(path, "rb") as fh:
                text = decode(fh.read(), path)
        except Exception:  # changed, gone or unreadable since it was linted: no frame
            text = None
    texts[path] = text
    return text


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    texts: dict[str, str | None] = {}
    for f in findings:
        out.write(format_finding(f, color=ctx.color) + "\n")
        text = _source(f.path, ctx, texts)
        if text is not None and f.end <= len(text):
            out.write("\n".join(frame(f, text, color=ctx.color)) + "\n")
        out.write("\n")
    if ctx.summarise:
        out.write(summary(findings, ctx.files, ctx.fixed, ctx.skipped) + "\n")
