"""JSON Lines: one finding per line, the objects of ``--format json``; easy to stream, grep and
append to a log."""

from __future__ import annotations

import json
from typing import TextIO

from ..findings import Finding
from . import ReportContext


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    for f in findings:
        out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
