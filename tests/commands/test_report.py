"""Output formats: jsonl, SARIF (validated against the official schema), GitHub annotations,
--statistics and colour."""

from __future__ import annotations

import io
import json

import pytest
from conftest import ROOT
from jsonschema import Draft4Validator

from quotelint.report.concise import use_color
from quotelint.report.github import escape_data, escape_property

SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json")
                    .read_text(encoding="utf-8"))
HOUSE = """\
rules:
  - id: HOUSE010
    name: house-spelling
    kind: substitution
    category: style
    severity: info
    message: "House style: “{replacement}”, not “{match}”."
    description: Spellings the house style guide prefers.
    ignore_case: true
    swap: {'per cent': percent}
  - id: HOUSE020
    name: kyiv-spelling
    kind: consistency
    category: style
    message: "“{match}” here, but “{other}” on line {other_line}."
    either: {'Kyiv': 'Kiev'}
"""
DRAFT = ("Kyiv said prices rose 4 per cent.\n\nIt is believed the talks failed.\n\n"
         "In Kiev, ministers reportedly agreed.\n")


@pytest.fixture
def draft(write):
    rules = write("house.yaml", HOUSE)
    path = write("drafts/my draft.md", DRAFT)
    return rules, path


def sarif(cli, rules, *paths) -> dict:
    r = cli("--format", "sarif", "--rules", str(rules), *map(str, paths))
    assert r.code == 1, r.err
    return json.loads(r.out)


def test_jsonl_is_one_json_object_a_line(cli, draft):
    rules, path = draft
    as_json = json.loads(cli("--format", "json", "--rules", str(rules), str(path)).out)
    lines = cli("--format", "jsonl", "--rules", str(rules), str(path)).out.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    assert len(lines) == 4


def test_sarif_is_valid_against_the_official_schema(cli, draft):
    rules, path = draft
    log = sarif(cli, rules, path)
    errors = sorted(Draft4Validator(SCHEMA, format_checker=Draft4Validator.FORMAT_CHECKER)
                    .iter_errors(log), key=str)
    assert [e.message for e in errors] == []


def test_sarif_has_what_github_code_scanning_requires(cli, draft, tmp_path, monkeypatch):
    rules, _ = draft
    monkeypatch.chdir(tmp_path)  # paths are given relative to where quotelint runs
    log = sarif(cli, rules, "drafts/my draft.md")
    assert log["version"] == "2.1.0" and log["$schema"]
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "quotelint"
    for rule in driver["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip(), (rule["id"], key)
    assert [r["id"] for r in driver["rules"]] == sorted(r["id"] for r in driver["rules"])
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("HOUSE010", "note"), ("QL401", "warning"), ("HOUSE020", "warning"),
        ("QL402", "warning")]
    for r in results:
        assert r["message"]["text"]
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["partialFingerprints"]["primaryLocationLineHash"].endswith(":1")
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "drafts/my%20draft.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 1, "startColumn": 25, "endLine": 1, "endColumn": 33}
    fix = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"] == {"text": "percent"}
    related = results[2]["relatedLocations"][0]
    assert related["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 1}


def test_sarif_fingerprints_survive_lines_added_above(cli, draft):
    rules, path = draft

    def prints() -> list[tuple[str, str]]:
        return [(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"])
                for r in sarif(cli, rules, path)["runs"][0]["results"]]

    before = prints()
    path.write_text("# A new headline\n\nA new first paragraph.\n\n" + DRAFT, encoding="utf-8")
    assert prints() == before


def test_sarif_notes_input_errors_as_an_unsuccessful_run(cli, draft):
    rules, path = draft
    r = cli("--format", "sarif", "--rules", str(rules), str(path), "missing.md")
    assert r.code == 2
    [invocation] = json.loads(r.out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == \
        "missing.md: no such file or directory"


def test_github_annotations_escape_paths_titles_and_messages(cli, write):
    rules = write("odds.yaml", """\
rules:
  - id: T100
    name: odds
    kind: pattern
    category: style
    message: "Odds: 50%, not {match}\\r\\nsee the style guide"
    pattern: 'evens'
""")
    path = write("desk,a:b%c.md", "The odds were evens.\n")
    r = cli("--format", "github", "--rules", str(rules), "--select", "T100", "desk,a:b%c.md",
            cwd=path.parent)
    assert r.out == ("::warning file=desk%2Ca%3Ab%25c.md,line=1,endLine=1,col=15,endColumn=20,"
                     "title=quotelint T100 (odds)::T100 Odds: 50%25, not evens%0D%0Asee the "
                     "style guide\n")
    assert escape_property("a:b,c%d\r\n") == "a%3Ab%2Cc%25d%0D%0A"
    assert escape_data("a:b,c%d\r\n") == "a:b,c%25d%0D%0A"


def test_github_puts_errors_first_and_summarises_many_findings(cli, write, tmp_path,
                                                               monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    path = write("a.txt", "It is believed so. " * 11 + "\nMinisters reportedly agreed.\n")
    r = cli("--format", "github", "--config", str(write("c.yaml", "severity: {QL402: error}\n")),
            str(path))
    lines = r.out.splitlines()
    assert len(lines) == 12
    assert lines[0].startswith(f"::error file={escape_property(str(path))},line=2,")
    assert all(line.startswith("::warning ") for line in lines[1:])
    table = summary.read_text(encoding="utf-8").splitlines()
    assert table[:6] == ["## quotelint", "", "12 problems", "",
                         "| File | Line | Severity | Rule | Message |", "|---|---:|---|---|---|"]
    assert table[6] == (f"| {path} | 1 | warning | QL401 | “It is believed”: by whom? Name who "
                        f"believes or reported it. |")
    assert len(table) == 18


def test_statistics_count_findings_per_rule(cli, draft):
    rules, path = draft
    r = cli("--statistics", "--rules", str(rules), str(path))
    assert r.code == 1
    assert r.out.splitlines() == [
        "1  HOUSE010  house-spelling         info  [*] 1 fixable",
        "1  HOUSE020  kyiv-spelling          warning",
        "1  QL401     agentless-attribution  warning",
        "1  QL402     hearsay                warning",
        "Found 4 problems in 1 file."]
    rows = json.loads(cli("--statistics", "--format", "json", "--rules", str(rules),
                          str(path)).out)
    assert rows[0] == {"rule": "HOUSE010", "name": "house-spelling", "category": "style",
                       "severity": "info", "count": 1, "fixable": 1}
    r = cli("--statistics", "--format", "sarif", str(path))
    assert (r.code, r.err) == (2, "quotelint: --statistics works with --format text or json, "
                                  "not sarif\n")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    assert use_color(io.StringIO()) is False
    assert use_color(_Tty()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(_Tty()) is False
    assert use_color(io.StringIO(), "always") is True
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color(io.StringIO()) is True
    assert use_color(_Tty(), "never") is False
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert use_color(_Tty()) is False


def test_coloured_text_keeps_the_same_words(cli, write):
    path = write("a.txt", "It is believed the talks failed.\n")
    plain = cli("-q", str(path)).out
    coloured = cli("-q", "--color", "always", str(path)).out
    assert coloured == (f"\033[1m{path}\033[0m:1:1: \033[33mwarning\033[0m \033[1mQL401\033[0m "
                        f"“It is believed”: by whom? Name who believes or reported it.\n")
    assert "\033" not in plain
