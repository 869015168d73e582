"""Lint news articles for sourcing problems: quotations, anonymous sources, unattributed
claims and inconsistent numbers."""

from __future__ import annotations

import argparse
import sys

from ..errors import QuotelintError
from ..findings import at_least
from ..limits import MAX_ARTICLE_BYTES
from ..report import FORMATS, ReportContext, collector, writer
from .common import add_config_options, add_fail_on, add_rule_options, settings_from_args

STATISTICS_FORMATS = ("text", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders (folders: *.txt, *.md, *.markdown); - for "
                             "standard input (default: .)")
    parser.add_argument("--format", choices=list(FORMATS), default="text",
                        help="output format (default: text, which is full on a terminal, with "
                             "the sentence around each finding, and concise, one line a "
                             "finding, elsewhere)")
    parser.add_argument("-o", "--output-file", metavar="FILE",
                        help="write the findings to FILE, in any format, instead of standard "
                             "output")
    parser.add_argument("--statistics", action="store_true",
                        help="print how many findings each rule has, not the findings "
                             "(text or json)")
    add_rule_options(parser)
    add_config_options(parser)
    parser.add_argument("--show-config", action="store_true",
                        help="print the configuration that applies to each PATH, and where "
                             "each part of it comes from; lint nothing")
    parser.add_argument("--exclude", action="append", metavar="GLOB",
                        help="do not lint files matching this glob (relative to the current "
                             "folder, as in .gitignore); adds to the configuration's")
    add_fail_on(parser)
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when there are findings (errors still exit 2)")
    fixing = parser.add_argument_group("fixes")
    fixing.add_argument("--fix", action="store_true",
                        help="apply the safe fixes (findings marked [*]) to the files, then "
                             "report what remains")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also the unsafe fixes (marked [~]): they "
                             "may change what a sentence says, e.g. \"said\" for \"admitted\"")
    fixing.add_argument("--add-suppressions", action="store_true",
                        help="add a suppression comment, with a placeholder reason, for every "
                             "finding (to adopt quotelint on an archive); with --diff, print "
                             "them instead")
    fixing.add_argument("--diff", action="store_true",
                        help="print the safe fixes as a unified diff; change nothing, even "
                             "with --fix")
    parser.add_argument("--story", action="store_true",
                        help="the files are articles about one story: also compare across them")
    scale = parser.add_argument_group("scale")
    scale.add_argument("-j", "--jobs", type=_count, default=0, metavar="N",
                       help="lint with N processes (default 0: one per core); the output is "
                            "the same whatever N")
    scale.add_argument("--max-file-size", type=_megabytes, default=MAX_ARTICLE_BYTES,
                       metavar="MB", help=f"skip (and report) files larger than this "
                                          f"(default {MAX_ARTICLE_BYTES // 2**20}; 0: no limit)")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name to report for standard input (its suffix picks Markdown)")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour the text output: auto (default) on a terminal, unless "
                             "NO_COLOR is set")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="text format: print findings only, no summary line")


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a number of processes, not {value!r}")
    return n


def _megabytes(value: str) -> int:
    try:
        mb = float(value)
    except ValueError:
        mb = -1.0
    if not 0 <= mb < 2**40:
        raise argparse.ArgumentTypeError(f"expected a size in megabytes, not {value!r}")
    return int(mb * 2**20)


def _check_usage(args: argparse.Namespace) -> None:
    if args.statistics and args.format not in STATISTICS_FORMATS:
        raise QuotelintError(f"--statistics works with --format "
                             f"{' or '.join(STATISTICS_FORMATS)}, not {args.format}")
    if args.format == "html" and "-" in args.paths:
        raise QuotelintError("--format html shows the articles' text, read again after the "
                             "run: give files, not standard input")
    if (args.fix or args.diff or args.add_suppressions) and "-" in args.paths:
        raise QuotelintError("--fix, --diff and --add-suppressions work on files, not on "
                             "standard input")
    if args.fix and args.add_suppressions:
        raise QuotelintError("--fix and --add-suppressions cannot be used together: fix "
                             "first, then suppress what remains")


def run(args: argparse.Namespace) -> int:
    from ..run.linter import lint_paths

    _check_usage(args)
    settings = settings_from_args(args)
    if args.show_config:
        from ..config.show import show

        sys.stdout.write(show(args.paths, settings, stdin_name=args.stdin_filename))
        return 0
    run_options = {"story": args.story, "stdin_name": args.stdin_filename,
                   "jobs": args.jobs or None, "max_bytes": args.max_file_size,
                   "collect": None if args.statistics else collector(args.format)}
    result = lint_paths(args.paths, settings, **run_options)
    errors = list(result.errors)
    fixed = 0
    if args.add_suppressions:
        return _add_suppressions(result, errors, diff=args.diff)
    if args.fix or args.diff:
        from ..run.fix import fix_findings

        # --diff shows and never writes, even with --fix: only --fix alone writes
        outcome = fix_findings(result.findings, result.digests, write=not args.diff,
                               unsafe=args.unsafe_fixes)
        errors += outcome.errors
        if args.diff:
            return _report_diff(outcome, errors, _hidden(result.findings, args.unsafe_fixes))
        fixed = outcome.applied
        if fixed:  # report what remains, where it now is
            result = lint_paths(args.paths, settings, **run_options)
            errors = list(result.errors) + outcome.errors
    for error in errors:
        print(error, file=sys.stderr)
    _report(args, result, errors, fixed)
    if errors:
        return 2
    failing = any(at_least(f.severity, settings.fail_on) for f in result.findings)
    return 1 if failing and not args.exit_zero else 0


def _report(args: argparse.Namespace, result, errors: list[str], fixed: int) -> None:
    """Write the findings in the chosen format, to standard output or ``--output-file``."""
    from ..report.concise import use_color

    out = sys.stdout
    if args.output_file:
        try:
            out = open(args.output_file, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise QuotelintError(f"{args.output_file}: cannot write: "
                                 f"{exc.strerror or exc}") from None
    try:
        isatty = getattr(out, "isatty", None)
        ctx = ReportContext(result.rules, result.files, quiet=args.quiet,
                            color=use_color(out, args.color), fixed=fixed, errors=errors,
                            terminal=bool(isatty and isatty()), stdin_name=args.stdin_filename,
                            skipped=result.skipped, planned=result.planned,
                            max_bytes=args.max_file_size or None, collected=result.collected)
        if args.statistics:
            from ..report.statistics import write as write_statistics

            write_statistics(result.findings, out, ctx, args.format)
        else:
            writer(args.format)(result.findings, out, ctx)
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()


def _add_suppressions(result, errors: list[str], *, diff: bool) -> int:
    from ..run.adopt import add_suppressions

    audits = frozenset(c.meta.id for c in result.rules if c.AUDIT)
    outcome = add_suppressions(result.findings, result.digests, audit_rules=audits,
                               write=not diff)
    errors += outcome.errors
    if diff:
        for file_fix in outcome.files:
            sys.stdout.write(file_fix.diff())
        sys.stdout.flush()
    for error in errors:
        print(error, file=sys.stderr)
    n = outcome.applied
    files = sum(1 for f in outcome.files if f.applied)
    if n:
        verb = "Would suppress" if diff else "Suppressed"
        print(f"{verb} {n} problem{'s' if n != 1 else ''} in {files} "
              f"file{'s' if files != 1 else ''} (one comment a line: replace its placeholder "
              f"reason).", file=sys.stderr)
    elif not outcome.errors:  # else the lines it could not suppress are named above
        print("No problems to suppress.", file=sys.stderr)
    return 2 if errors else 0


def _hidden(findings, unsafe_fixes: bool) -> int:
    """How many unsafe fixes --unsafe-fixes would add."""
    return 0 if unsafe_fixes else sum(1 for f in findings if f.fix and not f.fix.safe)


def _report_diff(outcome, errors: list[str], hidden: int) -> int:
    for file_fix in outcome.files:
        sys.stdout.write(file_fix.diff())
    sys.stdout.flush()
    for error in errors:
        print(error, file=sys.stderr)
    files = sum(1 for f in outcome.files if f.applied)
    n = outcome.applied
    if n:
        print(f"Would fix {n} problem{'s' if n != 1 else ''} in {files} "
              f"file{'s' if files != 1 else ''}.", file=sys.stderr)
    else:
        print("No fixes available.", file=sys.stderr)
    if hidden:
        print(f"({hidden} unsafe fix{'es' if hidden != 1 else ''} with --unsafe-fixes: "
              f"they may change what a sentence says.)", file=sys.stderr)
    if errors:
        return 2
    return 1 if n else 0
