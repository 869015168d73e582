"""Does a sentence name its source? The question behind every unattributed-claim rule.

A sentence names its source when it attributes what it says to a named person, a named body or
an institution speaking for itself ("Blinken said", "the ministry said", "according to the
Telegraph"), or to named evidence ("a poll by the Levada Center showed", "a Gallup poll").
Vague groups ("experts say") and anonymous descriptors ("people familiar with") are sources
too, but not *named* ones. A pronoun source ("he added", "it said") continues the attribution
of the sentence before, which is how attribution carries over when a sentence plainly
continues the last one.

The word lists are lexicons of the rule files (``rules/lexicons.yaml``), so a newsroom can
extend them (``named_sources: {extend: [the Courier]}``); a ``SourceFinder`` is compiled once
per rule load and shared by every rule that asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from ..data import load_data

if TYPE_CHECKING:
    from ..document import Document

NAMED, INSTITUTION, PRONOUN, EVIDENCE = "named", "institution", "pronoun", "evidence"

# A capitalised name: "Kurt Volker", "the Levada Center", "POLITICO's", "Army Tactical ...".
_NAME = (r"(?:[A-Z][\w’'.&-]*|[A-Z]{2,})(?:\s+(?:(?:of|for|and|de|del|van|von|al|bin|the|on|"
         r"la|le|da)\s+)*(?:[A-Z][\w’'.&-]*|[0-9]+|\([A-Z]{2,6}\)))*")
# "Official figures", "government data": statistics with a public producer are sourced.
_PUBLIC_PRODUCERS = frozenset({"official", "government", "ministry", "police", "company",
                               "census"})
_CAPITALISED = regex.compile(r"\b[A-Z][\w’'.&-]*")
# Between a subject and its verb: auxiliaries, adverbs, time phrases ("earlier this month").
_GAP = (r"(?:\s*,[^,.;:]{1,80},)?(?:\s+(?:has|have|had|also|again|later|earlier|previously|"
        r"repeatedly|publicly|privately|separately|reportedly|recently|once|always|often|"
        r"himself|herself|itself|themselves|last\s+\w+|this\s+\w+|on\s+\w+day|"
        r"earlier\s+this\s+\w+|\w+ly))*")


@dataclass(frozen=True, slots=True)
class Source:
    """A source mention in a sentence: ``kind`` is named, institution, pronoun or evidence."""

    start: int
    end: int
    kind: str


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


class SourceFinder:
    """Finds the named sources of each sentence; compiled once from the loaded lexicons."""

    def __init__(self, lexicons: Mapping[str, list[str]]) -> None:
        lx = {k: _alternation(lexicons.get(k, [])) or "(?!x)x" for k in (
            "reporting_verbs", "evidence_verbs", "evidence_nouns", "institutions",
            "named_sources", "source_pronouns", "vague_groups", "anonymous_nouns",
            "unnamed_adjectives")}
        verb = rf"(?:{lx['reporting_verbs']}|{lx['evidence_verbs']})"
        # Institutions, outlets and pronouns first: "Police said" is an institution, not a name.
        subject = (rf"(?i:(?P<evid>(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?"
                   rf"(?:{lx['evidence_nouns']})))"
                   rf"|(?i:(?P<inst>(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}?"
                   rf"(?:{lx['institutions']})|police|prosecutors|authorities))"
                   rf"|(?i:(?P<outlet>{lx['named_sources']}))"
                   rf"|(?P<pron>(?i:{lx['source_pronouns']}))"
                   rf"|(?P<name>{_NAME})(?:’s|'s)?")
        # Verbs are matched in lower case: "the United States" is not "United" + "states".
        self._subject_verb = regex.compile(
            rf"(?<![\w’'-])(?:{subject}){_GAP}\s+{verb}\b")
        self._verb_subject = regex.compile(
            rf"(?:[,”\"’]\s*|\b)(?i:said|says|told|added|wrote|according\s+to)\s+"
            rf"(?:(?i:the|a|an)\s+)?(?P<name>{_NAME})")
        self._according = regex.compile(
            rf"\b(?i:according\s+to|citing|quoting|cited\s+by|as\s+reported\s+by)\s+"
            rf"(?P<src>(?:(?i:the|a|an|its|their)\s+)?(?:[\w’'.&-]+\s+){{0,4}}?"
            rf"(?:{_NAME}|(?i:{lx['institutions']})|(?i:{lx['named_sources']})|"
            rf"(?i:{lx['evidence_nouns']})))")
        self._named_evidence = regex.compile(
            rf"(?i:\b(?:{lx['evidence_nouns']}))\s+(?:[\w-]+\s+){{0,3}}?(?i:by|from|for|of|"
            rf"conducted\s+by|commissioned\s+by|published\s+(?:by|in)|released\s+by|"
            rf"carried\s+out\s+by|compiled\s+by)\s+(?:(?i:the)\s+)?(?P<src>{_NAME})"
            rf"|(?P<src>{_NAME}|(?i:official|government|ministry|police|company|census))"
            rf"\s+(?i:{lx['evidence_nouns']})\b")
        # "In Mr Peston's book", "in his memoir": a document as the source.
        self._in_document = regex.compile(
            rf"\b(?i:in|from)\s+(?:(?P<name>{_NAME})(?:’s|'s)|(?P<pron>(?i:his|her|their|its)))"
            rf"\s+(?:[\w-]+\s+){{0,2}}?(?i:book|memoir|autobiography|report|statement|letter|"
            rf"interview|article|column|blog|speech|testimony|filing|memo|paper|submission|"
            rf"documents?|e-?mails?|diary|diaries|tweet|post)\b")
        self._not_named = regex.compile(
            rf"(?i:\b(?:{lx['vague_groups']}|{lx['anonymous_nouns']}|{lx['unnamed_adjectives']}|"
            rf"{lx['evidence_nouns']})\b)")
        self._non_names = frozenset(load_data("sourcing")["capitalised_non_names"])
        self._conduit = regex.compile(r"(?i:\b(?:speaking|talking|spoke|told|to)\s+"
                                      r"(?:[\w-]+\s+){0,3}$)")

    def _is_name(self, text: str) -> bool:
        words = text.replace("’s", "").replace("'s", "").split()
        return any(w not in self._non_names for w in words) and \
            not self._not_named.search(text)

    def proper_nouns(self, doc: Document) -> frozenset[str]:
        """Capitalised words the document also uses inside sentences: its proper nouns."""
        text = doc.flat
        starts = {s.start for s in doc.sentences}
        return frozenset(m.group() for m in _CAPITALISED.finditer(text)
                         if m.start() not in starts)

    def _named(self, doc: Document, m: regex.Match, group: str, start: int) -> bool:
        """Is group ``group`` of ``m`` a name? "Doctors said" opens a sentence with a common
        noun, "Williams said" with a name: a single capitalised word at the start of a sentence
        is a name only if the article also capitalises it inside a sentence."""
        name = m.group(group)
        if not self._is_name(name):
            return False
        if m.start(group) != start or " " in name:
            return True
        proper = doc.cached(self.proper_nouns)
        return name in proper or name.removesuffix("’s").removesuffix("'s") in proper

    def _sources_in(self, doc: Document, text: str, start: int, end: int) -> list[Source]:
        found: list[Source] = []
        for m in self._subject_verb.finditer(text, start, end, overlapped=True):
            if m.group("pron"):
                found.append(Source(m.start("pron"), m.end("pron"), PRONOUN))
            elif m.group("evid"):
                found.append(Source(m.start("evid"), m.end("evid"), EVIDENCE))
            elif m.group("inst"):
                found.append(Source(m.start("inst"), m.end("inst"), INSTITUTION))
            elif m.group("outlet"):
                found.append(Source(m.start("outlet"), m.end("outlet"), NAMED))
            elif m.group("name") and self._named(doc, m, "name", start) and not \
                    self._conduit.search(text, max(start, m.start() - 40), m.start()):
                found.append(Source(m.start("name"), m.end("name"), NAMED))
        for m in self._verb_subject.finditer(text, start, end):
            if self._named(doc, m, "name", start):
                found.append(Source(m.start("name"), m.end("name"), NAMED))
        for m in self._in_document.finditer(text, start, end):
            if m.group("pron"):
                found.append(Source(m.start("pron"), m.end("pron"), PRONOUN))
            elif self._named(doc, m, "name", start):
                found.append(Source(m.start("name"), m.end("name"), NAMED))
        for m in self._according.finditer(text, start, end):
            if not self._not_named.search(m.group("src")):
                found.append(Source(m.start("src"), m.end("src"), NAMED))
        for m in self._named_evidence.finditer(text, start, end, overlapped=True):
            if m.group("src").lower() in _PUBLIC_PRODUCERS or self._named(doc, m, "src", start):
                found.append(Source(m.start("src"), m.end("src"), EVIDENCE))
        return found

    def sentence_sources(self, doc: Document) -> list[list[Source]]:
        """The named sources of each sentence, found in the narrator's words only."""
        text = doc.flat_outside_quotes
        return [self._sources_in(doc, text, s.start, s.end) for s in doc.sentences]

    def sourced(self, doc: Document, index: int, *, before: int = 0, after: int = 0,
                evidence_only: bool = False) -> bool:
        """Do sentences ``index - before`` to ``index + after`` of the same paragraph name a
        source?

        A pronoun source ("He added", "It said") counts when one of the three sentences before
        it names a source: that is how attribution carries over to a sentence that plainly
        continues the last one.
        """
        per_sentence = doc.cached(self.sentence_sources)
        sentences = doc.sentences
        paragraph = sentences[index].paragraph
        last = len(per_sentence) - 1
        for i in range(max(0, index - before), min(last, index + after) + 1):
            if sentences[i].paragraph != paragraph:
                continue  # a neighbour in another paragraph does not source this one
            for source in per_sentence[i]:
                if evidence_only and source.kind != EVIDENCE:
                    continue
                if source.kind != PRONOUN:
                    return True
                if any(s.kind != PRONOUN for k in range(max(0, i - 3), i)
                       for s in per_sentence[k]):
                    return True
        return False


def source_finder(lexicons: Mapping[str, list[str]], shared: dict) -> SourceFinder:
    """The finder of this rule load, compiled once and shared by every rule that asks."""
    finder = shared.get("source_finder")
    if finder is None:
        finder = shared["source_finder"] = SourceFinder(lexicons)
    return finder
