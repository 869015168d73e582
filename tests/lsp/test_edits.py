"""The edits of the server's code actions, as offsets: fixes, and suppression comments that
the command line then reads as such."""

from __future__ import annotations

from quotelint.lsp.edits import REASON_PLACEHOLDER, Edit, fix_all_edits, suppression_edit
from quotelint.run.linter import lint_text


def _apply(text: str, edit: Edit) -> str:
    return text[:edit.start] + edit.new_text + text[edit.end:]


def test_a_disable_line_comment_goes_at_the_end_of_the_line_and_silences_the_rule():
    text = "It is believed the vote was rigged.  \nThe count went on.\n"
    (finding,) = lint_text(text, "story.md")
    edit = suppression_edit(text, finding, path="story.md")
    fixed = _apply(text, edit)
    assert fixed == ("It is believed the vote was rigged. <!-- quotelint-disable-line QL401 -- "
                     f"{REASON_PLACEHOLDER} -->  \nThe count went on.\n")
    assert lint_text(fixed, "story.md") == []


def test_the_comment_goes_before_a_windows_line_break():
    text = "Rain fell.\r\nIt is believed the vote was rigged.\r\nThe count went on.\r\n"
    (finding,) = lint_text(text, "story.txt")
    edit = suppression_edit(text, finding, path="story.txt")
    assert edit.start == text.index("\r\nThe count")
    assert lint_text(_apply(text, edit), "story.txt") == []


def test_a_line_that_ends_inside_a_quotation_is_silenced_before_the_finding():
    # A comment inside a quotation is not a directive (someone said it), so the end of the
    # finding's line is no place for one: it goes before the finding, as --add-suppressions
    # puts it.
    text = ("The mayor spoke at length about the budget on Tuesday.\n"
            "It is believed that “the plan, which the council\n"
            "rejected, was dead,” the mayor said.\n")
    (finding,) = [f for f in lint_text(text, "story.txt") if f.rule == "QL401"]
    edit = suppression_edit(text, finding, path="story.txt")
    assert edit.start == text.index("It is")
    assert edit.new_text == f"<!-- quotelint-disable-line QL401 -- {REASON_PLACEHOLDER} --> "
    assert [f.rule for f in lint_text(_apply(text, edit), "story.txt")] == []


def test_no_place_for_a_comment_gives_no_edit():
    # A nested quotation's mark on a line that starts and ends inside the outer quotation.
    text = "He said “the plan\nwas “dead” and gone\nfor good,” he added.\n"
    (finding,) = lint_text(text, "story.txt")
    assert (finding.rule, finding.line) == ("QL104", 2)
    assert suppression_edit(text, finding, path="story.txt") is None


def test_fix_all_is_the_fixes_of_fix_as_separate_edits():
    text = "The road is 5 kms long and the path 3 kms.\n"
    edits = fix_all_edits(text, lint_text(text, "story.txt"))
    assert edits == [Edit(12, 17, "5 km"), Edit(36, 41, "3 km")]
