"""Wall time of one pre-commit-sized run: start the CLI and lint one article.

    python benchmarks/startup.py [ARTICLE] [--runs N]

The target (DEVELOPERS.md) is well under 150 ms, start-up included. Each case runs once to
warm the file cache and write bytecode, then N times; the median and the slowest tenth are
printed, next to the bare interpreter's start-up for scale. Bytecode caching is switched on
even where the environment switches it off (PYTHONDONTWRITEBYTECODE), since an installed
quotelint always has it. The default article is the Markdown draft of the tests; pass a real
one (e.g. from the shared corpus) by path: it is read where it is, never copied.
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
DEFAULT = ROOT / "tests" / "fixtures" / "draft.md"
CONFIG = """\
select: [ALL]
ignore: [QL402]
severity: {agentless-attribution: error}
suppressions: {require_reason: true}
"""


def _time(cmd: list[str], cwd: Path, runs: int) -> list[float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=False)  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _row(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[max(0, round(len(ordered) * 0.9) - 1)]
    return f"{name:<44} median {statistics.median(times):6.1f} ms   p90 {p90:6.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    quotelint = [sys.executable, "-m", "quotelint", "-q", "--exit-zero"]
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        (repo / ".git").mkdir()
        (repo / "desk").mkdir()
        (repo / ".quotelint.yaml").write_text(CONFIG, encoding="utf-8")
        article = repo / "desk" / ("article" + (args.article.suffix or ".txt"))
        shutil.copyfile(args.article, article)
        cases = [
            ("python -c pass (interpreter start-up)", [sys.executable, "-c", "pass"]),
            ("quotelint --isolated, one article", [*quotelint, "--isolated", str(article)]),
            ("quotelint, one article, .quotelint.yaml found", [*quotelint, str(article)]),
        ]
        print(f"article: {args.article} ({args.article.stat().st_size} bytes), "
              f"{args.runs} runs each")
        for name, cmd in cases:
            print(_row(name, _time(cmd, repo, args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
