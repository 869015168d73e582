"""The default rule pack: every rule documented, and every example behaving as documented."""

from __future__ import annotations

import pytest

from quotelint.checks.ruleset import load_rules
from quotelint.commands.test_rules import check_examples
from quotelint.paths import default_rules_dir

CHECKS = load_rules().checks


def test_default_rules_load_from_the_rules_folder():
    assert {c.meta.path for c in CHECKS} <= {str(p) for p in default_rules_dir().glob("*.y*ml")}
    assert CHECKS, "the default pack is empty"


@pytest.mark.parametrize("check", CHECKS, ids=[c.meta.id for c in CHECKS])
def test_rule_is_documented(check):
    m = check.meta
    assert m.description, f"{m.id} has no description"
    assert m.rationale, f"{m.id} has no rationale"
    assert (m.examples or {}).get("fail"), f"{m.id} has no fail examples"
    assert (m.examples or {}).get("pass"), f"{m.id} has no pass examples"


@pytest.mark.parametrize("check", CHECKS, ids=[c.meta.id for c in CHECKS])
def test_rule_examples(check):
    assert [str(f) for f in check_examples(check)] == []
