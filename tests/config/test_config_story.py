"""``story: true`` in a configuration file: its files are compared as with ``--story``, so a
pre-commit hook on a story folder needs no extra argument."""

from __future__ import annotations

import pytest

FIRST = "Rockets arrive\n\nThe rockets, which have a range of 300 km, arrived on Monday.\n"
SECOND = "Rockets in service\n\nCrews trained on the rockets, which have a range of 200 miles.\n"
WARNING = ("b.txt:3:53: warning QL501 Figures for the range disagree: 200 mi vs 300 km "
           "(= 186 mi), the other at a.txt:3.")


@pytest.mark.parametrize(("name", "text"), [
    (".quotelint.yaml", "story: true\n"),
    ("pyproject.toml", "[tool.quotelint]\nstory = true\n"),
])
def test_story_true_compares_the_files_without_the_flag(cli, write, tmp_path, name, text):
    write("story/a.txt", FIRST)
    write("story/b.txt", SECOND)
    write(f"story/{name}", text)
    r = cli("--select", "QL501", "a.txt", "b.txt", cwd=tmp_path / "story")
    assert [line for line in r.out.splitlines() if "QL501" in line] == [WARNING]


def test_without_story_the_files_are_linted_apart(cli, write, tmp_path):
    write("story/a.txt", FIRST)
    write("story/b.txt", SECOND)
    write("story/.quotelint.yaml", "story: false\n")
    r = cli("--select", "QL501", "a.txt", "b.txt", cwd=tmp_path / "story")
    assert "QL501" not in r.out
    r = cli("--select", "QL501", "--story", "a.txt", "b.txt", cwd=tmp_path / "story")
    assert [line for line in r.out.splitlines() if "QL501" in line] == [WARNING]


def test_story_must_be_true_or_false(cli, write, tmp_path):
    write("story/a.txt", FIRST)
    write("story/.quotelint.yaml", "story: sometimes\n")
    r = cli("a.txt", cwd=tmp_path / "story")
    assert r.code == 2
    assert ".quotelint.yaml:1" in r.err
