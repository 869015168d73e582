"""Malicious or broken rule and configuration files are refused as ``file:line: what is wrong``.

A rule file or a ``.quotelint.yaml`` may come with a repository the user only cloned: an alias
bomb, a Python tag or a 50 MB file must cost nothing and run nothing.
"""

from __future__ import annotations

import time

import pytest

from quotelint import limits

CLAIM = "It is believed the talks failed.\n"

# The "billion laughs": each line nine aliases of the line before, 9**9 values in all.
BOMB = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'] +
    [f"{c}: &{c} [{', '.join(f'*{p}' for _ in range(9))}]"
     for p, c in zip("abcdefgh", "bcdefghi", strict=True)]) + "\n"
# PyYAML's full loader would call os.system here; the safe loader must refuse it.
PYTHON_TAG = 'select: !!python/object/apply:os.system ["touch {marker}"]\n'
RULE_PYTHON_TAG = """\
rules:
  - id: HOUSE001
    name: no-slammed
    kind: pattern
    category: style
    message: "{{match}}"
    pattern: !!python/object/apply:os.system ["touch {marker}"]
"""


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "story.txt").write_text(CLAIM, encoding="utf-8")
    return tmp_path


def test_alias_bomb_in_a_rule_file_is_refused_quickly(cli, repo):
    (repo / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    started = time.monotonic()
    r = cli("--rules", "bomb.yaml", "story.txt", cwd=repo)
    assert time.monotonic() - started < 5
    assert (r.code, r.out) == (2, "")
    assert r.err == ('bomb.yaml:7: invalid YAML: aliases expand to more than 1,000,000 values '
                     '(a "billion laughs" file?); refused\n')


def test_alias_bomb_in_a_configuration_file_is_refused(cli, repo):
    (repo / ".quotelint.yaml").write_text(BOMB, encoding="utf-8")
    r = cli("story.txt", cwd=repo)
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith(".quotelint.yaml:7: invalid YAML: aliases expand to more than")


def test_python_tags_are_refused_and_never_run(cli, repo):
    marker = repo / "pwned"
    (repo / ".quotelint.yaml").write_text(PYTHON_TAG.format(marker=marker), encoding="utf-8")
    r = cli("story.txt", cwd=repo)
    assert (r.code, r.out) == (2, "")
    assert r.err == (".quotelint.yaml:1: tag '!!python/object/apply:os.system' is not allowed: "
                     "rule and configuration files hold plain data (strings, numbers, lists, "
                     "mappings)\n")
    (repo / "house.yaml").write_text(RULE_PYTHON_TAG.format(marker=marker), encoding="utf-8")
    r = cli("--isolated", "--rules", "house.yaml", "story.txt", cwd=repo)
    assert r.code == 2
    assert r.err.startswith("house.yaml:7: tag '!!python/object/apply:os.system' is not allowed")
    assert not marker.exists()


def test_local_tags_are_refused_too(cli, repo):
    (repo / ".quotelint.yaml").write_text("ignore: !include secrets.yaml\n", encoding="utf-8")
    r = cli("story.txt", cwd=repo)
    assert r.code == 2
    assert r.err.startswith(".quotelint.yaml:1: tag '!include' is not allowed")


def test_recursive_alias_is_refused(cli, repo):
    (repo / ".quotelint.yaml").write_text("ignore: &loop [QL402, *loop]\n", encoding="utf-8")
    r = cli("story.txt", cwd=repo)
    assert r.code == 2
    assert r.err == (".quotelint.yaml:1: invalid YAML: alias *loop is inside the node it names "
                     "(a recursive structure); refused\n")


def test_deep_nesting_is_refused_before_the_parser_can_crash(cli, repo):
    # 100,000 levels crash PyYAML's C composer (a segmentation fault), so this must stop first.
    (repo / "deep.yaml").write_text("rules: " + "[" * 100_000 + "]" * 100_000 + "\n",
                                    encoding="utf-8")
    r = cli("--isolated", "--rules", "deep.yaml", "story.txt", cwd=repo)
    assert r.code == 2
    assert r.err == "deep.yaml:1: invalid YAML: nested more than 100 levels deep; refused\n"


def test_huge_files_are_refused_unread(cli, repo, monkeypatch):
    monkeypatch.setattr(limits, "MAX_BYTES", 1024)
    (repo / ".quotelint.yaml").write_text("ignore: [QL402]\n" + "# padding\n" * 200,
                                          encoding="utf-8")
    r = cli("story.txt", cwd=repo)
    assert (r.code, r.out) == (2, "")
    assert r.err == (".quotelint.yaml: configuration file of 1.97 KB, larger than the limit of "
                     "1 KB; refused\n")


def test_the_real_size_limit_is_ten_megabytes(cli, repo):
    with open(repo / "big.yaml", "wb") as fh:  # sparse: costs no disk and is never read
        fh.truncate(limits.MAX_BYTES + 1)
    r = cli("--isolated", "--rules", "big.yaml", "story.txt", cwd=repo)
    assert r.code == 2
    assert r.err == "big.yaml: rule file of 10 MB, larger than the limit of 10 MB; refused\n"


def test_huge_or_deep_pyproject_is_refused(cli, repo, monkeypatch):
    deep = "[tool.quotelint]\nignore = " + "[" * 5000 + "]" * 5000 + "\n"
    (repo / "pyproject.toml").write_text(deep, encoding="utf-8")
    r = cli("story.txt", cwd=repo)
    assert r.code == 2
    assert r.err == "pyproject.toml: invalid TOML: nested too deeply; refused\n"
    monkeypatch.setattr(limits, "MAX_BYTES", 1024)
    (repo / "pyproject.toml").write_text("[tool.quotelint]\n" + "# padding\n" * 200,
                                         encoding="utf-8")
    r = cli("story.txt", cwd=repo)
    assert r.code == 2
    assert r.err.startswith("pyproject.toml: configuration file of 1.97 KB, larger than the")


def test_ordinary_anchors_and_merge_keys_still_work(cli, repo):
    (repo / "house.yaml").write_text("""\
rules:
  - id: HOUSE001
    name: insiders
    kind: pattern
    category: anonymous-source
    message: "“{match}”: which insiders?"
    pattern: '\\binsiders\\b'
    ignore_case: true
    unless: &named {pattern: '\\b(?:said|told)\\b', window: 0}
  - id: HOUSE002
    name: observers
    kind: pattern
    category: anonymous-source
    message: "“{match}”: which observers?"
    pattern: '\\bobservers\\b'
    ignore_case: true
    unless: {<<: *named, window: 1}
""", encoding="utf-8")
    (repo / "story.txt").write_text("Insiders expect a deal. Observers agree.\n"
                                    "Insiders told us so.\n", encoding="utf-8")
    r = cli("-q", "--isolated", "--select", "HOUSE", "--rules", "house.yaml", "story.txt",
            cwd=repo)
    assert r.out.splitlines() == ["story.txt:1:1: warning HOUSE001 “Insiders”: which insiders?"]
