"""What each rule and each analysis costs, in CPU milliseconds per article, on a real corpus.

    python benchmarks/rule_costs.py [--corpus DIR] [--rounds N] [--top N] [--config FILE]

The speed harness (speed.py) says how fast quotelint is; this says where the time goes, so that
a slow rule (a custom one included: pass ``--config``) is found before it slows every commit.
Analyses are lazy and shared by the rules, so each document's analyses are timed first, each
charged its own work, and the rules are then timed on the analysed document.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from quotelint.config.load import settings_for_file
from quotelint.config.settings import Settings
from quotelint.text.document import Document

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "bbc"

# The Document's own lazy analyses; those the checks share through ``Document.cached``
# (attributions, figures, ...) are found by running the rules once.
BUILT_IN: dict[str, Callable[[Document], object]] = {
    "markup mask": lambda d: d.prose,
    "paragraphs": lambda d: d.paragraphs,
    "sentences": lambda d: d.sentences,
    "flat text": lambda d: d.flat,
    "quotes": lambda d: d.quotes,
    "text outside quotes": lambda d: d.flat_outside_quotes,
}


def _analyses(texts: list[tuple[str, str]], settings: Settings) -> dict[str, Callable]:
    """Every analysis a run of the rules uses, dependencies before the analyses using them:
    ``Document.cached`` stores a result when it is complete, so its order is that order."""
    ruleset = settings.ruleset()
    shared: dict[Callable, None] = {}
    for path, text in texts[:50]:
        doc = Document(text, path, options=settings.options)
        for check in ruleset.checks:
            list(check.run(doc))
        shared.update(dict.fromkeys(doc._cache))
    named = {f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}":
             (lambda d, fn=fn: d.cached(fn)) for fn in shared}
    return {**BUILT_IN, **named}


def _one_round(texts: list[tuple[str, str]], settings: Settings,
               analyses: dict[str, Callable]) -> dict[str, float]:
    """CPU seconds of each analysis and each rule over the corpus, one document at a time (as
    a run lints them: holding thousands of analysed documents would time the garbage
    collector instead). The analyses run first, each charged only its own work; the rules
    then run on the analysed document."""
    ruleset = settings.ruleset()
    clock = time.process_time
    costs = dict.fromkeys([*analyses, *(f"{c.meta.id} {c.meta.name}" for c in ruleset.checks)],
                          0.0)
    for path, text in texts:
        doc = Document(text, path, options=settings.options)
        for name, get in analyses.items():
            start = clock()
            get(doc)
            costs[name] += clock() - start
        for check in ruleset.checks:
            start = clock()
            list(check.run(doc))
            costs[f"{check.meta.id} {check.meta.name}"] += clock() - start
    return costs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3, help="best of N (default 3)")
    parser.add_argument("--top", type=int, default=15, help="rules to list (default 15)")
    parser.add_argument("--config", type=Path, help="a config file (default: the default pack)")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.txt"))
    if not paths:
        print(f"no *.txt articles in {args.corpus}", file=sys.stderr)
        return 2
    texts = [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    settings = settings_for_file(args.config) if args.config else Settings()
    per_doc = 1000 / len(texts)
    names = _analyses(texts, settings)
    rounds = [_one_round(texts, settings, names) for _ in range(args.rounds)]
    best = {name: min(r[name] for r in rounds) for name in rounds[0]}
    analyses = {name: best[name] for name in names}
    rules = {name: cost for name, cost in best.items() if name not in names}
    total = sum(analyses.values()) + sum(rules.values())
    print(f"{len(texts)} articles from {args.corpus}; CPU ms per article, best of {args.rounds}")
    print(f"{'total (analyses + rules)':<44} {total * per_doc:7.3f}")
    for name, seconds in analyses.items():
        print(f"  analysis  {name:<34} {seconds * per_doc:7.3f}")
    ranked = sorted(rules.items(), key=lambda item: -item[1])
    for name, seconds in ranked[:args.top]:
        print(f"  rule      {name:<34} {seconds * per_doc:7.3f}")
    rest = ranked[args.top:]
    if rest:
        print(f"  {len(rest)} other rules{'':<27} {sum(s for _, s in rest) * per_doc:7.3f}")
    print(f"median rule {statistics.median(rules.values()) * per_doc:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
