r"""``exclude`` globs, read the way ``.gitignore`` is, since that is what users already write.

A pattern is relative to the folder of the configuration file that sets it. A pattern without
a slash matches a file or folder name at any depth (``*.draft.md``, ``archive``); one with a
slash is anchored to that folder (``drafts/old/*.md``, ``/README.md``). ``**`` crosses
folders, ``*`` and ``?`` do not, a trailing slash matches folders only, and a folder that
matches excludes everything in it. ``!`` re-includes what an earlier pattern excluded, the last
pattern that matches deciding, except inside an excluded folder (git does not look there);
``\!`` and ``\#`` stand for a name that starts with ``!`` or ``#``, and a backslash escapes
any character. A pattern git reads as a comment or as nothing (``#...``, ``!`` alone, empty) is
an error (``problem``), not a pattern that silently matches nothing.
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
        elif body[i] == "\\" and i + 1 < len(body):
            out.append(re.escape(body[i + 1]))
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


def problem(pattern: str) -> str | None:
    """What is wrong with ``pattern`` as an ``exclude`` glob, if anything."""
    if pattern.startswith("#"):
        return (f"exclude pattern {pattern!r} would be a comment in .gitignore; write "
                f"'\\#' for a name that starts with '#'")
    if not pattern.lstrip("!").strip("/") or pattern.startswith("!!"):
        return f"exclude pattern {pattern!r} names no file"
    return None


def _decides(patterns: Sequence[str], entry: str, name: str, folder: bool) -> bool | None:
    """Whether the last of ``patterns`` that matches ``entry`` (a path relative to the root,
    named ``name``) excludes it (True) or re-includes it (False); None: none matches."""
    decision = None
    for pattern in patterns:
        negated = pattern.startswith("!")
        compiled, anchored, dir_only = _compile(pattern[1:] if negated else pattern)
        if dir_only and not folder:
            continue
        if compiled.fullmatch(entry if anchored else name):
            decision = not negated
    return decision


def excluded(path: str, patterns: Sequence[str], root: str) -> bool:
    """Do ``patterns`` (relative to ``root``, read in order as .gitignore reads them) exclude
    the file ``path``? A file in an excluded folder stays excluded."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    parts = rel.split("/")
    if parts[0] == "..":  # outside the root: only name patterns, on the file's own name
        anchored = [p for p in patterns if not _compile(p.removeprefix("!"))[1]]
        return bool(_decides(anchored, parts[-1], parts[-1], False))
    for k in range(1, len(parts) + 1):
        if _decides(patterns, "/".join(parts[:k]), parts[k - 1], k < len(parts)):
            return True
    return False
