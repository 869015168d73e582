"""Excerpts: paragraphs quoted from a column or article under a line that credits its writer.

``From Ann Ross, writing at The Harbour Gazette:`` then one or more paragraphs that each open
with a quotation mark: the passage is the writer's, however many paragraphs it runs to and
whoever it quotes inside. ``carryover.py`` asks this for a paragraph of quotation that nothing
else gives a speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cache import compile_regex
from .cues import Cue
from .lexicon import QUOTE
from .model import Attribution
from .speakers import np_span

if TYPE_CHECKING:
    from ...text.document import Document

# "From Ann Ross, writing at The Gazette:", "From The Gazette:": the credit line of an excerpt.
_FROM = compile_regex(
    r"\s*From\s+(?P<who>[A-Z][^,:\n]{1,80}?)(?:,?\s+(?:writing|blogging)\s+(?:at|in|for|on)\s+"
    r"[A-Z][^:\n]{1,80})?\s*:\s*$")


def excerpt_writer(doc: Document, t: str, index: int,
                   cues: list[list[Cue]]) -> Attribution | None:
    """The writer credited above the run of quotation-opening paragraphs that paragraph
    ``index`` belongs to: a paragraph ending with a colon whose last sentence is a credit
    ("From X, writing at Y:") or has a verb of writing ("Ann Ross wrote:")."""
    paragraphs = doc.paragraphs
    j = index - 1
    while j > 0 and t[paragraphs[j].start:paragraphs[j].end].lstrip()[:1] == QUOTE:
        j -= 1  # the excerpt's earlier paragraphs
    if j < 0:
        return None
    intro = paragraphs[j]
    if not t[intro.start:intro.end].rstrip().endswith(":"):
        return None
    last = doc.sentence_index(max(intro.start, intro.end - 1))
    written = [c for c in cues[last] if c.cls == "written" and c.source is not None]
    if written:
        c = written[-1]
        return Attribution("direct", (0, 0), c.source, (c.start, c.end), 0, None,
                           "introduced", c.cls)
    m = _FROM.match(t, doc.sentences[last].start, intro.end)
    src = np_span(t, m.start("who"), m.end("who")) if m else None
    if src is None:
        return None
    return Attribution("direct", (0, 0), src, None, 0, None, "introduced", "written")
