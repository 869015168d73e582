"""Anonymous sources: who is unnamed, how they are described, and whether a reason is given.

Newsroom standards (AP, Reuters, NYT, NPR, BBC) allow anonymous sources only when the story
says why anonymity was granted and describes the source's knowledge; "sources said" alone is
not enough. A source is found by structure (``source_phrase``): in attribution position (the
source of "said", "told", "according to", "citing", a belief verb), a person or group noun
phrase with no personal name, whatever its determiner, pre-modifiers and post-modifiers. Each
is:

- *described* ("four unnamed people familiar with the call", "a senior aide in the mayor's
  office", "White House officials") or *bare* ("sources said", "an official said");
- a *later* mention of one already reported ("The aide said", "the source added");
- a *spokesperson* of a body, on the record but unnamed ("a Pentagon spokesman said");
- with or without a reason for anonymity in the same or the next sentence, and second-hand
  when another outlet's ("POLITICO reported ..., citing four unnamed people").

Named people and bodies speaking for themselves are never anonymous: "the Pentagon said",
"Kurt Volker, a former US special envoy, said", "Jeffrey Trimble, a senior official,". The
word lists are the lexicons of ``rules/lexicons.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

import regex

from ...cache import compile_regex
from ...matching.alternation import alternation, trie
from ...matching.end_search import Tail
from ...matching.word_index import word_set
from ...text.words import triggered_indexes
from .attributions import Attribution, attributions
from .lexicon import required
from .source_phrase import BARE, DESCRIBED, LATER, SPOKESPERSON, Phrase, PhraseReader
from .sourcing import NAME_PATTERN as _NAME
from .sourcing import SourceFinder, headline, reports_a_clause, source_finder

if TYPE_CHECKING:
    from ...text.document import Document

_REASONED = ("given", "boilerplate")


@dataclass(frozen=True, slots=True)
class AnonymousSource:
    """An unnamed source in attribution position.

    ``kind`` is described, bare, later or spokesperson (``source_phrase``); ``reason`` is
    "given", "boilerplate" or None; ``outlet`` names the other outlet whose anonymous source
    this is, when it is second-hand. ``reports`` lists what the rules report of it: (report,
    start, end), the span being the source phrase or, for a boilerplate reason, the formula.
    """

    start: int
    end: int
    kind: str
    head: str
    reason: str | None
    outlet: str | None
    reports: tuple[tuple[str, int, int], ...]


_BY_AGENT = Tail(r"\bby\s+$")
_WORD_START = compile_regex(r"(?<![\w’'.-])[\w’']")
_COORDINATED = Tail(r"(?i:\b(?:the|this|his|her|its|their)\s+(?:[\w’'-]+\s+){1,3}(?:and|or)\s+)$")
_STATEMENT = compile_regex(r"(?i:\bin\s+a\s+(?:\w+\s+){0,2}statement\b)")
# Verbs that the attribution analysis reads as speech but that give no information here.
# "Ministers are believed to have agreed": the group is what the claim is about, not who
# makes it (an unattributed claim, QL411).
_PASSIVE_TOPIC = compile_regex(
    r"(?i:[\s,]*+(?:(?:also|widely|now|still|generally)\s+)*(?:is|are|was|were|(?:has|have|had)"
    r"\s+been)\s+(?:(?:also|widely|now|still|generally|privately)\s+)*(?:thought|believed|said|"
    r"understood|expected|reported|known|alleged|rumou?red|reputed|presumed|feared|suspected)"
    r"\s+to\b)")
# "Officials have not said when": a source that says nothing gives no information.
_SAYS_NOTHING = compile_regex(
    r"(?i:\s+(?:(?:have|has|had|did|do|does|would|will|could)(?:\s+not|n[’']t)|never)\s+"
    r"(?:yet\s+)?(?:say|said|tell|told|comment|commented|disclose|disclosed|explain|explained)"
    r"\b)")
# "a source for his claim": the origin of a claim, not a person.
_ORIGIN = compile_regex(
    r"(?i:\bsources?\s+(?:for|of)\s+(?:his|her|their|its|the|this|that|these|those)\s+"
    r"(?:[\w’'-]+\s+)?(?:claims?|figures?|assertions?|allegations?|story|stories|statements?|"
    r"numbers?|quotes?|quotations?|remarks?|information|data|estimates?|rumou?rs?)\b)")
# "an official warning to the players": "official" before a gerund is its adjective.
_GERUND_CUE = compile_regex(r"(?i:\w+ing)")
_LONE_OFFICIAL = compile_regex(r"(?i:(?:an?|the)\s+official)")
_NOT_SOURCING = frozenset({"pleaded", "pleads", "plead", "pleading"})
# Nested reported speech is found only with the plainest reporting verbs after the source
# ("top executives responded by ..." attributes nothing), the belief verbs of the lexicons, or
# these cues before it.
_NESTED_VERBS = ("said", "says", "say", "told", "tells", "tell", "added", "adds", "insisted",
                 "insists", "stressed", "confirmed", "confirms", "claimed", "claims", "admitted",
                 "explained", "estimated", "predicted", "according", "warned", "cautioned",
                 "acknowledged", "argued", "noted", "suggested", "conceded")
_CUES_BEFORE = ("according to", "citing", "quoting", "quoted", "cited", "as told by",
                "in the words of")
_LEXICONS = ("anonymous_nouns", "unnamed_adjectives", "knowledge_qualifiers",
             "anonymity_phrases", "reason_markers", "boilerplate_reasons", "named_sources",
             "reporting_verbs", "belief_verbs", "body_modifiers", "source_determiners",
             "partisan_nouns", "spokesperson_nouns")


class AnonymityFinder:
    """Finds anonymous sources; compiled once per rule load from the lexicons."""

    def __init__(self, lexicons: Mapping[str, list[str]], sources: SourceFinder) -> None:
        self.sources = sources
        self.reader = PhraseReader(lexicons)
        words = required(lexicons, _LEXICONS, "the anonymous-source analysis")
        # Tries: the source is tried at each word start of a sentence with a person noun, and a
        # trie fails on a word's first letter.
        lx = {k: trie(w.lower() for w in v) for k, v in words.items()}
        heads = (*words["anonymous_nouns"], *words["partisan_nouns"],
                 *words["spokesperson_nouns"])
        noun = rf"(?:{trie(w.lower() for w in heads)})"
        stop = rf"(?!(?:{lx['reporting_verbs']}|{lx['belief_verbs']}|say|tell|who|that|and|but)\b)"
        qualifier = (rf"(?:,\s*)?(?:{lx['knowledge_qualifiers']})"
                     rf"(?:\s+{stop}[\w’'-]+){{0,6}}")
        modifiers = (rf"(?:(?:{lx['unnamed_adjectives']}|{lx['body_modifiers']}|"
                     rf"(?-i:[A-Z][\w’'.-]+(?:’s|'s|s’)?))\s+){{0,4}}")
        determiner = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                              for w in sorted(words["source_determiners"], key=len,
                                              reverse=True))
        self.nouns = word_set(heads)
        self.noun = compile_regex(rf"(?<![\w’'-])(?i:{noun})\b")
        first_words = trie(w.lower() for w in (
            *words["source_determiners"], *words["body_modifiers"],
            *words["unnamed_adjectives"], *heads))
        opening = rf"(?=(?i:{first_words})|[A-Z\d])"
        # The source outside the attribution analysis: "senior officials of the Pentagon",
        # "people involved with the talks", "party sources", "a source close to the club".
        self.descriptor = compile_regex(
            rf"(?<![\w’'-]){opening}(?i:(?:(?:{determiner}|\d+)\s+)?)"
            rf"(?:{_NAME}(?:’s|'s|’)\s+)?"
            rf"(?i:{modifiers})(?<![\w’'-])(?i:{noun})\b"
            rf"(?:\s+(?i:of|at|in|from|with|inside|within|close\s+to|to|for|on)\s+"
            rf"(?:(?i:the|a|an)\s+)?(?:{_NAME}|(?i:{stop}[\w’'-]+(?:\s+{stop}[\w’'-]+)?)))?"
            rf"(?i:\s*{qualifier})?")
        # Longest first, then alphabetical: a set's order changes from one process to the
        # next, and so would the source, which the start-up cache is keyed by.
        verbs = "|".join(sorted({*_NESTED_VERBS, *(w.lower() for w in words["belief_verbs"])},
                                key=lambda w: (-len(w), w))).replace(" ", r"\s+")
        gap = (r"(?:\s*,[^,.;:]{1,120},)?(?:\s+(?:has|have|had|are|is|were|was|also|again|"
               r"later|earlier|privately|separately|recently|on\s+\w+day|last\s+\w+|"
               r"this\s+\w+|earlier\s+this\s+\w+|\w+ly|in\s+a\s+[\w\s]{1,40}?to\s+the\s+"
               r"[\w\s]{1,60}?))*")
        self.verb_after = compile_regex(rf"(?i:{gap}\s+(?P<verb>{verbs}))\b")
        # Cheap tests first: a verb somewhere after a person noun, a cue somewhere before it.
        verb_words = {*_NESTED_VERBS, *(w.lower() for w in words["belief_verbs"])}
        self.verb_near = compile_regex(rf"(?i:\b(?:{trie(verb_words)})\b)")
        self.cue_near = compile_regex(rf"(?i:\b(?:{trie(_CUES_BEFORE)})\b)")
        self.belief = frozenset(w.lower() for w in words["belief_verbs"])
        self.cue_before = Tail(rf"(?i:\b(?:{alternation(_CUES_BEFORE)})\s+)$")
        # A source outside the attribution analysis needs one of those words nearby.
        self.nested_words = word_set([*_NESTED_VERBS, *_CUES_BEFORE, *words["belief_verbs"]])
        self.secondhand_before = compile_regex(
            rf"(?:(?P<outlet>{_NAME}|(?i:{lx['named_sources']}))\s+(?:\w+\s+){{0,3}}?"
            rf"(?i:reported|said|wrote|quoted|cited)\b[^.;]*?,?\s*(?i:citing|quoting)\s+$"
            rf"|(?P<outlet2>{_NAME}|(?i:{lx['named_sources']}))(?:\s+\w+){{0,2}}?\s+"
            rf"(?i:quoted|cited)\s+$"
            rf"|(?i:which|who)\s+(?i:cited|quoted)\s+$)")
        self.named_appositive = Tail(rf"{_NAME},\s*$")
        self.reason = compile_regex(
            rf"(?i:(?:{lx['anonymity_phrases']}|not\s+authori[sz]ed|not\s+permitted|"
            rf"not\s+allowed|asked\s+not\s+to\s+be|declined\s+to\s+be|requested\s+that)"
            rf"[^.;]{{0,120}}?\b(?:{lx['reason_markers']})\b)"
            rf"|(?i:\b(?:{lx['reason_markers']})\b[^.;]{{0,60}}?(?:anonymity|not\s+be\s+named|"
            rf"identified|name|identity|identities|retribution|reprisal|retaliation|"
            rf"their\s+jobs|his\s+job|her\s+job|safety))"
            rf"|(?i:{lx['anonymity_phrases']})")
        # "not authorized" as the lexicon writes it, and "wasn't authorized" as copy does.
        boilerplate = lx["boilerplate_reasons"].replace(r"not\ ", r"(?:not|n[’']t)\ ")
        self.boilerplate = compile_regex(rf"(?i:(?:\b|(?=n[’']t\ ))(?:{boilerplate})\b)")

    def find(self, doc: Document) -> list[AnonymousSource]:
        """Anonymous sources: first the speakers of the attribution analysis, then, for reported
        speech nested in other reported speech ("the report said that senior officials ...
        said") and for beliefs ("senior ministers are convinced"), which that analysis does
        not attribute, a source phrase followed by a reporting or belief verb or preceded by
        "according to", "citing", "quoted". A definite mention ("the aide said") is a source
        when an earlier one has the same head noun."""
        text = doc.flat_outside_quotes
        found: list[tuple[Phrase, int, Attribution | None]] = []
        taken: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        sentences = doc.sentences
        units = [(s.start, s.end) for s in sentences]
        # The source needs a person noun in its sentence: most speakers are ruled out by a set
        # look-up, before the costlier tests.
        with_noun = set(triggered_indexes(doc, units, [self.nouns]))
        for a in attributions(doc):
            if a.source is None:
                continue
            index = doc.sentence_index(a.source[0])
            if index not in with_noun:
                continue
            if a.cue and (a.verb_class in ("possessive", "non_speech") or
                          (a.kind == "indirect" and not reports_a_clause(doc, a)) or
                          doc.text[a.cue[0]:a.cue[1]].lower() in _NOT_SOURCING):
                # "top executives responded by orchestrating fraud", "pleaded guilty"
                continue
            if a.cue and _GERUND_CUE.fullmatch(doc.text, a.cue[0], a.cue[1]) and \
                    _LONE_OFFICIAL.fullmatch(doc.text, *a.source) and \
                    not doc.text[a.source[1]:a.cue[0]].strip():
                continue  # "an official warning to the club": no verb, so no speaker
            end = a.source[1]
            if self.noun.search(text, a.source[0], end) is None:
                continue  # no person noun in the speaker: a name, a pronoun, a body
            if self.reader.runs_on(text, a.source[0], end):
                m = self.descriptor.match(text, a.source[0], sentences[index].end)
                if m is not None and m.end() > end:
                    end = m.end()  # "four unnamed people familiar with [the call]"
            phrase = self.reader.read(text, a.source[0], end)
            taken.append(a.source)  # the nested search below must not read a part of it
            if phrase is None or (a.verb_class == "mental" and phrase.partisan):
                continue  # "Democrats believe": a vague group's view, not a source
            if (phrase.start, phrase.end) in seen:
                continue  # "Two officials, who asked not to be named, said": one source
            found.append((phrase, index, a))
            seen.add((phrase.start, phrase.end))
            taken.append((phrase.start, phrase.end))
        overlaps = _Overlaps(taken)
        nested = with_noun.intersection(triggered_indexes(doc, units, [self.nested_words]))
        for index in sorted(nested):
            sentence = sentences[index]
            for m in self._descriptors(text, sentence.start, sentence.end, overlaps):
                if overlaps.any(m.start(), m.end()):
                    continue
                before = text[max(sentence.start, m.start() - 160):m.start()]
                after = self.verb_after.match(text, m.end(), sentence.end)
                if not self.cue_before.ends(before) and not after:
                    continue  # not in attribution position
                phrase = self.reader.read(text, m.start(), m.end())
                if phrase is None or (phrase.partisan and after and
                                      after.group("verb").lower() in self.belief):
                    continue
                found.append((phrase, index, None))
        found.sort(key=lambda f: f[0].start)
        sources: list[AnonymousSource] = []
        heads: set[str] = set()
        for phrase, index, a in found:
            source = self._source(doc, text, phrase, index, a, heads)
            if source is not None:
                sources.append(source)
                heads.add(source.head)
        return sources

    def _descriptors(self, text: str, start: int, end: int,
                     taken: _Overlaps) -> Iterator[regex.Match]:
        """The source phrases of a sentence, found from their person nouns: the descriptor is
        tried at the earliest of the six words before each noun that makes it cover the noun.
        Tried at every word of the sentence, it cost twice as much."""
        done = start
        for noun in self.noun.finditer(text, start, end):
            if noun.start() < done or taken.any(noun.start(), noun.end()):
                continue  # within a phrase already read, or a speaker already judged
            if not self.verb_near.search(text, noun.end(), min(end, noun.end() + 160)) and \
                    not self.cue_near.search(text, max(start, noun.start() - 120), noun.start()):
                continue  # no verb after it and no cue before it: not a source
            words = [w.start() for w in _WORD_START.finditer(
                text, max(done, noun.start() - 80), noun.start())][-6:]
            for at in (*words, noun.start()):
                m = self.descriptor.match(text, at, end)
                if m is not None and m.end() >= noun.end():
                    done = m.end()
                    yield m
                    break

    def _source(self, doc: Document, text: str, phrase: Phrase, index: int,
                attribution: Attribution | None, heads: set[str]) -> AnonymousSource | None:
        kind = phrase.kind
        if kind == LATER and phrase.head not in heads:
            if phrase.head not in ("source", "sources", "insider", "insiders"):
                return None  # "the official": someone named before, or a role
            kind = DESCRIBED  # "the intelligence sources": anonymous by definition
        sentence = doc.sentences[index]
        before = text[max(sentence.start, phrase.start - 160):phrase.start]
        if self.named_appositive.ends(before):
            return None  # "Jeffrey Trimble, a senior official, said"
        if _COORDINATED.ends(before):
            return None  # "the Labour peer and former minister said": someone known
        if _BY_AGENT.ends(before):
            return None  # "found by a member of the public": an agent, not a source
        if _PASSIVE_TOPIC.match(text, phrase.end, sentence.end) or \
                _SAYS_NOTHING.match(text, phrase.end, sentence.end) or \
                _ORIGIN.search(text, phrase.start, phrase.end):
            return None
        if kind != SPOKESPERSON and _STATEMENT.search(text, sentence.start, sentence.end):
            return None  # "in a statement, a State Department official said": on the record
        if sentence.paragraph == headline(doc):
            return None  # the headline's sourcing is the story's
        if kind != LATER and self.sources.named_in_next_paragraph(doc, index, person=True):
            return None  # "..., a leading industry figure has said." then "Tim Renner, ..."
        outlet = self._outlet(doc, before, attribution)
        reason, span = self._reason(doc, index)
        whole = (phrase.start, phrase.end)
        reports: list[tuple[str, int, int]] = []
        if kind == BARE:  # undescribed, whatever the reason: QL302's question stands
            reports.append(("bare", *whole))
        elif kind in (LATER, SPOKESPERSON):
            reports.append(({LATER: "later-mention", SPOKESPERSON: "spokesperson"}[kind], *whole))
        else:
            reports.append(("reason-given" if reason in _REASONED else "no-reason", *whole))
        if span is not None and kind != LATER:
            reports.append(("boilerplate", *span))
        if outlet and kind != LATER:
            reports.append(("secondhand", *whole))
        return AnonymousSource(phrase.start, phrase.end, kind, phrase.head, reason, outlet,
                               tuple(reports))

    def _outlet(self, doc: Document, before: str, a: Attribution | None) -> str | None:
        """The other outlet whose anonymous source this is ("POLITICO reported ..., citing
        four unnamed people"), or None."""
        second = self.secondhand_before.search(before)
        if second:
            return second.group("outlet") or second.group("outlet2") or "another outlet"
        if a is None or a.cue is None or \
                doc.text[a.cue[0]:a.cue[1]].lower() not in ("citing", "quoting", "cited by"):
            return None
        for other in attributions(doc):
            if other is not a and other.sentence == a.sentence and other.source is not None \
                    and other.verb_class == "written":
                return doc.text[other.source[0]:other.source[1]]  # "POLITICO reported"
        return None

    def _reason(self, doc: Document,
                index: int) -> tuple[str | None, tuple[int, int] | None]:
        """The reason for anonymity in this sentence or the next (same paragraph)."""
        sentences = doc.sentences
        start = sentences[index].start
        end = sentences[index].end
        if index + 1 < len(sentences) and \
                sentences[index + 1].paragraph == sentences[index].paragraph:
            end = sentences[index + 1].end
        boiler = self.boilerplate.search(doc.flat, start, end)
        if boiler:
            return "boilerplate", boiler.span()
        if self.reason.search(doc.flat, start, end):
            return "given", None
        return None, None


class _Overlaps:
    """Does a span overlap any of ``spans``? By bisection over their starts and the furthest
    end so far: asked for each descriptor outside the attribution analysis, a scan of them all
    was quadratic in a long paragraph of sources."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def any(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span starting before ``end``
        return i >= 0 and self.reach[i] > start


def anonymity_finder(lexicons: Mapping[str, list[str]], shared: dict) -> AnonymityFinder:
    finder = shared.get("anonymity_finder")
    if finder is None:
        finder = shared["anonymity_finder"] = AnonymityFinder(
            lexicons, source_finder(lexicons, shared))
    return finder
