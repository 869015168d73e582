"""Shared helpers: run the CLI in-process, write fixture files, locate the repository."""

from __future__ import annotations

import atexit
import functools
import io
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# The start-up cache (quotelint/cache.py) of this test session: its own, so that the tests
# neither read nor fill the developer's ~/.cache/quotelint. Set before quotelint is imported,
# since imports compile patterns; subprocesses inherit it.
os.environ["QUOTELINT_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="quotelint-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

from quotelint.cli import main  # noqa: E402
from quotelint.text.document import Document  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@functools.cache
def seed_texts() -> tuple[str, ...]:
    """The seed articles' texts, read once per session."""
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


@functools.cache
def seed_documents() -> tuple[Document, ...]:
    """The seed articles as documents, analysed once per session."""
    return tuple(Document(text, str(path)) for text, path in
                 zip(seed_texts(), sorted(SEEDS.glob("*.txt")), strict=True))


def seed_sentences() -> list[str]:
    """Every sentence of the seed articles, as the analyses see it (flat text)."""
    return [d.flat[s.start:s.end] for d in seed_documents() for s in d.sentences]


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Call ``quotelint.cli.main`` and capture its exit status, stdout and stderr."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def write(tmp_path):
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(autouse=True)
def _no_user_environment(monkeypatch, tmp_path_factory):
    """A developer's own configuration (~/.config/quotelint) and colour or CI variables must not
    change what the tests see."""
    empty = tmp_path_factory.getbasetemp() / "xdg-config-home"
    empty.mkdir(exist_ok=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(empty))
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _rules_loaded_afresh(monkeypatch):
    """Each test loads its rule sets itself (``loaded_rules`` keeps them per process), so a
    test that counts loads or changes a kind sees its own."""
    from collections import OrderedDict

    import quotelint.checks.ruleset

    monkeypatch.setattr(quotelint.checks.ruleset, "_LOADED", OrderedDict())
