"""What the listing commands (``quotes``, ``sources``) share: their arguments, the articles
they read (no rules: the analyses only), and their two outputs, a JSON array or a table per
article."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

from ..config.settings import Settings
from ..errors import InputError
from ..run.files import STDIN, discover
from ..text.document import Document


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders (folders: *.txt, *.md, *.markdown); - for "
                             "standard input (default: .)")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="output format (default: text)")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name to report for standard input (its suffix picks Markdown)")


def read_documents(paths: list[str], stdin_name: str | None,
                   errors: list[str]) -> Iterator[Document]:
    """The articles of ``paths``; what cannot be found or read is added to ``errors``."""
    from ..run.linter import read_document

    files, missing = discover(paths)
    errors.extend(missing)
    settings = Settings()
    for path in files:
        try:
            yield read_document(path, settings, display=stdin_name if path == STDIN else None)
        except InputError as exc:
            errors.append(str(exc))


def run_listing(args: argparse.Namespace, records: Callable[[Document], list[dict]],
                table: Callable[[Document, TextIO], None]) -> int:
    """Each article's ``records`` as one JSON array, or its ``table``; errors last, exit 2."""
    errors: list[str] = []
    docs = list(read_documents(args.paths, args.stdin_filename, errors))
    if args.format == "json":
        json.dump([r for d in docs for r in records(d)], sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
    else:
        for doc in docs:
            table(doc, sys.stdout)
    for error in errors:
        print(error, file=sys.stderr)
    return 2 if errors else 0


def cut(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"
