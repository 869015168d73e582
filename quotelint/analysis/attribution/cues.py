"""Cues: the words that attribute (a reporting verb, "according to", a colon, a dash) and
the speaker each one names, for one sentence of the masked text (see ``lexicon.py``).

A cue is found only with its speaker: "said" alone attributes nothing. Verbs that are also
nouns ("a call for calm", "a Donald Trump tweet") and passives ("it is believed", "forces were
told") name no speaker and are skipped; ``“...” was written by X`` names X.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...cache import compile_regex
from ...matching.end_search import Tail
from ...matching.word_index import matches_at
from ...text.words import triggered_indexes, word_index
from .lexicon import DASH, QUOTE, TOKEN, Span, capitalised, trim, words
from .speakers import (
    COORDINATE,
    RAISED,
    bare_plural,
    is_determined,
    is_name,
    is_person,
    is_relative,
    leading_subject,
    np_span,
    segment_start,
    subject_after,
    subject_before,
    tail_np,
    trailing_name,
)

if TYPE_CHECKING:
    from ...text.document import Document

_DASH_OR = Tail(rf"(?:\s-|{DASH})\s*or\s*$")


def naming_before(t: str, start: int, lo: int) -> bool:
    """Does a naming cue stand right before ``start``: ``the so-called “...”``, ``dubbed “...”``,
    a name's translation (``the Jinshajiang - or “river of golden sand”``)?"""
    lo = max(lo, start - 40)
    return words().naming_before.ends(t, lo, start) is not None \
        or _DASH_OR.ends(t, lo, start) is not None


@dataclass(frozen=True, slots=True)
class Cue:
    """Words that attribute, and the speaker they attribute to.

    ``cls``: the verb's class in ``data/attribution.yaml`` (speech, written, speech_act,
    mental, non_speech), or ``according-to``, ``colon`` (``Trump: “...”``), ``dash``
    (``“...” — Lincoln``), ``credit`` (a newsletter's ``[Outlet]`` closing the paragraph),
    ``possessive`` (``Trump’s claim that``), ``hearsay`` (``X is alleged to have said``: X's
    words, reported by nobody named). ``inverted``: the speaker follows the cue (``said Kurt
    Volker``, ``according to X``).
    """

    start: int
    end: int
    source: Span
    cls: str
    inverted: bool = False

    @property
    def first(self) -> int:
        return min(self.start, self.source[0])

    @property
    def last(self) -> int:
        return max(self.end, self.source[1])


_PROGRESSIVE = Tail(r"(?:\b(?:is|are|was|were|been)|['’](?:s|re))\s+(?:\w+ly\s+)?$")
_PARTICIPLE_BEFORE = Tail(rf"(?:[,{QUOTE}]|\b(?:as|by|while|when|before|after))\s*$")
_PASSIVE = Tail(r"\b(?:is|are|was|were|be|been|being|get|gets|got)"
                         r"(?:\s+(?:\w+ly|also|not|often|later|then|never|being|once|now|still|"
                         r"ever|long|first))*\s+$")
_QUOTE_BEFORE = compile_regex(rf"{QUOTE}[\s,]*(?:[\w’'.-]+\s+){{0,6}}$")
# “...,” Trump barked / “...,” he surmised: after a quotation, a speaker and any past verb.
_AFTER_QUOTE = compile_regex(rf"(?<={QUOTE}),?\s+((?:[\w’'.-]+\s+){{0,4}}?[\w’'.-]+)\s+"
                             rf"([a-z]+(?:ed|s))\b(?=\s*(?:[,.;:!?{QUOTE}]|$|(?:and|as|after|before"
                             rf"|when|while|to|in|at|on|from|during)\b))")
_INVERTED_AFTER_QUOTE = compile_regex(rf"(?<={QUOTE}),?\s+([a-z]+(?:ed|s))\b")
_QUOTE_SOON = compile_regex(rf"[\s,:]*(?:(?:that|of|for|about|to)\s+)?{QUOTE}")
_PLACE_OR_TIME = frozenset({"in", "on", "at", "during", "after", "before", "amid", "since"})
_OBJECT = compile_regex(r"\s+(?:him|her|them|it|this|that)\s+(?:a|an|the)\b")
_QUOTE_BEFORE_NEAR = compile_regex(rf"{QUOTE}[\s,]*(?:[\w’'.-]+\s+){{0,3}}$")
_BY = compile_regex(r"\s+by\b")
# "he was called the “fifth child of the group” by the film's director": the agent after the
# quotation the passive verb names.
_BY_PAST_QUOTE = compile_regex(rf"(?:\s+[\w’'-]+){{0,3}}\s*{QUOTE}+[,.]?\s+by\b")
# "“...,” is the dry assessment of Graham Lane": a statement and, after "of", its owner.
_STATEMENT_OF = compile_regex(r"\b(?:assessment|verdict|view|opinion|advice|warning|conclusion|"
                              r"prediction|message|plea|reaction|response|words)\s+of\s+")
_COLON_QUOTE = compile_regex(rf"[:,]\s*(?={QUOTE})")
_DASH_AFTER = compile_regex(rf"[^\S\n]*({DASH})[^\S\n]*(?=\w)")  # no-break spaces too


def _next_char(t: str, j: int, hi: int) -> str:
    while j < hi and t[j].isspace():
        j += 1
    return t[j] if j < hi else ""


def _participle(form: str) -> bool:
    """A past participle: "posted" (by CBN), "written", "told"; not "a report by"."""
    return form.endswith("ed") or form in ("written", "told", "said", "read", "sung", "shown")


def _participle_subject(t: str, lo: int, at: int, hi: int, found: list[Cue]) -> Span | None:
    """The speaker of ``saying``/``calling``: "is calling" and "Clinton asking" have it right
    before; ", adding that" and "tweets saying" take the main clause's subject."""
    if not _PARTICIPLE_BEFORE.ends(t, lo, at):
        src = subject_before(t, at, lo)
        if src is not None and _PROGRESSIVE.ends(t, lo, at):
            return src  # Gary Johnson’s doctor is calling the candidate “...”
        if src is not None:
            src = tail_np(t, trailing_name(t, src))  # footage of Hillary Clinton asking, “...”
            if len(t[src[0]:src[1]].split()) <= 4 and (is_person(t, src) or is_determined(t, src)):
                return src  # held up a sign saying “...”
    if found:
        return found[-1].source
    src = leading_subject(t, lo, at)  # Trump hailed it, saying ...
    if src is None and len(TOKEN.findall(t, lo, at)) <= 1 and QUOTE not in t[lo:at]:
        comma = t.find(",", at, hi)  # After saying her foot was swollen, she ...
        src = leading_subject(t, comma + 1, hi) if comma > 0 else None
    return src


# "X told Y", "X thought": the word after the verb is never its speaker.
_NEVER_INVERTED = frozenset({"told", "tells", "tell", "thought", "believed", "hoped", "called",
                             "described"})
# Base forms that are also nouns: "a Donald Trump tweet", "a Zoom call".
_BASE_FORMS = frozenset({"say", "tell", "add", "ask", "answer", "reply", "respond", "tweet",
                         "report", "call", "claim", "warn", "promise", "pledge", "vow", "note",
                         "argue", "write", "deny", "confirm", "suggest", "insist", "cite"})
_SPEECH = ("speech", "written", "speech_act")


def dash_credit(t: str, end: int) -> Cue | None:
    """A credit after a quotation that ends at ``end``: ``“...” — Abraham Lincoln``, on the
    same line or the next (the flat text has no line breaks)."""
    m = _DASH_AFTER.match(t, end)
    if m is None:
        return None
    src = subject_after(t, m.end(), min(len(t), m.end() + 120))
    if src is None or not is_name(t, src):
        return None
    return Cue(m.start(1), m.end(1), src, "dash", True)


_BRACKET_CREDIT = compile_regex(r"\[\s*([A-Z][^\[\]\n,|]{1,60}?)\s*(?:[,|][^\[\]\n]{0,80})?\]\s*$")


def bracket_credit(t: str, end: int, para_end: int) -> Cue | None:
    """A newsletter's credit that closes the paragraph of a quotation ending at ``end``:
    ``“...” This follows ... [WSJ | Paywall]``, ``[Jane Doe, The Daily]``."""
    if t.find("[", end, para_end) < 0:
        return None
    m = _BRACKET_CREDIT.search(t, end, para_end)
    if m is None or t.find("[", m.start() + 1, para_end) >= 0:
        return None
    return Cue(m.start(), m.start() + 1, (m.start(1), m.end(1)), "credit", True)


def _verb_cues(t: str, lo: int, hi: int, out: list[Cue],
               verbs: Sequence[re.Match] | None = None) -> None:
    """Reporting verbs, with the speaker before (``Milley said``) or after (``said Volker``);
    ``verbs``: the sentence's, when known (``sentence_verbs``)."""
    w = words()
    for m in w.verbs.finditer(t, lo, hi) if verbs is None else verbs:
        form = " ".join(m.group().split())
        cls = w.verb_class[form]
        glued = _next_char(t, m.end(), hi)
        nxt = glued
        if nxt and nxt in ":,":
            nxt = _next_char(t, t.index(nxt, m.end()) + 1, hi)
        if form in w.quote_only and nxt != QUOTE \
                and not _QUOTE_BEFORE.search(t, max(0, lo - 4), m.start()):
            continue  # "she reads the news" attributes nothing; "a sign reads “...”" does
        if form in w.quote_near and QUOTE not in t[m.end():min(hi, m.end() + 120)] \
                and not _OBJECT.match(t, m.end(), hi):
            continue  # "a call for calm" names nothing; "what they call “...”" and "called
            # him a master" do
        if form.endswith("ing"):
            src = _participle_subject(t, lo, m.start(), hi, out)
            if src is not None:
                out.append(Cue(m.start(), m.end(), src, cls))
            continue
        if cls == "non_speech" and not _QUOTE_BEFORE_NEAR.search(t, lo, m.start()):
            continue  # “...,” she laughed; not "as the audience laughed"
        by = _BY.match(t, m.end(), hi)
        if by and _participle(form) and not _PASSIVE.ends(t, lo, m.start()):
            src = subject_after(t, by.end(), hi)
            if src is not None:  # in a video posted by CBN
                out.append(Cue(m.start(), m.end(), src, cls, True))
            continue
        if _PASSIVE.ends(t, lo, m.start()) and form != "quoted":
            by = _BY.match(t, m.end(), hi) or _BY_PAST_QUOTE.match(t, m.end(), hi)
            src = subject_after(t, by.end(), hi) if by else None
            if src is not None:  # “American Skin” was written by Springsteen
                out.append(Cue(m.start(), m.end(), src, cls, True))
            continue  # "Ukrainian forces were told", "it is believed": no speaker here
        src, inverted = _speaker_of(t, lo, hi, m, form, cls, out)
        if src is None:
            continue
        words_of_src = t[src[0]:src[1]].split()
        if form in _BASE_FORMS and words_of_src[0].lower() in w.singular and len(words_of_src) > 1:
            continue  # "a Donald Trump tweet", "a Zoom call": nouns, not verbs
        if form in w.naming_verbs and glued == QUOTE and not inverted and not is_person(t, src):
            continue  # "a group called “Friends of X”" names; "what he called “...”" quotes
        if not inverted and RAISED.ends(t, lo, m.start()):
            cls = "hearsay"  # "Lachance is said to have exclaimed": his words, but by hearsay
        out.append(Cue(m.start(), m.end(), src, cls, inverted))


def _speaker_of(t: str, lo: int, hi: int, m: re.Match, form: str, cls: str,
                found: list[Cue]) -> tuple[Span | None, bool]:
    """(speaker, inverted) of a finite reporting verb."""
    seg = segment_start(t, m.start(), lo)
    blank = not t[seg:m.start()].strip()
    after_quote = (seg > lo and t[seg - 1] == QUOTE) or (
        t[seg - 1:seg] == "," and seg - 1 > lo and t[seg - 2] == QUOTE)
    if blank and form not in _NEVER_INVERTED and (
            (form in words().invertible and (seg == lo or t[seg - 1] in (QUOTE, ",", ":")))
            or (after_quote and cls in _SPEECH)):
        src = subject_after(t, m.end(), hi, inverted=True)
        if src is not None:
            return src, True
    if found and COORDINATE.ends(t, lo, seg) and not trim(list(TOKEN.finditer(t, seg,
                                                                                 m.start()))):
        return found[-1].source, False  # the League denounced it and said ...
    src = subject_before(t, m.start(), lo, seg)
    if src is None and after_quote and cls in _SPEECH:
        src = bare_plural(t, seg, m.start())  # “...,” café owners said
    return src, False


def _according_cues(t: str, lo: int, hi: int, out: list[Cue]) -> None:
    """``according to X``, ``citing X``: the speaker follows, qualifiers and all."""
    for m in words().according.finditer(t, lo, hi):
        src = subject_after(t, m.end(), hi, qualifiers=True)
        if src is not None:
            out.append(Cue(m.start(), m.end(), src, "according-to", True))


def _colon_cues(t: str, lo: int, hi: int, out: list[Cue]) -> None:
    """``Trump: “...”``, ``The minister was blunt: “...”``, ``issued a statement, “...”``."""
    w = words()
    for m in _COLON_QUOTE.finditer(t, lo, hi):
        seg = segment_start(t, m.start(), lo)
        if any(c.last <= m.start() and seg <= c.start for c in out):
            continue  # "Blinken said: “...”", "Rubio fired back forcefully: “...”"
        colon = t[m.start()] == ":"
        src = np_span(t, seg, m.start()) if colon else None
        if src is not None and not is_person(t, src):
            src = None  # "used a quote as its headline: “...”": the piece, not the headline
        clause = {x.lower() for x in TOKEN.findall(t, lo, m.start())}
        adverbial = (TOKEN.match(t, lo) or TOKEN.search(t, lo, m.start()))
        if adverbial and adverbial.group().lower() in _PLACE_OR_TIME \
                and "," not in t[adverbial.end():m.start()]:
            continue  # "In a statement, “...”": no subject before the quotation
        if src is None and (colon or clause & w.statement_nouns):
            src = leading_subject(t, lo, m.start())
            if src is not None and not clause & w.statement_nouns and not is_person(t, src):
                src = None  # "The choice is clear: “...”" names no speaker
        if src is not None:
            out.append(Cue(m.start(), m.start() + 1, src, "colon"))


def _after_quote_cues(t: str, lo: int, hi: int, out: list[Cue]) -> None:
    """``“...,” Trump barked``: after a quotation, a short speaker and any past-tense verb."""
    w = words()
    for m in _AFTER_QUOTE.finditer(t, lo, hi):
        if any(c.start <= m.end(2) and c.end >= m.start(2) for c in out):
            continue
        src = np_span(t, m.start(1), m.end(1))
        verb = m.group(2)
        if verb in w.auxiliaries or verb in w.irregular or verb in w.nouns or src is None \
                or src[0] != m.start(1) or is_relative(t, src):
            continue  # "...,” union workers in Los Angeles; “...,” reporters as she emerged
        first = t[src[0]:src[1]].split()[0]
        if not (capitalised(first) or first.lower() in w.determiners | w.pronouns):
            continue  # "...,” until the Iowa caucuses
        if is_person(t, src) and len(t[src[0]:src[1]].split()) <= 5:
            out.append(Cue(m.start(2), m.end(2), src, "speech"))


def _possessive_cues(t: str, lo: int, hi: int, out: list[Cue]) -> None:
    """``Trump’s claim that ...``, ``his call for “...”``: a statement and its owner."""
    for m in words().possessed.finditer(t, lo, hi):
        if m.group()[0] not in "'’" and not _QUOTE_SOON.match(t, m.end(), hi):
            continue  # "his call for “...”" attributes; "began his speech by" does not
        src = subject_before(t, m.start(), lo)
        if src is not None:
            out.append(Cue(m.start(), m.end(), src, "possessive"))


def _inverted_after_quote_cues(t: str, lo: int, hi: int, out: list[Cue]) -> None:
    """``“...?”, implored campaigner Barry Lim``, ``“...,” thinks Curry``, ``“...,” smiles one
    broker``: any past or present verb, then its speaker."""
    w = words()
    for m in _INVERTED_AFTER_QUOTE.finditer(t, lo, hi):
        form = m.group(1)
        if any(c.start <= m.end(1) and c.end >= m.start(1) for c in out) \
                or form in w.irregular or (not form.endswith("ed") and form not in w.verb_class
                                           and form[:-1] + "d" not in w.verb_class):
            continue  # a present tense only of a known verb: "thinks", "smiles"; not "as"
        src = subject_after(t, m.end(1), hi, inverted=True)
        if src is not None and (is_person(t, src) or is_determined(t, src)):
            out.append(Cue(m.start(1), m.end(1), src, w.verb_class.get(form, "speech"), True))


_LABEL_START = compile_regex(rf"\s*([-•–])\s+((?:[\w’'.&-]+\s+){{0,5}}[\w’'.&-]+)\s*(?={QUOTE})")
_FOR_NAME = compile_regex(r"\s*For\s+((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*),")


def _label_cues(t: str, lo: int, hi: int, out: list[Cue]) -> None:
    """``- Bolton boss Sam Allardyce “...”``: a list item that opens with a name running
    straight into a quotation, the way reaction round-ups credit each speaker (the dash is the
    cue); and ``For Henry Reichhold, this is progress: “...”``."""
    if out:
        return
    m = _LABEL_START.match(t, lo, hi)
    if m is not None:
        src = np_span(t, m.start(2), m.end(2))
        if src is not None and src[1] == m.end(2) and is_name(t, trailing_name(t, src)) \
                and capitalised(t[src[0]:src[1]]):
            out.append(Cue(m.start(1), m.end(1), src, "colon"))
            return
    m = _FOR_NAME.match(t, lo, hi)
    colon = t.find(":", m.end(), hi) if m is not None else -1
    if colon > 0 and t[colon + 1:hi].lstrip()[:1] == QUOTE:
        out.append(Cue(colon, colon + 1, (m.start(1), m.end(1)), "colon"))


def _statement_of_cues(t: str, lo: int, hi: int, out: list[Cue]) -> None:
    """``“...,” is the dry assessment of Graham Lane``: a statement noun and its owner, a
    person named after "of" (not "the warning of a crisis")."""
    for m in _STATEMENT_OF.finditer(t, lo, hi):
        if not _QUOTE_BEFORE.search(t, lo, m.start()):
            continue  # only right after the quotation it owns ("the words of Text" is none)
        src = subject_after(t, m.end(), hi, inverted=True)
        if src is not None and is_name(t, trailing_name(t, src)):
            out.append(Cue(m.start(), m.end() - 1, src, "possessive", True))


Finder = Callable[[str, int, int, list[Cue]], None]

# In this order: a later finder skips what an earlier one found.
_FINDERS = (_verb_cues, _according_cues, _colon_cues, _after_quote_cues,
            _inverted_after_quote_cues, _possessive_cues, _statement_of_cues, _label_cues)
# Finders that need a quotation in the sentence, or one ending right before it: most sentences
# quote nobody, and one look for a quotation mark spares their patterns.
_QUOTE_FINDERS = frozenset({_colon_cues, _after_quote_cues, _inverted_after_quote_cues,
                            _statement_of_cues})


def find_cues(t: str, lo: int, hi: int, skip: Collection[Finder] = (),
              verbs: Sequence[re.Match] | None = None) -> list[Cue]:
    """Every attributing cue of the sentence ``t[lo:hi]`` whose speaker can be found; the
    finders in ``skip`` are known to find nothing there (``finders_in_vain``); ``verbs``: the
    sentence's reporting verbs when known (``sentence_verbs``), else searched for."""
    out: list[Cue] = []
    quoted = t.find(QUOTE, max(0, lo - 1), hi) >= 0
    for finder in _FINDERS:
        if finder in skip or (not quoted and finder in _QUOTE_FINDERS):
            continue
        if finder is _verb_cues:
            _verb_cues(t, lo, hi, out, verbs)
        else:
            finder(t, lo, hi, out)
    out.sort(key=lambda c: c.start)
    return out


def finders_in_vain(doc: Document) -> list[tuple[Finder, ...]]:
    """For each sentence of ``doc``, the finders that need a word it does not have, an
    according-to phrase or a possessed statement, looked up in the article's word index (a
    superset of the masked text's words), so that their patterns are not searched along every
    sentence. Reporting verbs
    are in nearly every sentence, so no sentence is skipped for them: ``sentence_verbs`` finds
    where they are instead."""
    w = words()
    units = [(s.start, s.end) for s in doc.sentences]
    present = [(finder, set(triggered_indexes(doc, units, [needed])))
               for finder, needed in ((_according_cues, w.according_words),
                                      (_possessive_cues, w.possessed_words))]
    return [tuple(f for f, having in present if i not in having) for i in range(len(units))]


def sentence_verbs(doc: Document, t: str) -> list[list[re.Match] | None]:
    """For each sentence of ``doc``, the matches of the reporting-verb pattern in the masked
    text ``t``, as searching the sentence would find them. The pattern is tried only where
    the article's word index has the first word of a verb form, not along every sentence.
    A form's first word (its first ``\\w`` run) is a
    whole word wherever the pattern matches (a space, a hyphen or the pattern's ``\\b`` follows
    it), and the masked text's words are the article's, where they are not blanked."""
    verb_words = words().verb_words
    if verb_words is None:
        return [None] * len(doc.sentences)  # a form with no first word: search each sentence
    index = doc.cached(word_index)
    starts = sorted(at for word in verb_words & index.words for at in index.offsets(word))
    found: list[list[re.Match] | None] = []
    i = 0
    for sentence in doc.sentences:
        i = bisect_left(starts, sentence.start, i)
        j = bisect_left(starts, sentence.end, i)
        found.append(list(matches_at(words().verbs, t, starts[i:j], sentence.end)))
        i = j
    return found
