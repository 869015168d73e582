"""Run the examples of rule files as tests: every `fail` example must fire, no `pass` example may.

Like Semgrep's ``--test``: a rule's examples are its test suite. The rules under test can use
the default pack's lexicons.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..checks.base import Check
from ..document import Document
from ..ruleset import load_rules, rule_files


@dataclass(frozen=True)
class ExampleFailure:
    check: Check
    expected: str  # "fail" (should fire) or "pass" (should not)
    index: int
    text: str
    detail: str

    def __str__(self) -> str:
        m = self.check.meta
        lines = m.example_lines.get(self.expected, [])
        line = lines[self.index] if self.index < len(lines) else m.line
        snippet = " ".join(self.text.split())
        if len(snippet) > 80:
            snippet = snippet[:77] + "..."
        where = f"{m.path}:{line}: {m.id} {m.name}: {self.detail}"
        return f"{where}: {snippet!r}" if snippet else where


def check_examples(check: Check) -> list[ExampleFailure]:
    """Run one rule on its own examples; an empty list means it behaves as documented."""
    examples = check.meta.examples or {}
    failures = []
    if not examples.get("fail") and not examples.get("pass"):
        failures.append(ExampleFailure(check, "fail", 0, "", "rule has no examples"))
    for expected in ("fail", "pass"):
        for i, text in enumerate(examples.get(expected, [])):
            found = [f for f in check.run(Document(text, "example.txt", markdown=False))
                     if f.rule == check.meta.id]
            if expected == "fail" and not found:
                failures.append(ExampleFailure(check, expected, i, text,
                                               "fail example produced no finding"))
            elif expected == "pass" and found:
                at = found[0]
                failures.append(ExampleFailure(
                    check, expected, i, text,
                    f"pass example was reported at {at.line}:{at.column} ({at.message})"))
    return failures


def run_examples(checks: Iterable[Check]) -> tuple[int, int, list[ExampleFailure]]:
    """(rules tested, examples run, failures)."""
    checks = list(checks)
    failures = [f for c in checks for f in check_examples(c)]
    total = sum(len((c.meta.examples or {}).get(k, [])) for c in checks for k in ("fail", "pass"))
    return len(checks), total, failures


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="rule files or folders (default: the default rule pack)")


def run(args: argparse.Namespace) -> int:
    if args.paths:
        ruleset = load_rules(args.paths)
        wanted = {str(f) for p in args.paths for f in rule_files(Path(p))}
        checks = [c for c in ruleset.checks if c.meta.path in wanted]
    else:
        checks = load_rules().checks
    rules, examples, failures = run_examples(checks)
    for failure in failures:
        print(failure)
    passed = examples - sum(1 for f in failures if f.detail != "rule has no examples")
    print(f"{rules} rule{'s' if rules != 1 else ''}, {examples} examples: {passed} passed, "
          f"{len(failures)} failed", file=sys.stderr)
    return 1 if failures else 0
