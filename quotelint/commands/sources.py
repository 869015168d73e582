"""List every source of each article: named, institutional, anonymous (with or without a reason
for anonymity), unnamed spokespeople and vague groups, with where they appear.

The text table gives, per file, each place a source appears (line, column, how it is
identified, the attributing cue, the source as written), then how many of each kind. ``--format
json`` prints one object per place: ``path``, ``line``, ``column``, ``start``, ``end``
(0-based code-point offsets), ``source``, ``kind`` and ``cue``. Kinds: named, institution,
evidence, pronoun, anonymous, anonymous-with-reason, anonymous-bare, anonymous-again (a later
mention of an unnamed source), spokesperson, unidentified (a vague group: "experts said").
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TextIO

from ..analysis.attribution.anonymity import anonymity_finder
from ..analysis.attribution.source_list import KINDS, ListedSource, list_sources
from ..config.settings import Settings
from ..text.document import Document
from .listing import add_arguments as add_arguments  # the command's arguments (cli.py)
from .listing import cut, run_listing


def to_json(doc: Document, source: ListedSource) -> dict:
    line, column = doc.position(source.start)
    return {"path": doc.path, "line": line, "column": column, "start": source.start,
            "end": source.end, "source": " ".join(doc.text[source.start:source.end].split()),
            "kind": source.kind, "cue": source.cue}


def write_table(doc: Document, listed: list[ListedSource], out: TextIO) -> None:
    if not listed:
        out.write(f"{doc.path}: no sources\n\n")
        return
    out.write(f"{doc.path}: {len(listed)} source{'s' if len(listed) != 1 else ''}\n")
    rows = [(f"{line}:{column}", s.kind, cut(s.cue or "", 16),
             cut(doc.text[s.start:s.end], 60))
            for s in listed for line, column in [doc.position(s.start)]]
    header = ("LINE:COL", "KIND", "CUE", "SOURCE")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(3)]
    for cells in (header, *rows):
        out.write("  " + "  ".join(c.ljust(w) for c, w in zip(cells[:3], widths, strict=True))
                  + "  " + cells[3] + "\n")
    counts = Counter(s.kind for s in listed)
    out.write("\n  " + ", ".join(f"{counts[k]} {k}" for k in KINDS if counts[k]) + "\n\n")


def run(args: argparse.Namespace) -> int:
    finder = anonymity_finder(Settings().ruleset().lexicons, {})
    return run_listing(args, lambda doc: [to_json(doc, s) for s in list_sources(doc, finder)],
                       lambda doc, out: write_table(doc, list_sources(doc, finder), out))
