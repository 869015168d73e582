"""What a code action changes in the text, as code-point offsets: a finding's safe fix, every
safe fix at once, or a suppression comment for one rule on one line.

The fixes are ``--fix``'s (``run.fix.apply_fixes``: overlapping fixes are left for a second
pass). A suppression comment is the one the command line reads (``run.suppress``), an HTML
comment, which Markdown and plain text share; it goes at the end of the finding's line
(``disable-line``), or, where that end is inside a quotation or code (a comment there is not
a directive), at the end of the line before (``disable-next-line``). Either way no line is
added, so no paragraph is split, and the comment is checked by parsing it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..findings import Finding
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


def _content_end(text: str, starts: list[int], line: int) -> int:
    """The offset after the last non-blank character of a 1-based line (before trailing
    spaces, which are a hard line break in Markdown)."""
    end = starts[line] - 1 if line < len(starts) else len(text)
    start = starts[line - 1]
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def suppression_edit(text: str, finding: Finding, *, path: str = "-",
                     markdown: bool | None = None,
                     options: dict[str, dict[str, Any]] | None = None) -> Edit | None:
    """A comment that silences ``finding``'s rule on its line, or None if no place works.
    ``options`` are the file's per-kind settings: the quotation style decides what is quoted."""
    doc = Document(text, path, markdown=markdown, options=options)
    starts = doc.line_starts
    places = [("disable-line", finding.line)]
    if finding.line > 1 and doc.line_text(finding.line - 1).strip():
        places.append(("disable-next-line", finding.line - 1))
    for action, line in places:
        at = _content_end(text, starts, line)
        comment = f"<!-- quotelint-{action} {finding.rule} -- {REASON_PLACEHOLDER} -->"
        if at > starts[line - 1]:
            comment = " " + comment
        new = Document(text[:at] + comment + text[at:], path, markdown=doc.markdown,
                       options=options)
        if _silences(new, at + len(comment) - len(comment.lstrip()), finding):
            return Edit(at, at, comment)
    return None


def _silences(doc: Document, start: int, finding: Finding) -> bool:
    """Is the directive written at ``start`` read as one, and does it silence the finding?
    The finding's line is unchanged: the comment added no line break."""
    sup = Suppressions.of(doc)
    if sup is None:
        return False
    index = sup.silencer(finding)
    return index is not None and sup.directives[index].start == start
