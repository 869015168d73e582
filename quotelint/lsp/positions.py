"""Code-point offsets into a text as LSP positions, and back.

quotelint counts code points; LSP counts UTF-16 code units by default (an emoji or any other
character beyond the Basic Multilingual Plane is two), or UTF-8 bytes or code points when the
client and server agree on it. Lines end at ``\\r\\n``, ``\\n`` or ``\\r``, as LSP has them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

_BREAK = re.compile(r"\r\n|\n|\r")


def _units(encoding: str) -> Callable[[str], int]:
    if encoding == "utf-32":
        return len
    if encoding == "utf-8":
        return lambda s: len(s.encode("utf-8", "surrogatepass"))
    return lambda s: len(s.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """Where the lines of one text start, to convert offsets to (line, character) and back."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]
        self.units = _units(encoding)

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of a code-point offset, in the encoding's units."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line, self.units(self.text[self.starts[line]:offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; a character past the end of its line (or
        inside a surrogate pair) is taken as the nearest place before it, as LSP asks."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        count = 0
        for i in range(self.starts[line], self.line_end(line)):
            count += self.units(self.text[i])
            if count > character:
                return i
        return self.line_end(line)

    def line_end(self, line: int) -> int:
        """The offset of the end of a 0-based line, before its line break."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end
