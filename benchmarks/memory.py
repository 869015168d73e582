"""Peak memory and time of linting one very large file.

    python benchmarks/memory.py [--mb 50] [--corpus DIR]

Builds a plain-text file of about ``--mb`` megabytes in a temporary folder by joining real
articles (the corpus's ``*.txt``, read where they are; the project's ``seeds/`` if there is no
corpus) with blank lines, and lints it with the default pack in a fresh process, once as it is
and once with a curly apostrophe at the top: one character outside Latin-1 makes Python store
the whole text at two bytes a character, the common case for copy with typographic quotes.
The figure is the growth of the process's peak resident memory (on Linux the kernel's
high-water mark, reset after loading the rules; elsewhere ``ru_maxrss``) while linting,
after the rules are loaded, as a multiple of the file's size. ``--max-file-size 0`` lifts the
limit that the command line applies by default (10 MB).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"

MEASURE = """
import os, resource, sys, time
from quotelint.run.linter import lint_paths
from quotelint.config.settings import Settings

def kib(field):
    with open("/proc/self/status") as fh:
        return next(int(x.split()[1]) for x in fh if x.startswith(field + ":"))

settings = Settings()
settings.ruleset()
# Linux: the kernel's peak of resident memory, reset here (getrusage's ru_maxrss would carry
# the parent's peak over); elsewhere ru_maxrss.
linux = os.path.exists("/proc/self/clear_refs")
if linux:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    before = kib("VmRSS") * 1024
else:
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
start = time.perf_counter()
result = lint_paths([sys.argv[1]], settings, max_bytes=None)
elapsed = time.perf_counter() - start
after = kib("VmHWM") * 1024 if linux else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
print(before, after, elapsed, len(result.findings), len(result.errors))
"""


VARIANTS = (("as written", ""), ("one curly apostrophe", "The minister’s view.\n\n"))


def build(target: Path, sources: list[Path], size: int, prefix: str) -> int:
    articles = [p.read_text(encoding="utf-8") for p in sources]
    written = 0
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(prefix)
        while written < size:
            for text in articles:
                fh.write(text.strip() + "\n\n")
                written += len(text.encode("utf-8")) + 2
                if written >= size:
                    break
    return target.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="file size (default 50 MB)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    sources = sorted(args.corpus.glob("*.txt")) or sorted((ROOT / "seeds").glob("*.txt"))
    print(f"articles from {sources[0].parent} ({len(sources)} files)")
    print("| file | size | peak memory growth | per byte of file | time | findings |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, prefix in VARIANTS:
            path = Path(tmp) / "big.txt"
            size = build(path, sources, int(args.mb * 2**20), prefix)
            out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True,
                                 text=True, check=True).stdout.split()
            before, after, elapsed = int(out[0]), int(out[1]), float(out[2])
            grown = after - before
            print(f"| {name} | {size / 2**20:.0f} MB | {grown / 2**20:.0f} MB | "
                  f"{grown / size:.1f}x | {elapsed:.1f} s | {out[3]} |", flush=True)
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
