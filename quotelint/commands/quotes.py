"""List every quotation with its speaker and cue: the source list of a story.

The text table gives, per file, each quotation's position, speaker, cue and opening words,
then who is quoted how often, named or not (a pronoun counts for the person it refers to).
``--format json`` is the contract of DESIGN §5: one object per quotation with ``path``,
``start``, ``end`` (0-based code-point offsets, marks included), ``line``, ``text``,
``speaker``, ``speaker_start``, ``speaker_end`` and ``cue``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import TextIO

from ..analysis.attribution.lexicon import words
from ..analysis.attribution.roster import Row, rows, speakers
from ..config.settings import Settings
from ..errors import InputError
from ..run.files import STDIN, discover
from ..text.document import Document

_SPEAKER_WIDTH = 30
_QUOTE_WIDTH = 60


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders (folders: *.txt, *.md, *.markdown); - for "
                             "standard input (default: .)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="output format (default: text)")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name to report for standard input (its suffix picks Markdown)")


def _documents(paths: list[str], stdin_name: str | None,
               errors: list[str]) -> Iterator[Document]:
    from ..run.linter import read_document

    files, missing = discover(paths)
    errors.extend(missing)
    settings = Settings()
    for path in files:
        try:
            yield read_document(path, settings, display=stdin_name if path == STDIN else None)
        except InputError as exc:
            errors.append(str(exc))


def run(args: argparse.Namespace) -> int:
    errors: list[str] = []
    docs = list(_documents(args.paths, args.stdin_filename, errors))
    if args.format == "json":
        json.dump([r.to_json() for d in docs for r in rows(d)], sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for doc in docs:
            write_table(rows(doc), doc, sys.stdout)
    for error in errors:
        print(error, file=sys.stderr)
    return 2 if errors else 0


# -- the text table ------------------------------------------------------------------------------

def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def write_table(table: list[Row], doc: Document, out: TextIO) -> None:
    if not table:
        out.write(f"{doc.path}: no quotations\n\n")
        return
    out.write(f"{doc.path}: {len(table)} quotation{'s' if len(table) != 1 else ''}\n")
    header = ("LINE:COL", "SPEAKER", "CUE", "QUOTATION")
    lines = []
    for row in table:
        line, column = doc.position(row.quote.start)
        a = row.attribution
        speaker = a.source_text(doc) if a and a.source else "—"
        if a and a.resolved and speaker.lower() in words().pronouns:
            speaker += f" ({doc.text[a.resolved[0]:a.resolved[1]]})"
        lines.append((f"{line}:{column}", _cut(speaker, _SPEAKER_WIDTH),
                      _cut(a.cue_text(doc) or "", 16) if a else "",
                      _cut(doc.text[row.quote.start:row.quote.end], _QUOTE_WIDTH)))
    widths = [max(len(x[i]) for x in (header, *lines)) for i in range(3)]
    for cells in (header, *lines):
        out.write("  " + "  ".join(c.ljust(w) for c, w in zip(cells[:3], widths, strict=True))
                  + "  " + cells[3] + "\n")
    out.write("\n  QUOTED  SPEAKER\n")
    for n, who, kind in speakers(table):
        label = "" if kind == "none" else f"  ({kind})"
        out.write(f"  {n:>6}  {who}{label}\n")
    out.write("\n")
