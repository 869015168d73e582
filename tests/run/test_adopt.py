"""--add-suppressions: one comment a line silences every current finding, written as --fix
writes (only the comments inserted, encoding and line ends kept), and a second run adds
nothing."""

from __future__ import annotations

import codecs

COMMENT = ("<!-- quotelint-disable-line {} -- TODO: give the reason (added by "
           "--add-suppressions) -->")
# Hard-wrapped plain text with CRLF line ends and a Markdown hard break (two blanks) that must
# stay at the end of its line.
WRAPPED = (b"The council met on Tuesday to discuss the plan for the new bridge over\r\n"
           b"the river. It is believed the talks failed, and the council will vote  \r\n"
           b"again in May. Ministers reportedly agreed to wait.\r\n")
WRAPPED_AFTER = (
    b"The council met on Tuesday to discuss the plan for the new bridge over\r\n"
    b"the river. It is believed the talks failed, and the council will vote "
    + COMMENT.format("QL401").encode() + b"  \r\n"
    b"again in May. Ministers reportedly agreed to wait. " + COMMENT.format("QL402").encode()
    + b"\r\n")
# Markdown with a BOM; the first finding's line ends inside a quotation, where a comment is
# not a directive, so its comment goes just before the finding.
NOTES = ("\ufeff# Bridge vote\n\nIt is believed the mayor called the plan “a waste of money\n"
         "that nobody wanted” on Monday.\n\nSenior officials said the cost had doubled, and "
         "it is thought the vote will pass.").encode()
NOTES_AFTER = ("\ufeff# Bridge vote\n\n" + COMMENT.format("QL401 QL201")
               + " It is believed the mayor called the plan “a waste of money\nthat nobody "
               "wanted” on Monday.\n\nSenior officials said the cost had doubled, and it is "
               "thought the vote will pass. "
               + COMMENT.format("QL301 QL401")).encode()


def _newsroom(tmp_path):
    (tmp_path / "wrapped.txt").write_bytes(WRAPPED)
    (tmp_path / "notes.md").write_bytes(NOTES)


def test_add_suppressions_silences_every_finding_once(cli, tmp_path):
    _newsroom(tmp_path)
    r = cli("--isolated", "-q", ".", cwd=tmp_path)
    assert len(r.out.splitlines()) == 6 and r.code == 1
    r = cli("--isolated", "--add-suppressions", ".", cwd=tmp_path)
    assert r.code == 0
    assert r.err == ("Suppressed 6 problems in 2 files (one comment a line: replace its "
                     "placeholder reason).\n")
    assert (tmp_path / "wrapped.txt").read_bytes() == WRAPPED_AFTER
    assert (tmp_path / "notes.md").read_bytes() == NOTES_AFTER
    assert codecs.BOM_UTF8 + b"# Bridge" in NOTES_AFTER
    r = cli("--isolated", ".", cwd=tmp_path)
    assert (r.code, r.out) == (0, "No problems found in 2 files.\n")
    r = cli("--isolated", "--add-suppressions", ".", cwd=tmp_path)
    assert (r.code, r.err) == (0, "No problems to suppress.\n")
    assert (tmp_path / "wrapped.txt").read_bytes() == WRAPPED_AFTER
    assert (tmp_path / "notes.md").read_bytes() == NOTES_AFTER
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md", "wrapped.txt"]


def test_add_suppressions_with_diff_writes_nothing(cli, tmp_path):
    _newsroom(tmp_path)
    r = cli("--isolated", "--add-suppressions", "--diff", ".", cwd=tmp_path)
    assert r.code == 0
    assert "+Senior officials said the cost had doubled, and it is thought the vote will " \
           "pass. " + COMMENT.format("QL301 QL401") + "\n" in r.out
    assert r.err.startswith("Would suppress 6 problems in 2 files")
    assert (tmp_path / "wrapped.txt").read_bytes() == WRAPPED
    assert (tmp_path / "notes.md").read_bytes() == NOTES


def test_add_suppressions_is_refused_with_fix_and_on_standard_input(cli, tmp_path):
    _newsroom(tmp_path)
    r = cli("--isolated", "--add-suppressions", "--fix", ".", cwd=tmp_path)
    assert (r.code, r.out) == (2, "")
    assert "--fix and --add-suppressions cannot be used together" in r.err
    r = cli("--isolated", "--add-suppressions", "-", stdin=WRAPPED, cwd=tmp_path)
    assert r.code == 2 and "not on standard input" in r.err
    assert (tmp_path / "wrapped.txt").read_bytes() == WRAPPED
    assert (tmp_path / "notes.md").read_bytes() == NOTES


# A quotation inside a quotation (QL104): the comment must stand outside the outer one, where
# it is a directive, or the line is named and left alone.
NESTED = ("The mayor said: “The sign read “no entry” all week, and\n"
          "nobody asked why,” before she left.\n")
NESTED_AFTER = ("The mayor said: " + COMMENT.format("QL104") + " “The sign read “no entry” all "
                "week, and\nnobody asked why,” before she left.\n")
NO_PLACE = ("The mayor said: “It was a long week,\nand the sign read “no entry” all week,\n"
            "and nobody asked why,” before she left.\n")


def test_a_comment_never_lands_inside_a_quotation(cli, write, tmp_path):
    nested = write("nested.md", NESTED)
    r = cli("--isolated", "--add-suppressions", "nested.md", cwd=tmp_path)
    assert r.code == 0
    assert nested.read_text(encoding="utf-8") == NESTED_AFTER
    assert cli("--isolated", "-q", "nested.md", cwd=tmp_path).out == ""
    inside = write("inside.md", NO_PLACE)
    r = cli("--isolated", "--add-suppressions", "inside.md", cwd=tmp_path)
    assert (r.code, r.err) == (2, "inside.md:2: no place on this line for a suppression comment "
                                  "outside the quotation; not suppressed (put quotelint-disable "
                                  "... quotelint-enable around the paragraph)\n")
    assert inside.read_text(encoding="utf-8") == NO_PLACE
