"""Finding the files to lint: explicit files as given, directories recursed for prose files."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"
# Never descend into these: tooling, environments and version control are not articles.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})


def _skip_dir(name: str) -> bool:
    return name.startswith(".") or name in SKIP_DIRS


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def _not_a_file(path: str) -> str | None:
    """Why a name found in a directory cannot be linted as a file, or None if it can.

    Reading a named pipe would wait for a writer for ever, so only regular files (and links
    to them) found by walking a directory are read. A broken link or a loop of links is named
    rather than skipped in silence: the writer may have meant that article."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "cannot read: a loop of symbolic links"
        if os.path.islink(path):
            return "cannot read: a broken symbolic link"
        return f"cannot read: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "something else")
    return f"cannot read: {kind}, not a regular file"


def nothing_to_lint(path: str, why: str) -> str:
    """The error for a named folder that gives no file to lint: a CI job pointed at the wrong
    folder must not pass."""
    return f"nothing to lint in {path}: {why}"


def discover(paths: Iterable[str],
             origins: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """(files to lint in order, error messages for paths that cannot be linted).

    An explicitly named file is linted whatever its suffix, as ruff does (a pipe too:
    ``quotelint <(curl ...)``); directories contribute their ``*.txt``, ``*.md`` and
    ``*.markdown`` files, sorted, skipping hidden and tooling directories, and naming what
    is not a regular file (a pipe, a broken link). Symbolic links to directories are not
    followed (no loops). A directory with no such file is an error. ``origins``, if given,
    gets the directory each file was found in, as named.
    """
    files: list[str] = []
    errors: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path) if path != STDIN else path
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        if path == STDIN:
            add(path)
        elif os.path.isdir(path):
            named = 0
            for root, dirs, names in os.walk(path, onerror=lambda e: errors.append(
                    f"{e.filename}: cannot read directory: {e.strerror}")):
                dirs[:] = sorted(d for d in dirs if not _skip_dir(d))
                for name in sorted(names):
                    if name.lower().endswith(TEXT_SUFFIXES) and not name.startswith("."):
                        named += 1
                        full = os.path.join(root, name)
                        problem = _not_a_file(full)
                        if problem:
                            errors.append(f"{full}: {problem}")
                        else:
                            add(full)
                            if origins is not None:
                                origins.setdefault(full, path)
            if not named:
                errors.append(nothing_to_lint(path, "no .txt, .md or .markdown files"))
        elif os.path.exists(path):
            add(path)
        else:
            errors.append(f"{path}: no such file or directory")
    return files, errors
