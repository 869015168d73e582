"""Sentence-level accuracy of the unattributed-claim rules on Wikipedia weasel sentences.

Data: the development portion of the Szeged Uncertainty Corpus (WikiWeasel), read by path
from ``../shared/eval/weasel`` (never copied into this repository). Each line of
``docs/wiki_NNN.txt`` is one sentence; ``labels.jsonl`` labels it ``weasel`` (a doxastic
cue: "is considered", "believed", "allegedly", ...), ``hedge`` or ``none``, and for a sample
gives the original CoNLL-2010 label, which also counts quantifier weasels ("some critics").

A line counts as flagged when an ``unattributed-claim`` finding starts on it. Reported:
precision, recall and F1 against ``weasel`` (the target), against ``weasel`` or ``hedge``, and
against CoNLL ``uncertain`` where that label exists; then each rule's share of the flags.

    python benchmarks/claims.py [--data PATH] [--show-errors N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from quotelint import Settings
from quotelint.run.linter import lint_file

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "weasel"


def prf(tp: int, flagged: int, positives: int) -> tuple[float, float, float]:
    p = tp / flagged if flagged else 0.0
    r = tp / positives if positives else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE",
                        help="leave out a rule (to see what it contributes)")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="print N random false positives and N false negatives")
    args = parser.parse_args(argv)

    labels = [json.loads(line) for line in (args.data / "labels.jsonl").open(encoding="utf-8")]
    settings = Settings(select=["unattributed-claim"], ignore=args.ignore)
    flags: dict[tuple[str, int], set[str]] = defaultdict(set)
    files = sorted({row["file"] for row in labels})
    for name in files:
        result = lint_file(str(args.data / name), settings)
        if result.errors:
            print("\n".join(result.errors), file=sys.stderr)
            return 2
        for f in result.findings:
            flags[(name, f.line)].add(f.name)

    def score(is_positive, rows) -> tuple[float, float, float, int, int]:
        rows = list(rows)
        positives = sum(1 for r in rows if is_positive(r))
        flagged = [r for r in rows if (r["file"], r["line"]) in flags]
        tp = sum(1 for r in flagged if is_positive(r))
        return (*prf(tp, len(flagged), positives), len(flagged), positives)

    print(f"{len(labels)} sentences, {len(files)} files, "
          f"{sum(1 for r in labels if (r['file'], r['line']) in flags)} flagged\n")
    print(f"{'gold':34} {'P':>6} {'R':>6} {'F1':>6} {'flagged':>8} {'gold':>6}")
    conll = [r for r in labels if r["conll"] is not None]
    for title, test, rows in (
        ("weasel (target)", lambda r: r["label"] == "weasel", labels),
        ("weasel or hedge", lambda r: r["label"] in ("weasel", "hedge"), labels),
        ("CoNLL-2010 uncertain (subset)", lambda r: r["conll"] == "uncertain", conll),
    ):
        p, r, f1, n, g = score(test, rows)
        print(f"{title:34} {p:6.3f} {r:6.3f} {f1:6.3f} {n:8d} {g:6d}")

    per_rule: Counter[str] = Counter()
    per_rule_tp: Counter[str] = Counter()
    by_key = {(r["file"], r["line"]): r for r in labels}
    for key, names in flags.items():
        row = by_key.get(key)
        for name in names:
            per_rule[name] += 1
            per_rule_tp[name] += bool(row and row["label"] == "weasel")
    print(f"\n{'rule':34} {'lines':>6} {'weasel':>7} {'share':>6}")
    for name, n in per_rule.most_common():
        print(f"{name:34} {n:6d} {per_rule_tp[name]:7d} {per_rule_tp[name] / n:6.2f}")

    if args.show_errors:
        texts = {name: (args.data / name).read_text(encoding="utf-8").split("\n")
                 for name in files}
        rng = random.Random(0)
        fps = [r for r in labels if (r["file"], r["line"]) in flags and r["label"] != "weasel"]
        fns = [r for r in labels if (r["file"], r["line"]) not in flags
               and r["label"] == "weasel"]
        for title, rows in (("false positives", fps), ("false negatives", fns)):
            print(f"\n{title} ({len(rows)}):")
            for r in rng.sample(rows, min(args.show_errors, len(rows))):
                extra = sorted(flags.get((r["file"], r["line"]), ())) or r["cues"]
                print(f"  [{r['label']}/{r['conll']}] {extra} "
                      f"{texts[r['file']][r['line'] - 1][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
