"""Who is quoted: each quotation of a document with its attribution, and the speakers counted.

The source list of ``quotelint quotes`` and of the HTML report's sourcing summary: one
implementation, so the two never disagree. A pronoun counts for the person it refers to.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...text.document import Document
from ...text.quotes import Quote
from .attributions import Attribution, quotations, quote_attribution
from .lexicon import words
from .speakers import is_name, trailing_name

NAMED, UNNAMED, NONE = "named", "unnamed", "none"


@dataclass(frozen=True)
class Row:
    doc: Document
    quote: Quote
    attribution: Attribution | None

    def to_json(self) -> dict:
        a, q, text = self.attribution, self.quote, self.doc.text
        source = a.source if a is not None else None
        return {
            "path": self.doc.path,
            "start": q.start,
            "end": q.end,
            "line": self.doc.position(q.start)[0],
            "text": text[q.start:q.end],
            "speaker": text[source[0]:source[1]] if source else None,
            "speaker_start": source[0] if source else None,
            "speaker_end": source[1] if source else None,
            "cue": a.cue_text(self.doc) if a is not None else None,
        }


def rows(doc: Document) -> list[Row]:
    return [Row(doc, q, quote_attribution(doc, q)) for q in quotations(doc)]


def identity(row: Row) -> tuple[str, str]:
    """(who, how identified): "named", "unnamed" (a description: "two officials") or "none".

    A pronoun stands for the person it refers to when that person could be found.
    """
    a, doc = row.attribution, row.doc
    if a is None or a.source is None:
        return "(no speaker)", NONE
    span = a.source
    if doc.text[span[0]:span[1]].lower() in words().pronouns and a.resolved is not None:
        span = a.resolved
    text = " ".join(doc.text[span[0]:span[1]].split())
    named = is_name(doc.text, trailing_name(doc.text, span)) and not (
        len(text.split()) == 1 and text.lower() in words().nouns | words().pronouns)
    return text, NAMED if named else UNNAMED


def speakers(table: list[Row]) -> list[tuple[int, str, str]]:
    """(quotations, speaker, named/unnamed/none), most quoted first; "Milley" joins
    "Mark Milley"."""
    counts: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for row in table:
        who, kind = identity(row)
        counts[who] = counts.get(who, 0) + 1
        kinds[who] = kind
    for short in [w for w in counts if len(w.split()) == 1 and kinds[w] == NAMED]:
        longer = [w for w in counts if w != short and w.split()[-1] == short]
        if len(longer) == 1:
            counts[longer[0]] += counts.pop(short)
    return sorted(((n, w, kinds[w]) for w, n in counts.items()), key=lambda x: (-x[0], x[1]))
