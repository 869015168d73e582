"""--fix and --diff: only safe fixes, nothing else in the file changes, files written atomically."""

from __future__ import annotations

import codecs
import json
import os
import stat
import subprocess
from dataclasses import replace

from quotelint.findings import Finding, Fix
from quotelint.run.fix import apply_fixes, fix_findings

HOUSE = """\
rules:
  - id: HOUSE010
    name: house-spelling
    kind: substitution
    category: style
    severity: info
    message: "House style: “{replacement}”, not “{match}”."
    ignore_case: true
    swap: {'per cent': percent, 'kms': km, 'towards': toward|towards}
"""
# A BOM, CRLF line ends, trailing blanks, a tab, accents and curly quotes, a quotation (house
# style never rewrites what someone said), a suppressed line, an alternative (the writer
# chooses) and no newline at the end.
ORIGINAL = ("\ufeff# Prices\r\n\r\nPrices rose 4 per cent in May.  \r\n"
            "“Up 4 per cent,” café owners said.\t\r\n"
            "<!-- quotelint-disable-next-line HOUSE010 -- the ONS wording -->\r\n"
            "The ONS said 3 per cent.\r\nIt is believed they drove towards the border.\r\n"
            "The range was 300 kms.").encode()
FIXED = ORIGINAL.replace(b"rose 4 per cent", b"rose 4 percent").replace(b"300 kms", b"300 km")


def _finding(start: int, end: int, replacement: str, rule: str = "T1") -> Finding:
    return Finding("a.txt", 1, start + 1, 1, end + 1, rule, "t", "style", "info", "m",
                   start, end, fix=Fix(start, end, replacement))


def test_overlapping_fixes_apply_the_first_and_skip_the_others():
    text = "It rose 4 per cent."
    a = _finding(10, 18, "percent", "A")  # "per cent"
    b = _finding(14, 18, "percentage", "B")  # "cent", inside the first
    c = _finding(10, 18, "percent", "C")  # the same edit as the first: fixed with it
    d = _finding(18, 19, "!", "D")  # right after the first: no overlap
    fixed, applied, skipped = apply_fixes(text, [d, b, c, a])
    assert fixed == "It rose 4 percent!"
    assert [f.rule for f in applied] == ["A", "C", "D"]
    assert [f.rule for f in skipped] == ["B"]


def test_fix_changes_only_the_fixed_spans_byte_for_byte(cli, write, tmp_path):
    rules = write("house.yaml", HOUSE)
    path = write("prices.md", ORIGINAL)
    os.chmod(path, 0o640)
    r = cli("--fix", "--rules", str(rules), "prices.md", cwd=tmp_path)
    assert path.read_bytes() == FIXED
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["house.yaml", "prices.md"]
    # what remains is reported where it now is: the alternative and the unattributed claim
    assert r.out.splitlines() == [
        "prices.md:7:1: warning QL401 “It is believed”: by whom? Name who believes or "
        "reported it.",
        "prices.md:7:27: info HOUSE010 House style: “toward” or “towards”, not “towards”.",
        "Fixed 2 problems. Found 2 problems (1 warning, 1 info) in 1 file."]
    assert r.code == 1
    # a second run has nothing left to fix
    assert cli("--fix", "--rules", str(rules), "prices.md").out.splitlines()[-1] == \
        "Found 2 problems (1 warning, 1 info) in 1 file."
    assert path.read_bytes() == FIXED


def test_diff_shows_the_fixes_and_writes_nothing(cli, write, tmp_path):
    rules = write("house.yaml", HOUSE)
    path = write("prices.md", ORIGINAL)
    r = cli("--diff", "--rules", str(rules), "prices.md", cwd=tmp_path)
    assert path.read_bytes() == ORIGINAL
    assert r.code == 1
    assert r.err == "Would fix 2 problems in 1 file.\n"
    assert r.out == (
        "--- a/prices.md\n+++ b/prices.md\n"
        "@@ -1,8 +1,8 @@\n"
        " \ufeff# Prices\r\n"
        " \r\n"
        "-Prices rose 4 per cent in May.  \r\n"
        "+Prices rose 4 percent in May.  \r\n"
        " “Up 4 per cent,” café owners said.\t\r\n"
        " <!-- quotelint-disable-next-line HOUSE010 -- the ONS wording -->\r\n"
        " The ONS said 3 per cent.\r\n"
        " It is believed they drove towards the border.\r\n"
        "-The range was 300 kms.\n\\ No newline at end of file\n"
        "+The range was 300 km.\n\\ No newline at end of file\n")
    # the diff is a patch that git applies to get exactly what --fix writes
    (tmp_path / "fixes.diff").write_bytes(r.out.encode())
    applied = subprocess.run(["git", "apply", "fixes.diff"], cwd=tmp_path, capture_output=True)
    assert applied.returncode == 0, applied.stderr
    assert path.read_bytes() == FIXED
    clean = write("clean.md", "The council met.\n")
    r = cli("--diff", str(clean))
    assert (r.code, r.out, r.err) == (0, "", "No fixes available.\n")


def test_fix_keeps_utf16_and_follows_symbolic_links(cli, write, tmp_path):
    rules = write("house.yaml", HOUSE)
    text = "Prices rose 4 per cent.\r\n"
    path = write("wide.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    os.symlink(path, tmp_path / "link.txt")
    cli("-q", "--fix", "--rules", str(rules), "link.txt", cwd=tmp_path)
    assert os.path.islink(tmp_path / "link.txt")
    assert path.read_bytes() == codecs.BOM_UTF16_LE + text.replace(
        "per cent", "percent").encode("utf-16-le")


def test_a_file_changed_since_it_was_linted_is_not_written(write):
    path = write("a.txt", "It rose 4 per cent.\n")
    finding = replace(_finding(10, 18, "percent"), path=str(path))
    outcome = fix_findings([finding], {str(path): "0:00000000"}, write=True)
    assert outcome.errors == [f"{path}: changed since it was linted; not fixed"]
    assert path.read_text(encoding="utf-8") == "It rose 4 per cent.\n"


def test_fix_refuses_standard_input(cli):
    r = cli("--fix", "-", stdin=b"It rose 4 per cent.\n")
    assert (r.code, r.err) == (2, "quotelint: --fix, --diff and --add-suppressions work on "
                                  "files, not on standard input\n")


# A loaded verb's "said" is an unsafe fix: it changes what the sentence says ("admitted" is
# the news), so --fix leaves it and only --unsafe-fixes applies it.
LOADED = ("The road runs for 320 kms, the ministry said.\n"
          "The minister claimed that the figures had been misread.\n")


def test_unsafe_fixes_are_shown_apart_and_applied_only_when_asked(cli, write, tmp_path):
    path = write("loaded.txt", LOADED)
    r = cli("--isolated", "loaded.txt", cwd=tmp_path)
    assert r.out.splitlines() == [
        "loaded.txt:1:19: info QL504 [*] “320 kms”: unit symbols take no plural s; write "
        "“320 km”.",
        "loaded.txt:2:14: info QL601 [~] “claimed” casts doubt on what The minister said: "
        "“said” is neutral.",
        "Found 2 problems (2 info) in 1 file.",
        "[*] 1 fixable with `quotelint --fix`.",
        "[~] 1 more fixable with `quotelint --fix --unsafe-fixes`: they may change what a "
        "sentence says."]
    r = cli("--isolated", "--format", "json", "loaded.txt", cwd=tmp_path)
    assert [f["fix"]["applicability"] for f in json.loads(r.out)] == ["safe", "unsafe"]
    r = cli("--isolated", "--diff", "loaded.txt", cwd=tmp_path)
    assert "-The minister claimed" not in r.out
    assert "(1 unsafe fix with --unsafe-fixes: they may change what a sentence says.)" in r.err
    r = cli("--isolated", "--diff", "--unsafe-fixes", "loaded.txt", cwd=tmp_path)
    assert "+The minister said that the figures had been misread.\n" in r.out
    assert path.read_text(encoding="utf-8") == LOADED
    cli("--isolated", "--fix", "loaded.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == LOADED.replace("320 kms", "320 km")
    r = cli("--isolated", "--fix", "--unsafe-fixes", "loaded.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == LOADED.replace("320 kms", "320 km").replace(
        "claimed", "said")
    assert r.code == 0


def test_a_substitution_rule_can_mark_its_fix_unsafe(cli, write, tmp_path):
    rules = write("house.yaml", HOUSE.replace("    swap:", "    safe: false\n    swap:"))
    path = write("a.txt", "Prices rose 4 per cent in May.\n")
    r = cli("--isolated", "--fix", "--rules", str(rules), "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "Prices rose 4 per cent in May.\n"
    assert "HOUSE010 [~]" in r.out
    cli("--isolated", "--fix", "--unsafe-fixes", "--rules", str(rules), "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "Prices rose 4 percent in May.\n"
