"""Any text and any bytes, through the library and the command line: no exception, no hang,
and every finding inside the text (hypothesis).

Arbitrary Unicode rarely forms a quotation, a Markdown list or a suppression comment, so most
examples are drawn from the pieces news copy and Markdown are made of (marks, markers, comment
syntax, abbreviations, odd line breaks) mixed with arbitrary text. Example counts are kept
modest so that the suite stays fast; an example that runs away in Python code is stopped by an
alarm, and the adversarial inputs at the end run in a child process with a time limit.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotelint.cli import main
from quotelint.config.settings import Settings
from quotelint.errors import InputError
from quotelint.run.linter import lint_document
from quotelint.text.document import Document, decode

ALL = Settings(select=["ALL"])  # every rule, the audits of suppression comments included
PIECES = [
    '"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "′", "″",
    "\n", "\n\n", "\r\n", "\r", "\t", " ", "  ", "    ", "\x0b", "\x0c", "\x85", "\u2028",
    "\u200b", "\ufeff", "\x00", "\U0001f600", "e\u0301", "\u200f", "İ", "ß", "ﬁ", "\u0345",
    "\ud800",
    "> ", ">", "# ", "## ", "=====", "-----", "- ", "* ", "+ ", "1. ", "2) ", "[ ] ", "[x] ",
    "```", "~~~", "`", "``", "|", " | ", "|---|", "---", "+++", "...", "\\", "_", "__", "*",
    "**", "~~", "[", "]", "(", ")", "](", "![", "[^1]", "[^1]: ", "[id]: ", "<", ">", "<b>",
    "</b>", "<br/>", "<!--", "-->", "<!-- x -->", "http://example.com/a.", "www.x.org",
    "a@b.co", "<https://x.y>",
    "<!-- quotelint-disable-next-line QL401 -->", "<!-- quotelint-disable-line -->",
    "<!-- quotelint-disable QL4 -- reason -->", "<!-- quotelint-enable QL4 -->",
    "<!-- quotelint-disable-file -->", "<!-- quotelint-disabel -->", "<!-- quotelint- -->",
    "<!-- quotelint-enable -->", " -- ", " — ",
    "It is believed", "it has been reported", "reportedly", "Reportedly,", "said", "told",
    "according to the BBC", "Officials", ".", "?", "!", "…", "?”", ".’", "U.S.", "Mr.",
    "Gen.", "No.", "e.g.", "J.", "Inc.", "’90s", "rock ’n’ roll", "5'10\"", "12\"",
    "don’t", "Ukrainians’", "—", "–", "-", "/", "(", "[", "{",
]
news = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=40).map(
    "".join)


@contextlib.contextmanager
def no_hang(seconds: float = 20.0):
    """Fail, rather than hang the suite, when one example runs past ``seconds``."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(*_):
        raise TimeoutError(f"an example ran for more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def assert_inside(lines: list[str], line: int, column: int) -> None:
    """``lines``: the text split as quotelint counts lines, at line feeds only."""
    assert 1 <= line <= len(lines)
    assert 1 <= column <= len(lines[line - 1]) + 1


def check_findings(doc: Document, findings) -> None:
    lines = doc.text.split("\n")
    for f in findings:
        assert 0 <= f.start <= f.end <= len(doc.text)
        assert (f.line, f.column) == doc.position(f.start)
        assert (f.end_line, f.end_column) == doc.position(f.end)
        assert_inside(lines, f.line, f.column)
        assert_inside(lines, f.end_line, f.end_column)
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= len(doc.text)


def check_analyses(doc: Document) -> None:
    n = len(doc.text)
    assert len(doc.prose) == len(doc.flat) == len(doc.flat_outside_quotes) == n
    assert all(a == b or b == " " for a, b in zip(doc.text, doc.prose, strict=True)
               if a not in "\r\n")
    starts = [s for s, _ in doc.mask]
    assert starts == sorted(starts)
    for spans in ([(s, e) for s, e in doc.mask],
                  [(p.start, p.end) for p in doc.paragraphs],
                  [(s.start, s.end) for s in doc.sentences],
                  [(q.start, q.end) for q in doc.quotes.quotes]):
        assert all(0 <= s <= e <= n for s, e in spans)
    assert all(0 <= p.start < n for p in doc.quotes.problems)
    assert [p.start for p in doc.paragraphs] == sorted(p.start for p in doc.paragraphs)
    assert [s.start for s in doc.sentences] == sorted(s.start for s in doc.sentences)


def lint(text: str, path: str) -> None:
    with no_hang():
        doc = Document(text, path, options={"suppressions": {"require_reason": True}})
        check_analyses(doc)
        result = lint_document(doc, ALL.ruleset())
    assert result.errors == []
    check_findings(doc, result.findings)


@pytest.fixture(scope="module", autouse=True)
def _rules_loaded():
    ALL.ruleset()  # once, outside every example's deadline


@settings(max_examples=150, deadline=2000)
@given(text=st.text(), markdown=st.booleans())
@example(text="", markdown=True)
@example(text="\r\n\r\n\r", markdown=False)
def test_any_unicode_through_the_library(text, markdown):
    lint(text, "draft.md" if markdown else "draft.txt")


@settings(max_examples=300, deadline=2000)
@given(text=news, markdown=st.booleans())
def test_news_shaped_text_through_the_library(text, markdown):
    lint(text, "draft.md" if markdown else "draft.txt")


@settings(max_examples=100, deadline=2000)
@given(data=st.binary(max_size=300) | news.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_decode_or_are_refused_with_the_path(data):
    try:
        text = decode(data, "upload.txt")
    except InputError as exc:
        assert str(exc).startswith("upload.txt")
        return
    lint(text, "upload.txt")


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with no_hang(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=60, deadline=4000, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.binary(max_size=200) | news.map(lambda t: t.encode("utf-8", "surrogatepass")),
       second=news, suffix=st.sampled_from([".txt", ".md"]),
       fmt=st.sampled_from(["text", "jsonl", "sarif", "github"]))
def test_any_bytes_through_the_command_line(first, second, suffix, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / ".git").mkdir()  # no configuration from outside
        a, b = root / f"a{suffix}", root / "b.md"
        a.write_bytes(first)
        b.write_bytes(second.encode("utf-8", "surrogatepass"))
        code, out, err = run(["--format", "json", "--select", "ALL", "--story", "--jobs", "1",
                              str(a), str(b)])
        assert "internal error" not in err
        assert code in (0, 1, 2)
        if code == 2:
            assert err and all(line.startswith(str(root)) for line in err.splitlines())
        for item in json.loads(out):
            raw = (a if item["path"] == str(a) else b).read_bytes()
            lines = decode(raw, item["path"]).split("\n")
            assert_inside(lines, item["line"], item["column"])
            assert_inside(lines, item["end_line"], item["end_column"])
        for args in (["--format", fmt], ["-q", "--diff"]):
            code, out, err = run([*args, "--select", "ALL", "--jobs", "1", str(a), str(b)])
            assert "internal error" not in err
            assert code in (0, 1, 2)
        assert a.read_bytes() == first


# Inputs that once took time quadratic (or worse) in their size: a run of punctuation with no
# space after it (the sentence splitter), ten thousand opening quotation marks (the quote
# pairer), backtick runs of every length (Markdown code spans), and thousands of suppression
# comments. Each now takes well under a second; the old code took minutes for most. They run
# in a child process with a time limit, since a regex stuck in C code ignores an alarm.
ADVERSARIAL = {
    "exclamation marks": "!" * 100_000,
    "full stops": "." * 100_000,
    "ellipses": "…" * 100_000,
    "opening quotes": "“" * 100_000,
    "single quotes and closers": "‘" * 50_000 + "’" * 50_000,
    "backtick runs": "".join("`" * i + " " for i in range(1, 800)),
    "disable comments": "<!-- quotelint-disable -->" * 6_000,
    "enable comments": "<!-- quotelint-disable QL401 -->\n<!-- quotelint-enable -->\n" * 3_000,
    "comments and quotes": "“A quote.” <!-- quotelint-disable-line -->\n" * 3_000,
}
LINT_EACH = """
import json, sys
from quotelint.text.document import Document
from quotelint.run.linter import lint_document
from quotelint.config.settings import Settings
rules = Settings(select=["ALL"]).ruleset()
for name, text in json.load(open(sys.argv[1], encoding="utf-8")).items():
    for path in ("draft.txt", "draft.md"):
        result = lint_document(Document(text, path), rules)
        assert not result.errors, result.errors
    print(name, flush=True)
"""


def test_adversarial_inputs_take_linear_time(tmp_path):
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(ADVERSARIAL), encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-c", LINT_EACH, str(cases)], capture_output=True,
                              text=True, timeout=120, check=True).stdout.splitlines()
    except subprocess.TimeoutExpired as exc:
        finished = (exc.stdout or b"").decode().splitlines()
        stuck = next(name for name in ADVERSARIAL if name not in finished)
        pytest.fail(f"linting the {stuck!r} input did not finish")
    assert done == list(ADVERSARIAL)
