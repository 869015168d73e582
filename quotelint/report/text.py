"""The default format: on a terminal, ``full`` (each finding with the sentence around it);
elsewhere (a pipe, a file, an editor, CI logs), ``concise``: ``path:line:col: severity ID
message``, one finding a line, as ruff and flake8 print them.
"""

from __future__ import annotations

from typing import TextIO

from ..findings import Finding
from . import ReportContext
from .concise import write as concise
from .full import write as full


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    (full if ctx.terminal else concise)(findings, out, ctx)
