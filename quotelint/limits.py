"""The limits that keep a run bounded whatever it is given, in one place (see docs/architecture.md).

Rule and configuration files are user input too, and may come from a repository the user only
cloned: they are refused past these sizes rather than parsed into whatever they expand to.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from .errors import RuleError

# An article: a larger file is skipped with a message (--max-file-size). A news story is 5 KB
# and a book 1 to 3 MB; a text file larger than this is data, and linting holds a file about
# ten times over in memory (docs/architecture.md has the figures).
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# A rule or configuration file (the default pack's files are about 10 KB each).
MAX_BYTES = 10 * 1024 * 1024
# YAML nesting: rule files nest six deep, and PyYAML's C composer crashes near 100,000 levels.
MAX_DEPTH = 100
# YAML values (scalars and collections), each alias counted as what it expands to.
MAX_VALUES = 1_000_000


def size_text(n: float) -> str:
    """A size for a message: ``50 MB``, ``10.5 MB``, ``12 KB``, ``10 bytes``."""
    for unit, scale in (("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n:.0f} bytes"


def read_sized(fh: BinaryIO, size: int, limit: int | None) -> bytes:
    """The open file's bytes, up to ``limit`` + 1 (None: all), asked for by the ``size`` it
    reports: read(n) allocates n bytes first, and allocating the whole limit for each small
    article is a cost per file. A file that grew since, or reports no size (/proc), is read on up
    to the limit."""
    rest = -1 if limit is None else limit + 1
    data = fh.read(size + 1 if size else rest)
    if size and len(data) > size:
        data += fh.read(-1 if limit is None else limit + 1 - len(data))
    return data


def read_limited(path: Path, what: str) -> str:
    """The text of a rule or configuration file (UTF-8, BOM allowed), refusing one larger than
    ``MAX_BYTES`` before reading it. Raises FileNotFoundError, OSError, UnicodeDecodeError or
    RuleError."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_BYTES:
            raise RuleError(str(path), None, f"{what} of {size_text(size)}, larger than the "
                                             f"limit of {size_text(MAX_BYTES)}; refused")
        data = read_sized(fh, size, MAX_BYTES)
    if len(data) > MAX_BYTES:  # not a regular file, or it grew while being read
        raise RuleError(str(path), None, f"{what} larger than the limit of "
                                         f"{size_text(MAX_BYTES)}; refused")
    return data.decode("utf-8-sig")
