"""The same articles in the shapes copy arrives in: do the quotation findings stay the same?

    python benchmarks/shapes.py [--corpus DIR] [--polnear PATH] [--limit N] [--show N]

Every article of ``--corpus`` (by default the BBC articles of ``../shared/corpus/bbc``) and
the PolNeAR dev articles (``--polnear``), read where they are and never copied into the
repository, is rendered in each shape below, and the quote-balance (QL1xx) and
quote-attribution (QL2xx) rules run on each rendering. Per shape it reports the articles whose
findings differ from the published shape's, compared by rule and matched text (whitespace
collapsed, so a wrapped quotation still matches), and the share of articles to which the
shape adds a quote-balance warning (the target: at most 2%). ``--show N`` prints N of the
differences per shape.

Shapes (the published one: a headline line, a blank line, paragraphs separated by blank
lines):

- ``para-lines``: one paragraph per line, no blank lines;
- ``wrap72``: paragraphs hard-wrapped at 72 columns, blank lines between them;
- ``sentence-lines``: one sentence per line, no blank lines at all;
- ``one-line``: the headline, a blank line, then the whole body on one line;
- ``crlf``: the published shape with CRLF line ends;
- ``markdown-semantic``: a ``.md`` file, one sentence per line, blank lines between
  paragraphs (semantic line breaks).

Sentences are cut by a plain rule of thumb (a full stop, question or exclamation mark, and a
closing mark after it, before a space and a capital or an opening mark; not after a title such
as "Mr."), as a CMS export would cut them, independently of quotelint's own splitter.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import regex

from quotelint.checks.ruleset import load_rules
from quotelint.text.document import Document

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
DEFAULT_POLNEAR = Path("/work/shared/eval/polnear/polnear_trainval.jsonl")

_SENTENCE_END = regex.compile(r"([.!?…][\"”’')]*)\s+(?=[\"“‘'(]?[A-Z0-9])")
_TITLE = regex.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Jr|Sr|No|Lt|Col|Capt|Prof|"
                       r"Rev|Sgt|Inc|Co|Corp|vs|[A-Z]))\.$")


def sentences(paragraph: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        if _TITLE.search(paragraph, 0, m.start(1) + 1):
            continue
        out.append(paragraph[start:m.end(1)])
        start = m.end()
    out.append(paragraph[start:])
    return [s for s in out if s.strip()]


def split(text: str) -> tuple[str, list[str]]:
    """(headline, body paragraphs) of an article in the published shape."""
    blocks = [" ".join(b.split()) for b in regex.split(r"\n\s*\n", text.strip())]
    blocks = [b for b in blocks if b]
    return blocks[0], blocks[1:]


def _published(head: str, body: list[str]) -> str:
    return "\n\n".join([head, *body]) + "\n"


SHAPES: dict[str, tuple[str, Callable[[str, list[str]], str]]] = {
    "published": (".txt", _published),
    "para-lines": (".txt", lambda h, b: "\n".join([h, *b]) + "\n"),
    "wrap72": (".txt", lambda h, b: "\n\n".join(
        textwrap.fill(p, 72, break_long_words=False, break_on_hyphens=False)
        for p in [h, *b]) + "\n"),
    "sentence-lines": (".txt", lambda h, b: "\n".join(
        [h, *(s for p in b for s in sentences(p))]) + "\n"),
    "one-line": (".txt", lambda h, b: f"{h}\n\n{' '.join(b)}\n"),
    "crlf": (".txt", lambda h, b: _published(h, b).replace("\n", "\r\n")),
    "markdown-semantic": (".md", lambda h, b: "\n\n".join(
        "\n".join(sentences(p)) for p in [h, *b]) + "\n"),
}


def articles(corpus: Path, polnear: Path, limit: int | None) -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]
    if polnear.exists():
        with polnear.open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row["split"] == "dev":
                    out.append((row["id"], row["text"]))
    return out[:limit] if limit else out


Key = tuple[str, str, str]  # (rule, severity, matched text)


def findings(checks: list, text: str, suffix: str) -> Counter[Key]:
    doc = Document(text, "article" + suffix)
    out: Counter[Key] = Counter()
    for check in checks:
        for f in check.run(doc):
            out[f.rule, f.severity, " ".join(text[f.start:f.end].split())] += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--rule", default="QL", help="show only differences of rules with this "
                    "prefix (QL1: quote balance)")
    ap.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    args = ap.parse_args()
    checks = [c for c in load_rules().all_checks if c.meta.id.startswith(("QL1", "QL2"))]
    docs = articles(args.corpus, args.polnear, args.limit)
    if not docs:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 2
    print(f"{len(docs)} articles; per shape, articles whose QL1xx/QL2xx findings differ from "
          "the published shape's")
    print(f"{'shape':18s} {'differ':>7s} {'QL1 +warn':>10s} {'QL1 -':>6s} {'QL2 +':>6s} "
          f"{'QL2 -':>6s}")
    base = {}
    for name, text in docs:
        head, body = split(text)
        base[name] = findings(checks, _published(head, body), ".txt")
    for shape, (suffix, render) in SHAPES.items():
        if shape == "published" or (args.shape and shape not in args.shape):
            continue
        counts: Counter[str] = Counter()
        shown = []
        for name, text in docs:
            head, body = split(text)
            got = findings(checks, render(head, body), suffix)
            added, lost = got - base[name], base[name] - got
            if not added and not lost:
                continue
            counts["differ"] += 1
            counts["ql1_added"] += any(k[0].startswith("QL1") and k[1] == "warning"
                                       for k in added)
            counts["ql1_lost"] += any(k[0].startswith("QL1") for k in lost)
            counts["ql2_added"] += any(k[0].startswith("QL2") for k in added)
            counts["ql2_lost"] += any(k[0].startswith("QL2") for k in lost)
            if len(shown) < args.show:
                shown += [f"  {name} + {k[0]} {k[2][:70]!r}" for k in added
                          if k[0].startswith(args.rule)]
                shown += [f"  {name} - {k[0]} {k[2][:70]!r}" for k in lost
                          if k[0].startswith(args.rule)]
        n = len(docs)
        print(f"{shape:18s} {counts['differ']:7d} "
              f"{counts['ql1_added']:4d} {100 * counts['ql1_added'] / n:4.1f}% "
              f"{counts['ql1_lost']:6d} {counts['ql2_added']:6d} {counts['ql2_lost']:6d}")
        for line in shown[:args.show]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
