"""Paths as CI services want them: forward slashes, relative to where quotelint ran."""

from __future__ import annotations

import os


def relative(path: str) -> str:
    """``./drafts/a.md`` -> ``drafts/a.md``; an absolute path inside the working folder is made
    relative to it; anything else stays as it is, with forward slashes."""
    if path == "-":
        return path
    if os.path.isabs(path):
        rel = os.path.relpath(path)
        if not rel.startswith(".."):
            path = rel
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path
