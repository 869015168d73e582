"""Configuration files: finding the closest one, validating it, following ``extends``, and
resolving it, with the command line on top, into the ``Settings`` of each linted file.

Reading and validating one file, following ``extends``, and merging the layers with the
command line on top. Finding the file that applies to each linted file is
``quotelint.config.locate``. Every problem is reported as ``file:line: what is wrong``. See
docs/configuration.md for the keys.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import QuotelintError, RuleError, RuleErrors
from ..findings import SEVERITIES
from ..schema import (
    Where,
    boolean,
    choice,
    collect,
    integer,
    number,
    raise_all,
    string_list,
    type_name,
    unknown_key,
)
from .globs import problem as glob_problem
from .settings import Origin, Settings

CLI = "command line"
LineOf = Callable[..., "int | None"]


def _fraction(value: Any, where: Where, line: int | None, key: str) -> float:
    value = number(value, where, line, key)
    if not 0 <= value < 1:
        raise where.error(line, f"'{key}' must be a fraction from 0 to 1 (0.05 is 5%), "
                                f"not {value:g}")
    return value


def _selectors(value: Any, where: Where, line: int | None, key: str) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return string_list(value, where, line, key)


# Per-kind settings: area -> key -> (converter, what it means). They reach the checks as
# doc.options[area][key]; a key added here is validated, shown by --show-config and documented.
KIND_OPTIONS: dict[str, dict[str, tuple[Callable, str]]] = {
    "numbers": {
        "tolerance": (_fraction, "relative slack when two figures are compared (0.05 = 5%)"),
    },
    "quotes": {
        "min_words": (integer, "shortest quotation, in words, that must have a speaker"),
        "style": (choice("us", "uk"), "us: “double” outside, ‘single’ inside; uk: the reverse"),
        "paragraph_continuation": (boolean, "true: a quotation may take its speaker from the "
                                            "paragraph or narration before it (British copy); "
                                            "false: every new quotation is attributed (AP)"),
    },
    "suppressions": {
        "require_reason": (boolean, "a suppression comment must give a reason after ' -- ' "
                                    "(turns on QL902)"),
    },
}
TOP_KEYS: dict[str, tuple[Callable, str]] = {
    "extends": (string_list, "configuration files this one builds on, relative to it"),
    "rules": (string_list, "extra rule files or folders, relative to this file"),
    "default_rules": (boolean, "false: run only your own rules, not the default pack"),
    "select": (_selectors, "rules to run (ids, id prefixes, names, categories, ALL)"),
    "extend_select": (_selectors, "rules to run besides the selected or default ones"),
    "ignore": (_selectors, "rules not to run (same forms as select)"),
    "severity": (None, "selector -> error, warning or info"),
    "exclude": (string_list, "files not to lint: globs, relative to this file, as .gitignore"),
    "story": (boolean, "true: the files linted together are articles of one story, compared "
                       "with each other as with --story"),
}
_SEVERITY = choice(*SEVERITIES)


@dataclass
class Layer:
    """One configuration file's own values, converted, with the line of each."""

    path: str
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)
    # What is wrong with the file, raised by ``resolve`` with every other problem of the run's
    # configuration, its rule files and selectors.
    problems: list[RuleError] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return Path(self.path).resolve().parent

    def origin(self, key: str) -> Origin:
        return self.path, self.lines.get(key)


# -- reading -------------------------------------------------------------------------------------

def _text(path: Path) -> str:
    from ..limits import read_limited

    try:
        return read_limited(path, "configuration file")
    except FileNotFoundError:
        raise RuleError(str(path), None, "configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(str(path), None, f"cannot read configuration file: {exc}") from None


def _read(path: Path) -> tuple[dict, LineOf] | None:
    """The raw mapping of a configuration file and a line finder, or None for a pyproject.toml
    without ``[tool.quotelint]``."""
    if path.suffix == ".toml":
        text = _text(path)
        from .. import tomlload

        data = tomlload.load(text, str(path))
        if data is None:
            return None
        key_lines = tomlload.key_lines(text)

        def toml_line(*keys: Any) -> int | None:
            names = tuple(k for k in keys if isinstance(k, str))
            while names and names not in key_lines:
                names = names[:-1]
            return key_lines.get(names)

        return data, toml_line
    from .. import cache
    from ..located import LDict, LList

    def parse() -> Any:
        from ..yamlload import load_located

        return load_located(_text(path), str(path))

    data = cache.load_yaml(path, parse)
    if data is None:
        data = LDict()
    if not isinstance(data, dict):
        raise RuleError(str(path), 1, f"a configuration file must be a mapping of keys, not "
                                      f"{type_name(data)}")

    def yaml_line(*keys: Any) -> int | None:
        node, line = data, getattr(data, "line", None)
        for key in keys:
            if isinstance(node, (LDict, LList)):
                line = node.line_of(key)
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
        return line

    return data, yaml_line


def _normalised(data: dict, where: Where, line: LineOf, known: dict,
                errors: list[RuleError]) -> dict[str, tuple]:
    """key (with - read as _) -> (value, original key); unknown and doubled keys are errors,
    added to ``errors``."""
    out: dict[str, tuple] = {}
    for raw, value in data.items():
        key = str(raw).replace("-", "_")
        if key not in known:
            errors.append(where.error(line(raw), unknown_key(raw, known)))
        elif key in out:
            errors.append(where.error(line(raw), f"{raw!r} repeats {out[key][1]!r}"))
        else:
            out[key] = (value, raw)
    return out


def shown(path: str | os.PathLike) -> str:
    """A path as messages give it: relative to the working folder when it is inside it."""
    path = os.fspath(path)
    if os.path.isabs(path):
        rel = os.path.relpath(path)
        if not rel.startswith(".."):
            return rel
    return path


def parse(path: Path) -> Layer | None:
    """Validate one configuration file (not what it extends); None: a pyproject.toml without
    ``[tool.quotelint]``. Raises every problem of the file."""
    layer = _layer(path)
    if layer is not None:
        raise_all(layer.problems)
    return layer


def _layer(path: Path) -> Layer | None:
    """One configuration file's values and, in ``problems``, what is wrong with it."""
    path = Path(shown(path))
    read = _read(path)
    if read is None:
        return None
    data, line = read
    where = Where(str(path))
    layer = Layer(str(path))
    known = {**TOP_KEYS, **KIND_OPTIONS}
    errors: list[RuleError] = []  # every problem of the file, reported together
    for key, (value, raw) in _normalised(data, where, line, known, errors).items():
        layer.lines[key] = line(raw)
        if key in KIND_OPTIONS:
            layer.values[key] = _area(key, value, raw, where, line, layer, errors)
        elif key == "severity":
            layer.values[key] = _severity(value, raw, where, line, layer, errors)
        else:
            convert = TOP_KEYS[key][0]
            converted = collect(errors, convert, value, where, line(raw), raw)
            if converted is None:
                continue
            layer.values[key] = converted
            if isinstance(converted, list):
                for i, item in enumerate(converted):
                    layer.lines.setdefault(f"{key}:{item}", line(raw, i))
                    if key == "exclude" and (wrong := glob_problem(item)):
                        errors.append(where.error(line(raw, i), wrong))
    layer.problems = sorted(errors, key=lambda e: e.line or 0)
    return layer


def _area(area: str, value: Any, raw: str, where: Where, line: LineOf, layer: Layer,
          errors: list[RuleError]) -> dict[str, Any]:
    if not isinstance(value, dict):
        errors.append(where.error(line(raw), f"'{raw}' must be a mapping of settings, not "
                                             f"{type_name(value)}"))
        return {}
    known = KIND_OPTIONS[area]
    out = {}
    for key, (item, item_raw) in _normalised(value, where, lambda k: line(raw, k), known,
                                             errors).items():
        converted = collect(errors, known[key][0], item, where, line(raw, item_raw), item_raw)
        if converted is not None:
            out[key] = converted
            layer.lines[f"{area}.{key}"] = line(raw, item_raw)
    return out


def _severity(value: Any, raw: str, where: Where, line: LineOf, layer: Layer,
              errors: list[RuleError]) -> dict[str, str]:
    if not isinstance(value, dict):
        errors.append(where.error(line(raw), f"'{raw}' must map rule selectors to error, "
                                             f"warning or info, not {type_name(value)}"))
        return {}
    out = {}
    for selector, level in value.items():
        converted = collect(errors, _SEVERITY, level, where, line(raw, selector),
                            f"{raw}.{selector}")
        if converted is not None:
            out[str(selector)] = converted
            layer.lines[f"severity:{selector}"] = line(raw, selector)
    return out


def load_chain(path: Path, _seen: tuple[Path, ...] = ()) -> list[Layer]:
    """The layers of ``path``: what it extends first (depth first), then itself. What is wrong
    with a file is in its layer's ``problems``, which ``resolve`` raises."""
    real = path.resolve()
    if real in _seen:
        chain = " -> ".join(shown(p) for p in (*_seen, real))
        raise RuleError(shown(path), None, f"'extends' goes round in a circle: {chain}")
    layer = _layer(path)
    if layer is None:
        raise RuleError(shown(path), None, "no [tool.quotelint] table in this pyproject.toml")
    layers: list[Layer] = []
    for base in layer.values.get("extends", []):
        target = Path(os.path.normpath(layer.folder / os.path.expanduser(base)))
        if not target.is_file():
            layer.problems.append(RuleError(layer.path, layer.lines.get(f"extends:{base}"),
                                            f"'extends': no such configuration file: {base}"))
            continue
        try:
            layers.extend(load_chain(target, (*_seen, real)))
        except RuleError as exc:  # a circle, or a pyproject.toml with no table to extend
            layer.problems.append(exc)
    return [*layers, layer]


# -- resolving -----------------------------------------------------------------------------------

def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def anchor(pattern: str, folder: Path) -> str:
    """An ``exclude`` glob relative to ``folder``, rewritten relative to the filesystem root
    (a ``!`` that re-includes stays in front)."""
    if pattern.startswith("!"):
        return "!" + anchor(pattern[1:], folder)
    base = _glob_escape(folder.resolve().as_posix().strip("/"))
    body = pattern.rstrip("/")
    tail = "/" if pattern.endswith("/") else ""
    if "/" in body:
        return f"/{base}/{body.lstrip('/')}{tail}"
    return f"/{base}/**/{body}{tail}"


def resolve(layers: list[Layer], cli: Settings) -> Settings:
    """Layers (deepest ``extends`` first) with the command line's flags on top.

    ``select`` is taken from the last layer that sets it (the command line last of all);
    ``ignore`` and ``extend_select`` add up from that layer on, so a new ``select`` starts
    afresh as in ruff. ``severity`` and the per-kind settings merge key by key, later winning;
    ``rules`` and ``exclude`` add up.
    """
    s = Settings(fail_on=cli.fail_on, config=cli.config, discover=cli.discover, root="/")
    s.config_files = [layer.path for layer in reversed(layers)]
    errors = [problem for layer in layers for problem in layer.problems]
    origins = s.origins
    start = 0  # the layer whose select counts: ignore and extend_select add up from there
    for i, layer in enumerate(layers):
        if "select" in layer.values:
            start, s.select = i, list(layer.values["select"])
            origins["select"] = layer.origin("select")
    if cli.select is not None:
        start, s.select = len(layers), list(cli.select)
        origins["select"] = (CLI, None)
    for i, layer in enumerate(layers):
        for key in ("select", "ignore", "extend_select"):
            for item in layer.values.get(key, []):
                origins[f"selector:{item}"] = origins[f"{key}:{item}"] = \
                    layer.origin(f"{key}:{item}")
                if key != "select" and i >= start:
                    getattr(s, key).append(item)
    for key in ("select", "ignore", "extend_select"):
        for item in getattr(cli, key) or []:
            origins[f"selector:{item}"] = origins[f"{key}:{item}"] = (CLI, None)
            if key != "select":
                getattr(s, key).append(item)
    for layer in layers:
        for key, level in layer.values.get("severity", {}).items():
            s.severity[key] = level
            origins[f"severity:{key}"] = origins[f"selector:{key}"] = \
                layer.origin(f"severity:{key}")
        for rule_file in layer.values.get("rules", []):
            full = os.path.normpath(layer.folder / os.path.expanduser(rule_file))
            if not os.path.exists(full):
                errors.append(RuleError(layer.path, layer.lines.get(f"rules:{rule_file}"),
                                        f"'rules': no such rule file or folder: {rule_file}"))
                continue
            s.rules.append(full)
            origins[f"rules:{full}"] = layer.origin(f"rules:{rule_file}")
        for pattern in layer.values.get("exclude", []):
            s.exclude.append(anchor(pattern, layer.folder))
            origins[f"exclude:{s.exclude[-1]}"] = layer.origin(f"exclude:{pattern}")
        if "default_rules" in layer.values:
            s.default_rules = layer.values["default_rules"]
            origins["default_rules"] = layer.origin("default_rules")
        for area in KIND_OPTIONS:
            for key, value in layer.values.get(area, {}).items():
                s.options.setdefault(area, {})[key] = value
                origins[f"{area}.{key}"] = layer.origin(f"{area}.{key}")
    for key, level in cli.severity.items():
        s.severity[key] = level
        origins[f"severity:{key}"] = origins[f"selector:{key}"] = (CLI, None)
    for rule_file in cli.rules:
        if rule_file not in s.rules:
            s.rules.append(rule_file)
            origins[f"rules:{rule_file}"] = (CLI, None)
    for pattern in cli.exclude:
        if wrong := glob_problem(pattern):
            raise QuotelintError(f"--exclude: {wrong}")
        s.exclude.append(anchor(pattern, Path.cwd()))
        origins[f"exclude:{s.exclude[-1]}"] = (CLI, None)
    if not cli.default_rules:
        s.default_rules = False
        origins["default_rules"] = (CLI, None)
    for area, values in cli.options.items():
        s.options.setdefault(area, {}).update(values)
    _story(s, layers)
    setter = max((i for i, layer in enumerate(layers)
                  if "require_reason" in layer.values.get("suppressions", {})), default=None)
    failed = None  # the rule files' problems, when _require_reason loaded them
    if setter is None or setter >= start:  # a later select starts afresh
        try:
            _require_reason(s)
        except RuleErrors as exc:
            failed = exc
        except RuleError as exc:
            errors.append(exc)
    if errors or failed:  # with them, what is wrong with the rule files and the selectors
        errors += s.problems(failed)
        files = {path: i for i, path in enumerate(reversed(s.config_files))}
        raise_all(sorted(errors, key=lambda e: (files.get(e.path, len(files)), e.line or 0)))
    return s


def _story(s: Settings, layers: list[Layer]) -> None:
    """``story: true``: a run over this file compares the articles, as ``--story`` does."""
    for layer in layers:
        if "story" in layer.values:
            s.story = layer.values["story"]
            s.origins["story"] = layer.origin("story")


def _require_reason(s: Settings) -> None:
    """``suppressions: {require_reason: true}`` turns on the rules that report a suppression
    comment with no reason (QL902 of the default pack), as ``extend_select`` would."""
    if not s.options.get("suppressions", {}).get("require_reason"):
        return
    from ..checks.ruleset import loaded_rules
    from ..checks.suppression import reason_rules

    path, line = s.origins.get("suppressions.require_reason", (CLI, None))
    ids = reason_rules(loaded_rules(s.rules, s.default_rules).checks)
    if not ids:
        raise RuleError(path, line, "'require_reason' needs a rule of kind 'suppression' with "
                                    "'report: missing-reason', such as QL902 of the default "
                                    "pack, which 'default_rules: false' leaves out")
    for rule in ids:
        s.extend_select.append(rule)
        s.origins.setdefault(f"selector:{rule}", (path, line))
        s.origins.setdefault(f"extend_select:{rule}", (path, line))


def settings_for_file(config: str | os.PathLike, overrides: Settings | None = None) -> Settings:
    """The settings of one configuration file (and what it extends), ``overrides`` on top: what
    the library's ``config=`` argument means."""
    return resolve(load_chain(Path(config)), overrides or Settings())
