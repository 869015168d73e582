"""The founding examples: exact findings on the seed articles, and a golden copy of the output.

Set QUOTELINT_UPDATE_GOLDEN=1 to rewrite tests/golden/seeds.txt after an intended change, then
read the diff before committing it.
"""

from __future__ import annotations

import os

from conftest import ROOT

from quotelint import Settings, lint_file

GOLDEN = ROOT / "tests" / "golden" / "seeds.txt"
SEED_002 = "seeds/002_03e8ae0ae14f60e1.txt"


def findings(path: str, rule: str) -> list[tuple[int, int, str]]:
    result = lint_file(str(ROOT / path), Settings(select=[rule]))
    return [(f.line, f.column, f.message.split("”")[0].lstrip("“")) for f in result.findings]


def test_agentless_attribution_on_seed_002():
    assert findings(SEED_002, "QL401") == [(1, 165, "it has been reported"),
                                           (18, 1, "It is believed")]


def test_reportedly_on_seed_002():
    assert findings(SEED_002, "QL402") == [(5, 26, "reportedly")]


def test_golden_output_on_seeds(cli):
    r = cli("seeds/", cwd=ROOT)
    assert r.code == 1
    if os.environ.get("QUOTELINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(r.out, encoding="utf-8")
    assert r.out == GOLDEN.read_text(encoding="utf-8")
