"""Reading ``[tool.quotelint]`` from ``pyproject.toml``, with line numbers for error messages.

``tomllib`` (``tomli`` before Python 3.11) parses; it keeps no positions, so a small scan of
the text finds the line of each key in the ``tool.quotelint`` tables, which is all an error
message needs (``pyproject.toml:14: 'tolerance' must be a number``). A syntax error is placed
at its cause where that can be found (a string or bracket left open), not where the parser
gave up. TOML has no aliases, so the limits that matter are the file's size (the same as for
YAML) and how deep arrays nest.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from .errors import RuleError

SECTION = "tool.quotelint"
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")
_ERROR_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|(end of document))\)")


_SECTION_LINE = re.compile(r"""^\s*(?:\[\s*tool\s*\.\s*["']?quotelint["']?\s*[\].]|"""
                           r"""tool\s*\.\s*["']?quotelint["']?\s*[.=])""", re.M)


def has_section(text: str) -> bool:
    """Cheap test before parsing: is there a ``[tool.quotelint]`` table (or a dotted
    ``tool.quotelint.*`` key) at the start of a line?"""
    return _SECTION_LINE.search(text) is not None


def _bare(part: str) -> str:
    part = part.strip()
    return part[1:-1] if part[:1] in "\"'" and part[-1:] == part[:1] else part


def _split(dotted: str) -> list[str]:
    return [_bare(p) for p in re.findall(_PART, dotted)]


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of each key below ``tool.quotelint``, as a path: ("numbers", "tolerance")."""
    lines: dict[tuple[str, ...], int] = {}
    table: list[str] = []
    prefix = SECTION.split(".")
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            table = _split(header.group(1))
            if table[:2] == prefix and len(table) > 2:
                lines.setdefault(tuple(table[2:]), number)
            continue
        key = _KEY.match(line)
        if not key:
            continue
        path = table + _split(key.group(1))
        if path[:2] == prefix and len(path) > 2:
            lines.setdefault(tuple(path[2:]), number)
    return lines


def load(text: str, path: str) -> dict[str, Any] | None:
    """The ``[tool.quotelint]`` table of a pyproject.toml, or None if it has none."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    from .limits import MAX_BYTES

    if len(text) > MAX_BYTES:  # read_limited has refused larger files; this guards other callers
        raise RuleError(path, None, f"larger than the {MAX_BYTES // 2**20} MB limit; refused")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(path, str(exc), text) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise RuleError(path, None, "invalid TOML: nested too deeply; refused") from None
    tool = data.get("tool")
    if not isinstance(tool, dict) or "quotelint" not in tool:
        return None
    section = tool["quotelint"]
    if not isinstance(section, dict):
        raise RuleError(path, key_lines(text).get((), None), "[tool.quotelint] must be a table")
    return section


def _toml_error(path: str, error: str, text: str) -> RuleError:
    """A syntax error at the line of its cause where it can be found: the string or bracket
    left open, when the parser gives up lines later (as ``yamlload`` does for YAML)."""
    m = _ERROR_AT.search(error)
    message = _ERROR_AT.sub("", error).strip()
    if m is None:
        return RuleError(path, None, f"invalid TOML: {message}")
    line = int(m.group(1)) if m.group(1) else None
    stop = len(text) if line is None else _offset(text, line, int(m.group(2)))
    cause = _left_open(text, stop)
    if cause is not None and cause[0] != line:
        at = f"line {line}" if line else "end of document"
        return RuleError(path, cause[0], f"invalid TOML: the {cause[1]} opened on this line is "
                                         f"never closed ({message}, at {at})")
    return RuleError(path, line, f"invalid TOML: {message}")


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
    return start + column - 1


def _left_open(text: str, stop: int) -> tuple[int, str] | None:
    """What the parser was still inside at offset ``stop``, as (line opened, what): a quoted
    string that never ends (one on one line by the line's end, a multi-line one ever), else
    the innermost bracket open there that nothing after closes."""
    stack: list[tuple[str, int]] = []
    open_at_stop: tuple[str, int] | None = None
    i, line, start_of_line = 0, 1, 0
    while i < len(text):
        if i >= stop and open_at_stop is None:
            open_at_stop = stack[-1] if stack else ("", 0)
            depth = len(stack)
        c = text[i]
        if c == "\n":
            i, line, start_of_line = i + 1, line + 1, i + 1
        elif c == "#":
            i = _line_end(text, i)
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            end = _string_end(text, i + len(quote), quote)
            if end is None:
                return (line, "quotation mark") if i < stop else None
            line += text.count("\n", i, end)
            i = end
        elif c == "[" and not stack and not text[start_of_line:i].strip():
            i = _line_end(text, i)  # a table's header
        elif c in "[{":
            stack.append((c, line))
            i += 1
        else:
            if c in "]}" and stack and stack[-1][0] == "[{"["]}".index(c)]:
                stack.pop()
                if open_at_stop is not None and len(stack) < depth:
                    return None  # what was open where the parser stopped is closed later
            i += 1
    if open_at_stop is None:
        open_at_stop = stack[-1] if stack else ("", 0)
    return (open_at_stop[1], repr(open_at_stop[0])) if open_at_stop[0] else None


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _string_end(text: str, i: int, quote: str) -> int | None:
    """The offset just after the string whose body starts at ``i``; None if it never ends."""
    while i < len(text):
        if text[i] == "\\" and quote[0] == '"':
            i += 2
        elif text.startswith(quote, i):
            return i + len(quote)
        elif text[i] == "\n" and len(quote) == 1:
            return None
        else:
            i += 1
    return None
