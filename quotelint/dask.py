"""Linting an archive bigger than one machine: the files as a Dask bag, linted on a cluster.

Install with ``pip install 'quotelint[dask]'``. Dask is the distributed engine here: quotelint
only maps its ``lint_file`` over a ``dask.bag`` of paths and, back on the client, does what
needs every file (the story-wide comparisons and the audit of suppression comments), exactly
as the command line does. So the findings are the command line's, in the same order.

    from distributed import Client
    from quotelint import Settings
    from quotelint.dask import lint_paths

    client = Client("tcp://scheduler:8786")          # or Client() for a local cluster
    result = lint_paths(["/mnt/archive/2024"], Settings(discover=True), story=False)
    for f in result.findings:
        print(f.path, f.line, f.column, f.rule, f.message)

The workers read the files by absolute path, so they must see the files at the same paths as
the client (a shared or network file system mounted alike), and need quotelint installed. The
client finds the files and reads the configuration files (``Settings(discover=True)``: each
file's closest ``.quotelint.yaml``, as on the command line), so a broken configuration fails
before the cluster does any work. Each worker process loads each distinct rule set once and
keeps it for later runs while the rule files are unchanged (``checks.ruleset.loaded_rules``).
Without a ``Client``, ``scheduler=`` picks one of Dask's local schedulers ("synchronous",
"threads", "processes").
"""

from __future__ import annotations

import copy
import math
import os
import threading
from collections.abc import Sequence
from typing import Any

import dask.bag

from .config.settings import Settings
from .errors import QuotelintError
from .limits import MAX_ARTICLE_BYTES
from .run.files import STDIN
from .run.linter import FileResult, LintResult, assemble, lint_file, plan

__all__ = ["lint_bag", "lint_paths"]

# A bag partition is one task on the cluster: about this many files, so that a corpus of
# small articles is not a task per file, and at least a few partitions so that every worker
# of a small cluster has some.
FILES_PER_PARTITION = 100
MIN_PARTITIONS = 8
# Dask's threaded schedulers: one thread loads a rule set while the others wait for it.
_LOCK = threading.Lock()


def recipe(settings: Settings) -> Settings:
    """The settings as a worker needs them: rule files given relative to this folder
    (``--rules house.yaml``) are made absolute, since a worker runs elsewhere."""
    if any(not os.path.isabs(r) for r in settings.rules):
        settings = copy.copy(settings)
        settings.rules = [os.path.abspath(r) for r in settings.rules]
    return settings


def lint_one(task: tuple[str, str, int], recipes: tuple[Settings, ...],
              story: bool, max_bytes: int | None) -> FileResult:
    shown, path, index = task
    settings = recipes[index]
    with _LOCK:
        settings.ruleset()  # loaded once per worker process while its files are unchanged
    return lint_file(path, settings, story=story, max_bytes=max_bytes, display=shown)


def _planned_bag(paths: Sequence[str], settings: Settings | None, story: bool,
                 max_bytes: int | None, npartitions: int | None
                 ) -> tuple[dask.bag.Bag, list[tuple[str, Settings]], list[str]]:
    settings = settings or Settings()
    planned, errors = plan(paths, settings)
    if any(p == STDIN for p, _ in planned):
        raise QuotelintError("standard input cannot be linted on a cluster: name files")
    index: dict[int, int] = {}
    recipes: list[Settings] = []
    tasks: list[tuple[str, str, int]] = []  # (path as reported, absolute path, settings)
    for path, s in planned:
        if id(s) not in index:
            index[id(s)] = len(recipes)
            recipes.append(recipe(s))
        tasks.append((path, os.path.abspath(path), index[id(s)]))
    if npartitions is None:
        npartitions = max(MIN_PARTITIONS, math.ceil(len(tasks) / FILES_PER_PARTITION))
    npartitions = max(1, min(npartitions, len(tasks)))
    bag = dask.bag.from_sequence(tasks, npartitions=npartitions).map(
        lint_one, recipes=tuple(recipes), story=story, max_bytes=max_bytes)
    return bag, planned, errors


def lint_bag(paths: Sequence[str], settings: Settings | None = None, *, story: bool = False,
             max_bytes: int | None = MAX_ARTICLE_BYTES,
             npartitions: int | None = None) -> dask.bag.Bag:
    """A Dask bag of one ``FileResult`` per file (findings, errors, and with ``story`` the
    summaries the story-wide rules compare), in the order the command line lints them.

    For your own pipelines: ``lint_bag(paths).map(lambda r: len(r.findings)).sum()``. To get
    the command line's findings, story-wide ones included, use ``lint_paths``.
    """
    return _planned_bag(paths, settings, story, max_bytes, npartitions)[0]


def lint_paths(paths: Sequence[str], settings: Settings | None = None, *,
               story: bool = False, max_bytes: int | None = MAX_ARTICLE_BYTES,
               npartitions: int | None = None, scheduler: Any = None) -> LintResult:
    """Lint files and folders on Dask: what ``quotelint.run.linter.lint_paths`` returns.

    ``scheduler`` is passed to ``compute`` (None: the active ``distributed.Client`` if there
    is one, else Dask's default for bags). With ``story``, the workers return each article's
    summary and the comparison runs here, on the client.
    """
    settings = settings or Settings()
    bag, planned, errors = _planned_bag(paths, settings, story, max_bytes, npartitions)
    results = list(bag.compute(scheduler=scheduler)) if planned else []
    return assemble(planned, results, errors, settings, story=story)
