"""The documentation is generated or executed: it cannot drift from what quotelint does."""

from __future__ import annotations

from conftest import ROOT

from quotelint.commands.rules import REGENERATE


def test_rules_reference_is_up_to_date(cli):
    r = cli("rules", "--format", "markdown", "--isolated", cwd=ROOT)
    assert r.code == 0
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert r.out == current, f"docs/rules.md is stale: run `{REGENERATE}` at the repository root"
