"""Issue 12, items 2, 4 and 5: settings are a value, rules are loaded by one function, and a
Finding, a suppression audit, the severities and the selector matcher each have one place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import quotelint
from quotelint import Settings, lint_text

PACKAGE = Path(quotelint.__file__).parent


def sources() -> dict[str, str]:
    return {str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8")
            for p in PACKAGE.rglob("*.py")}


def imported(module: str) -> set[str]:
    """The quotelint modules ``module`` (a path under the package) imports, anywhere in it."""
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    package = ".".join(["quotelint", *Path(module).parent.parts])
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] \
                if node.level else []
            name = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            out.add(name)
            out.update(f"{name}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_linter_and_parallel_do_not_import_each_other():
    assert "quotelint.run.parallel" in imported("run/linter.py")
    assert not {"quotelint.run.linter"} & imported("run/parallel.py")


def test_no_module_writes_the_private_state_of_settings():
    writes = {name for name, text in sources().items()
              if re.search(r"\._(loader|ruleset)\s*=", text)}
    assert writes == set()


def test_equal_settings_share_one_loaded_rule_set():
    first, second = Settings(ignore=["QL402"]), Settings(ignore=["QL402"])
    assert first.ruleset() is second.ruleset()
    assert Settings().ruleset().all_checks is first.ruleset().all_checks  # one load


def test_a_finding_is_built_in_one_place():
    builders = {name for name, text in sources().items() if re.search(r"\bFinding\(", text)}
    assert builders == {"checks/base.py"}


def test_one_selector_matcher():
    matchers = {name for name, text in sources().items()
                if re.search(r"== \"ALL\"", text)}
    assert matchers == {"checks/selectors.py"}


def test_one_list_of_severities():
    spelled = {name for name, text in sources().items()
               if re.search(r"\"error\",\s*\"warning\",\s*\"info\"|\"info\": 0", text)}
    assert spelled == {"findings.py"}


def test_require_reason_turns_on_whatever_rule_reports_a_missing_reason(tmp_path):
    """No rule id is written in the configuration code: a pack of one's own works too."""
    (tmp_path / "house.yaml").write_text("""\
rules:
  - id: HOUSE901
    name: house-reason
    kind: suppression
    category: style
    report: missing-reason
    enabled: false
    message: "No reason: {detail}."
  - id: HOUSE401
    name: believed
    kind: pattern
    category: unattributed-claim
    pattern: "believed"
    message: "Believed by whom?"
""", encoding="utf-8")
    (tmp_path / "paper.yaml").write_text(
        f"default_rules: false\nrules: [{tmp_path / 'house.yaml'}]\n"
        "suppressions: {require_reason: true}\n", encoding="utf-8")
    text = "<!-- quotelint-disable-next-line HOUSE401 -->\nIt is believed the talks failed.\n"
    found = lint_text(text, "a.md", config=tmp_path / "paper.yaml")
    assert [(f.rule, f.line, f.column, f.message) for f in found] == [
        ("HOUSE901", 1, 1, "No reason: “quotelint-disable-next-line HOUSE401” gives no reason.")]
