"""``--jobs N``: the output of several processes is the output of one, byte for byte, on a
newsroom of 26 files (``helper_newsroom``) with three configurations, a story-wide rule,
suppression comments and fixable findings: more files than the parallel runner lints by itself.
"""

from __future__ import annotations

import os
import shutil
from collections import OrderedDict

import pytest
from helper_newsroom import MARKDOWN, build

import quotelint.checks
from quotelint.config.settings import Settings
from quotelint.run import parallel
from quotelint.run.linter import lint_file, lint_paths, plan


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.setitem(quotelint.checks.KINDS, "test-distance",
                        "helper_story_kind:DistanceCheck")
    return build(tmp_path)


@pytest.fixture
def pool_used(monkeypatch):
    """Make sure the pool really runs (the runner lints few files in the parent)."""
    calls = []
    run_pool = parallel.run_pool

    def spy(chunks, workers, *args):
        calls.append((len(chunks), workers))
        return run_pool(chunks, workers, *args)

    monkeypatch.setattr(parallel, "run_pool", spy)
    return calls


FORMATS = ["text", "json", "jsonl", "sarif", "github"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_identical_with_one_and_two_jobs(cli, newsroom, pool_used, fmt):
    for story in ([], ["--story"]):
        one = cli("--format", fmt, *story, "--jobs", "1", ".", cwd=newsroom)
        two = cli("--format", fmt, *story, "--jobs", "2", ".", cwd=newsroom)
        assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
        assert one.code == 2  # the Latin-1 file
        assert one.err.startswith("./latin1.txt:1: not valid UTF-8")
    assert pool_used and all(workers == 2 for _, workers in pool_used)


def test_the_story_compares_files_linted_by_different_workers(cli, newsroom, pool_used):
    r = cli("-q", "--story", "--jobs", "2", ".", cwd=newsroom)
    # The first article (./a00.txt) says 300 km; every later 320 km differs, except where a
    # comment silences it (a03 and its copies) and on the sports desk, which selects QL402 only.
    assert [line for line in r.out.splitlines() if " T501 " in line] == [
        f"./{name}:1:14: warning T501 320 km differs from the first article"
        for name in ["a01.txt", "a07.txt", "desk/a00.txt", "desk/a06.txt"]]
    assert pool_used


def test_statistics_and_diff_are_identical(cli, newsroom, pool_used):
    for args in (["--statistics"], ["--statistics", "--format", "json"], ["--diff"]):
        one = cli(*args, "--jobs", "1", ".", cwd=newsroom)
        two = cli(*args, "--jobs", "2", ".", cwd=newsroom)
        assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert "+Its range is 320 km, officials said. Prices rose 4 percent in March.\n" in one.out


def test_fix_writes_the_same_files(cli, newsroom, tmp_path, pool_used):
    copies = {}
    for jobs in ("1", "2"):
        copy = tmp_path / f"jobs{jobs}"
        shutil.copytree(newsroom, copy)
        r = cli("--fix", "--story", "--jobs", jobs, ".", cwd=copy)
        copies[jobs] = (r.code, r.out, r.err, {
            str(p.relative_to(copy)): p.read_bytes() for p in sorted(copy.rglob("*"))
            if p.is_file()})
    assert copies["2"] == copies["1"]
    assert copies["1"][1].splitlines()[-1].startswith("Fixed 4 problems.")


def test_workers_load_no_rules_when_forked(newsroom, monkeypatch, tmp_path, pool_used):
    if parallel.mp_context().get_start_method() != "fork":
        pytest.skip("this platform spawns workers")
    import quotelint.checks.ruleset

    log = tmp_path / "loads.log"
    load_rules = quotelint.checks.ruleset.load_rules

    def counting(rules=(), *, defaults=True):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {sorted(map(os.path.basename, rules))}\n")
        return load_rules(rules, defaults=defaults)

    monkeypatch.setattr(quotelint.checks.ruleset, "load_rules", counting)
    monkeypatch.chdir(newsroom)
    result = lint_paths(["."], Settings(discover=True), jobs=2, story=True)
    assert (result.files, result.skipped) == (25, 1)  # the Latin-1 file is not linted
    # One load per distinct set of rule files, all in this process: the workers inherit them.
    assert sorted(log.read_text().splitlines()) == sorted([
        f"{os.getpid()} ['story.yaml']", f"{os.getpid()} ['house.yaml', 'story.yaml']",
        f"{os.getpid()} []"])


def test_spawned_workers_give_the_same_result(newsroom, monkeypatch, pool_used):
    """macOS and Windows spawn workers, which load the rules themselves from the settings."""
    import multiprocessing

    monkeypatch.setattr(parallel, "mp_context", lambda: multiprocessing.get_context("spawn"))
    monkeypatch.chdir(newsroom)
    shutil.rmtree("desk")  # the story kind is the tests' own; a spawned worker cannot see it
    (newsroom / ".quotelint.yaml").write_text("ignore: [QL402]\n", encoding="utf-8")
    for i in range(8):
        (newsroom / "sport" / f"b{i}.md").write_text(MARKDOWN, encoding="utf-8")
    one = lint_paths(["."], Settings(discover=True), jobs=1)
    two = lint_paths(["."], Settings(discover=True), jobs=2)
    assert (two.findings, two.errors, two.digests) == (one.findings, one.errors, one.digests)
    assert [r.meta.id for r in two.rules] == [r.meta.id for r in one.rules]
    assert len(one.findings) > 10  # a real run, whatever the pack reports on this newsroom
    assert pool_used


def test_a_spawned_worker_loads_each_rule_set_once(newsroom, monkeypatch):
    """What ``start_worker`` gives a spawned worker: the settings, which load each distinct rule set
    once in that process (here, a process that has loaded nothing yet)."""
    import pickle

    import quotelint.checks.ruleset

    monkeypatch.chdir(newsroom)
    planned, _ = plan(["."], Settings(discover=True))
    settings = []
    for _, s in planned:
        if s not in settings:
            settings.append(s)
    shipped = pickle.loads(pickle.dumps(settings))
    assert shipped == settings
    monkeypatch.setattr(quotelint.checks.ruleset, "_LOADED", OrderedDict())
    loads = []
    load_rules = quotelint.checks.ruleset.load_rules
    monkeypatch.setattr(quotelint.checks.ruleset, "load_rules",
                        lambda rules=(), *, defaults=True: loads.append(rules) or
                        load_rules(rules, defaults=defaults))
    parallel.start_worker(lint_file, shipped, False, None)
    chunk = [(path, settings.index(s)) for path, s in planned]
    results = parallel.lint_chunk(chunk)
    assert [r.path for r in results] == [p for p, _ in planned]
    assert len(loads) == 3  # newsroom, desk, sport: three sets of rule files


def test_few_files_are_linted_without_a_pool(cli, newsroom, pool_used):
    r = cli("-q", "--jobs", "2", "a00.txt", "a01.txt", cwd=newsroom)
    assert r.code == 1
    assert pool_used == []


def test_jobs_must_be_a_count(cli):
    r = cli("--jobs", "-1", ".")
    assert r.code == 2
    assert "expected a number of processes, not '-1'" in r.err


def _die(chunk):
    os._exit(3)  # as the kernel's out-of-memory killer would end a worker


def test_a_worker_that_dies_ends_the_run_with_one_message(cli, newsroom, monkeypatch):
    if parallel.mp_context().get_start_method() != "fork":
        pytest.skip("the replaced function reaches workers only by fork")
    monkeypatch.setattr(parallel, "lint_chunk", _die)
    r = cli("-q", "--jobs", "2", ".", cwd=newsroom)
    assert (r.code, r.out) == (2, "")
    assert r.err == ("quotelint: a worker process stopped unexpectedly (out of memory?); run "
                     "again with --jobs 1 to lint in one process\n")


def test_chunks_shrink_toward_the_end_so_the_workers_finish_together():
    tasks = [(f"{i}.txt", 0) for i in range(2225)]
    chunks = parallel.split_chunks(tasks, 2)
    assert [t for chunk in chunks for t in chunk] == tasks  # every file once, in order
    sizes = [len(c) for c in chunks]
    assert sizes[0] == parallel.MAX_CHUNK and sizes[-1] == 1
    assert sizes == sorted(sizes, reverse=True)
    assert [len(c) for c in parallel.split_chunks(tasks[:20], 2)] == [3, 3, 2, 2, 2, *[1] * 8]
    assert len(parallel.split_chunks(tasks[:16], 16)) == 16  # many cores: a file each
