"""SARIF 2.1.0, as GitHub code scanning accepts it (``upload-sarif``).

GitHub requires, beyond the schema, a non-empty ``shortDescription``, ``fullDescription`` and
``help`` for each rule, a message and a location with a start line for each result, and uses
``partialFingerprints.primaryLocationLineHash`` to follow an alert across commits: here a hash
of the rule and the whitespace-normalised text of the line, with a count for repeats, so that
an alert survives lines being added above it. Columns count code points
(``columnKind: unicodeCodePoints``); end columns are exclusive, as in SARIF. Relative paths are
given against ``%SRCROOT%``, the folder quotelint ran in (the repository root in CI).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..findings import Finding
from . import ReportContext
from .relpath import relative

if TYPE_CHECKING:
    from ..checks.base import Check

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}


def _text(text: str) -> str:
    return " ".join(text.split())


def _location(path: str) -> dict[str, Any]:
    rel = relative(path)
    if os.path.isabs(rel):
        return {"uri": Path(rel).as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}


def rule_descriptor(check: Check) -> dict[str, Any]:
    m = check.meta
    short = _text(m.description) or f"{m.name} ({m.category})"
    full = _text(m.rationale) or short
    examples = m.examples or {}
    lines, md = [full], [f"**{m.id} {m.name}** ({m.category}): {short}", "", full]
    for key, title in (("fail", "Reported"), ("pass", "Not reported")):
        if examples.get(key):
            lines.append(f"{title}: " + " / ".join(_text(e) for e in examples[key]))
            md += ["", f"{title}:", "", *(f"- {_text(e)}" for e in examples[key])]
    return {
        "id": m.id,
        "name": m.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": "\n".join(lines), "markdown": "\n".join(md)},
        "defaultConfiguration": {"level": LEVELS[m.severity]},
        "properties": {"tags": ["journalism", m.category], "category": m.category,
                       "problem.severity": PROBLEM_SEVERITY[m.severity]},
    }


class _Lines:
    """The text of a file's lines, read once, for fingerprints (None if unreadable)."""

    def __init__(self) -> None:
        self._files: dict[str, list[str] | None] = {}

    def line(self, path: str, number: int) -> str | None:
        if path not in self._files:
            try:
                data = Path(path).read_bytes()
                self._files[path] = data.decode("utf-8-sig", "replace").splitlines()
            except OSError:
                self._files[path] = None
        lines = self._files[path]
        if lines is None or not 0 < number <= len(lines):
            return None
        return lines[number - 1]


def _fingerprints(findings: list[Finding]) -> list[str | None]:
    lines = _Lines()
    seen: dict[tuple[str, str], int] = {}
    out: list[str | None] = []
    for f in findings:
        text = None if f.path == "-" else lines.line(f.path, f.line)
        if text is None:
            out.append(None)
            continue
        digest = hashlib.sha256(f"{f.rule}\0{_text(text)}".encode()).hexdigest()[:16]
        seen[(f.path, digest)] = seen.get((f.path, digest), 0) + 1
        out.append(f"{digest}:{seen[(f.path, digest)]}")
    return out


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line,
            "endColumn": end_column}


def result(f: Finding, index: int, fingerprint: str | None) -> dict[str, Any]:
    location = _location(f.path)
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": location,
            "region": _region(f.line, f.column, f.end_line, f.end_column)}}],
    }
    if fingerprint:
        out["partialFingerprints"] = {"primaryLocationLineHash": fingerprint}
    if f.related:
        out["relatedLocations"] = [{
            "id": i,
            "message": {"text": r.message or "related location"},
            "physicalLocation": {"artifactLocation": _location(r.path),
                                 "region": {"startLine": r.line, "startColumn": r.column}},
        } for i, r in enumerate(f.related, 1)]
    if f.fix is not None:
        out["fixes"] = [{
            "description": {"text": f"Replace with “{f.fix.replacement}”"},
            "artifactChanges": [{"artifactLocation": location, "replacements": [{
                "deletedRegion": _region(f.line, f.column, f.end_line, f.end_column),
                "insertedContent": {"text": f.fix.replacement}}]}],
        }]
    return out


def sarif_log(findings: list[Finding], ctx: ReportContext) -> dict[str, Any]:
    rules = sorted(ctx.rules, key=lambda c: c.meta.id)
    index = {c.meta.id: i for i, c in enumerate(rules)}
    descriptors = [rule_descriptor(c) for c in rules]
    for f in findings:  # a finding of a rule not listed (should not happen): describe it
        if f.rule not in index:
            index[f.rule] = len(descriptors)
            descriptors.append({"id": f.rule, "name": f.name,
                                "shortDescription": {"text": f.name},
                                "fullDescription": {"text": f.name},
                                "help": {"text": f.name}})
    fingerprints = _fingerprints(findings)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "quotelint", "semanticVersion": __version__,
                            "version": __version__, "rules": descriptors}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{
            "executionSuccessful": not ctx.errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": e}} for e in ctx.errors],
        }],
        "results": [result(f, index[f.rule], fp) for f, fp in zip(findings, fingerprints,
                                                                   strict=True)],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write(findings: list[Finding], out: TextIO, ctx: ReportContext) -> None:
    json.dump(sarif_log(findings, ctx), out, ensure_ascii=False, indent=2)
    out.write("\n")
