"""Options shared by the commands that load rules, and the Settings they resolve to."""

from __future__ import annotations

import argparse

from ..config.settings import Settings
from ..errors import QuotelintError
from ..findings import SEVERITIES


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("rule selection")
    group.add_argument("--select", action="append", type=_csv, metavar="RULES",
                       help="run only these rules: ids, id prefixes (QL4), names, categories, "
                            "or ALL; comma-separated, repeatable (replaces the configuration's)")
    group.add_argument("--extend-select", action="append", type=_csv, metavar="RULES",
                       help="also run these rules, besides the selected ones")
    group.add_argument("--ignore", action="append", type=_csv, metavar="RULES",
                       help="do not run these rules (same forms as --select)")
    group.add_argument("--rules", action="append", default=[], metavar="FILE",
                       help="load extra rule files (YAML) or folders of them; repeatable")


def add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("configuration")
    group.add_argument("--config", metavar="FILE",
                       help="use this configuration file (.quotelint.yaml or pyproject.toml) "
                            "for every file, instead of the closest one")
    group.add_argument("--isolated", action="store_true",
                       help="ignore every configuration file")


def _flatten(groups: list[list[str]] | None) -> list[str] | None:
    return None if groups is None else [v for group in groups for v in group]


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The command line's settings; unless --isolated, each file's configuration applies too,
    with these on top."""
    isolated = getattr(args, "isolated", True)
    config = getattr(args, "config", None)
    if isolated and config:
        raise QuotelintError("--config and --isolated cannot be used together")
    return Settings(
        select=_flatten(args.select),
        extend_select=_flatten(getattr(args, "extend_select", None)) or [],
        ignore=_flatten(args.ignore) or [],
        rules=list(args.rules),
        exclude=list(getattr(args, "exclude", None) or []),
        fail_on=getattr(args, "fail_on", "warning"),
        config=config,
        discover=not isolated and not config,
    )


def add_fail_on(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fail-on", choices=list(SEVERITIES), default="warning",
                        help="lowest severity that makes the exit status 1 (default: warning)")
