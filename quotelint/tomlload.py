"""Reading ``[tool.quotelint]`` from ``pyproject.toml``, with line numbers for error messages.

``tomllib`` (``tomli`` before Python 3.11) parses; it keeps no positions, so a small scan of
the text finds the line of each key in the ``tool.quotelint`` tables, which is all an error
message needs (``pyproject.toml:14: 'tolerance' must be a number``). TOML has no aliases, so
the limits that matter are the file's size (the same as for YAML) and how deep arrays nest.
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
_ERROR_LINE = re.compile(r"\(at line (\d+), column \d+\)")


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
        m = _ERROR_LINE.search(str(exc))
        message = _ERROR_LINE.sub("", str(exc)).strip()
        raise RuleError(path, int(m.group(1)) if m else None, f"invalid TOML: {message}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise RuleError(path, None, "invalid TOML: nested too deeply; refused") from None
    tool = data.get("tool")
    if not isinstance(tool, dict) or "quotelint" not in tool:
        return None
    section = tool["quotelint"]
    if not isinstance(section, dict):
        raise RuleError(path, key_lines(text).get((), None), "[tool.quotelint] must be a table")
    return section
