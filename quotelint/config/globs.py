"""``exclude`` globs, read the way ``.gitignore`` is, since that is what users already write.

A pattern is relative to the folder of the configuration file that sets it. A pattern without
a slash matches a file or folder name at any depth (``*.draft.md``, ``archive``); one with a
slash is anchored to that folder (``drafts/old/*.md``, ``/README.md``). ``**`` crosses
folders, ``*`` and ``?`` do not, a trailing slash matches folders only, and a folder that
matches excludes everything in it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=256)
def _compile(pattern: str) -> tuple[re.Pattern[str], bool, bool]:
    """(regex for a relative posix path, anchored, folders only)."""
    dir_only = pattern.endswith("/")
    body = pattern.rstrip("/")
    anchored = "/" in body
    body = body.lstrip("/")
    out, i = [], 0
    while i < len(body):
        if body.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif body.startswith("**", i):
            out.append(".*")
            i += 2
        elif body[i] == "*":
            out.append("[^/]*")
            i += 1
        elif body[i] == "?":
            out.append("[^/]")
            i += 1
        elif body[i] == "[" and "]" in body[i + 2:]:
            close = body.index("]", i + 2)
            inner = body[i + 1:close]
            if inner.startswith("!"):
                inner = "^" + inner[1:]
            out.append("[" + inner.replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(body[i]))
            i += 1
    return re.compile("".join(out)), anchored, dir_only


def excluded(path: str, patterns: Sequence[str], root: str) -> bool:
    """Does any of ``patterns`` (relative to ``root``) exclude the file ``path``?"""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    parts = rel.split("/")
    inside = parts[0] != ".."
    for pattern in patterns:
        compiled, anchored, dir_only = _compile(pattern)
        if anchored:
            if not inside:
                continue
            candidates = ["/".join(parts[:k]) for k in range(1, len(parts) + 1)]
        else:
            candidates = parts if inside else parts[-1:]
        if dir_only:
            candidates = candidates[:-1]
        if any(compiled.fullmatch(c) for c in candidates):
            return True
    return False
