"""Safe YAML loading that remembers line numbers, so every rule error can say `file:line`.

Only the safe loader is used (the C one when PyYAML has it): no tags beyond plain data. The
located loader returns ``LDict``/``LList``: ordinary dicts and lists that also know the line
they start on and the line of each key or item, and it refuses duplicate keys, which plain YAML
would silently resolve to the last one.

Rule and configuration files come from users and from repositories a user merely cloned, so a
file is screened before anything is built from it (``_screen``, one streaming pass over the
parser's events, which needs no recursion): it is refused, as ``file:line: what is wrong``, if
it is larger than ``MAX_BYTES``, nests deeper than ``MAX_DEPTH``, expands through aliases to
more than ``MAX_VALUES`` values (the "billion laughs": nine aliases of nine aliases of ...), has
an alias inside the node it names, or carries a tag other than YAML's plain-data ones
(``!!python/object`` and the like).
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import RuleError
from .limits import MAX_BYTES, MAX_DEPTH, MAX_VALUES
from .located import LDict, LList

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LocatedLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _LocatedLoader, node: yaml.MappingNode) -> LDict:
    # flatten_mapping puts the pairs of merge keys (``<<: *base``) first: a key written here
    # overrides a merged one, as YAML means it to; only two written keys are duplicates.
    written = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE)
    loader.flatten_mapping(node)
    merged = len(node.value) - written
    result = LDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    own: set[Any] = set()
    for i, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise RuleError(loader.ql_path, line, "a mapping key must be a plain value") from None
        if key in own:
            raise RuleError(loader.ql_path, line,
                            f"duplicate key {key!r} (first at line {result.key_lines[key]})")
        if i >= merged:
            own.add(key)
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


def _yaml_error(path: str, exc: yaml.YAMLError, text: str = "") -> RuleError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    if "maximum nesting depth" in str(exc):
        # PyYAML 6.0.2+ refuses deep nesting itself; say it as the screen does with older ones.
        return RuleError(path, line, f"invalid YAML: nested more than {MAX_DEPTH} levels deep; "
                                     f"refused")
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    what = f"{context}: {problem}" if context else problem
    cause = _cause(exc, text)
    if cause is not None and line is not None and cause[0] != line:
        opened, mark_name = cause
        return RuleError(path, opened, f"invalid YAML: the {mark_name} opened on this line is "
                                       f"never closed ({what}, at line {line})")
    return RuleError(path, line, f"invalid YAML: {what}")


_OPENERS = {"while scanning a quoted scalar": "quotation mark",
            "while parsing a flow sequence": "'['", "while parsing a flow mapping": "'{'"}


def _cause(exc: yaml.YAMLError, text: str) -> tuple[int, str] | None:
    """Where a syntax error began, when the parser gives up later than that: the line of a
    quotation mark or bracket left open, as (line, what was opened)."""
    context, mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context in _OPENERS and mark is not None:
        return mark.line + 1, _OPENERS[context]
    problem = getattr(exc, "problem_mark", None)
    if problem is None or not text:
        return None
    # A quoted string left open runs on to the next quotation mark, lines later, and the
    # parser fails just after it: the opening line is the one to fix.
    found = None
    try:
        for token in yaml.scan(text, Loader=_SafeLoader):
            if token.start_mark.line > problem.line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line < token.end_mark.line == problem.line):
                found = (token.start_mark.line + 1, "quotation mark")
    except yaml.YAMLError:
        pass
    return found


_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "set", "omap",
    "pairs", "merge", "value"))


def _shown_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


def _screen(text: str, path: str) -> None:
    """Refuse what must not be built: see the module's docstring. Raises RuleError."""
    if len(text) > MAX_BYTES:
        raise RuleError(path, None, f"larger than the {MAX_BYTES // 2**20} MB limit; refused")
    total = 0  # values so far, aliases expanded
    sizes: dict[str, int] = {}  # anchor -> how many values its node expands to
    open_: list[tuple[str | None, int]] = []  # collections being read: (anchor, total at start)
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in sizes and any(a == event.anchor for a, _ in open_):
                raise RuleError(path, event.start_mark.line + 1,
                                f"invalid YAML: alias *{event.anchor} is inside the node it "
                                f"names (a recursive structure); refused")
            total += sizes.get(event.anchor, 1)
        elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            tag = event.tag
            if tag is not None and tag != "!" and tag not in _PLAIN_TAGS:
                raise RuleError(path, event.start_mark.line + 1,
                                f"tag {_shown_tag(tag)!r} is not allowed: rule and configuration "
                                f"files hold plain data (strings, numbers, lists, mappings)")
            total += 1
            if isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            else:
                open_.append((event.anchor, total - 1))
                if len(open_) > MAX_DEPTH:
                    raise RuleError(path, event.start_mark.line + 1,
                                    f"invalid YAML: nested more than {MAX_DEPTH} levels deep; "
                                    f"refused")
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, start = open_.pop()
            if anchor is not None:
                sizes[anchor] = total - start
        else:
            continue
        if total > MAX_VALUES:
            raise RuleError(path, event.start_mark.line + 1,
                            f"invalid YAML: aliases expand to more than {MAX_VALUES:,} values "
                            f"(a \"billion laughs\" file?); refused")


def load_located(text: str, path: str) -> Any:
    """Parse one YAML document into LDict/LList, or raise RuleError with the file and line."""
    loader = None
    try:
        _screen(text, path)
        loader = _LocatedLoader(text)
        loader.ql_path = path
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        raise _yaml_error(path, exc, text) from None
    finally:
        if loader is not None:
            loader.dispose()


def load_plain(text: str) -> Any:
    """Parse trusted package data (no line tracking): the fastest safe path."""
    return yaml.load(text, Loader=_SafeLoader)
