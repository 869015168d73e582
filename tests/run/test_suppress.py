"""Inline suppression comments, in Markdown and plain text, for findings of every kind."""

from __future__ import annotations

import pytest

from quotelint import Settings, lint_text
from quotelint.run.suppress import parse
from quotelint.text.document import Document

A = "It is believed the talks failed."  # QL401 at column 1
B = "Ministers reportedly agreed."  # QL402 at column 11


def lint(text: str, path: str = "a.md", **settings) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column)
            for f in lint_text(text, path=path, settings=Settings(**settings))]


@pytest.mark.parametrize("path", ["a.md", "a.txt"])
@pytest.mark.parametrize("selector", ["QL401", "ql401", "agentless-attribution",
                                      "unattributed-claim", "QL40", "ALL", ""])
def test_disable_next_line_by_id_name_category_or_prefix(path, selector):
    text = f"<!-- quotelint-disable-next-line {selector} -- quoting the memo -->\n{A}\n{A}\n"
    assert lint(text, path) == [("QL401", 3, 1)]


def test_disable_line_and_several_selectors():
    text = f"{A} {B} <!-- quotelint-disable-line QL401, hearsay -->\n{A} {B}\n"
    assert lint(text) == [("QL401", 2, 1), ("QL402", 2, 44)]


def test_disable_and_enable_blocks_per_rule():
    text = (f"<!-- quotelint-disable unattributed-claim -- a quoted memo follows -->\n{A} {B}\n"
            f"<!-- quotelint-enable QL401 -->\n{A} {B}\n"
            f"<!-- quotelint-enable -->\n{A} {B}\n")
    assert lint(text) == [("QL401", 4, 1), ("QL401", 6, 1), ("QL402", 6, 44)]


def test_disable_file_applies_wherever_it_stands():
    text = f"{A} {B}\n\n{A}\n\n<!-- quotelint-disable-file QL401 -- wire copy -->\n"
    assert lint(text) == [("QL402", 1, 44)]


def test_reason_follows_two_hyphens_or_a_dash():
    doc = Document("<!-- quotelint-disable-next-line QL401 QL402 -- the memo's words -->\n"
                   "<!-- quotelint-disable QL301 — agreed with the desk -->\n"
                   "<!-- quotelint-disable-file -->\n", "a.md")
    assert [(d.action, d.selectors, d.reason, d.line, d.column) for d in parse(doc)] == [
        ("disable-next-line", ("QL401", "QL402"), "the memo's words", 1, 1),
        ("disable", ("QL301",), "agreed with the desk", 2, 1),
        ("disable-file", (), "", 3, 1)]


@pytest.mark.parametrize("text", [
    f"```\n<!-- quotelint-disable-file -->\n```\n\n{A}\n",
    f"Write `<!-- quotelint-disable-file -->` to silence a file.\n\n{A}\n",
    f"    <!-- quotelint-disable-file -->\n\n{A}\n",
    f"“Type <!-- quotelint-disable-file --> at the top,” she said. {A}\n",
])
def test_comments_in_code_or_quotations_are_not_suppressions(text):
    found = lint(text)
    assert [r for r, *_ in found] == ["QL401"]  # and no QL901 for a non-directive


def test_a_quote_left_open_does_not_swallow_a_comment():
    text = ("“We will not resign, the minister said. <!-- quotelint-disable-line QL101 -->\n\n"
            "“Not today.”\n")
    doc = Document(text, "a.md")
    assert [q.close_mark for q in doc.quotes.quotes][:1] == [None]  # an AP running quote
    assert [(d.action, d.line) for d in parse(doc)] == [("disable-line", 1)]


def test_unused_unknown_and_misspelt_suppressions_are_reported(cli, write):
    path = write("a.md", "<!-- quotelint-disable-next-line QL401 -- stale -->\n"
                         "The council met on Tuesday.\n\n"
                         f"{A} <!-- quotelint-disable-line QL999 -->\n\n"
                         "<!-- quotelint-disabel QL402 -->\n"
                         f"{B}\n\n<!-- quotelint-enable QL402 -->\n")
    r = cli("-q", "--fail-on", "info", str(path))
    assert r.code == 1
    assert r.out.splitlines() == [
        f"{path}:1:1: info QL901 Unused suppression: “quotelint-disable-next-line QL401” "
        f"silences nothing.",
        f"{path}:4:1: warning QL401 “It is believed”: by whom? Name who believes or "
        f"reported it.",
        f"{path}:4:34: info QL901 Unused suppression: “QL999” is not a rule id, name or "
        f"category (see `quotelint rules`).",
        f"{path}:6:1: info QL901 Unused suppression: unknown directive “quotelint-disabel” "
        f"(use disable, enable, disable-line, disable-next-line, disable-file).",
        f"{path}:7:11: warning QL402 “reportedly”: Reported by whom? Name the report or the "
        f"source.",
        f"{path}:9:1: info QL901 Unused suppression: “quotelint-enable QL402” follows no "
        f"matching disable."]


def test_suppressions_for_rules_that_did_not_run_are_not_called_unused():
    text = f"<!-- quotelint-disable-next-line QL401 -->\nThe council met.\n\n{B}\n"
    assert lint(text, select=["QL402", "QL901"]) == [("QL402", 4, 11)]
    assert lint(text, select=["QL401", "QL901"]) == [("QL901", 1, 1)]


def test_audit_findings_need_a_suppression_that_names_them():
    stale = "<!-- quotelint-disable-next-line QL401 -->\nThe council met.\n"
    assert lint(stale + f"<!-- quotelint-disable-file -->\n{A}\n") == [("QL901", 1, 1)]
    assert lint(stale + "<!-- quotelint-disable-file QL901 -- old copy -->\n") == []


def test_require_reason_reports_suppressions_without_one(cli, write, tmp_path):
    (tmp_path / ".git").mkdir()
    write(".quotelint.yaml", "suppressions:\n  require_reason: true\n")
    write("a.md", f"<!-- quotelint-disable-next-line QL401 -->\n{A}\n\n"
                  f"<!-- quotelint-disable QL402 -- the minister's words -->\n{B}\n"
                  f"<!-- quotelint-enable QL402 -->\n")
    r = cli("-q", "a.md", cwd=tmp_path)
    assert r.code == 1
    assert r.out.splitlines() == [
        "a.md:1:1: warning QL902 Suppression without a reason: “quotelint-disable-next-line "
        "QL401” gives no reason; add one after “--”."]
    assert cli("-q", "--isolated", "a.md").out == ""


STORY_RULE = """\
rules:
  - id: T501
    name: distance-differs
    kind: test-distance
    category: number-consistency
    message: "{match} differs from the first article"
"""


@pytest.fixture
def story_rule(write, monkeypatch):
    import quotelint.checks

    monkeypatch.setitem(quotelint.checks.KINDS, "test-distance",
                        "helper_story_kind:DistanceCheck")
    return write("story.yaml", STORY_RULE)


def test_story_findings_are_silenced_by_the_comments_of_their_file(cli, write, tmp_path,
                                                                   story_rule):
    write("a.md", "The missile flew 300 km.\n")
    write("b.md", "Its range is 320 km, officials said.\n")
    write("c.md", "<!-- quotelint-disable-next-line T501 -- the wire's own figure -->\n"
                  "Its range is 320 km.\n")
    args = ("-q", "--rules", str(story_rule), "--select", "T501,QL901", "--story")
    r = cli(*args, "a.md", "b.md", "c.md", cwd=tmp_path)
    assert r.out.splitlines() == ["b.md:1:14: warning T501 320 km differs from the first article"]
    # the same comment with nothing to silence is unused in a story run...
    write("c.md", "<!-- quotelint-disable-next-line T501 -- the wire's own figure -->\n"
                  "Its range is 300 km.\n")
    r = cli(*args, "a.md", "c.md")
    assert r.out.splitlines() == [
        "c.md:1:1: info QL901 Unused suppression: “quotelint-disable-next-line T501” silences "
        "nothing."]
    # ...but not when the file is linted alone: only a story run could have used it
    assert cli(*args[:-1], "c.md").out == ""
