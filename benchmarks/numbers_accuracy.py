"""Accuracy of the number-consistency rules (QL501-QL503) on real news copy, read by path.

    python benchmarks/numbers_accuracy.py [--corpus DIR] [--per-article N] [--seed S]
                                          [--errors N] [--same-story DIR] [--polnear JSONL]

The corpus stays where it is (its licence forbids copying it into the project). The benchmark
builds its own cases from it: every figure with a metric or imperial unit that the copy does
not already convert ("912km", "20 miles", "250 acres") is restated in the other unit system,
either correctly (rounded as a sub-editor would, to the figure's own significant figures) or
off by 20-60% (a deterministic random factor). Five kinds of restatement:

- ``conversion``: in parentheses right after the figure, "912km (567 miles)"; the wrong ones
  must get QL502 on the inserted figure;
- ``restatement``: the figure's sentence repeated as a new paragraph after the figure's own
  paragraph, with the figure restated; the wrong ones must get QL501 on the restated figure;
- ``story``: a second copy of the article with the figure restated, linted with the original
  as one story (``--story``); the wrong ones must get QL501 naming the original;
- ``paraphrase``: the figure said of its noun phrase in a sentence of its own ("The pipeline
  is 567 miles."), as a new paragraph after the figure's own; only figures that belong to a
  noun phrase get one (``benchmarks/paraphrase.py``). Harder than a repeated sentence, whose
  words match the original's word for word;
- ``paraphrase story``: a second article in which that sentence replaces the figure's own;
- ``that is``: a restatement by reference, as a sentence of its own right after the figure's
  ("... 912km across the mountains. That is about 567 miles."); the wrong ones must get QL501.

It reports recall on the inconsistent cases, false alarms on the consistent ones (any QL501 or
QL502 warning that the untouched article does not have), and the warnings on the untouched
articles per 100 articles, then lists the wrong cases, each missed one with the exclusion that
kept it from the original (``figure_compare.why_not_same``). With ``--same-story``, it also
prints what ``--story`` reports on each cluster of real same-story articles, for reading; with
``--polnear``, it also lints the untouched PolNeAR articles (US political news, one JSON
article a line with a ``text`` field), read in memory from their file, and lists what they get.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from paraphrase import noun_phrase, rate, sentence_for

from quotelint import Document, Settings, lint_paths
from quotelint.analysis.numbers.compare import mentions, why_not_same
from quotelint.analysis.numbers.quantities import quantities
from quotelint.analysis.numbers.quantity import Quantity
from quotelint.analysis.numbers.units import unit_table
from quotelint.run.linter import lint_document

DEFAULT_CORPUS = Path("/work/shared/corpus/bbc")
DEFAULT_SAME_STORY = Path("/work/shared/eval/same_story")
DEFAULT_POLNEAR = Path("/work/shared/eval/polnear/polnear_trainval.jsonl")
WARNINGS = ("QL501", "QL502")
SELECT = ["QL501", "QL502", "QL503"]

# The other system's unit, and how copy writes it.
TARGET = {"km": "mi", "m": "ft", "cm": "in", "mm": "in", "kg": "lb", "g": "oz", "t": "ton",
          "l": "gal", "km/h": "mph", "m/s": "mph", "ha": "acre", "km²": "mi²", "m²": "ft²",
          "mi": "km", "ft": "m", "in": "cm", "yd": "m", "lb": "kg", "oz": "g", "ton": "t",
          "gal": "l", "mph": "km/h", "acre": "ha", "mi²": "km²", "ft²": "m²", "kn": "km/h"}
WRITTEN = {"mi": ("miles", "mile"), "km": ("km", "km"), "ft": ("feet", "foot"),
           "m": ("metres", "metre"), "in": ("inches", "inch"), "cm": ("cm", "cm"),
           "lb": ("lb", "lb"), "kg": ("kg", "kg"), "oz": ("oz", "oz"), "g": ("g", "g"),
           "ton": ("tons", "ton"), "t": ("tonnes", "tonne"), "gal": ("gallons", "gallon"),
           "l": ("litres", "litre"), "mph": ("mph", "mph"), "km/h": ("km/h", "km/h"),
           "acre": ("acres", "acre"), "ha": ("hectares", "hectare"),
           "mi²": ("sq miles", "sq mile"), "km²": ("sq km", "sq km"),
           "ft²": ("sq ft", "sq ft"), "m²": ("sq m", "sq m")}


@dataclass
class Case:
    kind: str  # conversion, restatement, story, paraphrase, paraphrase story, that is
    consistent: bool
    path: str
    original: str  # the untouched article
    text: str  # the article with the restatement
    start: int  # where the restated figure is in ``text``
    end: int
    shown: str  # "912km (567 miles)": for the list of wrong cases
    factor: float
    keyed: bool  # the analysis ties the original figure to a measure ("a range of")
    origin: int  # where the original figure is, in ``original`` (and in ``text`` but for story)


# -- building cases ---------------------------------------------------------------------------

def eligible(found: list[Quantity]) -> list[Quantity]:
    """Figures with a unit of one system, not already converted, not ranges or temperatures."""
    paired = {q.converts for q in found if q.converts is not None}
    out = []
    for i, q in enumerate(found):
        unit = q.figure.unit
        if (unit is None or unit.unit.key not in TARGET or q.converts is not None or i in paired
                or q.figure.value2 is not None or q.figure.value <= 0):
            continue
        out.append(q)
    return out


def significant(value: float) -> int:
    """Significant figures a writer would keep when converting: the original's, at least 2."""
    digits = f"{value:.10g}".replace(".", "").replace("-", "").lstrip("0").rstrip("0")
    return max(2, min(4, len(digits)))


def round_to(value: float, figures: int) -> float:
    if value == 0:
        return 0.0
    places = figures - 1 - math.floor(math.log10(abs(value)))
    return round(value, places)


def number_text(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def restated(q: Quantity, factor: float) -> str:
    """The figure in the other system, times ``factor`` (1 for a correct conversion)."""
    table = unit_table()
    source = q.figure.unit.unit
    target = table.units[TARGET[source.key]]
    base = source.to_base((q.figure.value, q.figure.value))[0]
    value = round_to(target.from_base(base) * factor, significant(q.figure.value))
    plural, singular = WRITTEN[target.key]
    approx = f"{q.figure.approximator} " if q.figure.approximator else ""
    return f"{approx}{number_text(value)} {singular if value == 1 else plural}"


def cases_for(path: str, text: str, rng: random.Random, per_article: int) -> list[Case]:
    doc = Document(text, path)
    chosen = eligible(doc.cached(quantities))
    rng.shuffle(chosen)
    out: list[Case] = []
    for q in chosen[:per_article]:
        sentence = doc.sentences[q.sentence]
        paragraph = doc.paragraphs[sentence.paragraph]
        for consistent in (True, False):
            factor = 1.0 if consistent else _wrong_factor(rng)
            new = restated(q, factor)
            # conversion: "912km (567 miles)"
            insert = f" ({new.removeprefix(q.figure.approximator).strip()})"
            converted = text[:q.end] + insert + text[q.end:]
            out.append(Case("conversion", consistent, path, text, converted, q.end + 2,
                            q.end + len(insert) - 1, text[q.start:q.end] + insert, factor,
                            q.measure is not None, q.start))
            # restatement: the sentence again, as a new paragraph after the figure's own
            before = text[sentence.start:q.start]
            after = text[q.end:sentence.end]
            repeat = before + new + after
            cut = paragraph.end
            gap = "\n\n" if "\n\n" in text else "\n"
            moved = text[:cut] + gap + repeat + text[cut:]
            start = cut + len(gap) + len(before)
            out.append(Case("restatement", consistent, path, text, moved, start,
                            start + len(new), new, factor, q.measure is not None, q.start))
            # story: a second article with the figure restated in place
            story = text[:q.start] + new + text[q.end:]
            out.append(Case("story", consistent, path, text, story, q.start,
                            q.start + len(new), new, factor, q.measure is not None, q.start))
            # that is: a sentence of its own that restates the figure by reference, after a
            # sentence that ends as one (not a headline or a caption run into the next line)
            if text[sentence.end - 1] in ".!?\"”’":
                lead = THAT_IS[q.start % len(THAT_IS)]
                plain = new.removeprefix(q.figure.approximator).strip()
                said = f" {lead} {plain}."
                referred = text[:sentence.end] + said + text[sentence.end:]
                start = sentence.end + len(said) - len(plain) - 1
                out.append(Case("that is", consistent, path, text, referred, start,
                                start + len(plain), said.strip(), factor,
                                q.measure is not None, q.start))
            # paraphrase: the figure said of its noun phrase, in a paragraph of its own
            phrase = noun_phrase(text[sentence.start:sentence.end], q.start - sentence.start,
                                 q.end - sentence.start)
            if phrase is None:
                continue
            said = sentence_for(phrase, new + rate(text, q.end))
            offset = said.rindex(new)
            moved = text[:cut] + gap + said + text[cut:]
            start = cut + len(gap) + offset
            out.append(Case("paraphrase", consistent, path, text, moved, start,
                            start + len(new), said, factor, q.measure is not None, q.start))
            # paraphrase story: a second article that says it that way instead
            story = text[:sentence.start] + said + text[sentence.end:]
            start = sentence.start + offset
            out.append(Case("paraphrase story", consistent, path, text, story, start,
                            start + len(new), said, factor, q.measure is not None, q.start))
    return out


# How copy restates a figure by reference; chosen by the figure's place, not drawn from the
# random generator, so that the other kinds' cases stay those of earlier runs.
THAT_IS = ("That is about", "That's nearly", "That is roughly", "This is about", "That's some")


def _wrong_factor(rng: random.Random) -> float:
    off = rng.uniform(0.2, 0.6)
    return 1 + off if rng.random() < 0.5 else 1 - off


# -- judging them -----------------------------------------------------------------------------

def warnings(findings) -> Counter:
    return Counter((f.rule, f.message) for f in findings if f.rule in WARNINGS)


_BASE: dict[str, Counter] = {}


def judge(case: Case, settings: Settings, story_dir: Path) -> tuple[bool, list[str]]:
    """(caught, new warnings). ``caught``: the expected warning is on the restated figure."""
    ruleset = settings.ruleset()
    if case.path not in _BASE:
        _BASE[case.path] = warnings(lint_document(Document(case.original, case.path),
                                                  ruleset).findings)
    if case.kind.endswith("story"):
        first, second = story_dir / "a.txt", story_dir / "b.txt"
        first.write_text(case.original, encoding="utf-8")
        second.write_text(case.text, encoding="utf-8")
        result = lint_paths([str(first), str(second)], settings, story=True)
        # Only findings across the two files are the restatement's doing.
        new = [f for f in result.findings
               if f.path == str(second) and f.related and f.related[0].path == str(first)]
        caught = any(f.rule == "QL501" and f.start <= case.start < f.end + 1 for f in new)
        extra = [f for f in new if f.rule in WARNINGS]
    else:
        findings = lint_document(Document(case.text, case.path), ruleset).findings
        rule = "QL502" if case.kind == "conversion" else "QL501"
        caught = any(f.rule == rule and f.start <= case.start and case.end <= f.end + 1
                     for f in findings)
        extra = [f for f in findings if f.rule in WARNINGS
                 and _BASE[case.path][(f.rule, f.message)] == 0]
    return caught, [f"{f.rule} {f.line}:{f.column} {f.message}" for f in extra]


def why_missed(case: Case) -> str:
    """What kept a missed restatement from its original: the exclusion that
    ``figure_compare.why_not_same`` names, or "within rounding" when the two were compared
    and their intervals overlap ("two yards" is 1.4-2.3 m)."""
    restated = Document(case.text, "b.txt")
    original = restated if not case.kind.endswith("story") else Document(case.original, "a.txt")
    new = next((m for m in restated.cached(mentions) if m.start <= case.start < m.end), None)
    old = next((m for m in original.cached(mentions) if m.start == case.origin), None)
    if new is None or old is None:
        return "not read as a figure"
    return why_not_same(old, new) or "within rounding"


# -- the report -------------------------------------------------------------------------------

def untouched(texts: list[tuple[str, str]],
              settings: Settings) -> tuple[list[str], list[str], float]:
    """The warnings and the infos on the real articles (name, text) as they are, and the CPU
    time it took."""
    ruleset = settings.ruleset()
    warned, infos = [], []
    started = time.process_time()  # CPU time: the machine may be shared
    for name, text in texts:
        for f in lint_document(Document(text, name), ruleset).findings:
            line = f"{name}:{f.line}:{f.column}: {f.rule} {f.message}"
            (warned if f.rule in WARNINGS else infos).append(line)
    return warned, infos, time.process_time() - started


def polnear(path: Path, settings: Settings) -> None:
    """The untouched PolNeAR articles: warnings per 100 articles, each listed for reading."""
    with path.open(encoding="utf-8") as lines:
        texts = [(article["id"], article["text"]) for article in map(json.loads, lines)]
    alarms, infos, seconds = untouched(texts, settings)
    n = len(texts)
    print(f"\n## Untouched PolNeAR articles ({path})\n")
    print(f"{len(alarms)} QL501/QL502 warnings in {n} articles "
          f"({100 * len(alarms) / max(n, 1):.2f} per 100 articles), {len(infos)} QL503 infos; "
          f"{1000 * seconds / max(n, 1):.2f} ms CPU per article")
    for line in alarms + infos:
        print(f"    {line}")


def same_story(root: Path, settings: Settings) -> None:
    print(f"\n## --story on the clusters of {root}\n")
    for cluster in sorted(p for p in root.iterdir() if p.is_dir()):
        result = lint_paths([str(cluster)], settings, story=True)
        print(f"{cluster.name}: {len(result.findings)} findings in {result.files} files")
        for f in result.findings:
            print(f"    {Path(f.path).name}:{f.line}:{f.column}: {f.rule} {f.message}"
                  .replace(str(cluster) + "/", ""))


KINDS = ("conversion", "restatement", "story", "paraphrase", "paraphrase story", "that is")


def report_table(kinds: tuple[str, ...], tally: dict[tuple[str, bool], list[int]]) -> None:
    """Recall and false alarms of ``kinds``, and of all of them together."""
    print("| restatement | inconsistent cases | recall | consistent cases | false alarms |")
    print("|---|---|---|---|---|")
    totals = [0, 0, 0, 0]
    for kind in kinds:
        hit, bad = tally[(kind, False)]
        fa, good = tally[(kind, True)]
        totals = [totals[0] + hit, totals[1] + bad, totals[2] + fa, totals[3] + good]
        print(f"| {kind} | {bad} | {hit / max(bad, 1):.3f} | {good} | "
              f"{fa} ({fa / max(good, 1):.1%}) |")
    print(f"| **all** | {totals[1]} | {totals[0] / max(totals[1], 1):.3f} | {totals[3]} | "
          f"{totals[2]} ({totals[2] / max(totals[3], 1):.1%}) |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--per-article", type=int, default=2,
                        help="figures restated per article (default 2)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--errors", type=int, default=15, help="wrong cases listed per kind")
    parser.add_argument("--same-story", type=Path, nargs="?", const=DEFAULT_SAME_STORY)
    parser.add_argument("--polnear", type=Path, nargs="?", const=DEFAULT_POLNEAR)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    settings = Settings(select=SELECT)
    rng = random.Random(args.seed)
    paths = sorted(args.corpus.glob("*.txt"))
    started = time.perf_counter()
    cases: list[Case] = []
    for p in paths:
        cases.extend(cases_for(str(p), p.read_text(encoding="utf-8"), rng, args.per_article))
    tally: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    # inconsistent cases by whether the original figure has a measure word: caught, all
    keyed: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    reasons: dict[str, Counter] = defaultdict(Counter)  # why inconsistent cases were missed
    wrong: dict[str, list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            caught, extra = judge(case, settings, Path(tmp))
            key = (case.kind, case.consistent)
            tally[key][1] += 1
            name = Path(case.path).name
            if case.consistent:
                if extra:
                    tally[key][0] += 1
                    wrong[f"false alarm ({case.kind})"].append(
                        f"{name}: {case.shown!r}: {'; '.join(extra)}")
            else:
                keyed[(case.kind, case.keyed)][1] += 1
                keyed[(case.kind, case.keyed)][0] += caught
                tally[key][0] += caught
            if not case.consistent and not caught:
                why = why_missed(case) if case.kind != "conversion" else "conversion"
                reasons[case.kind][why] += 1
                wrong[f"missed ({case.kind})"].append(
                    f"{name}: {case.shown!r} (x{case.factor:.2f}): {why}"
                    + (" [measured]" if case.keyed else ""))
    elapsed = time.perf_counter() - started
    alarms, infos, seconds = untouched(
        [(p.name, p.read_text(encoding="utf-8")) for p in paths], settings)
    n = len(paths)

    print(f"# Numbers: {len(cases)} cases from {len(paths)} articles in {args.corpus} "
          f"(seed {args.seed}, {args.per_article} figures per article)\n")
    print("Restated in the figure's own sentence (verbatim apart from the figure):\n")
    report_table(("conversion", "restatement", "story"), tally)
    figures = len({(c.path, c.start) for c in cases if c.kind == "story"})
    said = len({(c.path, c.start) for c in cases if c.kind == "paraphrase story"})
    print(f"\nRestated in a sentence of its own, \"<noun phrase> is <figure>.\" ({said} of "
          f"{figures} figures have a noun phrase to say it of; benchmarks/paraphrase.py):\n")
    report_table(("paraphrase", "paraphrase story"), tally)
    print("\nRestated by reference in the next sentence, \"That is about <figure>.\":\n")
    report_table(("that is",), tally)
    print("\nRecall by whether the original figure has a measure word (\"a range of\", "
          "\"tonnes of crops\") or is keyed only by the words around it:\n")
    print("| restatement | measured: cases | recall | by its words: cases | recall |")
    print("|---|---|---|---|---|")
    for kind in KINDS:
        (hit, bad), (hit2, bad2) = keyed[(kind, True)], keyed[(kind, False)]
        print(f"| {kind} | {bad} | {hit / max(bad, 1):.3f} | {bad2} | {hit2 / max(bad2, 1):.3f} |")
    print("\nWhy the inconsistent cases were missed (figure_compare.why_not_same):\n")
    for kind in KINDS:
        if reasons[kind]:
            print(f"- {kind}: " + ", ".join(f"{why} {n}" for why, n in reasons[kind].most_common()))
    print(f"\nUntouched articles: {len(alarms)} QL501/QL502 warnings in {n} articles "
          f"({100 * len(alarms) / max(n, 1):.2f} per 100 articles)")
    for line in alarms:
        print(f"    {line}")
    print(f"and {len(infos)} QL503 infos")
    for line in infos:
        print(f"    {line}")
    print(f"\nQL501-QL503 on the untouched articles: {seconds:.2f} s "
          f"CPU ({1000 * seconds / max(n, 1):.2f} ms per article, one process); cases: "
          f"{elapsed:.1f} s")
    for title, lines in sorted(wrong.items()):
        print(f"\n## {title}: {len(lines)}")
        for line in lines[:args.errors]:
            print(f"    {line}")
    if args.same_story:
        same_story(args.same_story, settings)
    if args.polnear:
        polnear(args.polnear, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
