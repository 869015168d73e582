"""Does a sentence name its source? The question behind every unattributed-claim rule.

Who said what comes from the project's one attribution analysis (``attributions.py``); this
module only judges each source it finds. A sentence names its source when it attributes what it
says to a named person or body ("Blinken said", "according to the Telegraph"), an institution
or a role speaking for itself ("the ministry said", "the city's governor"), a report ("the
report said"), or a pronoun whose antecedent is named ("he added"). Vague groups ("experts say")
and anonymous descriptions ("two people familiar with the call") are sources too, but not
*named* ones. Evidence is not who-said-what, so it is found here: named evidence ("a poll by
the Levada Center showed", "a Gallup poll", "official figures", "in Mr Peston's book").

The word lists are lexicons of the rule files (``rules/lexicons.yaml``), so a newsroom can
extend them (``named_sources: {extend: [Courier]}``); a ``SourceFinder`` is compiled once per
rule load and shared by every rule that asks.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...cache import compile_regex
from ...data import load_data
from ...matching.alternation import alternation
from ...matching.end_search import Tail
from .attributions import Attribution, sentence_attributions
from .lexicon import required

if TYPE_CHECKING:
    import regex

    from ...text.document import Document

NAMED, INSTITUTION, PRONOUN, EVIDENCE = "named", "institution", "pronoun", "evidence"
# The lexicons (rules/lexicons.yaml) the sourcing test reads.
LEXICONS = ("evidence_nouns", "institutions", "named_sources", "source_pronouns", "vague_groups",
            "anonymous_nouns", "unnamed_adjectives", "rank_adjectives", "expertise_nouns")

# A capitalised name: "Kurt Volker", "the Levada Center", "POLITICO", "Office for National
# Statistics (ONS)".
NAME_PATTERN = (r"(?:[A-Z][\w’'.&-]*|[A-Z]{2,})(?:\s+(?:(?:of|for|and|de|del|van|von|al|bin|the|"
                r"on|la|le|da)\s+)*(?:[A-Z][\w’'.&-]*|[0-9]+|\([A-Z]{2,6}\)))*")
# "Official figures", "government data": statistics with a public producer are sourced.
_POLL_NOUN = compile_regex(r"(?i:\b(?:polls?|polling|surveys?)\b)")
_PUBLIC_PRODUCERS = frozenset({"official", "government", "ministry", "police", "company",
                               "census"})
_CAPITALISED = compile_regex(r"\b[A-Z][\w’'.&-]*")
_DEFINITE = compile_regex(r"(?i:the|this|that|its|their|his|her|our)\s")


def sentence_paragraphs(doc: Document) -> list[int]:
    """The paragraph of each sentence of ``doc``, in order; use ``doc.cached``."""
    return [s.paragraph for s in doc.sentences]


def sentence_starts(doc: Document) -> frozenset[int]:
    """Where the sentences of ``doc`` start, as a set; use ``doc.cached(sentence_starts)``."""
    return frozenset(doc.sentence_starts)


@dataclass(frozen=True, slots=True)
class Source:
    """A source of a sentence: ``kind`` is named, institution, pronoun or evidence.
    ``content`` is the span of what an attribution attributes (None for evidence)."""

    start: int
    end: int
    kind: str
    content: tuple[int, int] | None = None



class SourceFinder:
    """Judges the sources of each sentence; compiled once from the loaded lexicons."""

    def __init__(self, lexicons: Mapping[str, list[str]]) -> None:
        words = required(lexicons, LEXICONS, "the sourcing analysis")
        lx = {k: alternation(v) for k, v in words.items()}
        self._pronoun = compile_regex(rf"(?i:{lx['source_pronouns']})")
        self._institution = compile_regex(
            rf"(?i:\b(?:{lx['institutions']})\b|\b(?:police|prosecutors|authorities)\b)")
        self._outlet = compile_regex(rf"(?i:\b(?:{lx['named_sources']})\b)")
        # Heads that make a source vague or anonymous rather than named.
        self._not_named = compile_regex(
            rf"(?i:\b(?:{lx['vague_groups']}|{lx['anonymous_nouns']}|{lx['unnamed_adjectives']}"
            rf"|{lx['evidence_nouns']})\b)")
        self._unnamed = compile_regex(
            rf"(?i:\b(?:{lx['unnamed_adjectives']}|{lx['rank_adjectives']})\b)")
        self._name = compile_regex(NAME_PATTERN)
        self._evidence_noun = compile_regex(rf"(?i:\b(?:{lx['evidence_nouns']})\b)")
        data = load_data("sourcing")
        modifiers = alternation(data["evidence_modifiers"])
        self._named_evidence = compile_regex(
            rf"(?i:\b(?:{lx['evidence_nouns']}))\s*,?\s+(?:[\w-]+\s+){{0,3}}?(?i:by|from|for|of|"
            rf"conducted\s+by|commissioned\s+by|published\s+(?:by|in)|released\s+by|"
            rf"carried\s+out\s+by|compiled\s+by)\s+(?:(?i:the)\s+)?(?P<src>{NAME_PATTERN})"
            rf"|(?P<src>{NAME_PATTERN}|(?i:official|government|ministry|police|company|census))"
            rf"\s+(?:(?i:{modifiers})\s+){{0,2}}(?i:{lx['evidence_nouns']})\b"
            rf"|(?i:according\s+to)\s+(?P<src>(?i:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?"
            rf"(?i:{lx['evidence_nouns']}))\b")
        # "In Mr Peston's book", "in his memoir": a document as the source.
        self._in_document = compile_regex(
            rf"\b(?i:in|from)\s+(?:(?P<src>{NAME_PATTERN})(?:’s|'s)|(?P<pron>(?i:his|her|their|"
            rf"its)))\s+(?:[\w-]+\s+){{0,2}}?(?i:book|memoir|autobiography|report|statement|"
            rf"letter|interview|article|column|blog|speech|testimony|filing|memo|paper|"
            rf"submission|documents?|e-?mails?|diary|diaries|tweet|post)\b")
        self._non_names = frozenset(data["capitalised_non_names"])
        # "the poll", "this survey": a particular one, named earlier in the article.
        self._definite_evidence = compile_regex(
            r"(?i:\b(?:the|this|that)\s+(?:same\s+|new\s+|latest\s+)?(?:poll|survey)\b)"
            r"(?!\s+(?:of|by|from|for|conducted|commissioned|published|released)\b)")
        self._expertise = compile_regex(rf"(?i:\b(?:{lx['expertise_nouns']})\b)")

    # -- judging one source ------------------------------------------------------------------

    def proper_nouns(self, doc: Document) -> frozenset[str]:
        """Capitalised words the document also uses inside sentences: its proper nouns."""
        starts = doc.cached(sentence_starts)
        return frozenset(m.group() for m in _CAPITALISED.finditer(doc.flat)
                         if m.start() not in starts)

    def has_name(self, doc: Document, text: str, at: int) -> bool:
        """Does ``text`` (at offset ``at``) contain a proper name? "Doctors said" opens a
        sentence with a common noun and "Williams said" with a name: a one-word capitalised
        source at the start of a sentence is a name only if the article also capitalises it
        inside a sentence."""
        starts = doc.cached(sentence_starts)  # once: per source, an 8 MB file took 4 s
        for m in self._name.finditer(text):
            words = [w for w in m.group().replace("’s", "").replace("'s", "").split()
                     if w not in self._non_names and not self._not_named.fullmatch(w)]
            if not words:
                continue
            if len(words) == 1 and at + m.start() in starts:
                proper = doc.cached(self.proper_nouns)
                if words[0] not in proper and not self._outlet.fullmatch(words[0]):
                    continue
            return True
        return bool(self._outlet.search(text))

    def judge(self, doc: Document, a: Attribution) -> str | None:
        """named, institution or pronoun for a source that names who says so, else None."""
        start, end = a.source
        text = doc.text[start:end]
        if self._pronoun.fullmatch(text.strip()):
            return NAMED if a.resolved is not None else PRONOUN
        if self._evidence_noun.search(text) and (
                _DEFINITE.match(text) or self.has_name(doc, text, start)):
            return EVIDENCE  # "the survey", "The survey, by Survation,", "a Gallup poll"
        last = text.split()[-1] if text.split() else ""
        if last[:1].isupper() and self._not_named.search(text) and \
                self.has_name(doc, last, end - len(last)):
            return NAMED  # "market analysts Nielsen/NetRatings": the name is the head
        if self._not_named.search(text):
            head = self._not_named.findall(text)[-1].lower()
            # "Ukrainian officials", "Opec members": an institution's plural voice; "senior
            # officials", "two people familiar with", "Military experts": not named.
            if _DEFINITE.match(text) and not self._unnamed.search(text):
                return INSTITUTION  # "the report", "the officials": someone already named
            if head in ("officials", "members", "spokesmen", "spokeswomen") and \
                    not self._unnamed.search(text) and self.has_name(doc, text, start):
                return INSTITUTION
            return None
        if self.has_name(doc, text, start):
            return NAMED
        if self._institution.search(text) or _DEFINITE.match(text):
            return INSTITUTION  # "the ministry", "the city's governor", "The report"
        return None

    # -- per sentence ------------------------------------------------------------------------

    def sentence_sources(self, doc: Document) -> SentenceSources:
        """The sources that name who says so, per sentence (use ``doc.cached``)."""
        return SentenceSources(self, doc)

    def _evidence(self, doc: Document, text: str, start: int, end: int) -> list[Source]:
        found = []
        for m in self._named_evidence.finditer(text, start, end, overlapped=True):
            if self._names_evidence(doc, m):
                found.append(Source(m.start("src"), m.end("src"), EVIDENCE))
        for m in self._definite_evidence.finditer(text, start, end):
            if doc.cached(self.first_named_evidence) < m.start():
                found.append(Source(m.start(), m.end(), EVIDENCE))
        for m in self._in_document.finditer(text, start, end):
            if m.group("pron"):
                found.append(Source(m.start("pron"), m.end("pron"), PRONOUN))
            elif self.has_name(doc, m.group("src"), m.start("src")):
                found.append(Source(m.start("src"), m.end("src"), NAMED))
        return found

    def _names_evidence(self, doc: Document, m: regex.Match) -> bool:
        src = m.group("src")
        return src.lower() in _PUBLIC_PRODUCERS or src.lower().split()[-1] in (
            "figures", "data", "statistics", "poll", "survey", "census") or \
            self.has_name(doc, src, m.start("src"))

    def first_named_evidence(self, doc: Document) -> int:
        """Where the article first names a poll or a survey (its length if nowhere): a later
        "the poll" is that one (use ``doc.cached``)."""
        text = doc.flat_outside_quotes
        done = -1
        for noun in _POLL_NOUN.finditer(text):  # cheap: few sentences have one
            index = doc.sentence_index(noun.start())
            if index <= done:
                continue
            done = index
            sentence = doc.sentences[index]
            for m in self._named_evidence.finditer(text, sentence.start, sentence.end,
                                                   overlapped=True):
                if self._names_evidence(doc, m):
                    return m.start()
        return len(text)

    def named_in_next_paragraph(self, doc: Document, index: int, *, experts: bool = False,
                                person: bool = False) -> bool:
        """Is sentence ``index`` in the lede, and does the next paragraph name a source? News
        copy identifies late: "..., a survey has found." then "The study, by Pew Internet,
        ...". The lede's vague source is the one named next. With ``experts`` (the lede cites
        "experts", "analysts"), a named person counts only when described as one of them ("an
        economist at ..."): any other named speaker is not one of the experts. With ``person``
        (an unnamed source), only a name counts: "The aide said" is the same source again."""
        sentences = doc.sentences
        paragraph = sentences[index].paragraph
        if paragraph != lede(doc):
            return False
        per_sentence = doc.cached(self.sentence_sources)
        paragraphs = doc.cached(sentence_paragraphs)  # the sentences of one are contiguous
        following = range(bisect_left(paragraphs, paragraph + 1),
                          bisect_left(paragraphs, paragraph + 2))
        if person:
            return any(src.kind == NAMED for k in following for src in per_sentence[k])
        if not experts:
            return any(src.kind != PRONOUN for k in following for src in per_sentence[k])
        return any(src.kind == EVIDENCE or (src.kind != PRONOUN and self._expertise.search(
            doc.flat, sentences[k].start, sentences[k].end)) for k in following
            for src in per_sentence[k])

    def sourced(self, doc: Document, index: int, *, before: int = 0, after: int = 0,
                evidence_only: bool = False, within: tuple[int, int] | None = None,
                paragraphs: bool = False) -> bool:
        """Do sentences ``index - before`` to ``index + after`` of the same paragraph name a
        source? With ``within``, an attribution counts only if what it attributes contains
        that span: "She believed [most people wanted ...]" sources the claim, "While officials
        say they will “liberate” Crimea, most people ..." does not. With ``paragraphs``, the
        window is this paragraph and the one before, whole.

        A pronoun source ("He added", "It said") counts when one of the three sentences before
        it names a source: that is how attribution carries over to a sentence that plainly
        continues the last one.
        """
        per_sentence = doc.cached(self.sentence_sources)
        sentences = doc.sentences
        paragraph = sentences[index].paragraph
        last = len(per_sentence) - 1
        window = range(max(0, index - before), min(last, index + after) + 1)
        if paragraphs:
            numbers = doc.cached(sentence_paragraphs)
            window = range(bisect_left(numbers, paragraph - 1),
                           bisect_left(numbers, paragraph + 1))
        for i in window:
            if sentences[i].paragraph != paragraph and not paragraphs:
                continue  # a neighbour in another paragraph does not source this one
            for source in per_sentence[i]:
                if evidence_only and source.kind != EVIDENCE:
                    continue
                if within is not None and source.content is not None and not (
                        source.content[0] <= within[0] and within[1] <= source.content[1]):
                    continue
                if source.kind != PRONOUN:
                    return True
                if any(s.kind != PRONOUN for k in range(max(0, i - 3), i)
                       for s in per_sentence[k]):
                    return True
        return False


class SentenceSources:
    """The sources of each sentence that name who says so: from the attribution analysis, plus
    named evidence, which no reporting verb attributes. A sentence is judged when a rule first
    asks about it: the rules ask about the few sentences with a vague claim, and judging all
    of them would cost more than the rules do."""

    def __init__(self, finder: SourceFinder, doc: Document) -> None:
        self._finder = finder
        self._doc = doc
        self._done: dict[int, list[Source]] = {}
        self._kinds: dict[int, str | None] = {}  # id of an attribution -> its judgment

    def __len__(self) -> int:
        return len(self._doc.sentences)

    def __getitem__(self, index: int) -> list[Source]:
        found = self._done.get(index)
        if found is None:
            doc, finder = self._doc, self._finder
            found = []
            for a in sentence_attributions(doc, index):
                if a.source is None:
                    continue
                if id(a) not in self._kinds:  # one attribution may span several sentences
                    self._kinds[id(a)] = finder.judge(doc, a)
                kind = self._kinds[id(a)]
                if kind is not None:
                    found.append(Source(a.source[0], a.source[1], kind, a.content))
            sentence = doc.sentences[index]
            found.extend(finder._evidence(doc, doc.flat_outside_quotes, sentence.start,
                                          sentence.end))
            self._done[index] = found
        return found


# A reported clause has a finite verb; "claimed the title", "admitted to hospital" and
# "responded by orchestrating fraud" have none.
_CLAUSE = compile_regex(r"(?i:^\s*that\b|\b(?:is|are|was|were|had|has|have|would|will|could|"
                        r"should|can|may|might|must|did|does|do|isn’t|wasn’t|hadn’t|"
                        r"wouldn’t|didn’t)\b)")


def reports_a_clause(doc: Document, a: Attribution) -> bool:
    """Does an indirect attribution report a clause ("X said the deal was close") rather than
    take an object ("X claimed the title")?"""
    end = a.content[1]
    start = a.cue[1] if a.cue is not None and a.cue[1] <= end else a.content[0]
    return _CLAUSE.search(doc.text, start, end) is not None


_TERMINAL = Tail(r"[.!?:;\"”’)\]]\s*$")


def headline(doc: Document) -> int | None:
    """The paragraph index of the headline, if the article starts with one: a short first
    paragraph with no closing punctuation, followed by the story. A headline compresses the
    story below it; its sourcing is the story's, so the sourcing rules leave it alone."""
    paragraphs = doc.paragraphs
    if len(paragraphs) < 2:
        return None
    first = doc.text[paragraphs[0].start:paragraphs[0].end]
    words = len(first.split())
    if not _TERMINAL.ends(first) and words <= 25:
        return 0
    # Some feeds end the title with a full stop ("Senator leads rival in new poll."): one
    # short sentence on its own above a story of several paragraphs is still a headline when
    # it is written like one (no article first, title case, or "Topic: ...").
    if len(paragraphs) >= 3 and words <= 15 and first.rstrip().endswith(".") and \
            len(doc.sentences) > 1 and doc.sentences[1].paragraph > 0:
        tokens = first.split()
        capitals = sum(1 for w in tokens if w[:1].isupper())
        if tokens[0] not in ("The", "A", "An") or 2 * capitals > len(tokens) or ": " in first:
            return 0
    return None


def lede(doc: Document) -> int | None:
    """The paragraph index of the lede: the first paragraph of the story proper."""
    top = headline(doc)
    index = 0 if top is None else top + 1
    return index if index < len(doc.paragraphs) else None


def source_finder(lexicons: Mapping[str, list[str]], shared: dict) -> SourceFinder:
    """The finder of this rule load, compiled once and shared by every rule that asks."""
    finder = shared.get("source_finder")
    if finder is None:
        finder = shared["source_finder"] = SourceFinder(lexicons)
    return finder
