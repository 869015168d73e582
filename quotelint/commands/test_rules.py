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
from ..checks.ruleset import RuleSet, load_rules, rule_files
from ..run.linter import lint_document
from ..text.document import Document


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


def example_ruleset(check: Check, context: RuleSet | None = None) -> RuleSet:
    """What a rule's examples run with: the rule alone; for a rule about suppression comments
    (QL9xx), every enabled rule of ``context`` (default: the default pack) besides it, since
    whether a comment silenced something depends on the others."""
    if not check.AUDIT:
        return RuleSet([check])
    base = context if context is not None else load_rules()
    others = [c for c in base.all_checks
              if c.meta.enabled and not c.AUDIT and c.meta.id != check.meta.id]
    return RuleSet([*others, check], loaded=[*base.all_checks, check])


def check_examples(check: Check, context: RuleSet | None = None) -> list[ExampleFailure]:
    """Run one rule on its own examples; an empty list means it behaves as documented.

    Examples run through the whole pipeline, so a suppression comment in an example works as
    it would in a file."""
    examples = check.meta.examples or {}
    failures = []
    if not examples.get("fail") and not examples.get("pass"):
        failures.append(ExampleFailure(check, "fail", 0, "", "rule has no examples"))
    ruleset = example_ruleset(check, context) if examples else None
    for expected in ("fail", "pass"):
        for i, text in enumerate(examples.get(expected, [])):
            result = lint_document(Document(text, "example.txt", markdown=False), ruleset)
            found = [f for f in result.findings if f.rule == check.meta.id]
            if result.errors:
                failures.append(ExampleFailure(check, expected, i, text, result.errors[0]))
            elif expected == "fail" and not found:
                failures.append(ExampleFailure(check, expected, i, text,
                                               "fail example produced no finding"))
            elif expected == "pass" and found:
                at = found[0]
                failures.append(ExampleFailure(
                    check, expected, i, text,
                    f"pass example was reported at {at.line}:{at.column} ({at.message})"))
    return failures


def run_examples(checks: Iterable[Check],
                 context: RuleSet | None = None) -> tuple[int, int, list[ExampleFailure]]:
    """(rules tested, examples run, failures)."""
    checks = list(checks)
    failures = [f for c in checks for f in check_examples(c, context)]
    total = sum(len((c.meta.examples or {}).get(k, [])) for c in checks for k in ("fail", "pass"))
    return len(checks), total, failures


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="rule files or folders (default: the default rule pack)")


def run(args: argparse.Namespace) -> int:
    ruleset = load_rules(args.paths)
    if args.paths:
        wanted = {str(f) for p in args.paths for f in rule_files(Path(p))}
        checks = [c for c in ruleset.checks if c.meta.path in wanted]
    else:
        checks = ruleset.checks
    rules, examples, failures = run_examples(checks, ruleset)
    for failure in failures:
        print(failure)
    passed = examples - sum(1 for f in failures if f.detail != "rule has no examples")
    print(f"{rules} rule{'s' if rules != 1 else ''}, {examples} examples: {passed} passed, "
          f"{len(failures)} failed", file=sys.stderr)
    return 1 if failures else 0
