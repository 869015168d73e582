"""List the rules: id, name, category, severity and what each catches."""

from __future__ import annotations

import argparse
import json
import sys

from ..ruleset import load_rules


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="also list the rules of these files or folders")


def run(args: argparse.Namespace) -> int:
    checks = load_rules(args.rules).checks
    rows = [{
        "id": c.meta.id, "name": c.meta.name, "category": c.meta.category,
        "severity": c.meta.severity, "kind": c.meta.kind, "enabled": c.meta.enabled,
        "description": c.meta.summary,
    } for c in checks]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    headers = ("ID", "NAME", "CATEGORY", "SEVERITY", "DESCRIPTION")
    table = [(r["id"], r["name"], r["category"], r["severity"],
              r["description"] + ("" if r["enabled"] else " (off by default)")) for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *table, strict=False)][:4]
    for row in (headers, *table):
        cells = [str(v).ljust(w) for v, w in zip(row, widths, strict=False)]
        sys.stdout.write("  ".join([*cells, row[4]]) + "\n")
    return 0
