"""What is not prose: front matter, code, Markdown syntax, URLs, HTML tags and comments.

Checks never see masked text (it is blanked to spaces in ``Document.prose``), yet every offset
still points into the original file because blanking keeps the length and the line breaks.
URLs, e-mail addresses and HTML comments are masked in plain text too: a URL is never prose, and
the suppression comments of the configuration guide are HTML comments in ``.txt`` files as well.
Markdown's block structure and markers come from ``quotelint.text.markdown``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..cache import compile_regex

if TYPE_CHECKING:
    from .blocks import Structure

_HTML_COMMENT = compile_regex(r"<!--.*?(?:-->|\Z)", regex.S)
# A URL ends at whitespace or a bracket/quote; trailing sentence punctuation is not part of it.
_URL = compile_regex(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”‘’\[\]{}]+(?<![.,;:!?)'’”])"""
)
_EMAIL = compile_regex(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

_FRONT_MATTER = compile_regex(
    r"\A(?:---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n.*?\r?\n\+\+\+)[ \t]*(?:\r?\n|\Z)",
    regex.S)
_HTML_TAG = compile_regex(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_AUTOLINK = compile_regex(r"<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>")
# The destination (and title) of an inline link or image: `[text](dest "title")`.
_LINK_DEST = compile_regex(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
# A link reference definition (`[id]: https://...`); a footnote (`[^1]: text`) is prose.
_LINK_REF_DEF = compile_regex(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+[^\n]*$", regex.M)


def front_matter(text: str) -> tuple[int, int] | None:
    """The span of YAML (``---``) or TOML (``+++``) front matter at the top of a Markdown file."""
    m = _FRONT_MATTER.match(text)
    return m.span() if m else None


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def mask_spans(text: str, *, markdown: bool,
               structure: Structure | None = None) -> list[tuple[int, int]]:
    """Sorted, merged spans that are not prose. For Markdown, ``structure`` is the text's
    block structure (``markdown.scan``), computed here when not given."""
    spans: list[tuple[int, int]] = []
    if markdown:
        from .markdown import scan  # plain text never needs it
        from .markdown_inline import inline_syntax

        fm = front_matter(text)
        if structure is None:
            structure = scan(text, fm)
        if fm:
            spans.append(fm)
        spans.extend(structure.code)
        spans.extend(structure.syntax)
        for pattern in (_AUTOLINK, _HTML_TAG, _LINK_DEST, _LINK_REF_DEF):
            spans.extend(m.span() for m in pattern.finditer(text))
    for pattern in (_HTML_COMMENT, _URL, _EMAIL):
        spans.extend(m.span() for m in pattern.finditer(text))
    if markdown:
        spans.extend(inline_syntax(text, structure.blocks, merge(spans)))
    return merge(spans)


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace every character of ``spans`` except line breaks by a space (length preserved).

    Spans may overlap (nested quotations); they are merged first, so each character is
    blanked once, and each run is blanked by the regex engine, not character by character."""
    if not spans:
        return text
    pieces = []
    prev = 0
    for start, end in merge(spans):
        pieces.append(text[prev:start])
        pieces.append(_NOT_A_LINE_BREAK.sub(_spaces, text[start:end]))
        prev = end
    pieces.append(text[prev:])
    return "".join(pieces)


_NOT_A_LINE_BREAK = compile_regex(r"[^\r\n]+")


def _spaces(m: regex.Match) -> str:
    return " " * (m.end() - m.start())
