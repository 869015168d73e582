"""Loading rule files (the default pack and users' own) into a validated, compiled RuleSet.

A rule file holds ``lexicons`` (named word lists, shared by every loaded file) and ``rules``.
All problems of a load are collected and reported together as ``file:line: what is wrong``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import cache
from ..errors import MissingLexicon, RuleError, RuleErrors, UnknownSelector
from ..limits import read_limited
from ..located import LDict, LList
from ..paths import default_rules_dir
from ..schema import Field, Where, check_mapping, line_of, string_list
from . import KINDS, kind_class
from .base import COMMON_FIELDS, BuildContext, Check, RuleMeta

RULE_SUFFIXES = (".yaml", ".yml")
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

    @property
    def all_checks(self) -> list[Check]:
        return self.checks if self.loaded is None else self.loaded

    def find(self, key: str) -> Check | None:
        """The rule whose id or name is ``key`` (case-insensitive id)."""
        for check in self.checks:
            if check.meta.id.upper() == key.upper() or check.meta.name == key:
                return check
        return None

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
        for key in [*(select or ()), *ignore, *(severity or {}), *extend]:
            if not any(_matches(c, key, explicit=False) for c in self.checks):
                raise UnknownSelector(key)
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


def _matches(check: Check, key: str, *, explicit: bool) -> bool:
    meta = check.meta
    if key.upper() == "ALL" or key.upper() == meta.id.upper() or key == meta.name:
        return True
    if explicit:
        return False
    return key == meta.category or (key[:1].isalpha() and meta.id.upper().startswith(key.upper()))


def _specificity(check: Check, keys: Sequence[str], *, selecting: bool = True) -> int | None:
    """How specifically the most specific of ``keys`` names ``check`` (None: not at all).
    Selecting a rule that is off by default takes its id, its name or ALL."""
    best = None
    meta = check.meta
    for key in keys:
        if key.upper() == meta.id.upper() or key == meta.name:
            level = 1000
        elif key.upper() == "ALL":
            level = 0
        elif selecting and not meta.enabled:
            continue
        elif key == meta.category:
            level = 1
        elif key[:1].isalpha() and meta.id.upper().startswith(key.upper()):
            level = 1 + len(key)
        else:
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
        raise where.error(line_of(raw, "kind"), f"unknown kind {kind!r} "
                                                f"(kinds: {', '.join(sorted(KINDS))})")
    fields = {**COMMON_FIELDS, **(cls.PARAMS if cls else {})}
    values = check_mapping(raw, fields, where)
    common = {k: values.pop(k) for k in COMMON_FIELDS}
    examples = raw.get("examples")
    example_lines = {k: list(v.item_lines) for k, v in examples.items()
                     if isinstance(v, LList)} if isinstance(examples, dict) else {}
    meta = RuleMeta(**common, path=path, line=raw.line if isinstance(raw, LDict) else 0,
                    example_lines=example_lines)
    try:
        return cls(meta, values, where, ctx, raw)
    except MissingLexicon as exc:
        raise where.error(line_of(raw, "kind"), str(exc)) from None


def load_rules(extra: Iterable[str | Path] = (), *, defaults: bool = True) -> RuleSet:
    """Load the default pack (unless ``defaults`` is false) and then ``extra`` files or folders."""
    paths: list[Path] = default_rule_files() if defaults else []
    for item in extra:
        p = Path(item)
        if not p.exists():
            raise RuleError(str(p), None, "rule file not found")
        paths.extend(rule_files(p))
    errors: list[RuleError] = []
    files: list[tuple[str, LDict]] = []
    for p in paths:
        try:
            files.append((str(p), _read(p)))
        except RuleError as exc:
            errors.append(exc)
    ctx = BuildContext(_collect_lexicons(files, errors))
    checks: list[Check] = []
    seen: dict[str, str] = {}
    for path, data in files:
        rules = data.get("rules") or []
        if not isinstance(rules, list):
            errors.append(RuleError(path, line_of(data, "rules"), "'rules' must be a list"))
            continue
        for i, raw in enumerate(rules):
            line = line_of(rules, i)
            try:
                check = _build(path, raw, i, line, ctx)
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
        raise RuleErrors(errors)
    return RuleSet(checks, ctx.lexicons, [str(p) for p in paths])
