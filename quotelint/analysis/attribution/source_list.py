"""Every source of an article, each with how it is identified: the sourcing audit of a story.

The attribution analysis gives each sourced statement its source; the anonymity analysis says
which of those are unnamed (and how), the sourcing test which name who says so. A source is
listed once per place it appears in the text, so "the aide said" twice is two entries: a desk
counts what each source carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .anonymity import AnonymityFinder
from .attributions import attributions
from .source_phrase import BARE, LATER, SPOKESPERSON
from .sourcing import EVIDENCE, INSTITUTION, NAMED, PRONOUN

if TYPE_CHECKING:
    from ...text.document import Document

# How a source is identified, as the listing names it.
KINDS = ("named", "institution", "evidence", "pronoun", "anonymous", "anonymous-with-reason",
         "anonymous-bare", "anonymous-again", "spokesperson", "unidentified")
_ANONYMOUS = {BARE: "anonymous-bare", LATER: "anonymous-again", SPOKESPERSON: "spokesperson"}
_JUDGED = {NAMED: "named", INSTITUTION: "institution", EVIDENCE: "evidence", PRONOUN: "pronoun"}


@dataclass(frozen=True, slots=True)
class ListedSource:
    """One place a source appears: ``kind`` is one of ``KINDS``; ``cue`` the verb or phrase
    that attributes to it ("said", "according to"), when there is one."""

    start: int
    end: int
    kind: str
    cue: str | None


def list_sources(doc: Document, finder: AnonymityFinder) -> list[ListedSource]:
    """The sources of ``doc`` in text order: the anonymous ones the anonymity analysis finds,
    then every other attribution's source, judged named, institution, pronoun, evidence, or
    unidentified (a vague group: "experts said")."""
    listed: list[ListedSource] = []
    taken: list[tuple[int, int]] = []
    for source in doc.cached(finder.find):
        kind = _ANONYMOUS.get(source.kind) or (
            "anonymous-with-reason" if source.reason else "anonymous")
        listed.append(ListedSource(source.start, source.end, kind, None))
        taken.append((source.start, source.end))
    for a in attributions(doc):
        if a.source is None:
            continue
        start, end = a.source
        cue = a.cue_text(doc)
        overlapping = [i for i, (s, e) in enumerate(taken) if s < end and start < e]
        if overlapping:
            i = overlapping[0]
            listed[i] = ListedSource(listed[i].start, listed[i].end, listed[i].kind, cue)
            continue
        if a.verb_class == "mental":
            continue  # "they feared": a state of mind, not a source of what is reported
        judged = finder.sources.judge(doc, a)
        listed.append(ListedSource(start, end, _JUDGED.get(judged, "unidentified"), cue))
    listed.sort(key=lambda s: s.start)
    return listed
