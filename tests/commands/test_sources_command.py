"""`quotelint sources`: every source of an article, and how it is identified (issue 14)."""

from __future__ import annotations

import json

DRAFT = ("A senior aide in the mayor's office said the budget was late.\n\n"
         "The aide said the cuts could not be avoided.\n\n"
         "A council spokeswoman said the libraries would stay open.\n\n"
         "Two officials, who asked not to be named because they feared for their jobs, said "
         "the vote was rigged.\n\n"
         "Maria Lopez, the council leader, said she would resign.\n\n"
         "Experts say the plan will fail.\n")


def test_json_lists_each_source_with_its_kind(cli, write):
    path = write("draft.txt", DRAFT)
    r = cli("sources", "--format", "json", str(path))
    assert r.code == 0, r.err
    records = json.loads(r.out)
    assert [(s["line"], s["column"], s["kind"], s["source"], s["cue"]) for s in records] == [
        (1, 1, "anonymous", "A senior aide in the mayor's office", "said"),
        (3, 1, "anonymous-again", "The aide", "said"),
        (5, 1, "spokesperson", "A council spokeswoman", "said"),
        (7, 1, "anonymous-with-reason", "Two officials", "said"),
        (9, 1, "named", "Maria Lopez", "said"),
        (11, 1, "unidentified", "Experts", "say"),
    ]
    for s in records:
        assert DRAFT[s["start"]:s["end"]] == s["source"]


def test_text_table_counts_the_kinds(cli, write):
    path = write("draft.txt", DRAFT)
    out = cli("sources", str(path)).out
    assert out.splitlines()[0] == f"{path}: 6 sources"
    assert ("1 named, 1 anonymous, 1 anonymous-with-reason, 1 anonymous-again, "
            "1 spokesperson, 1 unidentified") in out
