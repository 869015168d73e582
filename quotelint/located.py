"""YAML containers that remember where they were written, so that every rule and configuration
error can say ``file:line``. Apart from the YAML loader (yamlload.py), so that reading them from
the start-up cache (cache.py) imports no YAML parser."""

from __future__ import annotations

from typing import Any


class LDict(dict):
    """A mapping from YAML that knows its line and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    """A sequence from YAML that knows its line and the line of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line
