"""Finding the files to lint: explicit files as given, directories recursed for prose files."""

from __future__ import annotations

import os
from collections.abc import Iterable

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"
# Never descend into these: tooling, environments and version control are not articles.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})


def _skip_dir(name: str) -> bool:
    return name.startswith(".") or name in SKIP_DIRS


def discover(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """(files to lint in order, error messages for paths that do not exist).

    An explicitly named file is linted whatever its suffix, as ruff does; directories
    contribute their ``*.txt``, ``*.md`` and ``*.markdown`` files, sorted, skipping hidden
    and tooling directories. Symbolic links to directories are not followed (no loops).
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
            for root, dirs, names in os.walk(path, onerror=lambda e: errors.append(
                    f"{e.filename}: cannot read directory: {e.strerror}")):
                dirs[:] = sorted(d for d in dirs if not _skip_dir(d))
                for name in sorted(names):
                    if name.lower().endswith(TEXT_SUFFIXES) and not name.startswith("."):
                        add(os.path.join(root, name))
        elif os.path.exists(path):
            add(path)
        else:
            errors.append(f"{path}: no such file or directory")
    return files, errors
