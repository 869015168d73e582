"""The command line: ``quotelint [check] PATH...`` and its subcommands.

``main(argv) -> int`` is what the console script and the tests call; each subcommand is a
module in ``quotelint/commands`` with ``add_arguments(parser)`` and ``run(args) -> int``,
imported only when used so that start-up stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import NoReturn

from . import __version__, cache

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("quotelint.commands.check", "lint files and folders (the default command)"),
    "rules": ("quotelint.commands.rules", "list the rules: id, name, category, severity"),
    "explain": ("quotelint.commands.explain", "show what a rule catches, why, and examples"),
    "test-rules": ("quotelint.commands.test_rules", "run the examples of rule files as tests"),
    "quotes": ("quotelint.commands.quotes", "list quotations with their speakers and cues"),
    "server": ("quotelint.commands.server", "run the language server (LSP over stdio) for editors"),
    "sources": ("quotelint.commands.sources", "list every source: named, anonymous, spokesperson"),
}

EXIT_FINDINGS, EXIT_ERROR = 1, 2


def _epilog() -> str:
    lines = ["commands:"]
    lines += [f"  {name:<12} {help_}" for name, (_, help_) in COMMANDS.items()]
    lines += ["", "exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, config, "
                  "rule or input error", "run `quotelint COMMAND --help` for a command's options"]
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """argparse, with "did you mean" for a misspelt option, as git and cargo give."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments: "):
            from .schema import did_you_mean

            for arg in message.split(": ", 1)[1].split():
                if arg.startswith("--"):
                    hint = did_you_mean(arg.split("=", 1)[0], self._option_string_actions)
                    if hint:
                        message += hint
                        break
        super().error(message)


def build_parser(name: str) -> argparse.ArgumentParser:
    module = import_module(COMMANDS[name][0])
    prog = "quotelint" if name == "check" else f"quotelint {name}"
    parser = _Parser(
        prog=prog, description=module.__doc__.strip().replace("``", "`"),
        epilog=_epilog() if name == "check" else None,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    if name == "check":
        parser.add_argument("--version", action="version", version=f"quotelint {__version__}")
    module.add_arguments(parser)
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the start-up cache of compiled patterns "
                             "and parsed rule files (also: QUOTELINT_NO_CACHE=1)")
    return parser


def _run(argv: list[str]) -> int:
    from .errors import QuotelintError, RuleError, RuleErrors

    name = argv.pop(0) if argv and argv[0] in COMMANDS else "check"
    try:
        args = build_parser(name).parse_intermixed_args(argv)  # PATHs before and after options
    except SystemExit as exc:  # --help, --version, or a usage error (argparse says which)
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    try:
        return import_module(COMMANDS[name][0]).run(args)
    except RuleErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return EXIT_ERROR
    except RuleError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    except QuotelintError as exc:
        print(f"quotelint: {exc}", file=sys.stderr)
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    options = argv[:argv.index("--")] if "--" in argv else argv
    if "--no-cache" in options:  # before any pattern is compiled, that is, any import
        cache.disable()
    try:
        code = _run(argv)
        cache.save()
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped to `head` and closed early: not an error of ours, and no traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
    except Exception as exc:  # a bug of ours: one clear line, the traceback only on request
        if os.environ.get("QUOTELINT_DEBUG"):
            raise
        print(f"quotelint: internal error: {type(exc).__name__}: {exc} "
              f"(set QUOTELINT_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
