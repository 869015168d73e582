"""Markdown structure, read line by line: which lines are headings, list items, block quotes,
table rows or code, and which characters are syntax rather than prose.

This is not a full CommonMark parser, and does not need to be. What the checks need is that
the markers (``#``, ``>``, ``-``, ``1.``, table pipes, fences, emphasis, link brackets) never
reach them as words, that paragraphs break where a reader sees them break, and that every
offset stays an offset into the original file: syntax is reported as spans to blank, never
removed. The rules followed are CommonMark's (block quotes with lazy continuation lines, list
items by indentation, ATX and setext headings, fenced and indented code, HTML comment blocks)
plus GitHub's tables, which is what newsroom Markdown editors produce. Inline syntax (code
spans, emphasis, links) is ``quotelint.text.markdown_inline``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..cache import compile_re
from .blocks import Block, Span, Structure, line_spans

_QUOTE_MARK = compile_re(r"[ ]{0,3}>")
_LIST_MARK = compile_re(r"([-*+]|(\d{1,9})[.)])(?:([ \t]+)|$)")
_TASK_BOX = compile_re(r"\[[ xX]\](?=[ \t])")
_ATX = compile_re(r"#{1,6}(?=[ \t]|$)")
_ATX_CLOSE = compile_re(r"(?:(?<=[ \t])|^)#+[ \t]*$")
_SETEXT = compile_re(r"(?:=+|-+)[ \t]*$")
_THEMATIC = compile_re(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = compile_re(r"(`{3,}|~{3,})([^\n]*)$")
_TABLE_DELIM = compile_re(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_PIPE = compile_re(r"(?<!\\)\|")



@dataclass
class _Para:
    start: int
    end: int
    kind: str
    depth: int
    lines: int = 1
    first_line: Span = (0, 0)


def _indent(text: str, pos: int, end: int) -> tuple[int, int]:
    """(columns, offset of the first non-blank character); a tab reaches the next tab stop."""
    cols = 0
    while pos < end and text[pos] in " \t":
        cols = cols + 4 - cols % 4 if text[pos] == "\t" else cols + 1
        pos += 1
    return cols, pos


class _Scanner:
    def __init__(self, text: str, skip: Span | None) -> None:
        self.text = text
        self.skip = skip  # front matter
        self.out = Structure()
        self.para: _Para | None = None
        self.blank = True  # was the previous line blank (or the start of a container)?
        self.depth = 0
        self.lists: list[int] = []  # content columns of the open list items
        self.fence: tuple[str, int, int, int] | None = None  # char, length, depth, start
        self.comment = False  # inside a multi-line HTML comment block
        self.table: int | None = None  # quote depth of the open table
        self.code_start: int | None = None  # open indented code block

    # -- emission ----------------------------------------------------------------------------

    def close(self) -> None:
        if self.para is not None:
            p = self.para
            self.out.blocks.append(Block(p.start, p.end, p.kind, p.depth))
            self.para = None

    def close_code(self, end: int) -> None:
        if self.code_start is not None:
            self.out.code.append((self.code_start, end))
            self.code_start = None

    # -- lines -------------------------------------------------------------------------------

    def scan(self) -> Structure:
        text = self.text
        last_end = 0
        for start, end in line_spans(text):
            if self.skip and start < self.skip[1]:
                continue
            self.line(start, end)
            last_end = end
        self.close()
        self.close_code(last_end)
        if self.fence is not None:
            self.out.code.append((self.fence[3], len(text)))  # an unclosed fence runs to the end
        self.out.blocks.sort(key=lambda b: b.start)
        from .markdown_inline import inline_code

        skip = [self.skip] if self.skip else []
        self.out.code.extend(inline_code(text, sorted(skip + self.out.code)))
        self.out.code.sort()
        return self.out

    def line(self, start: int, end: int) -> None:
        text = self.text
        pos, depth = start, 0
        while True:
            m = _QUOTE_MARK.match(text, pos, end)
            if not m:
                break
            self.out.syntax.append((m.end() - 1, m.end()))
            pos, depth = m.end(), depth + 1
            if pos < end and text[pos] in " \t":
                pos += 1
        if self.fence is not None and self.in_fence(pos, end, depth):
            return
        if self.comment:
            close = text.find("-->", pos, end)
            if close != -1:
                self.comment = False
            self.blank = True
            return
        if not text[pos:end].strip():
            self.close()
            self.table = None
            self.blank = True
            if depth != self.depth:
                self.depth, self.lists = depth, []
            return
        cols, cpos = _indent(text, pos, end)
        if depth > self.depth or (depth < self.depth and not self.lazy(cpos, end, cols)):
            self.close()
            self.close_code(start)
            self.table = None
            self.depth, self.lists, self.blank = depth, [], True
        self.content(start, cpos, end, cols, depth)

    def lazy(self, cpos: int, end: int, cols: int) -> bool:
        """A paragraph continuation line that lost its container's markers (CommonMark)."""
        return self.para is not None and not self.blank and \
            self.block_start(cpos, end, cols, interrupting=True) is None

    def in_fence(self, pos: int, end: int, depth: int) -> bool:
        char, length, fence_depth, fence_start = self.fence
        if depth < fence_depth:  # the block quote holding the fence ended
            self.out.code.append((fence_start, pos))
            self.fence = None
            return False
        _, cpos = _indent(self.text, pos, end)
        rest = self.text[cpos:end]
        if rest.startswith(char * length) and not rest.strip().strip(char):
            self.out.code.append((fence_start, end))
            self.fence = None
        return True

    def block_start(self, cpos: int, end: int, cols: int, *, interrupting: bool) -> str | None:
        """What block this line opens, if any (``interrupting``: a paragraph is open)."""
        text = self.text
        inner = max((c for c in self.lists if c <= cols), default=0)
        if cols - inner >= 4:
            return None
        ch = text[cpos]
        if ch in "`~" and _FENCE.match(text, cpos, end):
            m = _FENCE.match(text, cpos, end)
            if ch == "~" or "`" not in m.group(2):
                return "fence"
        if ch == "#" and _ATX.match(text, cpos, end):
            return "heading"
        if ch in "*-_" and _THEMATIC.match(text, cpos, end):
            return "thematic"
        if ch == "<" and text.startswith("<!--", cpos):
            return "comment"
        m = _LIST_MARK.match(text, cpos, end)
        # A list may interrupt a paragraph only with a non-empty item, and an ordered one only
        # when it starts at 1 ("in\n2019. Then" is a paragraph); items of an open list may.
        if m and not (interrupting and not self.lists and (
                m.group(3) is None or (m.group(2) is not None and m.group(2) != "1"))):
            return "list"
        return None

    def content(self, start: int, cpos: int, end: int, cols: int, depth: int) -> None:
        text = self.text
        para = self.para
        open_para = para is not None and not self.blank
        kind = self.block_start(cpos, end, cols, interrupting=open_para)
        inner = max((c for c in self.lists if c <= cols), default=0)
        if open_para and kind in (None, "thematic") and cols - inner < 4 \
                and _SETEXT.match(text, cpos, end) \
                and not (para.kind == "list-item" and self.lists and cols < self.lists[-1]):
            para.kind = "heading"
            self.out.syntax.append((cpos, end))
            self.close()
            self.blank = True
            return
        if open_para and kind is None and para.lines == 1 and self.table_start(cpos, end):
            return
        if self.table is not None and kind is None and depth == self.table:
            self.row(cpos, end)
            return
        if open_para and kind is None:
            para.end = end
            para.lines += 1
            return
        # A new block: leave the paragraph and any list item this line is not indented into.
        self.close()
        self.table = None
        self.lists = [c for c in self.lists if c <= cols]
        was_blank, self.blank = self.blank, False
        if kind is None and self.code_start is None and cols - inner >= 4 and was_blank:
            self.code_start = start
        if self.code_start is not None:
            if cols - inner >= 4:
                return
            self.close_code(start)
        getattr(self, f"open_{kind}" if kind else "open_paragraph")(cpos, end, cols, depth)

    # -- block openers -----------------------------------------------------------------------

    def open_paragraph(self, cpos: int, end: int, cols: int, depth: int) -> None:
        kind = "list-item" if self.lists else "paragraph"
        self.para = _Para(cpos, end, kind, depth, first_line=(cpos, end))

    def open_fence(self, cpos: int, end: int, cols: int, depth: int) -> None:
        m = _FENCE.match(self.text, cpos, end)
        self.fence = (m.group(1)[0], len(m.group(1)), depth, cpos)
        self.blank = True

    def open_heading(self, cpos: int, end: int, cols: int, depth: int) -> None:
        m = _ATX.match(self.text, cpos, end)
        self.out.syntax.append((cpos, m.end()))
        close = _ATX_CLOSE.search(self.text, m.end(), end)
        stop = end
        if close:
            self.out.syntax.append(close.span())
            stop = close.start()
        self.out.blocks.append(Block(m.end(), stop, "heading", depth))
        self.blank = True

    def open_thematic(self, cpos: int, end: int, cols: int, depth: int) -> None:
        self.out.syntax.append((cpos, end))
        self.blank = True

    def open_comment(self, cpos: int, end: int, cols: int, depth: int) -> None:
        close = self.text.find("-->", cpos + 4, end)
        self.blank = True
        if close == -1:
            self.comment = True
            return
        after = close + 3
        if self.text[after:end].strip():  # text after the comment on the same line
            _, apos = _indent(self.text, after, end)
            self.open_paragraph(apos, end, cols, depth)
            self.blank = False

    def open_list(self, cpos: int, end: int, cols: int, depth: int) -> None:
        m = _LIST_MARK.match(self.text, cpos, end)
        self.out.syntax.append((cpos, m.end(1)))
        gap = m.group(3) or ""
        width = len(gap.expandtabs(4))
        content = m.end(1) + (1 if width > 4 else len(gap))
        self.lists.append(cols + len(m.group(1)) + (1 if width > 4 or width == 0 else width))
        box = _TASK_BOX.match(self.text, content, end)
        if box:
            self.out.syntax.append(box.span())
            content = box.end()
        _, content = _indent(self.text, content, end)
        if content < end:
            rest_cols = self.lists[-1]
            nested = self.block_start(content, end, rest_cols, interrupting=False)
            if nested in ("heading", "list"):  # "- # Title", "- 1. First": nested blocks
                getattr(self, f"open_{nested}")(content, end, rest_cols, depth)
                return
            self.para = _Para(content, end, "list-item", depth, first_line=(content, end))
        else:
            self.blank = True

    # -- tables (GitHub) ---------------------------------------------------------------------

    def cells(self, start: int, end: int) -> list[Span]:
        """The cells of a table row; the pipes become syntax."""
        pipes = [m.start() for m in _PIPE.finditer(self.text, start, end)]
        self.out.syntax.extend((p, p + 1) for p in pipes)
        edges = [start - 1, *pipes, end]
        cells = [(a + 1, b) for a, b in pairwise(edges)]
        if pipes and not self.text[start:pipes[0]].strip():
            cells = cells[1:]
        if pipes and not self.text[pipes[-1] + 1:end].strip():
            cells = cells[:-1]
        return cells

    def table_start(self, cpos: int, end: int) -> bool:
        para = self.para
        head_start, head_end = para.first_line
        if not _TABLE_DELIM.match(self.text, cpos, end):
            return False
        header, delim = self.text[head_start:head_end], self.text[cpos:end]
        if "|" not in header and "|" not in delim:
            return False
        n_delim = len([c for c in delim.strip().strip("|").split("|")])
        n_head = len([c for c in _PIPE.split(header.strip().strip("|"))])
        if n_delim != n_head:
            return False
        self.para = None
        self.out.syntax.append((cpos, end))
        for s, e in self.cells(head_start, head_end):
            self.out.blocks.append(Block(s, e, "table-cell", para.depth))
        self.table = para.depth
        return True

    def row(self, cpos: int, end: int) -> None:
        for s, e in self.cells(cpos, end):
            self.out.blocks.append(Block(s, e, "table-cell", self.depth))


def scan(text: str, front_matter: Span | None = None) -> Structure:
    """The block structure and block-level syntax of a Markdown text."""
    return _Scanner(text, front_matter).scan()
