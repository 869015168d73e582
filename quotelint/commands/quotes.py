"""List every quotation with its speaker and cue: the source list of a story.

The text table gives, per file, each quotation's position, speaker, cue and opening words,
then who is quoted how often, named or not (a pronoun counts for the person it refers to).
``--format json`` is a contract: one object per quotation with ``path``,
``start``, ``end`` (0-based code-point offsets, marks included), ``line``, ``text``,
``speaker_text`` (the words the text gives the speaker: a name, a pronoun, a description),
``speaker_start``, ``speaker_end`` (their offsets) and ``cue``; ``speaker``: the same words,
or null when the text does not say who spoke (no words, or only the description of a person it
never names: "one campaign source", "a spokesman for the alliance"; the way the editors'
annotation lists quotations; a headline's quotations have the speaker its label gives,
"Brooks: ... ‘...’"); and ``speaker_name``: the name the speaker stands for (a
pronoun's person, the name a description ends with, the body "the ministry" names), or null.
The text table shows that name in brackets after the speaker's words when they differ.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TextIO

from ..analysis.attribution.attributions import (
    Attribution,
    headline_credit,
    quotations,
    quote_attribution,
    quote_speaker_name,
)
from ..analysis.attribution.lexicon import Span, words
from ..analysis.attribution.naming import unnamed_person
from ..analysis.attribution.speakers import is_name, trailing_name
from ..text.document import Document
from ..text.marks import Quote
from .listing import add_arguments as add_arguments  # the command's arguments (cli.py)
from .listing import cut, run_listing

_SPEAKER_WIDTH = 30
_QUOTE_WIDTH = 60


@dataclass(frozen=True)
class Row:
    doc: Document
    quote: Quote
    attribution: Attribution | None
    name: Span | None = None
    unnamed: bool = False

    @property
    def speaker_name(self) -> str | None:
        return None if self.name is None else " ".join(
            self.doc.text[self.name[0]:self.name[1]].split())

    def to_json(self) -> dict:
        a, q, text = self.attribution, self.quote, self.doc.text
        source = a.source if a is not None else None
        return {
            "path": self.doc.path,
            "start": q.start,
            "end": q.end,
            "line": self.doc.position(q.start)[0],
            "text": text[q.start:q.end],
            "speaker": text[source[0]:source[1]] if source and not self.unnamed else None,
            "speaker_text": text[source[0]:source[1]] if source else None,
            "speaker_start": source[0] if source else None,
            "speaker_end": source[1] if source else None,
            "cue": a.cue_text(self.doc) if a is not None else None,
            "speaker_name": self.speaker_name,
        }


def rows(doc: Document) -> list[Row]:
    out = []
    for q in quotations(doc):
        a = quote_attribution(doc, q) or headline_credit(doc, q)
        name = quote_speaker_name(doc, q, a)
        out.append(Row(doc, q, a, name, a is not None and unnamed_person(doc.text, a, name)))
    return out


def run(args: argparse.Namespace) -> int:
    return run_listing(args, lambda doc: [r.to_json() for r in rows(doc)],
                       lambda doc, out: write_table(rows(doc), doc, out))


# -- the text table ------------------------------------------------------------------------------

def identity(row: Row) -> tuple[str, str]:
    """(who, how identified): "named", "unnamed" (a description: "two officials") or "none".

    A pronoun stands for the person it refers to when that person could be found.
    """
    a, doc = row.attribution, row.doc
    if a is None or a.source is None:
        return "(no speaker)", "none"
    span = a.source
    if doc.text[span[0]:span[1]].lower() in words().pronouns and row.name is not None:
        span = row.name
    text = " ".join(doc.text[span[0]:span[1]].split())
    named = is_name(doc.text, trailing_name(doc.text, span)) and not (
        len(text.split()) == 1 and text.lower() in words().nouns | words().pronouns)
    return text, "named" if named else "unnamed"


def speakers(table: list[Row]) -> list[tuple[int, str, str]]:
    """(quotations, speaker, named/unnamed), most quoted first; "Milley" joins "Mark Milley"."""
    counts: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for row in table:
        who, kind = identity(row)
        counts[who] = counts.get(who, 0) + 1
        kinds[who] = kind
    for short in [w for w in counts if len(w.split()) == 1 and kinds[w] == "named"]:
        longer = [w for w in counts if w != short and w.split()[-1] == short]
        if len(longer) == 1:
            counts[longer[0]] += counts.pop(short)
    return sorted(((n, w, kinds[w]) for w, n in counts.items()), key=lambda x: (-x[0], x[1]))


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
        name = row.speaker_name
        if name and a and a.source and name != " ".join(speaker.split()):
            speaker += f" ({name})"
        lines.append((f"{line}:{column}", cut(speaker, _SPEAKER_WIDTH),
                      cut(a.cue_text(doc) or "", 16) if a else "",
                      cut(doc.text[row.quote.start:row.quote.end], _QUOTE_WIDTH)))
    widths = [max(len(x[i]) for x in (header, *lines)) for i in range(3)]
    for cells in (header, *lines):
        out.write("  " + "  ".join(c.ljust(w) for c, w in zip(cells[:3], widths, strict=True))
                  + "  " + cells[3] + "\n")
    out.write("\n  QUOTED  SPEAKER\n")
    for n, who, kind in speakers(table):
        label = "" if kind == "none" else f"  ({kind})"
        out.write(f"  {n:>6}  {who}{label}\n")
    out.write("\n")
