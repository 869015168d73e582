"""Explain a rule: what it catches, why, what it does not, and examples."""

from __future__ import annotations

import argparse
import sys
import textwrap

from ..errors import QuotelintError
from .common import add_config_options
from .rules import loaded_rules


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", metavar="ID", help="a rule id (QL401) or name")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="also look in these rule files or folders")
    add_config_options(parser)


def explain(check) -> str:
    m = check.meta
    out = [f"{m.id} {m.name}", "",
           f"category: {m.category}   severity: {m.severity}   kind: {m.kind}"
           f"{'' if m.enabled else '   (off by default: select it by id or name)'}",
           f"defined in: {m.path}:{m.line}", ""]
    for text in (m.description, m.rationale):
        if text:
            out += [*textwrap.wrap(" ".join(text.split()), 88), ""]
    out += [f"message: {m.message}", ""]
    examples = m.examples or {}
    for key, title in (("fail", "Reported:"), ("pass", "Not reported:")):
        if examples.get(key):
            out.append(title)
            out += [textwrap.indent("\n".join(textwrap.wrap(e, 84)), "    ")
                    for e in examples[key]]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    rules = loaded_rules(args)
    check = rules.find(args.rule)
    if check is None:
        hint = rules.selector_hints([args.rule])[args.rule]
        raise QuotelintError(f"unknown rule {args.rule!r} (see `quotelint rules`){hint}")
    sys.stdout.write(explain(check))
    return 0
