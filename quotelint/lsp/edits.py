"""What a code action changes in the text, as code-point offsets: a finding's safe fix, every
safe fix at once, or a suppression comment for one rule on one line.

The fixes are ``--fix``'s (``run.fix.apply_fixes``: overlapping fixes are left for a second
pass). A suppression comment is the one the command line reads (``run.suppress``), an HTML
comment, which Markdown and plain text share, placed as ``--add-suppressions`` places it
(``run.adopt``): at the end of the finding's line, or where that end is inside a quotation or
code (a comment there is not a directive), before the finding or its quotation. No line is
added, so no paragraph is split, and the comment is checked by parsing it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..findings import Finding
from ..run.adopt import suppression_edits
from ..run.fix import apply_fixes
from ..run.suppress import Suppressions
from ..text.document import Document

REASON_PLACEHOLDER = "TODO: say why this is right"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``text``."""

    start: int
    end: int
    new_text: str


def fix_edit(finding: Finding) -> Edit | None:
    fix = finding.fix
    return None if fix is None else Edit(fix.start, fix.end, fix.replacement)


def fix_all_edits(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """The edits of ``--fix`` on this text: one per applied fix, none overlapping."""
    _, applied, _ = apply_fixes(text, findings)
    edits: list[Edit] = []
    for f in applied:
        edit = fix_edit(f)
        if edit is not None and edit not in edits:  # two rules asking for the same edit
            edits.append(edit)
    return edits


def suppression_edit(text: str, finding: Finding, *, path: str = "-",
                     markdown: bool | None = None,
                     options: dict[str, dict[str, Any]] | None = None) -> Edit | None:
    """The comment ``--add-suppressions`` would add for ``finding``'s rule on its line, or None
    if no place works. ``options`` are the file's per-kind settings: the quotation style decides
    what is quoted. The comment is checked by parsing the text back."""
    fixes, _ = suppression_edits(text, [finding], path, reason=REASON_PLACEHOLDER,
                                 markdown=markdown, options=options)
    if not fixes:
        return None
    fix = fixes[0].fix
    new = Document(text[:fix.start] + fix.replacement + text[fix.end:], path,
                   markdown=markdown, options=options)
    at = fix.start + len(fix.replacement) - len(fix.replacement.lstrip())
    return Edit(fix.start, fix.end, fix.replacement) if _silences(new, at, finding) else None


def _silences(doc: Document, start: int, finding: Finding) -> bool:
    """Is the directive written at ``start`` read as one, and does it silence the finding?
    The finding's line is unchanged: the comment added no line break."""
    sup = Suppressions.of(doc)
    if sup is None:
        return False
    index = sup.silencer(finding)
    return index is not None and sup.directives[index].start == start
