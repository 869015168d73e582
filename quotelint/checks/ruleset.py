"""Loading rule files (the default pack and users' own) into a validated, compiled RuleSet.

A rule file holds ``lexicons`` (named word lists, shared by every loaded file) and ``rules``.
All problems of a load are collected and reported together as ``file:line: what is wrong``.
"""

from __future__ import annotations

import os
import string
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import cache
from ..errors import RuleError, RuleErrors, UnknownSelector
from ..limits import read_limited
from ..located import LDict, LList
from ..paths import default_rules_dir
from ..schema import (
    Field,
    Where,
    check_mapping,
    checked_mapping,
    collect,
    did_you_mean,
    line_of,
    raise_all,
    string_list,
)
from . import KINDS, kind_class
from .base import COMMON_FIELDS, BuildContext, Check, RuleMeta
from .selectors import ALL, EXACT, matches, specificity

RULE_SUFFIXES = (".yaml", ".yml")
# Letters typed for digits in a rule id (QL40l, QL1O1).
_DIGIT_LOOKALIKES = str.maketrans("lIoO", "1100")
_FILE_FIELDS = {
    "lexicons": Field(lambda v, *_: v, doc="name -> list of words and phrases"),
    "rules": Field(lambda v, *_: v, doc="list of rules"),
}


@dataclass
class RuleSet:
    """Compiled checks in load order, the lexicons they share, and the files they came from."""

    checks: list[Check]
    lexicons: dict[str, list[str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    # Every rule loaded, selected or not: what suppression comments may name.
    loaded: list[Check] | None = None
    # Selections made of this set, by their selectors: each is made once per process.
    _selections: dict[tuple, RuleSet] = field(default_factory=dict, repr=False, compare=False)

    @property
    def all_checks(self) -> list[Check]:
        return self.checks if self.loaded is None else self.loaded

    def find(self, key: str) -> Check | None:
        """The rule whose id or name is ``key`` (case-insensitive id)."""
        for check in self.checks:
            if check.meta.id.upper() == key.upper() or check.meta.name == key:
                return check
        return None

    def selected(self, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
                 severity: dict[str, str] | None = None,
                 extend: Sequence[str] = ()) -> RuleSet:
        """``select`` made once per distinct set of selectors (what a run asks per file)."""
        key = (None if select is None else tuple(select), tuple(ignore),
               tuple((severity or {}).items()), tuple(extend))
        found = self._selections.get(key)
        if found is None:
            found = self._selections[key] = self.select(select, ignore, severity, extend)
        return found

    def selector_hints(self, keys: Sequence[str]) -> dict[str, str]:
        """For each unknown selector, "; did you mean 'x'?" or ""."""
        return selector_hints(keys, [(c.meta.id, c.meta.name, c.meta.category)
                                     for c in self.checks])

    def select(self, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
               severity: dict[str, str] | None = None, extend: Sequence[str] = ()) -> RuleSet:
        """The rules that run: ``select`` (default: every enabled rule) plus ``extend``, minus
        ``ignore``.

        Selectors are ids, id prefixes ("QL4"), names, categories or ALL, as in ruff; a
        selector that matches no rule is an error, since it is almost always a typo. A rule
        with ``enabled: false`` runs only when selected by its id, its name or ALL. When a rule
        is both selected and ignored, the more specific selector wins (an id beats a prefix, a
        longer prefix a shorter one, a prefix a category, a category ALL), and a tie ignores
        it: ``select: [QL401]`` with ``ignore: [unattributed-claim]`` runs QL401 alone.
        """
        unknown = unknown_selectors([*(select or ()), *ignore, *(severity or {}), *extend],
                                    [(c.meta.id, c.meta.name, c.meta.category)
                                     for c in self.checks])
        if unknown:
            raise UnknownSelector(unknown, self.selector_hints(unknown))
        chosen = []
        for c in self.checks:
            wanted = _specificity(c, select or ()) if select else (
                -1 if c.meta.enabled else None)
            extra = _specificity(c, extend)
            if extra is not None and (wanted is None or extra > wanted):
                wanted = extra
            if wanted is None:
                continue
            dropped = _specificity(c, ignore, selecting=False)
            if dropped is None or dropped < wanted:
                chosen.append(c)
        if severity:
            chosen = [_override(c, severity) for c in chosen]
        return RuleSet(chosen, self.lexicons, self.files, self.all_checks)


def selector_hints(keys: Sequence[str], rules: Sequence[tuple[str, str, str]]) -> dict[str, str]:
    """For each selector of ``keys``, "; did you mean 'x'?" or "", among ``rules`` (id, name,
    category)."""
    names = {name for _, name, _ in rules} | {category for _, _, category in rules}
    ids = {rule.upper() for rule, _, _ in rules}
    hints = {}
    for key in keys:
        letters = len(key) - len(key.lstrip(string.ascii_letters))
        digits = (key[:letters] + key[letters:].translate(_DIGIT_LOOKALIKES)).upper()
        hints[key] = (did_you_mean(digits, ids, cutoff=1.0) or
                      did_you_mean(key.upper(), ids, cutoff=0.75) or did_you_mean(key, names))
    return hints


def unknown_selectors(keys: Sequence[str], rules: Sequence[tuple[str, str, str]]) -> list[str]:
    """The selectors of ``keys`` that name none of ``rules`` (id, name, category)."""
    return [key for key in dict.fromkeys(keys) if not any(matches(key, *r) for r in rules)]


def _matches(check: Check, key: str) -> bool:
    meta = check.meta
    return matches(key, meta.id, meta.name, meta.category)


def _specificity(check: Check, keys: Sequence[str], *, selecting: bool = True) -> int | None:
    """How specifically the most specific of ``keys`` names ``check`` (None: not at all).
    Selecting a rule that is off by default takes its id, its name or ALL."""
    best = None
    meta = check.meta
    for key in keys:
        level = specificity(key, meta.id, meta.name, meta.category)
        if level is None or (selecting and not meta.enabled and level not in (ALL, EXACT)):
            continue
        best = level if best is None else max(best, level)
    return best


def _override(check: Check, severity: dict[str, str]) -> Check:
    """Apply the most specific severity override (the same order as selection)."""
    best, chosen = None, None
    for key, level in severity.items():
        spec = _specificity(check, [key], selecting=False)
        if spec is not None and (best is None or spec >= best):
            best, chosen = spec, level
    return check.with_severity(chosen) if chosen and chosen != check.meta.severity else check


def rule_files(path: Path) -> list[Path]:
    """A rule file, or the ``*.yaml``/``*.yml`` files of a directory in name order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in RULE_SUFFIXES and p.is_file())
    return [path]


def default_rule_files() -> list[Path]:
    return rule_files(default_rules_dir())


def _parse(path: Path) -> Any:
    from ..yamlload import load_located

    try:
        text = read_limited(path, "rule file")
    except FileNotFoundError:
        raise RuleError(str(path), None, "rule file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(str(path), None, f"cannot read rule file: {exc}") from None
    return load_located(text, str(path))


def _read(path: Path) -> Any:
    data = cache.load_yaml(path, lambda: _parse(path))
    if data is None:
        return LDict()
    check_mapping(data, _FILE_FIELDS, Where(str(path)), line=1, what="a rule file")
    return data


def _collect_lexicons(files: list[tuple[str, LDict]], errors: list[RuleError]) -> dict:
    lexicons: dict[str, list[str]] = {}
    defined_at: dict[str, str] = {}
    extends: list[tuple[str, str, list[str]]] = []
    for path, data in files:
        block = data.get("lexicons")
        if block is None:
            continue
        where = Where(path)
        if not isinstance(block, dict):
            errors.append(where.error(line_of(data, "lexicons"),
                                      "'lexicons' must map names to lists of words"))
            continue
        for name, value in block.items():
            line = line_of(block, name)
            try:
                if isinstance(value, dict):
                    spec = check_mapping(value, {"extend": Field(string_list, required=True)},
                                         where, line=line, what=f"lexicon {name!r}")
                    extends.append((f"{path}:{line}", name, spec["extend"]))
                    continue
                words = string_list(value, where, line, f"lexicon {name}")
                if name in lexicons:
                    raise where.error(line, f"lexicon {name!r} is already defined at "
                                            f"{defined_at[name]}; use 'extend:' to add to it")
                lexicons[name] = words
                defined_at[name] = f"{path}:{line}"
            except RuleErrors as exc:
                errors.extend(exc.errors)
            except RuleError as exc:
                errors.append(exc)
    for where_text, name, words in extends:
        if name not in lexicons:
            path, _, line = where_text.rpartition(":")
            errors.append(RuleError(path, int(line), f"lexicon {name!r} to extend is not "
                                                     f"defined in any loaded rule file"))
            continue
        lexicons[name] = [*lexicons[name], *words]
    return lexicons


def _build(path: str, raw: Any, index: int, line: int | None, ctx: BuildContext) -> Check:
    where = Where(path)
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        where = Where(path, f"rule {raw['id']}")
    if not isinstance(raw, dict):
        raise where.error(line, f"rule {index + 1} must be a mapping, not {type(raw).__name__}")
    kind = raw.get("kind")
    cls = kind_class(kind) if isinstance(kind, str) else None
    if cls is None and "kind" in raw:
        errors = [where.error(line_of(raw, "kind"), f"unknown kind {kind!r} "
                                                    f"(kinds: {', '.join(sorted(KINDS))})"
                                                    f"{did_you_mean(kind, KINDS)}")]
        # The keys every rule has can still be checked; the kind's own cannot.
        others = {k: Field(lambda v, *_: v) for k in raw if k not in COMMON_FIELDS}
        collect(errors, check_mapping, raw, {**COMMON_FIELDS, **others}, where)
        raise_all(errors)
    fields = {**COMMON_FIELDS, **(cls.PARAMS if cls else {})}
    values, errors = checked_mapping(raw, fields, where)
    if cls is None:
        raise_all(errors)
    # The kind's own checks run too when its parameters could be read: a wrong one that has a
    # default is read as the default; a wrong one without (such as 'pattern'), or an unknown
    # key that may be a misspelt parameter the rule lacks, would make the kind report what is
    # not wrong.
    absent = [k for k in cls.PARAMS if k not in raw]
    if any(did_you_mean(k, absent) for k in raw if k not in fields):
        raise_all(errors)
    params = {}
    for key, spec in cls.PARAMS.items():
        if key not in values and spec.default is None:
            raise_all(errors)
        params[key] = values.get(key, spec.default)
    common = {k: values.get(k) for k in COMMON_FIELDS}
    examples = raw.get("examples")
    example_lines = {k: list(v.item_lines) for k, v in examples.items()
                     if isinstance(v, LList)} if isinstance(examples, dict) else {}
    meta = RuleMeta(**common, path=path, line=raw.line if isinstance(raw, LDict) else 0,
                    example_lines=example_lines)
    check = collect(errors, cls, meta, params, where, ctx, raw)
    raise_all(sorted(errors, key=lambda e: e.line or 0))
    return check


# Rule sets loaded in this process, most recently used last (see ``loaded_rules``).
_LOADED: OrderedDict[tuple, RuleSet] = OrderedDict()
KEEP_LOADED = 32


def _stamp(path: str) -> tuple | None:
    """What tells that a rule file (or a folder's rule files) changed: size and mtime."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if os.path.isdir(path):
        return tuple((p.name, _stamp(str(p))) for p in rule_files(Path(path)))
    return (st.st_mtime_ns, st.st_size)


def loaded_rules(extra: Sequence[str] = (), defaults: bool = True) -> RuleSet:
    """The default pack (unless ``defaults`` is false) and ``extra``, loaded once per process
    while the files are unchanged. The command line, its worker processes and Dask's workers
    all get their rules here (through ``Settings.ruleset``); a worker that outlives a run
    reloads a rule file that changed. Errors are raised, never kept."""
    extra = tuple(str(p) for p in extra)
    key = (extra, tuple(os.path.abspath(p) for p in extra), defaults,
           tuple(_stamp(p) for p in extra))
    found = _LOADED.get(key)
    if found is None:
        found = _LOADED[key] = load_rules(extra, defaults=defaults)
        while len(_LOADED) > KEEP_LOADED:
            _LOADED.popitem(last=False)
    else:
        _LOADED.move_to_end(key)
    return found


def load_rules(extra: Iterable[str | Path] = (), *, defaults: bool = True) -> RuleSet:
    """Load the default pack (unless ``defaults`` is false) and then ``extra`` files or folders."""
    paths: list[Path] = default_rule_files() if defaults else []
    errors: list[RuleError] = []
    for item in extra:
        p = Path(item)
        if not p.exists():
            errors.append(RuleError(str(p), None, "rule file not found"))
            continue
        paths.extend(rule_files(p))
    files: list[tuple[str, LDict]] = []
    for p in paths:
        try:
            files.append((str(p), _read(p)))
        except RuleErrors as exc:
            errors.extend(exc.errors)
        except RuleError as exc:
            errors.append(exc)
    ctx = BuildContext(_collect_lexicons(files, errors))
    defined = []  # every rule's id, name and category as written, for selectors if this fails
    checks: list[Check] = []
    seen: dict[str, str] = {}
    for path, data in files:
        rules = data.get("rules") or []
        if not isinstance(rules, list):
            errors.append(RuleError(path, line_of(data, "rules"), "'rules' must be a list"))
            continue
        for i, raw in enumerate(rules):
            line = line_of(rules, i)
            if isinstance(raw, dict):
                defined.append(tuple(str(raw.get(k, "")) for k in ("id", "name", "category")))
            try:
                check = _build(path, raw, i, line, ctx)
            except RuleErrors as exc:
                errors.extend(exc.errors)
                continue
            except RuleError as exc:
                errors.append(exc)
                continue
            for key in (check.meta.id.upper(), check.meta.name):
                if key in seen:
                    errors.append(RuleError(path, check.meta.line,
                                            f"duplicate rule id or name {key!r} "
                                            f"(first defined at {seen[key]})"))
                    break
            else:
                seen[check.meta.id.upper()] = seen[check.meta.name] = f"{path}:{check.meta.line}"
                checks.append(check)
    if errors:
        order = {str(p): i for i, p in enumerate(paths)}  # a file not found: first
        raise RuleErrors(sorted(errors, key=lambda e: (order.get(e.path, -1), e.line or 0)),
                         defined)
    return RuleSet(checks, ctx.lexicons, [str(p) for p in paths])
