"""GitHub Actions workflow annotations: ``::warning file=..,line=..::message``.

Escaping follows the Actions toolkit (``command.ts``): in the message, ``%``, CR and LF are
percent-encoded; in property values (``file``, ``title``) also ``:`` and ``,``, which would
otherwise end the value and silently cut the annotation short. GitHub shows only some
annotations per step, so errors come first; when there are more than it shows and the job has
a ``$GITHUB_STEP_SUMMARY``, every finding is also written there as a table.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TextIO

from ..findings import SEVERITIES, Finding
from . import ReportContext
from .relpath import relative

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_LEVEL = 10  # what third-party tooling documents; GitHub's docs give no number
SUMMARY_ROWS = 1000


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = ",".join([
        f"file={escape_property(relative(f.path))}", f"line={f.line}", f"endLine={f.end_line}",
        f"col={f.column}", f"endColumn={f.end_column}",
        f"title={escape_property(f'quotelint {f.rule} ({f.name})')}"])
    return f"::{LEVELS[f.severity]} {props}::{escape_data(f'{f.rule} {f.message}')}"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def step_summary(findings: list[Finding]) -> str:
    rows = ["## quotelint", "", f"{len(findings)} problem{'s' if len(findings) != 1 else ''}",
            "", "| File | Line | Severity | Rule | Message |", "|---|---:|---|---|---|"]
    rows += [f"| {_cell(relative(f.path))} | {f.line} | {f.severity} | {f.rule} | "
             f"{_cell(f.message)} |" for f in findings[:SUMMARY_ROWS]]
    if len(findings) > SUMMARY_ROWS:
        rows.append(f"\n… and {len(findings) - SUMMARY_ROWS} more.")
    return "\n".join(rows) + "\n"


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    ordered = sorted(findings, key=lambda f: (-SEVERITIES[f.severity], f.sort_key()))
    for f in ordered:
        out.write(annotation(f) + "\n")
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    counts = Counter(f.severity for f in findings)
    if summary_file and any(n > SHOWN_PER_LEVEL for n in counts.values()):
        with open(summary_file, "a", encoding="utf-8") as fh:
            fh.write(step_summary(findings))
