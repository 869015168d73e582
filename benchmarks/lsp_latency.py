"""How long an editor waits for quotelint's diagnostics on a 2,000-word article.

    python benchmarks/lsp_latency.py [--corpus DIR] [--words 2000] [--rounds 3] [FILE...]

Starts ``quotelint server`` over stdio as an editor does (a fresh process each round) and
speaks JSON-RPC to it directly, timing, for each article:

- *start-up*: process start to the ``initialize`` response;
- *open*: ``didOpen`` to the first ``publishDiagnostics`` (configuration, rules, lint);
- *first diagnostics*: process start to that first ``publishDiagnostics``, what a writer waits
  for after opening a file in a fresh editor session;
- *edit*: a ``didChange`` (an appended sentence, debounce set to 0) to the next
  ``publishDiagnostics``, the cost of each pause in typing;
- *CPU to first diagnostics*: the server process's CPU time (user and system, from
  ``/proc``) when it has published them, which a busy shared machine inflates far less than
  the wall-clock figures.

The articles are the first ``--words`` words (cut at the end of a paragraph) of every article of
the corpus that long (by default ``../shared/corpus/bbc``, read where it is, never copied), or
the FILEs given. Each figure is the median over articles and rounds; the start-up cache is the
usual one (``QUOTELINT_CACHE_DIR``), warmed by a first unmeasured round. The last lines are a
Markdown table for the README, with the machine's core count and load average.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
DIAGNOSTICS = "textDocument/publishDiagnostics"


class Server:
    """A ``quotelint server`` process and the JSON-RPC framing of LSP."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, "-m", "quotelint", "server"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 0

    def send(self, method: str, params: Any, *, request: bool = False) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()
        return message.get("id")

    def receive(self) -> dict[str, Any]:
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def wait_for(self, *, id_: int | None = None, method: str | None = None) -> dict[str, Any]:
        while True:
            message = self.receive()
            if id_ is not None and message.get("id") == id_ and "method" not in message:
                return message
            if method is not None and message.get("method") == method:
                return message

    def cpu(self) -> float:
        """CPU seconds the server has used so far (Linux: /proc; elsewhere NaN)."""
        try:
            with open(f"/proc/{self.proc.pid}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        self.wait_for(id_=self.send("shutdown", None, request=True))
        self.send("exit", None)
        self.proc.wait(timeout=10)


def measure(path: Path, text: str) -> dict[str, float]:
    uri = path.resolve().as_uri()
    server = Server()
    init = server.send("initialize", {"processId": os.getpid(), "rootUri": None,
                                      "capabilities": {},
                                      "initializationOptions": {"debounce": 0}}, request=True)
    server.wait_for(id_=init)
    ready = time.perf_counter()
    server.send("initialized", {})
    opened = time.perf_counter()
    server.send("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
    server.wait_for(method=DIAGNOSTICS)
    first = time.perf_counter()
    cpu = server.cpu()
    server.send("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": text + "\nIt is believed the talks failed.\n"}]})
    server.wait_for(method=DIAGNOSTICS)
    edited = time.perf_counter()
    server.close()
    return {"start-up": ready - server.started, "open": first - opened,
            "first diagnostics": first - server.started, "edit": edited - first,
            "CPU to first diagnostics": cpu}


def cut(text: str, words: int) -> str | None:
    """The article's first ``words`` words, to the end of that paragraph; None if shorter."""
    count, lines = 0, []
    for line in text.splitlines(keepends=True):
        lines.append(line)
        count += len(line.split())
        if count >= words:
            return "".join(lines)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles = []
    for path in args.files or sorted(args.corpus.glob("*.txt")):
        text = cut(path.read_text(encoding="utf-8"), args.words)
        if text is not None:
            articles.append((path, text))
    if not articles:
        raise SystemExit(f"no article of {args.words} words or more")
    measure(*articles[0])  # warm the start-up cache and the file system
    times: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for path, text in articles:
            for key, value in measure(path, text).items():
                times.setdefault(key, []).append(value)
    words = statistics.median(len(t.split()) for _, t in articles)
    print(f"{len(articles)} articles of {words:.0f} words (median), {args.rounds} rounds; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print("\n| measure | median | max |\n|---|---|---|")
    for key, values in times.items():
        print(f"| {key} | {statistics.median(values) * 1000:.0f} ms | "
              f"{max(values) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
