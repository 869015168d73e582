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
