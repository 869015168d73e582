"""Running rules over documents: one article (``lint_text``), or files and folders (``lint_paths``).

A rule that fails on one file is reported as an error for that file and the run goes on: one
bad rule or one odd article never costs the user the findings of everything else.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .checks.base import Check
from .document import Document, decode
from .errors import InputError
from .files import STDIN, discover
from .findings import Finding
from .ruleset import RuleSet
from .settings import Settings


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Per story-wide rule id: that rule's summary of this document (see Check.collect).
    summaries: dict[str, Any] = field(default_factory=dict)


@dataclass
class LintResult:
    findings: list[Finding]
    errors: list[str]  # unreadable input, missing paths, failing rules: exit status 2
    files: int


def _story_wide(check: Check) -> bool:
    return type(check).run_story is not Check.run_story


def lint_document(doc: Document, ruleset: RuleSet, *, story: bool = False) -> FileResult:
    result = FileResult(doc.path)
    for check in ruleset.checks:
        try:
            result.findings.extend(check.run(doc))
            if story and _story_wide(check):
                result.summaries[check.meta.id] = check.collect(doc)
        except Exception as exc:  # a bug in one rule must not lose the other findings
            result.errors.append(f"{doc.path}: internal error in rule {check.meta.id} "
                                 f"({check.meta.kind}): {type(exc).__name__}: {exc}")
    result.findings.sort(key=Finding.sort_key)
    return result


def read_document(path: str, settings: Settings, *, display: str | None = None) -> Document:
    """Read and decode ``path`` (``-`` is standard input) into a Document, or raise InputError."""
    name = display or path
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return Document(decode(data, name), name, options=settings.options)


def lint_file(path: str, settings: Settings | None = None, *, story: bool = False,
              display: str | None = None) -> FileResult:
    settings = settings or Settings()
    try:
        doc = read_document(path, settings, display=display)
    except InputError as exc:
        return FileResult(display or path, errors=[str(exc)])
    return lint_document(doc, settings.ruleset(), story=story)


def lint_paths(paths: Sequence[str], settings: Settings, *, story: bool = False,
               stdin_name: str | None = None) -> LintResult:
    """Lint files and folders; with ``story``, also compare the articles with each other."""
    ruleset = settings.ruleset()  # load once, before any file, so rule errors come first
    files, errors = discover(paths)
    results = [lint_file(p, settings, story=story,
                         display=stdin_name if p == STDIN else None) for p in files]
    findings = [f for r in results for f in r.findings]
    errors.extend(e for r in results for e in r.errors)
    if story:
        findings.extend(_story_findings(ruleset, results, errors))
    findings.sort(key=Finding.sort_key)
    return LintResult(findings, errors, len(files))


def _story_findings(ruleset: RuleSet, results: Iterable[FileResult],
                    errors: list[str]) -> list[Finding]:
    results = list(results)
    out: list[Finding] = []
    for check in ruleset.checks:
        if not _story_wide(check):
            continue
        summaries = [r.summaries[check.meta.id] for r in results if check.meta.id in r.summaries]
        try:
            out.extend(check.run_story(summaries))
        except Exception as exc:
            errors.append(f"story: internal error in rule {check.meta.id}: "
                          f"{type(exc).__name__}: {exc}")
    return out


def lint_text(text: str, path: str = "-", *, settings: Settings | None = None,
              markdown: bool | None = None) -> list[Finding]:
    """Lint one article given as a string; the library's entry point.

    >>> [f.rule for f in lint_text("It is believed the talks failed.")]
    ['QL401']
    """
    settings = settings or Settings()
    doc = Document(text, path, markdown=markdown, options=settings.options)
    result = lint_document(doc, settings.ruleset())
    if result.errors:
        raise RuntimeError("; ".join(result.errors))
    return result.findings
