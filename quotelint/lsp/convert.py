"""Findings as LSP objects: diagnostics, hovers and code actions (lsprotocol types).

Positions come from ``positions.LineIndex`` in the encoding agreed with the client (UTF-16
unless it asked otherwise). A related location (the other statement of a figure) in another
file is placed with that file's text: the open buffer if the editor has it, else the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from lsprotocol import types

from ..commands.explain import explain
from ..errors import InputError
from ..findings import Finding, Related
from ..text.document import Document, decode
from .edits import Edit
from .links import rule_url
from .positions import LineIndex
from .session import Linted

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_WORD = re.compile(r"[^\s,;:!?]*")  # a related location has no end: its word, say

# path -> its text, if the editor has the file open
TextOf = Callable[[str], "str | None"]


class Converter:
    """Findings of one lint of one buffer as LSP objects."""

    def __init__(self, linted: Linted, uri: str, *, encoding: str = "utf-16",
                 docs_base: str | None = None, text_of: TextOf | None = None) -> None:
        self.linted = linted
        self.uri = uri
        self.encoding = encoding
        self.docs_base = docs_base
        self.text_of = text_of or (lambda path: None)
        self.index = LineIndex(linted.text, encoding)
        self._doc = Document(linted.text, linted.path, markdown=linted.markdown)

    def range(self, start: int, end: int, index: LineIndex | None = None) -> types.Range:
        index = index or self.index
        return types.Range(start=types.Position(*index.position(start)),
                           end=types.Position(*index.position(end)))

    def offsets(self, range_: types.Range) -> tuple[int, int]:
        return (self.index.offset(range_.start.line, range_.start.character),
                self.index.offset(range_.end.line, range_.end.character))

    def diagnostic(self, f: Finding) -> types.Diagnostic:
        check = self.linted.rule(f.rule)
        return types.Diagnostic(
            range=self.range(f.start, f.end),
            severity=SEVERITY[f.severity],
            code=f.rule,
            code_description=(types.CodeDescription(href=rule_url(check, self.docs_base))
                              if check is not None else None),
            source="quotelint",
            message=f.message,
            related_information=[self._related(r) for r in f.related] or None,
        )

    def diagnostics(self) -> list[types.Diagnostic]:
        return [self.diagnostic(f) for f in self.linted.findings]

    def _related(self, r: Related) -> types.DiagnosticRelatedInformation:
        if r.path == self.linted.path:
            uri, doc, index = self.uri, self._doc, self.index
        else:
            uri = Path(r.path).resolve().as_uri()
            text = self.text_of(r.path)
            if text is None:
                try:
                    text = decode(Path(r.path).read_bytes(), r.path)
                except (OSError, InputError):
                    text = ""
            doc, index = Document(text, r.path), LineIndex(text, self.encoding)
        if r.line - 1 < len(doc.line_starts) and doc.text:
            start = min(doc.line_starts[r.line - 1] + r.column - 1, len(doc.text))
            end = _WORD.match(doc.text, start).end()
            where = self.range(start, end, index)
        else:  # the file is gone or changed: the position as reported
            at = types.Position(max(r.line - 1, 0), max(r.column - 1, 0))
            where = types.Range(start=at, end=at)
        return types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=where), message=r.message or "related")

    def text_edit(self, edit: Edit) -> types.TextEdit:
        return types.TextEdit(range=self.range(edit.start, edit.end), new_text=edit.new_text)

    def action(self, title: str, kind: str, edits: list[Edit],
               findings: Sequence[Finding] = (), *,
               preferred: bool = False) -> types.CodeAction:
        return types.CodeAction(
            title=title, kind=kind,
            diagnostics=[self.diagnostic(f) for f in findings] or None,
            is_preferred=preferred or None,
            edit=types.WorkspaceEdit(changes={self.uri: [self.text_edit(e) for e in edits]}))

    def hover(self, findings: list[Finding]) -> types.Hover | None:
        """Each finding's message and its rule's ``quotelint explain``."""
        parts, seen = [], set()
        for f in findings:
            parts.append(f"**{f.rule}** {f.name}: {f.message}")
            check = self.linted.rule(f.rule)
            if check is not None and f.rule not in seen:
                seen.add(f.rule)
                parts.append(f"```text\n{explain(check)}```")
        if not parts:
            return None
        start = min(f.start for f in findings)
        end = max(f.end for f in findings)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                         value="\n\n".join(parts)),
            range=self.range(start, end))
