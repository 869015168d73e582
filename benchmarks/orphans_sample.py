"""Hand-judged precision of QL201 (orphan-quote) on the BBC corpus, in both readings.

Runs QL201 over ``../shared/corpus/bbc`` (read by path) in the AP reading (the default) and
in the British one (``quotes.paragraph_continuation: true``), draws a fixed random sample of
findings and prints each with the text before it, for judging. A finding is right ("y") when
an editor would agree that the quotation's speaker is not clear: the quoted words are
somebody's and neither their sentence nor the sentence or paragraph just before says whose.
It is wrong ("n") when the text names the speaker (``missed``), when the words before give
the source (``context``: the speaker going on, a report named just before, a list introduced
by "The proposals include:"), or when the quotation is nobody's words (``term``: a name, a
title, a slogan, a buzzword, a translation, a proverb).

Verdicts are kept in ``benchmarks/judgments/quotes.tsv`` as pointers (reading, file, line,
column, verdict, class, note); no corpus text is stored in the repository.

    python benchmarks/orphans_sample.py sample --reading ap --n 60   # print a sample to judge
    python benchmarks/orphans_sample.py score                         # precision per reading
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

from quotelint import Settings
from quotelint.run.linter import lint_file

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
JUDGMENTS = Path(__file__).resolve().parent / "judgments" / "quotes.tsv"
READINGS = {"ap": {}, "british": {"quotes": {"paragraph_continuation": True}}}
SEED = 2026


def findings(reading: str) -> list[tuple[str, int, int]]:
    """(file, line, column) of every QL201 finding on the corpus in one reading."""
    settings = Settings(select=["QL201"], options=READINGS[reading])
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        out += [(path.name, f.line, f.column) for f in lint_file(str(path), settings).findings]
    return out


def _context(name: str, line: int, column: int, width: int = 300) -> str:
    lines = (CORPUS / name).read_text(encoding="utf-8").split("\n")
    before = "\n".join(lines[:line - 1])[-width:] + "\n" + lines[line - 1][:column - 1]
    return before[-width:].replace("\n", " / ") + " [[" + lines[line - 1][column - 1:][:160]


def sample(reading: str, n: int) -> int:
    rows = findings(reading)
    random.Random(SEED).shuffle(rows)
    print(f"{len(rows)} QL201 findings in the {reading} reading; {min(n, len(rows))} drawn")
    for name, line, column in sorted(rows[:n]):
        print(f"\n{reading}\t{name}\t{line}\t{column}\n  {_context(name, line, column)}")
    return 0


def score() -> int:
    with JUDGMENTS.open(encoding="utf-8") as fh:
        judged = list(csv.DictReader(fh, delimiter="\t"))
    for reading in READINGS:
        current = set(findings(reading))
        rows = [r for r in judged if r["reading"] == reading]
        stale = [r for r in rows if (r["file"], int(r["line"]), int(r["column"])) not in current]
        rows = [r for r in rows if r not in stale]
        right = sum(r["verdict"] == "y" for r in rows)
        classes = Counter(r["class"] for r in rows if r["verdict"] == "n")
        print(f"{reading}: {len(current)} findings, {len(rows)} judged, precision "
              f"{right / len(rows) if rows else 0:.2f} ({right}/{len(rows)}); wrong: "
              + ", ".join(f"{k} {v}" for k, v in classes.most_common())
              + (f"; {len(stale)} judged findings no longer reported" if stale else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--reading", choices=sorted(READINGS), default="ap")
    s.add_argument("--n", type=int, default=60)
    sub.add_parser("score")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    return sample(args.reading, args.n) if args.command == "sample" else score()


if __name__ == "__main__":
    raise SystemExit(main())
