"""Size and speed of ``--format html`` on a corpus, and how long headless Chromium takes to
show it.

    python benchmarks/html_report.py [--corpus DIR] [--rounds 3]

Each round times ``quotelint --isolated --format json`` and ``--format html`` on the corpus
(by default the 2,225 BBC articles of ``../shared/corpus/bbc``, read where they are), the two
alternated so that a busy machine slows both alike; then the page is opened in Debian's Chromium
through Playwright (as the tests do) and timed: to the ``load`` event, to the first frame after
it, and a click in the summary table that jumps to an article on another page. Medians are
printed as a Markdown table for the README, with the page's size and element count.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _lint(corpus: Path, fmt: str, out: Path) -> float:
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-m", "quotelint", "--isolated", "--format", fmt,
                        str(corpus)], stdout=fh, check=False)
    return time.perf_counter() - start


def _render(page_path: Path) -> tuple[float, float, float, int]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        start = time.perf_counter()
        page.goto(page_path.as_uri(), wait_until="load")
        loaded = time.perf_counter() - start
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => "
                      "requestAnimationFrame(r)))")
        painted = time.perf_counter() - start
        elements = page.evaluate("document.getElementsByTagName('*').length")
        rows = page.locator("table.summary tbody tr")
        start = time.perf_counter()
        rows.nth(min(50, rows.count() - 1)).locator("a").click()
        jumped = time.perf_counter() - start
        browser.close()
    return loaded, painted, jumped, elements


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"json": [], "html": []}
    renders = []
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        for _ in range(args.rounds):
            times["json"].append(_lint(args.corpus, "json", Path(tmp) / "out.json"))
            times["html"].append(_lint(args.corpus, "html", page))
            renders.append(_render(page))
        size = page.stat().st_size
    med = {k: statistics.median(v) for k, v in times.items()}
    loaded, painted, jumped = (statistics.median(r[i] for r in renders) for i in range(3))
    files = sum(1 for _ in args.corpus.rglob("*.txt")) + sum(1 for _ in args.corpus.rglob("*.md"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"{args.rounds} rounds, medians")
    print("| measure | value |\n|---|---|")
    print(f"| articles | {files} |")
    print(f"| `--format json`, whole run | {med['json']:.1f} s |")
    print(f"| `--format html`, whole run | {med['html']:.1f} s |")
    print(f"| page size | {size / 2**20:.1f} MB ({renders[-1][3]:,} elements) |")
    print(f"| Chromium: to the load event | {loaded:.2f} s |")
    print(f"| Chromium: to the first frame after it | {painted:.2f} s |")
    print(f"| Chromium: a click in the table to an article on another page | {jumped:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
