"""The start-up cache (quotelint/cache.py): the same patterns and rules as without it, and no
damaged, hostile or unwritable cache ever changes a run."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys

import pytest

from quotelint import cache


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh store over an empty cache folder; ``store()`` again reads the saved file, as the
    next run would."""
    monkeypatch.setenv("QUOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("QUOTELINT_NO_CACHE", raising=False)

    def make() -> cache._Store:
        fresh = cache._Store()
        monkeypatch.setattr(cache, "_STORE", fresh)
        return fresh

    return make


def _cache_file(tmp_path):
    files = list((tmp_path / "cache").glob("startup-*.pickle"))
    assert len(files) == 1
    return files[0]


PATTERNS = [
    (r"(?i:\b(?P<verb>said|says)\b)\s+(?P<who>[A-Z]\w+)", 0),
    (r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:km|miles)\b", re.IGNORECASE),
    (r"(?x) \b it \s is \s believed \b  # verbose", 0),
]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_a_stdlib_pattern_from_the_cache_is_the_same_compiled_code(store, source, flags):
    store()
    first = cache.compile_re(source, flags)
    cache.save()
    store()
    again = cache.compile_re(source, flags)
    # re.Pattern equality compares the flags and the compiled code itself.
    assert again == first == re.compile(source, flags)
    assert again.groupindex == re.compile(source, flags).groupindex


def _python_310_re(monkeypatch) -> None:
    """The standard library as Python 3.10 lays it out: no ``re._compiler``, ``_parser`` or
    ``_constants``; ``sre_compile``, ``sre_parse`` and ``sre_constants`` instead (here the same
    modules under their old names, so no deprecated import runs). On 3.10 itself: as it is."""
    if not hasattr(re, "_compiler"):
        return
    for new, old in (("_compiler", "sre_compile"), ("_parser", "sre_parse"),
                     ("_constants", "sre_constants")):
        module = getattr(re, new)
        monkeypatch.delattr(re, new)
        monkeypatch.setitem(sys.modules, f"re.{new}", None)  # import fails, as on 3.10
        monkeypatch.setitem(sys.modules, old, module)


def test_python_310_compiler_module_is_found_and_cached(store, monkeypatch):
    _python_310_re(monkeypatch)
    source, flags = PATTERNS[0]
    assert cache.re_parts(source, flags) is not None
    store()
    first = cache.compile_re(source, flags)
    cache.save()
    again = store()
    assert cache.compile_re(source, flags) == first == re.compile(source, flags)
    assert not again.fresh  # read from the file, not parsed again


def test_the_key_holds_the_pattern_compilers_magic_number(store, monkeypatch):
    source, flags = PATTERNS[1]
    store()
    cache.compile_re(source, flags)
    cache.save()
    constants = sys.modules.get("re._constants") or sys.modules["sre_constants"]
    monkeypatch.setattr(constants, "MAGIC", constants.MAGIC + 1)  # another compiler
    again = store()
    assert cache.compile_re(source, flags) == re.compile(source, flags)
    assert [k for k in again.fresh if k.startswith("('re'")]  # parsed afresh, not reused


def test_a_regex_pattern_from_the_cache_matches_as_compiled(store, tmp_path):
    store()
    source = r"(?i)\b\L<verbs>\s+(?P<who>[A-Z]\w+)"
    cache.compile_regex(source, 0, verbs=["said", "told"])
    cache.save()
    store()
    again = cache.compile_regex(source, 0, verbs=["told", "said"])  # a list's order is no key
    m = again.search("Yesterday SAID Ruth, and then told Kim.")
    assert (m.group(), m.group("who")) == ("SAID Ruth", "Ruth")
    # Another named list is another pattern, never the cached one.
    other = cache.compile_regex(source, 0, verbs=["argued"])
    assert other.search("Yesterday said Ruth.") is None
    cache.save()
    assert len(pickle.loads(_cache_file(tmp_path).read_bytes())) == 2


def test_a_damaged_cache_file_is_an_empty_cache(store, tmp_path):
    store()
    cache.compile_re(PATTERNS[0][0])
    cache.save()
    _cache_file(tmp_path).write_bytes(b"\x80\x05 not a pickle at all")
    store()
    assert cache.compile_re(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])


class _Hostile:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


def test_a_cache_file_that_would_run_code_is_refused(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store()
    cache.compile_re(PATTERNS[0][0])
    cache.save()
    path = _cache_file(tmp_path)
    entries = pickle.loads(path.read_bytes())
    entries = {key: pickle.dumps(_Hostile()) for key in entries}  # each entry, and the file
    path.write_bytes(pickle.dumps(_Hostile()))
    store()
    assert cache.compile_re(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])
    path.write_bytes(pickle.dumps(entries))
    store()
    assert cache.compile_re(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])
    assert not (tmp_path / "pwned").exists()


def test_an_unwritable_cache_is_skipped(store, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("QUOTELINT_CACHE_DIR", str(blocker / "quotelint"))
    store()
    assert cache.compile_re(PATTERNS[1][0]) == re.compile(PATTERNS[1][0])
    cache.save()  # no exception, nothing written
    assert blocker.read_text() == "a file where the cache folder would be"


def _run(args: list[str], cwd, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotelint", *args], cwd=cwd,
                          env={**os.environ, **env}, capture_output=True, text=True, check=False)


RULE = """\
rules:
  - id: T001
    name: sources-said
    kind: pattern
    category: anonymous-source
    message: "{message}"
    pattern: '\\bsources said\\b'
"""


def test_a_warm_run_reports_what_a_cold_one_does_and_sees_an_edited_rule(tmp_path):
    folder = tmp_path / "cache"
    env = {"QUOTELINT_CACHE_DIR": str(folder)}
    (tmp_path / "a.txt").write_text("It is believed the deal is off, sources said.\n")
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULE.format(message="which sources?"))
    args = ["--isolated", "--rules", "rules.yaml", "--select", "T001,QL401", "a.txt"]
    cold = _run(args, tmp_path, env)
    assert list(folder.glob("startup-*.pickle"))
    warm = _run(args, tmp_path, env)
    assert cold.stdout == warm.stdout
    assert "a.txt:1:33: warning T001 which sources?" in warm.stdout
    rules.write_text(RULE.format(message="name the sources"))
    edited = _run(args, tmp_path, env)
    assert "a.txt:1:33: warning T001 name the sources" in edited.stdout


def test_no_cache_neither_reads_nor_writes(tmp_path):
    folder = tmp_path / "cache"
    (tmp_path / "a.txt").write_text("It is believed the deal is off.\n")
    done = _run(["--no-cache", "a.txt"], tmp_path, {"QUOTELINT_CACHE_DIR": str(folder)})
    assert "a.txt:1:1: warning QL401" in done.stdout
    assert not folder.exists()
    done = _run(["a.txt"], tmp_path, {"QUOTELINT_CACHE_DIR": str(folder),
                                      "QUOTELINT_NO_CACHE": "1"})
    assert "a.txt:1:1: warning QL401" in done.stdout
    assert not folder.exists()


def test_a_trie_from_the_cache_is_the_one_built_and_other_words_are_another(store):
    from quotelint.matching.alternation import trie

    store()
    built = trie(["said", "says", "say", "told"])
    assert built == "(?:sa(?:id|ys?)|told)"
    cache.save()
    fresh = store()
    assert trie(["told", "say", "says", "said", "say"]) == built  # order and repeats: no key
    assert not fresh.added  # read from the file, not built again
    assert trie(["said", "says"]) == "sa(?:id|ys)"
    assert fresh.added
