"""A JSON array of findings: the output contract (``path``, ``line``, ``column``,
``end_line``, ``end_column``, ``rule``, ``name``, ``category``, ``severity``, ``message``), plus
0-based ``start``/``end`` offsets, ``related`` locations and the ``fix``, if any."""

from __future__ import annotations

import json
from typing import TextIO

from ..findings import Finding
from . import ReportContext


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    json.dump([f.to_dict() for f in findings], out, ensure_ascii=False, indent=2)
    out.write("\n")
