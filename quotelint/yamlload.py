"""Safe YAML loading that remembers line numbers, so every rule error can say `file:line`.

Only the safe loader is used (the C one when PyYAML has it): no tags beyond plain data. The
located loader returns ``LDict``/``LList``: ordinary dicts and lists that also know the line
they start on and the line of each key or item, and it refuses duplicate keys, which plain YAML
would silently resolve to the last one.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import RuleError

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


class _LocatedLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _LocatedLoader, node: yaml.MappingNode) -> LDict:
    loader.flatten_mapping(node)
    result = LDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise RuleError(loader.ql_path, line, "a mapping key must be a plain value") from None
        if key in result:
            raise RuleError(loader.ql_path, line,
                            f"duplicate key {key!r} (first at line {result.key_lines[key]})")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _LocatedLoader, node: yaml.SequenceNode) -> LList:
    result = LList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LocatedLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LocatedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def _yaml_error(path: str, exc: yaml.YAMLError) -> RuleError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    text = f"{context}: {problem}" if context else problem
    return RuleError(path, line, f"invalid YAML: {text}")


def load_located(text: str, path: str) -> Any:
    """Parse one YAML document into LDict/LList, or raise RuleError with the file and line."""
    loader = _LocatedLoader(text)
    loader.ql_path = path
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        raise _yaml_error(path, exc) from None
    finally:
        loader.dispose()


def load_plain(text: str) -> Any:
    """Parse trusted package data (no line tracking): the fastest safe path."""
    return yaml.load(text, Loader=_SafeLoader)
