"""What is not prose: front matter, code, URLs, HTML tags and comments.

Checks never see masked text (it is blanked to spaces in ``Document.prose``), yet every offset
still points into the original file because blanking keeps the length and the line breaks.
URLs, e-mail addresses and HTML comments are masked in plain text too: a URL is never prose, and
the suppression comments of the configuration guide are HTML comments in ``.txt`` files as well.
"""

from __future__ import annotations

import regex

_HTML_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.S)
# A URL ends at whitespace or a bracket/quote; trailing sentence punctuation is not part of it.
_URL = regex.compile(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”‘’\[\]{}]+(?<![.,;:!?)'’”])"""
)
_EMAIL = regex.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

_FRONT_MATTER = regex.compile(
    r"\A(?:---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n.*?\r?\n\+\+\+)[ \t]*(?:\r?\n|\Z)",
    regex.S)
_FENCE_OPEN = regex.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", regex.M)
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = regex.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>")
_BACKTICKS = regex.compile(r"`+")
# The destination (and title) of an inline link or image: `[text](dest "title")`.
_LINK_DEST = regex.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_LINK_REF_DEF = regex.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", regex.M)


def _fenced_code(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks; an unclosed fence runs to the end of the document (CommonMark)."""
    spans = []
    pos = 0
    while True:
        m = _FENCE_OPEN.search(text, pos)
        if not m:
            return spans
        fence = m.group(1)
        close = regex.compile(r"^ {0,3}" + regex.escape(fence[0]) + "{" + str(len(fence)) +
                              r",}[ \t]*$", regex.M)
        c = close.search(text, m.end())
        end = c.end() if c else len(text)
        spans.append((m.start(), end))
        pos = end


def _inline_code(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Backtick code spans: a run of N backticks up to the next run of exactly N."""
    spans = []
    runs = [m for m in _BACKTICKS.finditer(text) if not _inside(m.start(), blocked)]
    i = 0
    while i < len(runs):
        opener = runs[i]
        for j in range(i + 1, len(runs)):
            closer = runs[j]
            if "\n\n" in text[opener.end():closer.start()]:
                break  # code spans do not cross paragraphs
            if len(closer.group()) == len(opener.group()):
                spans.append((opener.start(), closer.end()))
                i = j
                break
        i += 1
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def mask_spans(text: str, *, markdown: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if markdown:
        fm = _FRONT_MATTER.match(text)
        if fm:
            spans.append(fm.span())
        spans.extend(_fenced_code(text))
        blocks = merge(spans)
        spans.extend(_inline_code(text, blocks))
        for pattern in (_AUTOLINK, _HTML_TAG, _LINK_DEST, _LINK_REF_DEF):
            spans.extend(m.span() for m in pattern.finditer(text))
    for pattern in (_HTML_COMMENT, _URL, _EMAIL):
        spans.extend(m.span() for m in pattern.finditer(text))
    return merge(spans)


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace every character of ``spans`` except line breaks by a space (length preserved)."""
    if not spans:
        return text
    pieces = []
    prev = 0
    for start, end in spans:
        pieces.append(text[prev:start])
        chunk = text[start:end]
        pieces.append("".join(c if c in "\r\n" else " " for c in chunk))
        prev = end
    pieces.append(text[prev:])
    return "".join(pieces)
