"""Linting the files of a run on several cores (``--jobs N``), with the result of one core.

Each worker process lints whole files and sends back each file's ``FileResult`` (findings,
errors, suppression comments, story summaries: all plain, picklable data). The parent keeps
the plan's order, so the output is byte for byte that of ``--jobs 1``, and it runs what
needs every file: the story-wide rules and the audit of suppression comments
(``linter.assemble``).

Cost is kept where it is paid once. Where the platform can fork (Linux and the other Unixes
but macOS, whose system libraries are not fork-safe), workers are forked after the parent has
loaded every rule set, so they inherit the compiled rules and load nothing. Elsewhere each
worker is given the settings once, at start, and loads each distinct rule set once. Files go
out in chunks, so a corpus of small articles is not a message per file; and a run with few
files is linted in the parent, since starting workers costs more than it saves.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import QuotelintError
from .files import STDIN

if TYPE_CHECKING:
    import multiprocessing.context

    from ..config.settings import Settings

# What lints one file: ``linter.lint_file``, handed in by the linter (which imports this
# module), so that neither imports the other. Called as lint(path, settings, story=...,
# max_bytes=..., display=...) and returning a picklable result.
Lint = Callable[..., Any]

# Below this many files the parent lints them itself: two forked workers, each building its
# analysis tables, win only from about a dozen files (docs/architecture.md).
SERIAL_BELOW = 16
# At most this many files per message to a worker. Chunks shrink as the files left do (a
# quarter of each worker's share, at least one file), so that the workers finish together:
# with chunks of 32 to the end, one worker idled while the other finished.
MAX_CHUNK = 32

# The worker's share of the run, set by start_worker in each worker:
# (lint, settings, story, max_bytes).
_RUN: tuple[Lint, list[Settings], bool, int | None] | None = None


def default_jobs() -> int:
    """The cores this process may use (an affinity mask or a container's share, if set)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def mp_context() -> multiprocessing.context.BaseContext:
    import multiprocessing  # here, not at the top: a one-article run must not pay for it

    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def start_worker(lint: Lint, settings: list[Settings], story: bool, max_bytes: int | None) -> None:
    """A worker's initialiser: remember the run. A forked worker inherits the parent's loaded
    rules; a spawned one loads each distinct rule set once, on first use (``loaded_rules``)."""
    global _RUN
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _RUN = (lint, settings, story, max_bytes)


def lint_chunk(chunk: list[tuple[str, int]]) -> list[Any]:
    lint, settings, story, max_bytes = _RUN
    return [lint(path, settings[index], story=story, max_bytes=max_bytes)
            for path, index in chunk]


def split_chunks(tasks: list[tuple[str, int]], jobs: int) -> list[list[tuple[str, int]]]:
    chunks, i = [], 0
    while i < len(tasks):
        size = min(MAX_CHUNK, math.ceil((len(tasks) - i) / (jobs * 4)))
        chunks.append(tasks[i:i + size])
        i += size
    return chunks


def lint_planned(planned: Sequence[tuple[str, Settings]], lint: Lint, *, story: bool,
                 stdin_name: str | None, jobs: int | None,
                 max_bytes: int | None) -> list[Any]:
    """Each planned file's result, ``lint`` of it, in plan order, linted by ``jobs``
    processes (None: one per core). Standard input is read by the parent: a worker has
    none."""
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    files = [p for p, _ in planned if p != STDIN]
    if jobs == 1 or len(files) < SERIAL_BELOW:
        return [lint(p, s, story=story, max_bytes=max_bytes,
                     display=stdin_name if p == STDIN else None) for p, s in planned]
    distinct: dict[int, int] = {}  # id(settings) -> index into the list each worker gets
    settings: list[Settings] = []
    tasks: list[tuple[str, int]] = []
    for path, s in planned:
        if path != STDIN:
            if id(s) not in distinct:
                distinct[id(s)] = len(settings)
                settings.append(s)
            tasks.append((path, distinct[id(s)]))
    chunks = split_chunks(tasks, jobs)
    linted = run_pool(chunks, min(jobs, len(chunks)), (lint, settings, story, max_bytes))
    results: list[Any] = []
    for path, s in planned:
        if path == STDIN:
            results.append(lint(path, s, story=story, max_bytes=max_bytes, display=stdin_name))
        else:
            results.append(next(linted))
    return results


def run_pool(chunks: list[list[tuple[str, int]]], workers: int,
              run: tuple[Lint, list[Settings], bool, int | None]) -> Iterator[Any]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(workers, mp_context=mp_context(), initializer=start_worker,
                               initargs=run)
    try:
        done = [r for chunk in pool.map(lint_chunk, chunks) for r in chunk]
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        raise QuotelintError("a worker process stopped unexpectedly (out of memory?); "
                             "run again with --jobs 1 to lint in one process") from None
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return iter(done)
