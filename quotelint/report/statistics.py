"""``--statistics``: how many findings each rule has, most first (ruff's ``--statistics``)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from ..findings import Finding
from . import ReportContext


def rows(findings: list[Finding]) -> list[dict]:
    counts = Counter(f.rule for f in findings)
    first = {}
    fixable: Counter[str] = Counter()
    for f in findings:
        first.setdefault(f.rule, f)
        fixable[f.rule] += f.fix is not None and f.fix.safe
    order = sorted(counts, key=lambda r: (-counts[r], r))
    return [{"rule": r, "name": first[r].name, "category": first[r].category,
             "severity": first[r].severity, "count": counts[r], "fixable": fixable[r]}
            for r in order]


def write(findings: list[Finding], out: TextIO, ctx: ReportContext, fmt: str = "text") -> None:
    table = rows(findings)
    if fmt == "json":
        json.dump(table, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    width = max((len(str(r["count"])) for r in table), default=1)
    id_width = max((len(r["rule"]) for r in table), default=5)
    name_width = max((len(r["name"]) for r in table), default=4)
    for r in table:
        fix = f"  [*] {r['fixable']} fixable" if r["fixable"] else ""
        out.write(f"{r['count']:>{width}}  {r['rule']:<{id_width}}  "
                  f"{r['name']:<{name_width}}  {r['severity']}{fix}".rstrip() + "\n")
    if ctx.summarise:
        n = len(findings)
        skipped = f"; {ctx.skipped} skipped" if ctx.skipped else ""
        out.write(f"Found {n} problem{'s' if n != 1 else ''} in {ctx.files} "
                  f"file{'s' if ctx.files != 1 else ''}{skipped}.\n")
