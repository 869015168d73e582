"""Lint news articles for sourcing problems: quotations, anonymous sources, unattributed
claims and inconsistent numbers."""

from __future__ import annotations

import argparse
import sys

from ..findings import at_least
from ..report import FORMATS, ReportContext, writer
from .common import add_fail_on, add_rule_options, settings_from_args


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders (folders: *.txt, *.md, *.markdown); - for "
                             "standard input (default: .)")
    parser.add_argument("--format", choices=list(FORMATS), default="text",
                        help="output format (default: text)")
    add_rule_options(parser)
    add_fail_on(parser)
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when there are findings (errors still exit 2)")
    parser.add_argument("--story", action="store_true",
                        help="the files are articles about one story: also compare across them")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name to report for standard input (its suffix picks Markdown)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="text format: print findings only, no summary line")


def run(args: argparse.Namespace) -> int:
    from ..linter import lint_paths

    settings = settings_from_args(args)
    result = lint_paths(args.paths, settings, story=args.story, stdin_name=args.stdin_filename)
    for error in result.errors:
        print(error, file=sys.stderr)
    ctx = ReportContext(settings.ruleset(), result.files, quiet=args.quiet)
    writer(args.format)(result.findings, sys.stdout, ctx)
    sys.stdout.flush()
    if result.errors:
        return 2
    failing = any(at_least(f.severity, settings.fail_on) for f in result.findings)
    return 1 if failing and not args.exit_zero else 0
