"""Speed of quotelint against proselint on a real corpus, one article's wall time, and growth.

    python benchmarks/speed.py [--corpus DIR] [--rounds 3] [--single-runs 15] [--scales 1,2,4]

What it measures, each as the median of several runs of the command line (start-up included):

1. the whole corpus (every ``*.txt`` of ``--corpus``; by default the 2,225 BBC articles of
   ``../shared/corpus/bbc``, read where they are, never copied into the repository) with
   quotelint's full default pack, and with proselint on the same files, the two alternated
   round by round so that a busy machine slows both alike; the ratio of the medians;
2. quotelint on one article, as a pre-commit hook runs it;
3. quotelint on 1x, 2x and 4x the corpus (copies in a temporary folder, the three sizes
   alternated round by round), to show that the cost grows linearly with the number of
   articles.

quotelint runs with its default ``--jobs`` (one process per core) and ``--isolated`` (the
default pack, no configuration file); proselint has no parallel mode and runs in one process.
proselint is installed into ``benchmarks/.venv-proselint`` on first use (``python -m venv`` and
``pip install proselint``), apart from quotelint's own environment; ``--proselint PATH`` uses
another. The last lines printed are a Markdown table for the README. The machine is named with
its core count and load average, since a shared machine's figures move with its load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
PROSELINT_VENV = ROOT / "benchmarks" / ".venv-proselint"


def _env() -> dict[str, str]:
    # An installed quotelint has its bytecode cached; the development environment may say not
    # to write it (PYTHONDONTWRITEBYTECODE), which would time compilation on every run.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def quotelint_command() -> list[str]:
    script = Path(sys.executable).parent / "quotelint"
    base = [str(script)] if script.exists() else [sys.executable, "-m", "quotelint"]
    return [*base, "--isolated", "-q", "--exit-zero"]


def proselint_command(given: str | None) -> list[str] | None:
    """The proselint command, installing it into its own environment if needed."""
    if given:
        return [given, "check"]
    exe = PROSELINT_VENV / ("Scripts" if os.name == "nt" else "bin") / "proselint"
    if not exe.exists():
        print(f"installing proselint into {PROSELINT_VENV.relative_to(ROOT)} ...", flush=True)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(PROSELINT_VENV)], check=True)
            pip = exe.parent / "pip"
            subprocess.run([str(pip), "install", "-q", "proselint"], check=True)
        except (subprocess.CalledProcessError, OSError) as exc:
            print(f"proselint could not be installed ({exc}); measuring quotelint only")
            return None
    return [str(exe), "check"]


def run_once(cmd: list[str], cwd: Path, *, ok: tuple[int, ...]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=_env(), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok:
        raise SystemExit(f"{cmd[0]} failed (exit {done.returncode}):\n"
                         f"{done.stderr.decode(errors='replace')[:2000]}")
    return elapsed


def median(times: list[float]) -> float:
    return statistics.median(times)


def version(cmd: list[str]) -> str:
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else "?"


def copies(files: list[Path], times: int, into: Path) -> Path:
    """A folder holding ``times`` copies of every file (copy k of a.txt is k/a.txt)."""
    folder = into / f"x{times}"
    for k in range(times):
        sub = folder / str(k)
        sub.mkdir(parents=True)
        for f in files:
            shutil.copyfile(f, sub / f.name)
    return folder


def seconds(t: float) -> str:
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of *.txt articles (default: ../shared/corpus/bbc)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="runs of each tool on the corpus, alternated (default 3)")
    parser.add_argument("--single-runs", type=int, default=15,
                        help="runs on one article (default 15)")
    parser.add_argument("--article", type=Path,
                        help="the one article (default: the corpus's median-sized one)")
    parser.add_argument("--scales", default="1,2,4",
                        help="corpus multiples for the growth test (default 1,2,4; '' skips)")
    parser.add_argument("--proselint", metavar="PATH", help="a proselint executable to use")
    parser.add_argument("--no-proselint", action="store_true", help="measure quotelint only")
    args = parser.parse_args(argv)

    files = sorted(p for p in args.corpus.glob("*.txt") if p.is_file())
    if not files:
        raise SystemExit(f"no *.txt articles in {args.corpus}")
    size = sum(f.stat().st_size for f in files)
    quotelint = quotelint_command()
    proselint = None if args.no_proselint else proselint_command(args.proselint)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"corpus: {args.corpus} ({len(files):,} articles, {size / 2**20:.1f} MB)")
    print(f"machine: {cores} cores{load}; Python {sys.version.split()[0]}")
    print(f"quotelint: {version([*quotelint[:-3], '--version'])}, default pack, --jobs default "
          f"({cores} processes)")
    if proselint:
        print(f"proselint: {version([proselint[0], 'version'])}, one process")

    names = [str(f) for f in files]
    cwd = Path(tempfile.mkdtemp(prefix="quotelint-speed-"))
    try:
        rows = []
        # 1. the corpus, alternating the two tools round by round (after one warm-up each)
        run_once([*quotelint, *names], cwd, ok=(0,))
        if proselint:
            run_once([*proselint, *names], cwd, ok=(0, 1))
        q_times, p_times = [], []
        for r in range(args.rounds):
            q_times.append(run_once([*quotelint, *names], cwd, ok=(0,)))
            if proselint:
                p_times.append(run_once([*proselint, *names], cwd, ok=(0, 1)))
            print(f"round {r + 1}: quotelint {seconds(q_times[-1])}" +
                  (f", proselint {seconds(p_times[-1])}" if proselint else ""), flush=True)
        q, p = median(q_times), median(p_times) if p_times else None
        rows.append((f"{len(files):,} articles ({size / 2**20:.1f} MB), median of {args.rounds}",
                     seconds(q), seconds(p) if p else "–",
                     f"{p / q:.1f}x faster" if p else "–"))

        # 2. one article, as a pre-commit hook lints it
        article = args.article or sorted(files, key=lambda f: f.stat().st_size)[len(files) // 2]
        run_once([*quotelint, str(article)], cwd, ok=(0,))
        one = [run_once([*quotelint, str(article)], cwd, ok=(0,))
               for _ in range(args.single_runs)]
        rows.append((f"one article ({article.stat().st_size / 1024:.1f} KB), start-up "
                     f"included, median of {args.single_runs}", seconds(median(one)), "", ""))

        # 3. growth: 1x, 2x, 4x the corpus, as folders of copies, the sizes alternated round
        # by round like the two tools above
        scales = [int(s) for s in args.scales.split(",") if s.strip()]
        folders = {k: copies(files, k, cwd) for k in scales}
        for k in scales:
            run_once([*quotelint, str(folders[k])], cwd, ok=(0,))
        by_scale: dict[int, list[float]] = {k: [] for k in scales}
        for r in range(args.rounds):
            for k in scales:
                by_scale[k].append(run_once([*quotelint, str(folders[k])], cwd, ok=(0,)))
            print(f"round {r + 1}: " + ", ".join(f"{k}x {seconds(by_scale[k][-1])}"
                                                 for k in scales), flush=True)
        growth = [(k, median(by_scale[k])) for k in scales]
    finally:
        shutil.rmtree(cwd, ignore_errors=True)

    print()
    print("| measure | quotelint | proselint | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if growth:
        base_k, base_t = growth[0]
        print()
        print(f"| corpus | articles | quotelint | per article | time / time at {base_k}x |")
        print("|---|---|---|---|---|")
        for k, t in growth:
            n = k * len(files)
            print(f"| {k}x | {n:,} | {seconds(t)} | {t / n * 1000:.2f} ms | "
                  f"{t / base_t:.2f} (linear: {k / base_k:g}) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
