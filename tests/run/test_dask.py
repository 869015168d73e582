"""``quotelint.dask``: the findings of a Dask run are those of the serial run, story included.

Run on Dask's synchronous scheduler and on a local cluster of two worker processes (which
spawn: they import quotelint afresh and load the rules themselves, as a remote cluster's
workers do).
"""

from __future__ import annotations

import os
import pickle
from collections import OrderedDict

import pytest
from helper_newsroom import STORY_RULES, build, register_story_kind

import quotelint.checks
from quotelint.config.settings import Settings
from quotelint.run.linter import lint_paths

qdask = pytest.importorskip("quotelint.dask")


@pytest.fixture(autouse=True)
def _environment_restored():
    """A Dask cluster sets MALLOC_TRIM_THRESHOLD_, PYTHONHASHSEED and OMP_NUM_THREADS in this
    process's environment for its workers; the tests after these must not inherit them (the
    memory test read nothing under them)."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def same(a, b) -> None:
    assert (a.findings, a.errors, a.files, a.digests) == (b.findings, b.errors, b.files,
                                                          b.digests)
    assert [r.meta.id for r in a.rules] == [r.meta.id for r in b.rules]


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.setitem(quotelint.checks.KINDS, "test-distance",
                        "helper_story_kind:DistanceCheck")
    root = build(tmp_path)
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("story", [False, True])
def test_synchronous_scheduler_gives_the_serial_result(newsroom, story):
    serial = lint_paths(["."], Settings(discover=True), story=story)
    dask = qdask.lint_paths(["."], Settings(discover=True), story=story,
                            scheduler="synchronous", npartitions=5)
    same(dask, serial)
    assert any(f.rule == "T501" for f in serial.findings) == story
    assert serial.errors[0].startswith("./latin1.txt:1: not valid UTF-8")


def test_the_bag_holds_one_result_per_file_in_order(newsroom):
    bag = qdask.lint_bag(["."], Settings(discover=True), npartitions=4)
    results = bag.compute(scheduler="synchronous")
    assert [r.path for r in results][:3] == ["./a00.txt", "./a01.txt", "./a02.txt"]
    assert len(results) == 26
    assert bag.map(lambda r: len(r.findings)).sum().compute(scheduler="synchronous") == \
        sum(len(r.findings) for r in results)


def test_rule_files_named_relative_to_the_client_reach_the_workers(newsroom):
    settings = Settings(rules=["desk/house.yaml"], select=["HOUSE010"])
    serial = lint_paths(["desk"], settings)
    dask = qdask.lint_paths(["desk"], Settings(rules=["desk/house.yaml"], select=["HOUSE010"]),
                            scheduler="synchronous")
    same(dask, serial)
    assert len(serial.findings) == 4


def test_a_worker_keeps_its_rules_between_tasks(newsroom, monkeypatch):
    import quotelint.checks.ruleset

    loads = []
    load_rules = quotelint.checks.ruleset.load_rules
    monkeypatch.setattr(quotelint.checks.ruleset, "load_rules",
                        lambda rules=(), *, defaults=True: loads.append(rules) or
                        load_rules(rules, defaults=defaults))
    recipes = tuple(qdask.recipe(Settings(rules=[r])) for r in ("story.yaml", "desk/house.yaml"))
    shipped = pickle.loads(pickle.dumps(recipes))  # as a task's arguments reach a worker
    assert shipped == recipes
    # a worker process that has loaded nothing yet
    monkeypatch.setattr(quotelint.checks.ruleset, "_LOADED", OrderedDict())
    for path in ("a00.txt", "a01.txt", "desk/a00.txt"):
        for index in (0, 1, 0):
            result = qdask.lint_one((path, str(newsroom / path), index), shipped, False, None)
            assert result.path == path
    assert sorted(loads) == [(str(newsroom / "desk/house.yaml"),), (str(newsroom / "story.yaml"),)]
    # a rule file that changes is loaded again by a worker that outlives the run
    (newsroom / "story.yaml").write_text(STORY_RULES + "\n", encoding="utf-8")
    again = pickle.loads(pickle.dumps((qdask.recipe(Settings(rules=["story.yaml"])),)))
    loads.clear()
    qdask.lint_one(("a00.txt", str(newsroom / "a00.txt"), 0), again, False, None)
    assert loads == [(str(newsroom / "story.yaml"),)]


def test_standard_input_is_refused(newsroom):
    from quotelint.errors import QuotelintError

    with pytest.raises(QuotelintError, match="standard input cannot be linted on a cluster"):
        qdask.lint_paths(["-"], scheduler="synchronous")


def test_a_local_cluster_of_two_processes_gives_the_serial_result(newsroom):
    distributed = pytest.importorskip("distributed")
    serial = lint_paths(["."], Settings(discover=True), story=True)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        client.run(register_story_kind)  # the tests' own story kind, in each worker
        on_cluster = qdask.lint_paths(["."], Settings(discover=True), story=True)
        workers = client.run(os.getpid)
    same(on_cluster, serial)
    assert len(set(workers.values()) - {os.getpid()}) == 2  # two processes, not this one
    assert any(f.rule == "T501" for f in on_cluster.findings)
