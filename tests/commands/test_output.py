"""Issue 16 item 7: a code frame like ruff's, --format concise, --output-file, the rules
listing, --help, and what the sdist carries."""

from __future__ import annotations

import io
import json
import re

from conftest import ROOT

from quotelint.report import ReportContext
from quotelint.report import text as text_report
from quotelint.report.full import window
from quotelint.run.linter import lint_text

SHORT = "The council met on Monday.\nOfficials met again. It is believed the talks failed.\n"
LONG = ("The council met on Monday for the third time this month, and the meeting ran late "
        "into the evening. Officials from both parties attended, and it is believed the talks "
        "failed after the treasurer walked out of the room and refused to return for the vote. "
        "A spokesman declined to comment on the outcome.\n")


def test_full_shows_the_line_with_the_span_underlined(cli, write):
    path = write("a.txt", SHORT)
    r = cli("--format", "full", "--select", "QL401", str(path))
    assert r.out == (
        f"{path}:2:22: warning QL401 “It is believed”: by whom? Name who believes or reported "
        f"it.\n"
        "  |\n"
        "2 | Officials met again. It is believed the talks failed.\n"
        "  |                      ^^^^^^^^^^^^^^ QL401\n"
        "  |\n"
        "\n"
        "Found 1 problem (1 warning) in 1 file.\n")


def test_a_long_line_is_cut_around_the_span(cli, write):
    path = write("a.txt", LONG)
    r = cli("--format", "full", "-q", "--select", "QL401", str(path))
    lines = r.out.splitlines()
    assert lines[0].startswith(f"{path}:1:143: warning QL401 “it is believed”")
    assert lines[2] == ("1 | …Officials from both parties attended, and it is believed the talks "
                        "failed after the treasurer…")
    assert lines[3] == "  |                                            ^^^^^^^^^^^^^^ QL401"
    assert lines[3].index("^") == lines[2].index("it is believed")
    assert len(lines[2]) <= 4 + 100 + 2


def test_the_window_keeps_a_short_sentence_whole():
    line = "First sentence here. " * 3 + "Then it is believed the talks failed. " + "x. " * 40
    start = line.index("it is believed")
    lo, hi = window(line, start, start + 14)
    assert line[lo:hi] == "Then it is believed the talks failed."


def test_the_default_text_format_is_full_on_a_terminal_and_concise_elsewhere():
    findings = lint_text(SHORT, "-")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    on_terminal, piped = Terminal(), io.StringIO()
    text_report.write(findings, on_terminal, ReportContext([], 1, quiet=True, terminal=True))
    text_report.write(findings, piped, ReportContext([], 1, quiet=True))
    assert piped.getvalue() == "-:2:22: warning QL401 “It is believed”: by whom? Name who " \
                               "believes or reported it.\n"
    # standard input cannot be read again: the finding's line, and no frame
    assert on_terminal.getvalue() == piped.getvalue() + "\n"


def test_concise_is_one_line_a_finding(cli, write):
    path = write("a.txt", SHORT)
    r = cli("--format", "concise", "--select", "QL401", str(path))
    assert r.out == (f"{path}:2:22: warning QL401 “It is believed”: by whom? Name who believes "
                     f"or reported it.\nFound 1 problem (1 warning) in 1 file.\n")


def test_output_file_takes_any_format(cli, write, tmp_path):
    path = write("a.txt", SHORT)
    out = tmp_path / "out.json"
    r = cli("--format", "json", "--output-file", str(out), "--select", "QL401", str(path))
    assert (r.code, r.out) == (1, "")
    assert [(f["rule"], f["line"], f["column"]) for f in json.loads(out.read_text())] == [
        ("QL401", 2, 22)]
    r = cli("-o", str(tmp_path / "out.txt"), "--select", "QL401", str(path))
    assert (r.code, r.out) == (1, "")
    assert (tmp_path / "out.txt").read_text().splitlines()[0].startswith(
        f"{path}:2:22: warning QL401")


def test_rules_are_listed_by_id_at_the_configured_severity(cli, write, tmp_path):
    (tmp_path / ".git").mkdir()
    write(".quotelint.yaml", "severity: {QL401: error, hearsay: info}\n")
    r = cli("rules", "--format", "json", cwd=tmp_path)
    rows = json.loads(r.out)
    ids = [row["id"] for row in rows]
    assert ids == sorted(ids, key=lambda i: (i[:2], int(i[2:])))
    severity = {row["id"]: row["severity"] for row in rows}
    assert (severity["QL401"], severity["QL402"]) == ("error", "info")
    r = cli("rules", "--isolated", "--format", "json", cwd=tmp_path)
    assert {row["id"]: row["severity"] for row in json.loads(r.out)}["QL401"] == "warning"


def test_help_shows_the_whole_description(cli):
    r = cli("--help")
    assert "unattributed\nclaims and inconsistent numbers." in r.out
    r = cli("rules", "--help")
    assert "the\nrule files of the configuration that applies" in r.out


def test_the_sdist_carries_what_the_tests_read_and_the_license():
    include = re.search(r"\[tool\.hatch\.build\.targets\.sdist\]\ninclude = \[(.*?)\]",
                        (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.S).group(1)
    shipped = set(re.findall(r'"([^"]+)"', include))
    read = set()
    for test in (ROOT / "tests").rglob("*.py"):
        read |= set(re.findall(r'ROOT / "([\w.-]+)', test.read_text(encoding="utf-8")))
    read |= {"benchmarks"}  # ruff checks it (test_project)
    assert read - {"pyproject.toml", ".git"} <= shipped  # hatch adds pyproject itself
    assert "LICENSE" in shipped
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_explain_suggests_the_rule_meant(cli):
    r = cli("explain", "QL4O1")
    assert (r.code, r.err) == (2, "quotelint: unknown rule 'QL4O1' (see `quotelint rules`); "
                                  "did you mean 'QL401'?\n")
