"""Hand-judged precision of the sourcing rules on real news (issue 4).

Runs the default pack over the BBC corpus (``../shared/corpus/bbc``) and, because BBC copy of
2004-05 uses few anonymous sources, over the PolNeAR articles (US political news, 2016) as
well; draws a fixed random sample of ``anonymous-source`` and ``unattributed-claim`` findings;
and prints each with its sentence for judging. Verdicts are kept in
``benchmarks/judgments/sourcing.tsv`` as pointers (corpus, file, line, column, rule, verdict,
note): no corpus text is stored in the repository.

    python benchmarks/sourcing_sample.py sample [--n 110]   # print the sample, add new rows
    python benchmarks/sourcing_sample.py score               # precision per rule, the misses
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from quotelint import Settings
from quotelint.run.linter import lint_file
from quotelint.text.document import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
JUDGMENTS = Path(__file__).resolve().parent / "judgments" / "sourcing.tsv"
CATEGORIES = ("anonymous-source", "unattributed-claim")
FIELDS = ["round", "corpus", "file", "line", "column", "rule", "name", "severity", "verdict",
          "note"]


def _polnear_files(tmp: Path) -> dict[str, Path]:
    """Write each PolNeAR article to a temporary file (never into the repository)."""
    out = {}
    with (SHARED / "eval" / "polnear" / "polnear_trainval.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            path = tmp / f"{article['id'][:60]}.txt"
            path.write_text(article["text"], encoding="utf-8")
            out[path.name] = path
    return out


def _corpora(tmp: Path) -> dict[str, dict[str, Path]]:
    bbc = {p.name: p for p in sorted((SHARED / "corpus" / "bbc").glob("*.txt"))}
    return {"bbc": bbc, "polnear": _polnear_files(tmp)}


def _findings(files: dict[str, Path]) -> list[tuple[str, object]]:
    settings = Settings(select=list(CATEGORIES))
    out = []
    for name, path in files.items():
        for f in lint_file(str(path), settings).findings:
            out.append((name, f))
    return out


def _context(path: Path, start: int) -> str:
    doc = Document(path.read_text(encoding="utf-8"), str(path))
    i = doc.sentence_index(start)
    s = doc.sentences[i]
    return " ".join(doc.text[s.start:s.end].split())


def _key(row: dict) -> tuple:
    return (row["corpus"], row["file"], int(row["line"]), int(row["column"]), row["rule"])


def _read() -> list[dict]:
    if not JUDGMENTS.exists():
        return []
    with JUDGMENTS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _write(rows: list[dict]) -> None:
    JUDGMENTS.parent.mkdir(parents=True, exist_ok=True)
    with JUDGMENTS.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=_key))


def sample(n: int, seed: int, categories: tuple[str, ...] = CATEGORIES) -> int:
    """Sample ``n`` findings per category (BBC first, topped up from PolNeAR) that no earlier
    round judged, and print them: each round measures the rules as they are now on findings
    that did not shape them."""
    rows = {_key(r): r for r in _read()}
    with tempfile.TemporaryDirectory() as tmp:
        corpora = _corpora(Path(tmp))
        rng = random.Random(seed)
        for category in categories:
            picked: list[tuple[str, str, object]] = []
            for corpus in ("bbc", "polnear"):
                pool = [(corpus, name, f) for name, f in _findings(corpora[corpus])
                        if f.category == category
                        and (corpus, name, f.line, f.column, f.rule) not in rows]
                rng.shuffle(pool)
                picked += pool[:max(0, n - len(picked))]
            for corpus, name, f in picked:
                key = (corpus, name, f.line, f.column, f.rule)
                row = rows.setdefault(key, {"round": str(seed),
                    "corpus": corpus, "file": name, "line": f.line, "column": f.column,
                    "rule": f.rule, "name": f.name, "severity": f.severity, "verdict": "",
                    "note": ""})
                flag = row["verdict"] or "?"
                print(f"[{flag}] {corpus}/{name}:{f.line}:{f.column} {f.rule} {f.name}\n"
                      f"     {f.message}\n"
                      f"     | {_context(corpora[corpus][name], f.start)[:400]}")
    _write(list(rows.values()))
    return 0


def score() -> int:
    """Precision per round and rule: each round judged findings that no earlier round had."""
    rows = [r for r in _read() if r["verdict"] in ("y", "n")]
    if not rows:
        print("no judgments yet: run `sample` and fill in the verdict column (y/n)")
        return 1
    for round_ in sorted({r["round"] for r in rows}, key=int):
        judged = [r for r in rows if r["round"] == round_]
        print(f"== round {round_}")
        for category, prefix in (("anonymous-source", "QL3"), ("unattributed-claim", "QL4")):
            mine = [r for r in judged if r["rule"].startswith(prefix)]
            good = sum(r["verdict"] == "y" for r in mine)
            print(f"{category}: {len(mine)} judged, precision {good / max(1, len(mine)):.2f}")
        by_rule: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
        for r in judged:
            by_rule[(r["rule"], r["name"], r["severity"])][r["verdict"]] += 1
        print(f"{'rule':6} {'name':32} {'severity':8} {'judged':>6} {'correct':>7} "
              f"{'precision':>9}")
        for (rule, name, severity), c in sorted(by_rule.items()):
            total = c["y"] + c["n"]
            print(f"{rule:6} {name:32} {severity:8} {total:6d} {c['y']:7d} "
                  f"{c['y'] / total:9.2f}")
        print("wrong findings:")
        for r in judged:
            if r["verdict"] == "n":
                print(f"  {r['corpus']}/{r['file']}:{r['line']}:{r['column']} {r['rule']}: "
                      f"{r['note']}")
        print()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["sample", "score"])
    parser.add_argument("--n", type=int, default=110, help="findings per category")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--category", choices=CATEGORIES, action="append",
                        help="sample only this category (repeatable)")
    args = parser.parse_args(argv)
    if args.mode == "score":
        return score()
    return sample(args.n, args.seed, tuple(args.category or CATEGORIES))


if __name__ == "__main__":
    sys.exit(main())
