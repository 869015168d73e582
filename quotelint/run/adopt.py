"""``--add-suppressions``: silence every current finding with a suppression comment, so that
a newsroom can turn quotelint on over an archive and fix the backlog over time (ruff's
``--add-noqa``).

Each line that has findings gets one comment at its end, naming the rules found there, with a
placeholder reason to be replaced by a real one::

    A senior official said the talks had failed. <!-- quotelint-disable-line QL301 -- TODO: ... -->

At the end of the line, because a new line before it could split a paragraph (a Markdown HTML
block interrupts one) or join two (plain text); ``disable-line`` silences the findings that
start on its line. Where the line ends inside a quotation (a comment there is not a
directive), the comment goes just before the line's first finding instead, or before the
quotation that finding is in; a line with no such place is named, not suppressed. Audit findings
(QL9xx: unused or unexplained suppressions) are about comments, and are never suppressed by
another one. The file is written as ``--fix`` writes: the text exactly as decoded with only
the comments inserted, encoded back the way it came, atomically, and not at all if it changed
since it was linted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..findings import Finding, Fix
from ..text.document import Document
from .fix import FileFix, FixOutcome, apply_fixes, fix_file, rewrite

PLACEHOLDER = "TODO: give the reason (added by --add-suppressions)"


def _excluded(doc: Document) -> list[tuple[int, int]]:
    """Spans where a comment would not be a directive: code and closed quotations."""
    from .suppress import _not_directives

    return _not_directives(doc)


def _enclosing(offset: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((start, end) for start, end in spans if start < offset < end), None)


def _comment(rules: Iterable[str], reason: str) -> str:
    return f"<!-- quotelint-disable-line {' '.join(rules)} -- {reason} -->"


def suppression_edits(text: str, findings: list[Finding], path: str, *,
                      reason: str = PLACEHOLDER, markdown: bool | None = None,
                      options: dict | None = None) -> tuple[list[Finding], list[str]]:
    """One finding per line carrying, as its fix, the comment that silences the line's
    findings (the first of the line's findings stands for them); and an error for each line
    where no place outside a quotation or code is found. ``markdown`` and ``options`` as for
    a Document (an editor's unsaved buffer, the file's quotation style)."""
    doc = Document(text, path, markdown=markdown, options=options)
    spans = _excluded(doc)
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        by_line[f.line].append(f)
    out, errors = [], []
    for found in (by_line[n] for n in sorted(by_line)):
        first = min(f.start for f in found)
        line_start = text.rfind("\n", 0, first) + 1
        # after the line's last word: trailing blanks (a Markdown hard break) stay at the end
        end = _line_end(text, first)
        while end > first and text[end - 1] in " \t":
            end -= 1
        # else before the first finding, else before the quotation it is in
        span = _enclosing(first, spans)
        candidates = [(end, " ", ""), (first, "", " ")]
        if span is not None and span[0] >= line_start:
            candidates.append((span[0], "", " "))
        place = next((c for c in candidates if _enclosing(c[0], spans) is None), None)
        if place is None:
            errors.append(f"{path}:{found[0].line}: no place on this line for a suppression "
                          f"comment outside the quotation; not suppressed (put "
                          f"quotelint-disable ... quotelint-enable around the paragraph)")
            continue
        at, before, after = place
        rules = list(dict.fromkeys(f.rule for f in sorted(found, key=Finding.sort_key)))
        out.append(replace(found[0], fix=Fix(at, at, before + _comment(rules, reason) + after)))
    return out, errors


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    return end - 1 if end > 0 and text[end - 1] == "\r" else end


def add_suppressions(findings: Iterable[Finding], digests: dict[str, str] | None, *,
                     audit_rules: frozenset[str], write: bool) -> FixOutcome:
    """Add the comments to every file with findings; with ``write``, write the results."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.rule not in audit_rules:
            by_path[f.path].append(f)
    return rewrite(by_path, digests, write=write, change=_suppress)


def _suppress(path: str, found: list[Finding], digest: str | None,
              outcome: FixOutcome) -> FileFix:
    result = fix_file(path, [], digest)  # read, nothing applied
    edits, problems = suppression_edits(result.before, found, path)
    outcome.errors += problems
    result.after, applied, result.skipped = apply_fixes(result.before, edits)
    lines = {e.line for e in applied}
    result.applied = [f for f in found if f.line in lines]
    return result
