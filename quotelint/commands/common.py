"""Options shared by the commands that load rules, and the Settings they resolve to."""

from __future__ import annotations

import argparse

from ..findings import SEVERITIES
from ..settings import Settings


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rule selection")
    group.add_argument("--select", action="append", type=_csv, metavar="RULES",
                       help="run only these rules: ids, id prefixes (QL4), names, categories, "
                            "or ALL; comma-separated, repeatable")
    group.add_argument("--ignore", action="append", type=_csv, metavar="RULES",
                       help="do not run these rules (same forms as --select)")
    group.add_argument("--rules", action="append", default=[], metavar="FILE",
                       help="load extra rule files (YAML) or folders of them; repeatable")


def _flatten(groups: list[list[str]] | None) -> list[str] | None:
    return None if groups is None else [v for group in groups for v in group]


def settings_from_args(args: argparse.Namespace) -> Settings:
    return Settings(
        select=_flatten(args.select),
        ignore=_flatten(args.ignore) or [],
        rules=list(args.rules),
        fail_on=getattr(args, "fail_on", "warning"),
    )


def add_fail_on(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fail-on", choices=list(SEVERITIES), default="warning",
                        help="lowest severity that makes the exit status 1 (default: warning)")
