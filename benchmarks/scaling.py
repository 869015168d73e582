"""Does linting time grow in proportion to the text, on the shapes of text that break that?

    python benchmarks/scaling.py [--kb 200] [--runs 2]

Each case repeats one shape of copy (a sentence or paragraph with quotations, anonymous
sources, vague claims, figures...) into a file of ``--kb`` kilobytes and into one twice that
size, lints both with the default pack (``--isolated``, one process, start-up included, the
best of ``--runs``), and prints the time of each and their ratio. In proportion, the ratio is
about 2; a part of the work that compares everything with everything shows as 3 or more, and
the case is marked. Most cases are one paragraph with no blank line: whatever is done per
paragraph is then done over the whole file. Issue 7 found four such paths this way (the QL501
pairs, the carry-over of speakers, descriptor overlaps, the next paragraph's sentences).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {
    "quotations with speakers": '"We will never give up on this fight," he said. ',
    "quotations, a paragraph each": '"We will never give up on this fight," Smith said.\n\n',
    "orphan quotations": '"We will never give up on this fight for the people."\n\n',
    "anonymous sources": ("Officials said the plan had failed, according to two people "
                          "familiar with the talks. "),
    "vague claims": ("Experts say the economy is weak and it is believed that most people "
                     "are unhappy. "),
    "counts": "About 300 troops and 40 tanks were sent, officials said. ",
    "one figure repeated": "The missile has a range of 300 km, officials said. ",
    "distinct figures": None,  # "The missile number 17 has a range of 317 km, ..."
    "pronoun speakers": "She said it was fine. He said it was not. ",
    "money": "The firm made $3.7bn last year, up from £2bn. ",
}


def text(case: str, size: int) -> str:
    shape = CASES[case]
    if shape is None:
        out, i, length = [], 0, 0
        while length < size:
            out.append(f"The missile number {i} has a range of {300 + i} km, officials said. ")
            length += len(out[-1])
            i += 1
        return "".join(out)
    return shape * max(1, size // len(shape))


def best(path: Path, runs: int) -> float:
    cmd = [sys.executable, "-m", "quotelint", "--isolated", "-q", "--exit-zero", "-j", "1",
           str(path)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=200, help="the smaller file (default 200)")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"| case | {args.kb} KB | {2 * args.kb} KB | ratio |")
    print("|---|---|---|---|")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            small, large = Path(tmp) / "small.txt", Path(tmp) / "large.txt"
            small.write_text(text(case, args.kb * 1000), encoding="utf-8")
            large.write_text(text(case, 2 * args.kb * 1000), encoding="utf-8")
            a, b = best(small, args.runs), best(large, args.runs)
            ratio = b / a
            worst = max(worst, ratio)
            mark = " **superlinear**" if ratio >= 3 else ""
            print(f"| {case} | {a:.2f} s | {b:.2f} s | {ratio:.2f}{mark} |", flush=True)
    return 1 if worst >= 3 else 0


if __name__ == "__main__":
    raise SystemExit(main())
