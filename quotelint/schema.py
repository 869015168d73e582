"""Validation of YAML mappings against declared fields, with `file:line` errors.

Every rule kind declares its parameters as ``Field``s; the loader checks the common keys and
the kind's own keys with the same code, so an unknown key, a wrong type or a bad choice is
always reported the same way: ``rules/x.yaml:12: rule QL401: 'scope' must be one of ...``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import RuleError, RuleErrors
from .located import LDict, LList

# YAML 1.1 reads these unquoted words as booleans; a word list that contains them is wrong.
_YAML_BOOL_HINT = " (YAML reads unquoted yes/no/on/off/true/false as booleans: quote it)"


@dataclass(frozen=True)
class Where:
    """Where a mapping came from, for error messages; a collecting one (``collecting``) also
    keeps the problems found, so that a rule kind's ``setup`` records each and goes on."""

    path: str
    context: str = ""  # e.g. "rule QL401"
    problems: list[RuleError] | None = field(default=None, compare=False, repr=False)

    def error(self, line: int | None, message: str) -> RuleError:
        prefix = f"{self.context}: " if self.context else ""
        return RuleError(self.path, line, prefix + message)

    def collecting(self, problems: list[RuleError]) -> Where:
        """This place, keeping the problems found in ``problems``."""
        return replace(self, problems=problems)

    def report(self, line: int | None, message: str) -> None:
        """Record a problem and go on (a collecting Where), else raise it."""
        if self.problems is None:
            raise self.error(line, message)
        self.problems.append(self.error(line, message))

    def attempt(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``work(...)``; when collecting, None with its problems recorded if it raised them."""
        if self.problems is None:
            return work(*args, **kwargs)
        return collect(self.problems, work, *args, **kwargs)


def _line(container: Any, key: Any) -> int | None:
    if isinstance(container, LDict):
        return container.line_of(key)
    if isinstance(container, LList):
        return container.line_of(key)
    return getattr(container, "line", None)


def type_name(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            type(None): "empty", dict: "a mapping", LDict: "a mapping", list: "a list",
            LList: "a list"}.get(type(value), type(value).__name__)


# -- converters: each takes (value, where, line, key) and returns the checked value ------------

Converter = Callable[[Any, Where, "int | None", str], Any]


def string(value: Any, where: Where, line: int | None, key: str) -> str:
    if not isinstance(value, str):
        hint = _YAML_BOOL_HINT if isinstance(value, bool) else ""
        raise where.error(line, f"'{key}' must be a string, not {type_name(value)}{hint}")
    return value


def nonempty_string(value: Any, where: Where, line: int | None, key: str) -> str:
    value = string(value, where, line, key)
    if not value.strip():
        raise where.error(line, f"'{key}' must not be empty")
    return value


def boolean(value: Any, where: Where, line: int | None, key: str) -> bool:
    if not isinstance(value, bool):
        raise where.error(line, f"'{key}' must be true or false, not {type_name(value)}")
    return value


def integer(value: Any, where: Where, line: int | None, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(line, f"'{key}' must be a whole number, not {type_name(value)}")
    if value < 0:
        raise where.error(line, f"'{key}' must not be negative")
    return value


def number(value: Any, where: Where, line: int | None, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise where.error(line, f"'{key}' must be a number, not {type_name(value)}")
    return float(value)


def string_list(value: Any, where: Where, line: int | None, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise where.error(line, f"'{key}' must be a list of strings, not {type_name(value)}")
    out, errors = [], []
    for i, item in enumerate(value):
        item_line = _line(value, i) or line
        if not isinstance(item, str):
            hint = _YAML_BOOL_HINT if isinstance(item, bool) else ""
            errors.append(where.error(item_line, f"'{key}' item {i + 1} must be a string, "
                                                 f"not {type_name(item)}{hint}"))
        out.append(item)
    raise_all(errors)  # every wrong item, not the first only
    return out


def string_map(value: Any, where: Where, line: int | None, key: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise where.error(line, f"'{key}' must be a mapping of strings, not {type_name(value)}")
    out, errors = {}, []
    for k, v in value.items():
        k_line = _line(value, k) or line
        if not isinstance(k, str) or not isinstance(v, str):
            bad = k if not isinstance(k, str) else v
            hint = _YAML_BOOL_HINT if isinstance(bad, bool) else ""
            errors.append(where.error(k_line, f"'{key}' entries must map a string to a string "
                                              f"(got {type_name(bad)}{hint})"))
        out[k] = v
    raise_all(errors)
    return out


def did_you_mean(value: Any, options: Iterable[Any], *, cutoff: float = 0.6) -> str:
    """``; did you mean 'x'?`` for the option closest to ``value``, if one is close; else "".
    It goes at the end of a message."""
    import difflib

    close = difflib.get_close_matches(str(value), [str(o) for o in options], n=1,
                                      cutoff=cutoff)
    return f"; did you mean {close[0]!r}?" if close else ""


def raise_all(errors: list[RuleError]) -> None:
    """Raise the errors found (one as itself, several together), if any."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise RuleErrors(errors)


def collect(errors: list[RuleError], convert: Callable[..., Any], *args: Any,
            **kwargs: Any) -> Any:
    """``convert(*args, **kwargs)``, or None with its error or errors added to ``errors``."""
    try:
        return convert(*args, **kwargs)
    except RuleErrors as exc:
        errors.extend(exc.errors)
    except RuleError as exc:
        errors.append(exc)
    return None


def choice(*options: str) -> Converter:
    def convert(value: Any, where: Where, line: int | None, key: str) -> str:
        if value not in options:
            raise where.error(line, f"'{key}' must be one of {', '.join(options)}, "
                                    f"not {value!r}{did_you_mean(value, options)}")
        return value

    return convert


@dataclass(frozen=True)
class Field:
    convert: Converter
    required: bool = False
    default: Any = None
    doc: str = ""


def check_mapping(mapping: Any, fields: Mapping[str, Field], where: Where, *,
                  line: int | None = None, what: str = "a rule") -> dict[str, Any]:
    """Validate ``mapping`` against ``fields``; return the converted values (defaults filled).
    Every problem of the mapping is raised at once (``RuleErrors`` when there are several)."""
    out, errors = checked_mapping(mapping, fields, where, line=line, what=what)
    raise_all(errors)
    return out


def checked_mapping(mapping: Any, fields: Mapping[str, Field], where: Where, *,
                    line: int | None = None,
                    what: str = "a rule") -> tuple[dict[str, Any], list[RuleError]]:
    """``check_mapping``'s values and problems, not raised: a key whose value is wrong is left
    out of the values."""
    if not isinstance(mapping, dict):
        raise where.error(line, f"{what} must be a mapping, not {type_name(mapping)}")
    line = getattr(mapping, "line", line)
    errors = [where.error(_line(mapping, key), unknown_key(key, fields))
              for key in mapping if key not in fields]
    out: dict[str, Any] = {}
    for key, spec in fields.items():
        if key in mapping:
            wrong = len(errors)
            value = collect(errors, spec.convert, mapping[key], where, _line(mapping, key), key)
            if len(errors) == wrong:
                out[key] = value
        elif spec.required:
            errors.append(where.error(line, f"missing required key {key!r}"))
        else:
            out[key] = spec.default
    return out, errors


def unknown_key(key: Any, known: Iterable[str]) -> str:
    known = sorted(known)
    return (f"unknown key {key!r} (known keys: {', '.join(known)})"
            f"{did_you_mean(key, known)}")


def line_of(mapping: Any, key: Any) -> int | None:
    """The line of ``key`` in a located mapping, else the mapping's own line."""
    return _line(mapping, key)
