"""The command line: output shapes, exit codes, selection and the subcommands."""

from __future__ import annotations

import json

from conftest import SEEDS

CLAIM = "Officials met on Tuesday.\nIt is believed the talks failed.\n"
CLEAN = "The council approved the budget on Tuesday.\n"
CONTRACT_KEYS = {"path", "line", "column", "end_line", "end_column", "rule", "name",
                 "category", "severity", "message"}


def test_text_output_shape_and_exit_1(cli, write):
    path = write("draft.txt", CLAIM)
    r = cli(str(path))
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{path}:2:1: warning QL401 “It is believed”: by whom? Name who believes or reported it.",
        "Found 1 problem (1 warning) in 1 file."]


def test_clean_file_exit_0(cli, write):
    r = cli("--format", "json", str(write("clean.txt", CLEAN)))
    assert (r.code, json.loads(r.out)) == (0, [])


def test_json_contract(cli, write):
    path = write("draft.txt", CLAIM)
    r = cli("--format", "json", str(path))
    [item] = json.loads(r.out)
    assert set(item) >= CONTRACT_KEYS
    assert item | {"path": None} == {
        "path": None, "line": 2, "column": 1, "end_line": 2, "end_column": 15,
        "rule": "QL401", "name": "agentless-attribution", "category": "unattributed-claim",
        "severity": "warning",
        "message": "“It is believed”: by whom? Name who believes or reported it.",
        "start": 26, "end": 40, "related": [], "fix": None}
    assert item["path"] == str(path)


def test_findings_sorted_by_path_line_column(cli, write):
    write("b.txt", "It is thought so. Ministers reportedly agreed.\n")
    write("a.txt", "Ministers reportedly agreed.\nIt is thought so.\n")
    r = cli("-q", ".", cwd=write("x.txt", CLEAN).parent)
    assert [line.split(": ")[0] for line in r.out.splitlines()] == [
        "./a.txt:1:11", "./a.txt:2:1", "./b.txt:1:1", "./b.txt:1:29"]


def test_directories_are_recursed_for_prose_files_only(cli, write):
    write("drafts/one.md", CLAIM)
    write("drafts/deep/two.markdown", CLAIM)
    write("drafts/three.TXT", CLAIM)
    write("drafts/notes.py", CLAIM)
    write("drafts/.hidden/four.txt", CLAIM)
    r = cli("-q", "drafts", cwd=write("x.txt", "").parent)
    assert sorted(line.split(":")[0] for line in r.out.splitlines()) == [
        "drafts/deep/two.markdown", "drafts/one.md", "drafts/three.TXT"]


def test_missing_path_is_exit_2_and_other_files_still_linted(cli, write):
    path = write("draft.txt", CLAIM)
    r = cli("-q", "no-such-file.txt", str(path))
    assert r.code == 2
    assert r.err == "no-such-file.txt: no such file or directory\n"
    assert "QL401" in r.out


def test_undecodable_file_is_skipped_named_and_exit_2(cli, write):
    bad = write("bad.txt", b"Caf\xe9 owners said so.\n")
    good = write("good.txt", CLAIM)
    r = cli("-q", str(bad), str(good))
    assert r.code == 2
    assert r.err == (f"{bad}:1: not valid UTF-8 (byte 0xe9 at offset 3); file skipped. "
                     f"Re-save it as UTF-8.\n")
    assert f"{good}:2:1: warning QL401" in r.out


def test_stdin_with_and_without_a_name(cli):
    r = cli("-q", "-", stdin=CLAIM.encode())
    assert r.out.startswith("-:2:1: warning QL401")
    md = "```\nIt is believed\n```\n\nIt is thought so.\n"
    r = cli("-q", "--stdin-filename", "draft.md", "-", stdin=md.encode())
    assert r.out.splitlines() == [
        "draft.md:5:1: warning QL401 “It is thought”: by whom? Name who believes or reported it."]


def test_select_ignore_fail_on_exit_zero(cli, write):
    path = str(write("draft.txt", "It is thought so. Ministers reportedly agreed.\n"))
    assert [ln.split()[2] for ln in cli("-q", "--select", "QL402", path).out.splitlines()] == [
        "QL402"]
    assert cli("-q", "--ignore", "agentless-attribution,hearsay", path).code == 0
    assert cli("-q", "--select", "unattributed-claim", "--ignore", "QL40", path).out == ""
    assert cli("-q", "--fail-on", "error", path).code == 0
    assert cli("-q", "--exit-zero", path).code == 0
    r = cli("--select", "QL999", path)
    assert r.code == 2
    assert r.err.startswith("quotelint: unknown rule selector 'QL999'")


def test_extra_rules_file(cli, write):
    rules = write("house.yaml", """\
rules:
  - id: HOUSE001
    name: no-slammed
    kind: pattern
    category: style
    severity: info
    message: "“{match}” is loaded: say what was said."
    pattern: '\\bslam(?:s|med)?\\b'
    ignore_case: true
    examples: {fail: [Critics slammed the plan.], pass: [Critics criticised the plan.]}
""")
    path = write("draft.txt", "Critics slammed the plan.\n")
    r = cli("-q", "--rules", str(rules), str(path))
    assert r.out == f"{path}:1:9: info HOUSE001 “slammed” is loaded: say what was said.\n"
    assert r.code == 0  # info is below the default --fail-on warning
    assert cli("-q", "--rules", str(rules), "--fail-on", "info", str(path)).code == 1


def test_rules_listing_and_explain(cli):
    r = cli("rules")
    lines = r.out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "CATEGORY", "SEVERITY", "DESCRIPTION"]
    assert any(ln.split()[:4] == ["QL401", "agentless-attribution", "unattributed-claim",
                                  "warning"] for ln in lines)
    r = cli("explain", "QL401")
    assert r.code == 0
    assert r.out.startswith("QL401 agentless-attribution\n")
    assert "Reported:\n    It is believed Ukraine" in r.out
    assert cli("explain", "hearsay").out.startswith("QL402 hearsay\n")
    r = cli("explain", "QL000")
    assert (r.code, r.err) == (2, "quotelint: unknown rule 'QL000' (see `quotelint rules`)\n")


def test_test_rules_reports_each_failing_example(cli, write):
    rules = write("house.yaml", """\
rules:
  - id: HOUSE002
    name: no-slammed
    kind: pattern
    category: style
    message: "{match}"
    pattern: '\\bslammed\\b'
    examples:
      fail:
        - Critics slammed the plan.
        - Critics slams the plan.
      pass:
        - Critics slammed nothing.
  - id: HOUSE003
    name: no-examples
    kind: pattern
    category: style
    message: "{match}"
    pattern: 'x'
""")
    r = cli("test-rules", str(rules))
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{rules}:11: HOUSE002 no-slammed: fail example produced no finding: "
        f"'Critics slams the plan.'",
        f"{rules}:13: HOUSE002 no-slammed: pass example was reported at 1:9 (slammed): "
        f"'Critics slammed nothing.'",
        f"{rules}:14: HOUSE003 no-examples: rule has no examples"]
    assert r.err == "2 rules, 3 examples: 1 passed, 3 failed\n"


def test_default_pack_examples_pass_via_cli(cli):
    assert cli("test-rules").code == 0


def test_usage_error_is_exit_2(cli):
    r = cli("--format", "yaml", str(SEEDS))
    assert r.code == 2
    assert "invalid choice: 'yaml'" in r.err
