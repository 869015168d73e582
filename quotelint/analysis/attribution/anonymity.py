"""Anonymous sources: who is unnamed, how they are described, and whether a reason is given.

Newsroom standards (AP, Reuters, NYT, NPR, BBC) allow anonymous sources only when the story
says why anonymity was granted and describes the source's knowledge; "sources said" alone is
not enough. This analysis finds, in attribution position (the source of "said", "told",
"according to", "citing", "quoted"):

- *described* anonymous sources: "four unnamed people familiar with the call", "two people
  involved in the discussions", "senior officials of the Pentagon", "a senior source at the
  club";
- *bare* ones: "sources said", "according to POLITICO's sources", "officials say";
- whether the same or the next sentence gives a reason ("who spoke on condition of anonymity
  because ...") or only a boilerplate one ("not authorized to speak publicly");
- second-hand anonymity: another outlet's unnamed source ("POLITICO reported ..., citing
  four unnamed people", "the Financial Times quoted an insider"). "Told the BBC" is not taken
  as second-hand: in most copy the outlet a source "told" is the publication itself.

Named people and bodies speaking for themselves are never anonymous: "the Pentagon said",
"Kurt Volker, a former US special envoy, said", "Jeffrey Trimble, a senior official,", and a
spokesperson speaks on the record for a named organisation. "Ukrainian officials say" states a
government's public position and is not reported either; "senior officials" is a description
that hides a person, and is. The word lists are the lexicons of ``rules/lexicons.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

import regex

from ...cache import compile_regex
from ...data import load_data
from ...matching.alternation import alternation, trie
from ...matching.end_search import Tail
from ...matching.word_index import word_set
from ...text.words import triggered_indexes
from .attributions import Attribution, attributions
from .sourcing import NAME_PATTERN as _NAME
from .sourcing import SourceFinder, headline, reports_a_clause, source_finder

if TYPE_CHECKING:
    from ...text.document import Document

DESCRIBED, BARE = "described", "bare"

# Determiners and counts before a descriptor ("four unnamed people", "these officials"), in
# this order: an alternation, not a trie, since "A Few Sources" reads "A" then the capitalised
# modifiers "Few" and "Sources", and a trie would prefer the longer "A Few".
_DETERMINERS = ("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "a dozen", "dozens of", "several", "some", "many", "multiple", "various",
                "numerous", "a number of", "a handful of", "a few", "few", "two or three", "the",
                "these", "those", "our", "its", "their", "his", "her")
_DETERMINER = "|".join(rf"{re.escape(w)}".replace(r"\ ", r"\s+") for w in _DETERMINERS)
# Adjectives of rank or position that describe without naming ("senior", "top").
_RANKS = ("senior", "top", "high-ranking", "high-level", "highly placed", "well-placed", "junior",
          "mid-level", "former", "current", "serving", "retired", "veteran", "leading", "key",
          "local", "regional", "national", "federal", "state", "administration", "government",
          "military", "intelligence", "defence", "defense", "security", "diplomatic", "party",
          "club", "industry", "company", "bank", "council", "police", "cabinet", "campaign",
          "congressional", "parliamentary", "labour", "conservative", "tory", "democratic",
          "republican", "european", "american", "british", "western", "foreign", "chinese",
          "russian", "ukrainian", "israeli", "palestinian", "iranian", "iraqi", "afghan",
          "pakistani", "indian", "french", "german", "italian", "spanish", "japanese", "korean",
          "turkish", "syrian", "saudi", "egyptian", "nato", "eu", "un", "us", "uk", "u.s.", "u.k.",
          "white house", "pentagon", "kremlin", "whitehall", "downing street", "westminster",
          "treasury", "city", "insider")


@dataclass(frozen=True, slots=True)
class AnonymousSource:
    """An unnamed source in attribution position.

    ``kind`` is described or bare; ``reason`` is "given", "boilerplate" or None, with
    ``reason_start``/``reason_end`` the span of a boilerplate reason; ``outlet`` names the
    other outlet whose anonymous source this is, when it is second-hand.
    """

    start: int
    end: int
    kind: str
    reason: str | None
    reason_start: int | None = None
    reason_end: int | None = None
    outlet: str | None = None


_BY_AGENT = Tail(r"\bby\s+$")
_STATEMENT = compile_regex(r"(?i:\bin\s+a\s+(?:\w+\s+){0,2}statement\b)")
# Verbs that the attribution analysis reads as speech but that give no information here.
_NOT_SOURCING = frozenset({"pleaded", "pleads", "plead", "pleading"})
_PREVIOUS_WORD = Tail(r"\b([a-z][\w-]*)\s+$")
# Nested reported speech is found only with the plainest reporting verbs after the descriptor
# ("top executives responded by ...", "an official warning" attribute nothing) or these cues
# before it.
_NESTED_VERBS = ("said", "says", "say", "told", "tells", "tell", "added", "adds", "insisted",
                 "insists", "stressed", "confirmed", "confirms", "claimed", "claims", "admitted",
                 "explained", "estimated", "predicted", "according")
_CUES_BEFORE = ("according to", "citing", "quoting", "quoted", "cited", "as told by",
                "in the words of")


class AnonymityFinder:
    """Finds anonymous sources; compiled once per rule load from the lexicons."""

    def __init__(self, lexicons: Mapping[str, list[str]], sources: SourceFinder) -> None:
        self.sources = sources
        # Tries: the descriptor is tried at each word start of a sentence with an
        # anonymous-source noun, and a trie fails on a word's first letter.
        lx = {k: trie(lexicons.get(k, [])) or "(?!x)x" for k in (
            "anonymous_nouns", "unnamed_adjectives", "knowledge_qualifiers",
            "anonymity_phrases", "reason_markers", "boilerplate_reasons", "named_sources",
            "reporting_verbs")}
        noun = rf"(?:{lx['anonymous_nouns']})"
        stop = rf"(?!(?:{lx['reporting_verbs']}|say|tell|who|that|and|but)\b)"
        qualifier = (rf"(?:,\s*)?(?:{lx['knowledge_qualifiers']})"
                     rf"(?:\s+{stop}[\w’'-]+){{0,6}}")
        modifiers = (rf"(?:(?:{lx['unnamed_adjectives']}|{trie(_RANKS)}|"
                     rf"(?-i:[A-Z][\w’'.-]+(?:’s|'s)?))"
                     rf"\s+){{0,3}}")
        # The descriptor: "four unnamed people familiar with the call", "senior officials of
        # the Pentagon", "POLITICO's sources", "party sources", "a source close to the club".
        self.nouns = word_set(lexicons.get("anonymous_nouns", []))
        # Tried first at each word start: a descriptor opens with a determiner, a count, a
        # capitalised name, a modifier or the noun itself. Most words are none of these, and the
        # full pattern, tried at each of them, costs several times more.
        first_words = trie(w.lower() for w in (
            *_DETERMINERS, *_RANKS, *lexicons.get("unnamed_adjectives", []),
            *lexicons.get("anonymous_nouns", [])))
        opening = rf"(?=(?i:{first_words})|[A-Z\d])"
        self.descriptor = compile_regex(
            rf"(?<![\w’'-]){opening}(?i:(?:(?P<det>{_DETERMINER}|\d+)\s+)?)"
            rf"(?P<poss>{_NAME}(?:’s|'s)\s+)?"
            rf"(?P<mods>(?i:{modifiers}))(?<![\w’'-])(?P<noun>(?i:{noun}))\b"
            rf"(?P<of>\s+(?i:of|at|in|from|with|inside|within|close\s+to|to)\s+"
            rf"(?:(?i:the|a|an)\s+)?(?:{_NAME}|(?i:{stop}[\w-]+(?:\s+{stop}[\w-]+)?)))?"
            rf"(?P<qual>(?i:\s*{qualifier}))?")
        verb = f"(?:{'|'.join(_NESTED_VERBS)})"
        gap = (r"(?:\s*,[^,.;:]{1,120},)?(?:\s+(?:has|have|had|also|again|later|earlier|"
               r"privately|separately|recently|on\s+\w+day|last\s+\w+|this\s+\w+|"
               r"earlier\s+this\s+\w+|\w+ly|in\s+a\s+[\w\s]{1,40}?to\s+the\s+[\w\s]{1,60}?))*")
        self.verb_after = compile_regex(rf"{gap}\s+(?P<verb>{verb})\b")
        self.cue_before = Tail(rf"(?i:\b(?:{alternation(_CUES_BEFORE)})\s+)$")
        # A descriptor outside the attribution analysis needs one of those words nearby.
        self.nested_words = word_set([*_NESTED_VERBS, *_CUES_BEFORE])
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
            rf"their\s+jobs|his\s+job|her\s+job|safety))")
        # "not authorized" as the lexicon writes it, and "wasn't authorized" as copy does.
        boilerplate = lx["boilerplate_reasons"].replace(r"not\ ", r"(?:not|n[’']t)\ ")
        self.boilerplate = compile_regex(rf"(?i:(?:\b|(?=n[’']t\ ))(?:{boilerplate})\b)")
        # Words that may stand before a bare "officials" without describing them.
        self.function_words = frozenset(load_data("sourcing")["function_words"])
        self.unnamed = frozenset(w.lower() for w in lexicons.get("unnamed_adjectives", []))
        self.ranks = frozenset(w.lower() for w in lexicons.get("rank_adjectives", []))

    def _kind(self, m: regex.Match) -> str | None:
        """described, bare, or None when the phrase is not an anonymous source at all.

        "Sources" and "insiders" are anonymous by definition: bare alone, described with any
        modifier ("party sources", "a source close to the club"). "People" is anonymous only
        with what they know ("people familiar with the call"). A role noun ("official",
        "aide", "member") hides a person when it has a rank ("senior officials"), when it is
        one indefinite person ("a Treasury official", "an aide to the president"), or when it
        stands bare ("officials said"); a plural with an institution ("Opec members said",
        "Ukrainian officials say") is the institution speaking.
        """
        det = (m.group("det") or "").lower()
        if det in ("the", "these", "those", "his", "her", "its", "their", "our"):
            return None  # "the official", "the US's top diplomat": refers back to someone
        if m.group("poss") and not m.group("noun").lower().endswith("s"):
            return None  # "London's most senior police officer": one office, one person
        noun = m.group("noun").lower()
        mods = [w.lower() for w in m.group("mods").split()]
        if m.group("qual") or any(w in self.unnamed for w in mods):
            return DESCRIBED
        if noun in ("source", "sources", "insider", "insiders"):
            return DESCRIBED if mods or m.group("of") else BARE
        if noun in ("person", "people", "individual", "individuals"):
            return None  # "people said": a vague group, the unattributed-claim rules' job
        if any(w in self.ranks for w in mods):
            return DESCRIBED  # "senior officials", "a senior government figure"
        singular = not noun.endswith("s") or noun in ("ally",)
        if singular and det in ("a", "an", "one", "another"):
            if mods or m.group("of"):
                return DESCRIBED  # "a Treasury official", "an aide to the president"
            return BARE if noun == "official" else None  # "an official said"
        if not mods and not m.group("of") and not m.group("poss") and not det and \
                noun == "officials":
            return BARE  # "officials said", "Officials say"
        return None  # "Ukrainian officials say", "Opec members said": an institution

    def find(self, doc: Document) -> list[AnonymousSource]:
        """Anonymous sources: first the speakers of the attribution analysis, then, for reported
        speech nested in other reported speech ("the report said that senior officials ...
        said"), which that analysis leaves inside the outer content, a descriptor followed by
        a reporting verb or preceded by "according to", "citing", "quoted"."""
        text = doc.flat_outside_quotes
        found: list[AnonymousSource] = []
        taken: list[tuple[int, int]] = []
        sentences = doc.sentences
        units = [(s.start, s.end) for s in sentences]
        # The descriptor needs an anonymous-source noun in the speaker's sentence: most
        # speakers are ruled out by a set look-up, before the costlier tests.
        with_noun = set(triggered_indexes(doc, units, [self.nouns]))
        for a in attributions(doc):
            if a.source is None:
                continue
            index = doc.sentence_index(a.source[0])
            if index not in with_noun:
                continue
            if a.cue and (a.verb_class in ("possessive", "mental") or
                          (a.kind == "indirect" and not reports_a_clause(doc, a)) or
                          doc.text[a.cue[0]:a.cue[1]].lower() in _NOT_SOURCING):
                # "top executives responded by orchestrating fraud", "pleaded guilty", "most
                # insiders believe": not sources of what the story reports
                continue
            end = sentences[index].end
            m = self.descriptor.match(text, a.source[0], end)
            if m is None or (m.end() < a.source[1] - 1 and not m.group("qual")):
                continue  # the descriptor must be the speaker, not a word at its start
            source = self._source(doc, text, m, index, attribution=a)
            if source is not None:
                found.append(source)
                taken.append((m.start(), m.end()))
        # The cheap test first: most sentences name no anonymous-source noun at all.
        overlaps = _Overlaps(taken)
        nested = with_noun.intersection(triggered_indexes(doc, units, [self.nested_words]))
        for index in sorted(nested):
            sentence = sentences[index]
            for m in self.descriptor.finditer(text, sentence.start, sentence.end):
                if overlaps.any(m.start(), m.end()):
                    continue
                source = self._source(doc, text, m, index)
                if source is not None:
                    found.append(source)
        found.sort(key=lambda s: s.start)
        return found

    def _source(self, doc: Document, text: str, m: regex.Match, index: int, *,
                attribution: Attribution | None = None) -> AnonymousSource | None:
        kind = self._kind(m)
        if kind is None:
            return None
        sentence = doc.sentences[index]
        before = text[max(sentence.start, m.start() - 160):m.start()]
        if self.named_appositive.ends(before):
            return None  # "Jeffrey Trimble, a senior official, said"
        if _BY_AGENT.ends(before):
            return None  # "found by a member of the public": an agent, not a source
        if _STATEMENT.search(text, sentence.start, sentence.end):
            return None  # "in a statement, a State Department official said": on the record
        noun = m.group("noun")
        if noun[:1].isupper() and m.start("noun") > sentence.start and \
                (m.group("mods").strip() or m.group("poss")):
            return None  # "Business Insider": a name, not a description
        if kind == BARE:
            prev = _PREVIOUS_WORD.ends(before)
            if prev and prev.group(1).lower() not in self.function_words:
                return None  # "union officials", "law enforcement officials": described
        if sentence.paragraph == headline(doc):
            return None  # the headline's sourcing is the story's
        if self.sources.named_in_next_paragraph(doc, index):
            return None  # "..., a leading industry figure has said." then "Tim Renner, ..."
        if attribution is None:
            cue_before = self.cue_before.ends(before)
            after = self.verb_after.match(text, m.end(), sentence.end)
            if not cue_before and not after:
                return None  # not in attribution position
        outlet = self._outlet(doc, before, attribution)
        reason, span = self._reason(doc, text, index)
        return AnonymousSource(m.start(), m.end(), kind, reason,
                               span[0] if span else None, span[1] if span else None, outlet)

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

    def _reason(self, doc: Document, text: str,
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
