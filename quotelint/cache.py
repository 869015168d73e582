"""The start-up cache: compiled patterns and parsed YAML, kept between runs.

A one-article run, as a pre-commit hook makes it, would otherwise spend most of its time
compiling the same ~300 regular expressions as the run before (the `regex` module parses a
pattern in Python) and importing PyYAML and reading the same rule files. The
`regex` module pickles a compiled pattern as its compiled code, and unpickling calls its C
constructor: a few microseconds instead of milliseconds. Parsed YAML pickles as plain data.

Entries live in one file per quotelint, Python and `regex` version, in ``QUOTELINT_CACHE_DIR``,
else ``$XDG_CACHE_HOME/quotelint``, else ``~/.cache/quotelint``. A pattern is keyed by its
source, flags and named lists; a YAML file by its path, size and modification time, so an edited
rule file is read afresh. The file is read with an unpickler that builds nothing but a
compiled pattern and the located YAML containers (no other class, no code), and any damage
makes it an empty cache. ``QUOTELINT_NO_CACHE=1`` or ``--no-cache`` turns it off; only the
command line writes it (``save``), and a cache that cannot be written is skipped silently.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import regex

from . import __version__

# Entries kept: the default pack needs ~350; the rest is room for a few projects' own rules.
MAX_ENTRIES = 4000
_ALLOWED = frozenset({("regex._regex", "compile"), ("builtins", "frozenset"),
                      ("builtins", "set"), ("quotelint.located", "LDict"),
                      ("quotelint.located", "LList")})


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)


def _loads(data: bytes) -> Any:
    return _Unpickler(io.BytesIO(data)).load()


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("QUOTELINT_NO_CACHE", "").strip() not in ("", "0"):
        return None
    if os.environ.get("QUOTELINT_CACHE_DIR"):
        return Path(os.environ["QUOTELINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "quotelint"


class _Store:
    """One cache file: a dict of key -> pickled bytes, read on first use. What a run builds is
    pickled only when ``save`` writes it: library use, worker processes and --no-cache runs
    never save, and pickling all they build would slow a one-article run."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] | None = None
        self.fresh: dict[str, Any] = {}  # built by this run, not yet in the file
        self.enabled = True

    @property
    def added(self) -> bool:
        return bool(self.fresh)

    def _path(self) -> Path | None:
        folder = cache_dir() if self.enabled else None
        if folder is None:
            return None
        py = f"{sys.version_info[0]}{sys.version_info[1]}"
        return folder / f"startup-{__version__}-py{py}-regex{regex.__version__}.pickle"

    def _load(self) -> dict[str, bytes]:
        if self.entries is None:
            self.entries = {}
            path = self._path()
            try:
                data = _loads(path.read_bytes()) if path is not None else {}
            except Exception:
                data = {}
            if isinstance(data, dict):
                self.entries = {k: v for k, v in data.items()
                                if isinstance(k, str) and isinstance(v, bytes)}
        return self.entries

    def get(self, key: str, build: Callable[[], Any]) -> Any:
        """The cached value of ``key``, else ``build()``, remembered for ``save``."""
        if key in self.fresh:
            return self.fresh[key]
        data = self._load().get(key)
        if data is not None:
            try:
                return _loads(data)
            except Exception:
                pass
        value = self.fresh[key] = build()
        return value

    def save(self) -> None:
        if not self.fresh or self.entries is None:
            return
        path = self._path()
        if path is None:
            return
        entries = self.entries
        for key, value in self.fresh.items():
            with contextlib.suppress(Exception):  # what does not pickle is not kept
                entries[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.fresh = {}
        if len(entries) > MAX_ENTRIES:  # the oldest first out
            entries = dict(list(entries.items())[-MAX_ENTRIES:])
        import tempfile  # only when writing: its import is not free

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".startup-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump(entries, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # readers see the old file or the new one, never half
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


_STORE = _Store()

T = TypeVar("T")


def _key(*parts: Any) -> str:
    # The whole description, not a digest of it: no collision can ever hand back another
    # pattern, and hashlib's import alone would cost more than the look-up.
    return repr(parts)


def remember(key: tuple, build: Callable[[], T]) -> T:
    """``build()`` (a pattern's source built from word lists, a set of words: plain data the
    cache's unpickler accepts), cached by ``key``: a tuple of strings and tuples of strings
    that says everything the value is built from."""
    return _STORE.get(_key("value", key), build)


def compile_regex(source: str, flags: int = 0, **lists: Any) -> regex.Pattern:
    """``regex.compile(source, flags, **lists)``, from the cache when it was compiled before.
    Errors are the same as regex.compile's: a pattern that does not compile is never cached."""
    named = tuple(sorted((name, tuple(sorted(values))) for name, values in lists.items()))
    return _STORE.get(_key("regex", source, flags, named),
                      lambda: regex.compile(source, flags, **lists))


def _re_internals() -> tuple[Any, Any, int]:
    """(compiler module, parser module, the compiler's magic number) of this Python's ``re``:
    ``re._compiler`` from 3.11 on, ``sre_compile`` before (3.10)."""
    try:
        from re import _compiler, _constants, _parser
    except ImportError:
        import sre_compile as _compiler
        import sre_constants as _constants
        import sre_parse as _parser
    return _compiler, _parser, _constants.MAGIC


def re_parts(source: str, flags: int) -> tuple | None:
    """The arguments ``re.compile`` passes to the C constructor after parsing, as the
    compiler's ``compile`` computes them (CPython 3.10 to 3.13); None where this Python's
    internals differ, and the pattern is then compiled the ordinary way on every run."""
    try:
        _compiler, _parser, _ = _re_internals()
        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # The opcodes are int subclasses that do not pickle: plain ints are what C reads.
        return (source, int(flags | parsed.state.flags), [int(op) for op in code],
                parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:
        return None


def compile_re(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)``, its parsing skipped when it was compiled before.

    The standard library's ``re`` runs the figure patterns twice as fast as `regex` but pickles
    a pattern as its source, so the cache keeps what its parser produces and hands it to the
    C constructor (``_sre.compile``) as ``re`` itself does. The cache file is per Python
    version and the key holds the compiler's magic number (the version of its code, which a
    patch release may change); anything unexpected falls back to ``re.compile``."""
    flags = int(flags)
    try:
        magic = _re_internals()[2]
    except Exception:
        return re.compile(source, flags)
    parts = _STORE.get(_key("re", magic, source, flags), lambda: re_parts(source, flags))
    if parts is not None:
        try:
            import _sre

            return _sre.compile(*parts)
        except Exception:
            pass
    return re.compile(source, flags)


def load_yaml(path: Path, parse: Callable[[], Any]) -> Any:
    """``parse()`` (which reads and parses ``path``), from the cache when the file is unchanged
    (same size and modification time). Errors are parse's: what does not parse is not cached."""
    try:
        stat = path.stat()
    except OSError:
        return parse()
    return _STORE.get(_key("yaml", str(path.resolve()), stat.st_size, stat.st_mtime_ns), parse)


def disable() -> None:
    """No cache for the rest of this process (``--no-cache``)."""
    _STORE.enabled = False
    _STORE.entries = {}


def save() -> None:
    """Write what this run added; a cache that cannot be written is skipped."""
    _STORE.save()
