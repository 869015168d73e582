"""Any bytes in, a clear message out: odd, broken, huge and unreadable files.

Each bad input is named on standard error, the other files are still linted, and the run
exits with status 2. Tests may run as root, for whom ``chmod 000`` does not stop reading:
unreadability is made by replacing ``open`` for one path (and by ``chmod`` too when not
root), and by a named pipe in a folder, which must not be waited on.
"""

from __future__ import annotations

import builtins
import errno
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import seed_texts

CLAIM = "Officials met on Tuesday.\nIt is believed the talks failed.\n"


def finding(path) -> str:
    return f"{path}:2:1: warning QL401 “It is believed”: by whom? Name who believes or reported it."


def test_empty_files_are_linted_and_clean(cli, write):
    empty = write("empty.txt", b"")
    bom = write("bom.md", b"\xef\xbb\xbf")
    r = cli(str(empty), str(bom))
    assert (r.code, r.out, r.err) == (0, "No problems found in 2 files.\n", "")


def test_binary_and_invalid_utf8_are_named_and_the_rest_linted(cli, write):
    good = write("good.txt", CLAIM)
    png = write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = write("latin.txt", b"Officials met.\nThe caf\xe9 closed.\n")
    r = cli("-q", str(png), str(latin), str(good))
    assert r.code == 2
    assert r.err.splitlines() == [
        f"{png}: looks like a binary file (NUL byte); file skipped",
        f"{latin}:2: not valid UTF-8 (byte 0xe9 at offset 22); file skipped. Re-save it as "
        f"UTF-8."]
    assert r.out == finding(good) + "\n"


def test_a_skipped_file_is_counted_apart_from_the_linted_ones(cli, write, tmp_path):
    write("desk/good.txt", CLAIM)
    write("desk/clean.md", "The council met on Tuesday.\n")
    write("desk/photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write("desk/latin.txt", b"The caf\xe9 closed.\n")
    r = cli("desk", cwd=tmp_path)
    assert r.code == 2
    assert r.out.splitlines()[-1] == "Found 1 problem (1 warning) in 2 files; 2 skipped."
    r = cli("--statistics", "desk", cwd=tmp_path)
    assert r.out.splitlines()[-1] == "Found 1 problem in 2 files; 2 skipped."
    r = cli("desk/photo.txt", "desk/clean.md", cwd=tmp_path)
    assert (r.code, r.out) == (2, "No problems found in 1 file; 1 skipped.\n")


def test_a_folder_with_nothing_to_lint_is_an_error(cli, write, tmp_path):
    (tmp_path / "emptydir").mkdir()
    write("code/notes.py", CLAIM)
    write("code/.drafts/hidden.txt", CLAIM)
    good = write("good.txt", CLAIM)
    r = cli("-q", "emptydir", "code", "good.txt", cwd=tmp_path)
    assert r.code == 2
    assert r.err.splitlines() == [
        "nothing to lint in emptydir: no .txt, .md or .markdown files",
        "nothing to lint in code: no .txt, .md or .markdown files"]
    assert r.out == finding(good.name) + "\n"
    # with nothing linted at all, no summary line that could read as a pass
    r = cli("emptydir", cwd=tmp_path)
    assert (r.code, r.out) == (2, "")


def test_a_folder_whose_every_file_is_excluded_is_an_error(cli, write, tmp_path):
    write("archive/old.txt", CLAIM)
    write("drafts/new.txt", CLAIM)
    r = cli("-q", "--isolated", "--exclude", "archive/", "archive", "drafts", cwd=tmp_path)
    assert (r.code, r.err) == (2, "nothing to lint in archive: every file in it is excluded\n")
    assert r.out == finding("drafts/new.txt") + "\n"
    # a file named and excluded stays silent: pre-commit names every file it passes
    r = cli("-q", "--isolated", "--exclude", "archive/", "archive/old.txt", cwd=tmp_path)
    assert (r.code, r.err, r.out) == (0, "", "")


def test_a_file_over_the_size_limit_is_skipped_unread(cli, write, tmp_path):
    big = tmp_path / "archive.txt"
    with open(big, "wb") as fh:  # 50 MB, sparse: the limit is checked before reading
        fh.truncate(50 * 2**20)
    good = write("good.txt", CLAIM)
    r = cli("-q", str(big), str(good))
    assert r.code == 2
    assert r.err == (f"{big}: 50 MB, larger than the limit of 10 MB (--max-file-size); "
                     f"file skipped\n")
    assert r.out == finding(good) + "\n"


def test_the_size_limit_applies_to_standard_input_and_can_be_lifted(cli, write):
    r = cli("-q", "--max-file-size", "0.00001", "-", stdin=CLAIM.encode())
    assert (r.code, r.out) == (2, "")
    assert r.err == "-: larger than the limit of 10 bytes (--max-file-size); file skipped\n"
    path = write("long.txt", CLAIM * 2000)  # 114 KB
    assert cli("-q", "--max-file-size", "0.1", str(path)).code == 2
    r = cli("-q", "--max-file-size", "0", str(path))
    assert (r.code, r.err, len(r.out.splitlines())) == (1, "", 2000)


def test_symbolic_link_loops_end_and_are_named(cli, tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "story.txt").write_text(CLAIM, encoding="utf-8")
    os.symlink(".", desk / "again")  # a folder that contains itself
    os.symlink("..", desk / "up")
    os.symlink("self.txt", desk / "self.txt")  # a file link to itself
    os.symlink("gone.md", desk / "draft.md")  # a link to nothing
    r = cli("-q", "desk", cwd=tmp_path)
    assert r.code == 2
    assert r.err.splitlines() == ["desk/draft.md: cannot read: a broken symbolic link",
                                  "desk/self.txt: cannot read: a loop of symbolic links"]
    assert r.out == finding("desk/story.txt") + "\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_named_not_waited_on(cli, tmp_path):
    (tmp_path / "a.txt").write_text(CLAIM, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")  # nobody will ever write to it
    (tmp_path / "c.txt").write_text(CLAIM, encoding="utf-8")
    r = cli("-q", ".", cwd=tmp_path)
    assert r.code == 2
    assert r.err == "./b.txt: cannot read: a named pipe, not a regular file\n"
    assert r.out.splitlines() == [finding("./a.txt"), finding("./c.txt")]


def test_an_unreadable_file_is_named_and_the_others_linted(cli, write, monkeypatch):
    locked = write("locked.txt", CLAIM)
    good = write("good.txt", CLAIM)
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if os.fspath(file) == str(locked):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    r = cli("-q", str(locked), str(good))
    assert r.code == 2
    assert r.err == f"{locked}: cannot read: Permission denied\n"
    assert r.out == finding(good) + "\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_chmod_000_is_named(cli, write):
    locked = write("locked.txt", CLAIM)
    locked.chmod(0)
    try:
        r = cli("-q", str(locked))
    finally:
        locked.chmod(0o644)
    assert (r.code, r.err) == (2, f"{locked}: cannot read: Permission denied\n")


def _memory_growth(tmp_path, repeats: int) -> tuple[int, int, int]:
    """(findings, bytes of file, growth of peak memory) of linting ``repeats`` sentences with a
    quotation, an agentless attribution and a figure, in a fresh process."""
    # A named spokesman: an unnamed one would be a second finding (QL307) in every sentence.
    sentence = ("Ann Lee, the minister’s spokesman, said on Tuesday that it is believed the 300 "
                "km of talks, which began in May, would resume “within days”. ")
    path = tmp_path / f"long{repeats}.txt"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(repeats):  # 200-word paragraphs, curly quotes (two bytes a character)
            fh.write(sentence + ("\n\n" if i % 10 == 9 else ""))
    # The warm-up builds every analysis table (figures, speakers, sources) before the
    # measurement, whether or not the start-up cache is warm: a cold one compiles them then.
    warm = tmp_path / "warm.txt"
    warm.write_text("\n\n".join(seed_texts())
                    + "\n\n" + sentence, encoding="utf-8")
    # The peak is the kernel's high-water mark of resident memory, reset after the warm-up:
    # getrusage's ru_maxrss carries the parent's peak over into a child on Linux, so run from
    # a test session that had started a Dask cluster it read the session's 110 MB.
    script = textwrap.dedent(f"""
        from quotelint.run.linter import lint_paths
        from quotelint.config.settings import Settings

        def kib(field):
            with open("/proc/self/status") as fh:
                return next(int(x.split()[1]) for x in fh if x.startswith(field + ":"))

        settings = Settings()
        lint_paths([{str(warm)!r}], settings)
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # the peak starts again from the present
        before = kib("VmRSS")
        result = lint_paths([{str(path)!r}], settings)
        print(len(result.findings), (kib("VmHWM") - before) * 1024)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split()
    return int(out[0]), path.stat().st_size, int(out[1])


@pytest.mark.skipif(not os.path.exists("/proc/self/clear_refs"),
                    reason="needs Linux's /proc/self/clear_refs to reset the peak")
def test_memory_grows_in_proportion_to_the_file(tmp_path):
    """Bounded and linear: twice the text takes about twice the memory. This text is the
    densest copy there is (a quotation, an agentless attribution and a figure in every
    sentence of 20 words) and takes about 55 times its size; real articles take about 25
    times (docs/architecture.md, benchmarks/memory.py)."""
    findings, size, grown = _memory_growth(tmp_path, 30_000)  # 4 MB
    half_findings, _, half_grown = _memory_growth(tmp_path, 15_000)
    assert (findings, half_findings) == (30_000, 15_000)  # "it is believed" in each sentence
    assert size > 3_900_000 and half_grown > size  # it measured something
    assert grown < 64 * size
    assert grown / half_grown < 2.5  # in proportion, not faster (quadratic would be 4)
