"""Project hygiene: CI runs the README's test command, and the code passes ruff."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", quick, re.S)


def test_readme_has_two_setup_commands_and_ci_runs_the_second():
    install, test = readme_commands()
    assert "pip install ." in install and install.endswith("quotelint seeds/")
    assert "[dev]" in test and "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()


def test_ruff_is_clean():
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "quotelint", "tests",
                        "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_readme_shows_what_quotelint_seeds_prints():
    # The first thing a reader sees must be the tool's real output, not last month's: the
    # golden copy that test_seeds checks against a run of `quotelint seeds/` (exit 1).
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = text.split("```\n$ quotelint seeds/\n", 1)[1].split("```", 1)[0]
    assert shown == (ROOT / "tests" / "golden" / "seeds.txt").read_text(encoding="utf-8")
