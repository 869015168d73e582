"""``quotelint --show-config PATH``: the configuration that applies to a file, and where each
part of it comes from (``ruff check --show-settings`` is the model). The output is YAML with
the origins as comments, so a user can paste it into a configuration file."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence

from ..text.document import is_markdown_path
from .load import CLI, KIND_OPTIONS
from .locate import Resolver
from .settings import Origin, Settings


def _display(path: str) -> str:
    return os.path.relpath(path) if os.path.isabs(path) else path


def _where(origin: Origin | None) -> str:
    if origin is None:
        return ""
    path, line = origin
    if path != CLI:
        path = _display(path)
    return f"  # {path}:{line}" if line else f"  # {path}"


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and not value.replace("-", "").replace("_", "").isalnum():
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# How a plain-text article's line breaks are read (text/paragraphs.py; docs/architecture.md).
_LINE_BREAKS = [
    "# line breaks: a blank line ends a paragraph; in a block of lines, a line longer than 100",
    "#   characters makes each line a paragraph, a hard-wrapped line (the next word would not",
    "#   have fitted) does not end one, and when a quotation runs from one line into the next",
    "#   with no reopening mark the lines are sentences of one paragraph (only a line that does",
    "#   not end like a sentence, a headline, stands apart)",
]
_MARKDOWN_BREAKS = ["# line breaks (Markdown): CommonMark: a soft line break never ends a "
                    "paragraph"]


def render(target: str, s: Settings) -> str:
    o = s.origins
    out = [f"# quotelint configuration for {target}"]
    if s.config_files:
        files = [_display(f) for f in s.config_files]
        extends = f", which extends {', '.join(files[1:])}" if files[1:] else ""
        out.append(f"# from {files[0]}{extends}")
    else:
        out.append("# no configuration file applies: built-in defaults")
    if s.select is None:
        out.append("select: null  # every rule that is on by default")
    else:
        out.append(f"select:{_where(o.get('select'))}")
        out += [f"  - {_scalar(v)}{_where(o.get(f'select:{v}'))}" for v in s.select]
    for key in ("extend_select", "ignore"):
        values = getattr(s, key)
        out.append(f"{key}:" + ("" if values else " []"))
        out += [f"  - {_scalar(v)}{_where(o.get(f'{key}:{v}'))}" for v in values]
    out.append("severity:" + ("" if s.severity else " {}"))
    out += [f"  {_scalar(k)}: {v}{_where(o.get(f'severity:{k}'))}" for k, v in s.severity.items()]
    out.append("rules:" + ("" if s.rules else " []"))
    out += [f"  - {_scalar(r)}{_where(o.get(f'rules:{r}'))}" for r in s.rules]
    out.append(f"default_rules: {_scalar(s.default_rules)}{_where(o.get('default_rules'))}")
    out.append("exclude:" + ("" if s.exclude else " []"))
    out += [f"  - {_scalar(p)}{_where(o.get(f'exclude:{p}'))}" for p in s.exclude]
    for area, keys in KIND_OPTIONS.items():
        values = s.options.get(area, {})
        out.append(f"{area}:" + ("" if values else " {}  # the rules' own defaults"))
        out += [f"  {k}: {_scalar(values[k])}{_where(o.get(f'{area}.{k}'))}"
                for k in keys if k in values]
    out += _MARKDOWN_BREAKS if is_markdown_path(target) else _LINE_BREAKS
    checks = sorted(s.ruleset().checks, key=lambda c: c.meta.id)
    out.append(f"# rules in effect ({len(checks)}):")
    width = max((len(c.meta.id) for c in checks), default=0)
    out += [f"#   {c.meta.id:<{width}}  {c.meta.severity:<7}  {c.meta.name}" for c in checks]
    return "\n".join(out) + "\n"


def show(paths: Sequence[str], cli: Settings, *, stdin_name: str | None = None) -> str:
    """The configuration of each path in turn (a folder stands for the files in it)."""
    resolver = Resolver(cli, stdin_name=stdin_name)
    parts = []
    for path in paths:
        probe = os.path.join(path, "-") if os.path.isdir(path) else path
        parts.append(render(path, resolver.settings_for(probe)))
    return "\n".join(parts)
