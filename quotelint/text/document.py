"""The Document: decoded text, its line index, and the analyses every check shares.

Offsets are code-point indices into the decoded text, exactly as the file holds it (no newline
normalisation, so a `--fix` can write back byte-for-byte what it did not change). Analyses are
computed lazily, once per document, and shared by every check that asks for them.
"""

from __future__ import annotations

import codecs
from bisect import bisect_right
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import InputError

if TYPE_CHECKING:
    from .blocks import Structure
    from .marks import QuoteAnalysis
    from .paragraphs import Paragraph
    from .sentences import Sentence

T = TypeVar("T")

MARKDOWN_SUFFIXES = (".md", ".markdown")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes: UTF-8 (a BOM is tolerated, as is a UTF-16 BOM) or a clear error.

    Binary files (a NUL byte in the first 8 KiB, git's own test) are refused rather than linted
    as garbage.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: cannot decode as {encoding}: {exc.reason} "
                                 f"at byte {exc.start + len(bom)}; file skipped") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (NUL byte); file skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start:exc.start + 1].hex()
        raise InputError(f"{path}:{line}: not valid UTF-8 (byte 0x{bad} at offset {exc.start}); "
                         f"file skipped. Re-save it as UTF-8.") from None


def is_markdown_path(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


class Document:
    """One article. ``text`` is the original; ``prose`` is the same length with markup blanked."""

    def __init__(self, text: str, path: str = "-", *, markdown: bool | None = None,
                 options: dict[str, Any] | None = None) -> None:
        self.text = text
        self.path = path
        self.markdown = is_markdown_path(path) if markdown is None else markdown
        # Per-kind settings from the configuration (e.g. options["quotes"]["min_words"]).
        self.options: dict[str, Any] = options or {}
        self._cache: dict[Callable[[Document], Any], Any] = {}

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.text)} chars)"

    # -- positions ---------------------------------------------------------------------------

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; the column counts code points."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    # -- markup ------------------------------------------------------------------------------

    @cached_property
    def structure(self) -> Structure | None:
        """Markdown only: blocks (headings, paragraphs, list items, table cells, with their
        block-quote depth), marker spans and code spans. None for plain text."""
        if not self.markdown:
            return None
        from .markdown import scan
        from .markup import front_matter

        return scan(self.text, front_matter(self.text))

    @cached_property
    def mask(self) -> list[tuple[int, int]]:
        """Sorted, merged spans that are not prose (code, URLs, HTML, front matter, Markdown
        markers)."""
        from .markup import mask_spans

        return mask_spans(self.text, markdown=self.markdown, structure=self.structure)

    @cached_property
    def prose(self) -> str:
        """``text`` with every masked character but newlines replaced by a space."""
        from .markup import blank_spans

        return blank_spans(self.text, self.mask)

    @cached_property
    def _mask_starts(self) -> list[int]:
        return [s for s, _ in self.mask]

    def is_masked(self, offset: int) -> bool:
        i = bisect_right(self._mask_starts, offset) - 1
        return i >= 0 and offset < self.mask[i][1]

    # -- shared analyses ---------------------------------------------------------------------

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        from .paragraphs import split_paragraphs

        return split_paragraphs(self.prose, self.structure)

    @cached_property
    def sentences(self) -> list[Sentence]:
        from .sentences import split_sentences

        return split_sentences(self.prose, self.paragraphs)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or, between sentences, preceding) ``offset``."""
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    @cached_property
    def quotes(self) -> QuoteAnalysis:
        from .quotes import analyze_quotes

        return analyze_quotes(self.text, self.prose, self.paragraphs, markdown=self.markdown,
                              is_masked=self.is_masked)

    @cached_property
    def flat(self) -> str:
        """``prose`` with line breaks and tabs as spaces: what patterns match against, so that a
        phrase broken across lines of a hard-wrapped paragraph still matches."""
        # Three C-speed replaces: str.translate with a table looks up every character.
        return self.prose.replace("\n", " ").replace("\r", " ").replace("\t", " ")

    @cached_property
    def flat_outside_quotes(self) -> str:
        """``flat`` with every quotation (marks included) blanked: the narrator's words only."""
        from .markup import blank_spans

        return blank_spans(self.flat, [(q.start, q.end) for q in self.quotes.top_level()])

    def cached(self, analysis: Callable[[Document], T]) -> T:
        """Run ``analysis(self)`` once and share its result; later issues' analyses use this."""
        try:
            return self._cache[analysis]
        except KeyError:
            result = self._cache[analysis] = analysis(self)
            return result
