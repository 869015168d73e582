"""quotelint never writes to a linted file unless ``--fix`` is given.

Every file and folder of a newsroom (``helper_newsroom``: three configurations, a story-wide
rule, fixable findings, an undecodable file) keeps its bytes, its modification and change
times and its mode through runs in every output format, ``--diff``, ``--story``,
``--statistics``, ``--jobs 2`` and the subcommands; no file appears or disappears. ``--fix``
is the control: it does change the files it fixes.
"""

from __future__ import annotations

import os

import pytest
from helper_newsroom import build

import quotelint.checks

RUNS = [
    [],
    ["--format", "json"],
    ["--format", "jsonl"],
    ["--format", "sarif"],
    ["--format", "github"],
    ["--story"],
    ["--story", "--format", "json", "--jobs", "2"],
    ["--jobs", "2"],
    ["--diff"],
    ["--diff", "--story", "--jobs", "2"],
    ["--diff", "--unsafe-fixes"],
    ["--add-suppressions", "--diff"],
    ["--statistics"],
    ["--show-config"],
    ["--exit-zero", "-q", "--select", "ALL"],
]


def snapshot(root) -> dict[str, tuple]:
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            data = None
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as fh:
                    data = fh.read()
            out[os.path.relpath(path, root)] = (data, st.st_mtime_ns, st.st_ctime_ns,
                                                st.st_mode, st.st_size)
    return out


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.setitem(quotelint.checks.KINDS, "test-distance",
                        "helper_story_kind:DistanceCheck")
    return build(tmp_path)


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_no_run_without_fix_touches_a_file(cli, newsroom, args):
    before = snapshot(newsroom)
    r = cli(*args, ".", cwd=newsroom)
    assert r.code in (0, 1, 2)
    assert "internal error" not in r.err
    assert snapshot(newsroom) == before


def test_subcommands_touch_nothing(cli, newsroom):
    before = snapshot(newsroom)
    for args in (["rules"], ["rules", "--format", "json"], ["explain", "QL401"],
                 ["test-rules", "desk/house.yaml"]):
        cli(*args, cwd=newsroom)
    assert snapshot(newsroom) == before


def test_add_suppressions_changes_only_the_files_with_findings(cli, newsroom):
    before = snapshot(newsroom)
    r = cli("--add-suppressions", ".", cwd=newsroom)
    assert r.code == 2  # the Latin-1 file is still unreadable
    after = snapshot(newsroom)
    assert set(after) == set(before)
    changed = {path for path in before if after.get(path) != before[path]}
    assert "desk/house.yaml" not in changed and ".quotelint.yaml" not in changed
    r = cli("--add-suppressions", ".", cwd=newsroom)
    assert "No problems to suppress." in r.err
    assert snapshot(newsroom) == after
    assert cli("-q", ".", cwd=newsroom).out == ""


def test_fix_changes_only_the_files_it_fixes(cli, newsroom):
    before = snapshot(newsroom)
    r = cli("-q", "--fix", ".", cwd=newsroom)
    assert r.code == 2  # the Latin-1 file is still unreadable
    after = snapshot(newsroom)
    changed = sorted(path for path in before if after.get(path) != before[path])
    # the four files with "per cent" on the desk, and the desk folder (each file is replaced
    # by a rename from a temporary file beside it)
    assert changed == ["desk", "desk/a00.txt", "desk/a03.txt", "desk/a06.txt", "desk/budget.md"]
    assert set(after) == set(before)


# Every combination of the options that decide whether a run writes: only --fix without
# --diff, on files (not standard input), may change a byte, and then exactly the fixed spans.
ARTICLE = b"The road runs for 320 kms, officials said.\r\nIt is believed the road is new.\r\n"
FIXED_ARTICLE = ARTICLE.replace(b"320 kms", b"320 km")
NOTES = b"# Notes\n\nThe second road is 40 kms long.\n"
FIXED_NOTES = NOTES.replace(b"40 kms", b"40 km")
FORMATS = ["text", "json", "jsonl", "sarif", "github"]
COMBINATIONS = [
    (fix, diff, fmt, statistics, stdin, story)
    for fix in (False, True) for diff in (False, True) for fmt in FORMATS
    for statistics in (False, True) for stdin in (False, True) for story in (False, True)
]


def _combination_id(combo) -> str:
    fix, diff, fmt, statistics, stdin, story = combo
    flags = [name for name, on in (("fix", fix), ("diff", diff), ("statistics", statistics),
                                   ("stdin", stdin), ("story", story)) if on]
    return "-".join([fmt, *flags])


@pytest.mark.parametrize("combo", COMBINATIONS, ids=_combination_id)
def test_only_fix_without_diff_writes(cli, tmp_path, combo):
    fix, diff, fmt, statistics, stdin, story = combo
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "b.md").write_bytes(NOTES)
    args = ["--isolated", "--jobs", "1", "--format", fmt]
    args += ["--fix"] * fix + ["--diff"] * diff + ["--statistics"] * statistics
    args += ["--story"] * story
    args += ["-"] if stdin else ["a.txt", "b.md"]
    r = cli(*args, stdin=ARTICLE if stdin else None, cwd=tmp_path)
    usage_error = (statistics and fmt not in ("text", "json")) or ((fix or diff) and stdin)
    writes = fix and not diff and not usage_error
    assert r.code == 2 if usage_error else r.code in (0, 1)
    assert "internal error" not in r.err
    assert (tmp_path / "a.txt").read_bytes() == (FIXED_ARTICLE if writes else ARTICLE)
    assert (tmp_path / "b.md").read_bytes() == (FIXED_NOTES if writes else NOTES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.md"]
    if diff and not usage_error:
        assert "Would fix 2 problems in 2 files." in r.err
        assert "+The road runs for 320 km, officials said.\r\n" in r.out
