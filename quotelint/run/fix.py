"""``--fix`` and ``--diff``: apply the safe fixes that findings carry, and nothing else.

Only a finding's ``fix`` is applied: checks attach one only when the edit is unambiguous (a
substitution rule's single replacement, a unit symbol), and one that may change what a
sentence says (a loaded verb's "said") is marked unsafe and applied only with
``--unsafe-fixes``. Fixes are applied to the
text exactly as decoded, then encoded back the way the file came (UTF-8 or UTF-16, BOM or not,
CRLF untouched), so every byte outside a fixed span is the file's own. When two fixes overlap,
the first (in text order) is applied and the other skipped: it is reported again after fixing
and a second run can apply it. One pass per run, so ``--diff`` shows exactly what ``--fix``
writes. A file is written atomically (a temporary file in the same folder, renamed over it,
with the original's permissions), and not at all if it changed since it was linted.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..errors import InputError
from ..findings import Finding, Fix
from ..text.document import decode
from .linter import digest as digest_of

_ENCODINGS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


@dataclass
class FileFix:
    path: str
    before: str
    after: str
    data: bytes  # the file as read
    applied: list[Finding] = field(default_factory=list)
    skipped: list[Finding] = field(default_factory=list)  # overlapped an applied fix

    def diff(self) -> str:
        """A unified diff that ``git apply`` and ``patch -p1`` accept."""
        name = self.path.replace(os.sep, "/").removeprefix("./")
        bom = "\ufeff" if self.data.startswith(codecs.BOM_UTF8) else ""  # as the bytes have it
        lines = difflib.unified_diff(_lines(bom + self.before), _lines(bom + self.after),
                                     f"a/{name}", f"b/{name}")
        out = []
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(out)


@dataclass
class FixOutcome:
    files: list[FileFix] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return sum(len(f.applied) for f in self.files)


def _lines(text: str) -> list[str]:
    return [m.group() for m in _LINE.finditer(text)]


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, list[Finding],
                                                                  list[Finding]]:
    """(fixed text, findings fixed, findings skipped because their fix overlapped one before)."""
    fixable = sorted((f for f in findings if f.fix is not None),
                     key=lambda f: (f.fix.start, f.fix.end, f.start, f.rule))
    pieces, applied, skipped = [], [], []
    pos = 0
    last: Fix | None = None
    for f in fixable:
        fix = f.fix
        if not 0 <= fix.start <= fix.end <= len(text):
            skipped.append(f)
            continue
        if last is not None and (fix.start, fix.end, fix.replacement) == \
                (last.start, last.end, last.replacement):
            applied.append(f)  # two rules asking for the same edit: one edit fixes both
            continue
        if last is not None and (fix.start < last.end or (
                fix.start == last.end == last.start == fix.end)):
            skipped.append(f)
            continue
        pieces += [text[pos:fix.start], fix.replacement]
        pos, last = fix.end, fix
        applied.append(f)
    pieces.append(text[pos:])
    return "".join(pieces), applied, skipped


def _encoding(data: bytes) -> tuple[bytes, str]:
    for bom, name in _ENCODINGS:
        if data.startswith(bom):
            return bom, name
    return b"", "utf-8"


def fix_file(path: str, findings: list[Finding], digest: str | None = None) -> FileFix:
    """Compute the fixes of one file (without writing it); raises InputError."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if digest is not None and digest_of(data) != digest:
        raise InputError(f"{path}: changed since it was linted; not fixed")
    text = decode(data, path)
    after, applied, skipped = apply_fixes(text, findings)
    return FileFix(path, text, after, data, applied, skipped)


def encode_like(text: str, original: bytes) -> bytes:
    """``text`` in the encoding (and with the BOM) of ``original``."""
    bom, name = _encoding(original)
    return bom + text.encode(name)


def write_atomic(path: str, data: bytes, *, expect: bytes | None = None) -> None:
    """Replace the file's contents by ``data`` in one rename, keeping its permissions; refuse if
    its contents are no longer ``expect``. A symbolic link is followed, not replaced."""
    real = os.path.realpath(path)
    st = os.stat(real)
    folder, name = os.path.split(real)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".quotelint")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if expect is not None:
            with open(real, "rb") as fh:
                if fh.read() != expect:
                    raise InputError(f"{path}: changed while being fixed; not written")
        os.replace(tmp, real)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fix_findings(findings: Iterable[Finding], digests: dict[str, str] | None = None, *,
                 write: bool, unsafe: bool = False) -> FixOutcome:
    """Fix every file that has fixable findings; with ``write``, write the results. Unsafe
    fixes (they may change what a sentence says) only with ``unsafe``."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.fix is not None and (f.fix.safe or unsafe):
            by_path[f.path].append(f)
    return rewrite(by_path, digests, write=write,
                   change=lambda path, found, digest, _: fix_file(path, found, digest))


def rewrite(by_path: dict[str, list[Finding]], digests: dict[str, str] | None, *, write: bool,
            change: Callable[[str, list[Finding], str | None, FixOutcome], FileFix]) -> FixOutcome:
    """Each file's ``change(path, its findings, its digest, outcome)``, in path order; with
    ``write``, the changed files written back. A file that cannot be read or written is named
    in the outcome's errors and skipped."""
    outcome = FixOutcome()
    for path, found in sorted(by_path.items()):
        try:
            result = change(path, found, (digests or {}).get(path), outcome)
            if write and result.applied:
                write_atomic(path, encode_like(result.after, result.data), expect=result.data)
        except (InputError, OSError) as exc:
            outcome.errors.append(str(exc) if isinstance(exc, InputError)
                                  else f"{path}: cannot write: {exc.strerror or exc}")
            continue
        outcome.files.append(result)
    return outcome
