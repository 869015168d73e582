"""Speakers carried over: who says a quotation whose own sentences name nobody.

An editor reads a speaker going on: the rest of an AP running quote, a quotation after "he
said.", a paragraph introduced by "X said:" or following X's words (the British way of writing
a speaker going on, ``previous-paragraph``), a speaker who opens the next sentence ("“...?”
Beck asked."), and, failing all of those, the subject of the quotation's own sentence when
that is a person with a verb of its own ("But he blamed “...”"). ``attributions.py`` calls
``carry_over`` once its own sentences' cues are assigned.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ...cache import compile_regex
from ...text.marks import Quote
from .cues import Cue
from .excerpts import excerpt_writer
from .lexicon import QUOTE, TOKEN, is_between, verbish, words
from .model import Attribution
from .speakers import is_name, is_person, leading_subject

if TYPE_CHECKING:
    from ...text.document import Document
    from ...text.paragraphs import Paragraph

_WORDS = compile_regex(r"\w+")
_RUN_ON = compile_regex(r"[.!?]\s+[a-z]")
_RELATIVE_TAIL = compile_regex(r"\b(?:who|which|that)\b")
# Cues whose speaker does not go on into the next paragraph: a dash credit or a possessive
# ("Trump's claim that ...") names the speaker of one quotation only.
_NO_CARRY = frozenset({"dash", "credit", "possessive", "non_speech"})
# How a speaker was found that stays with it when carried on: the strict AP reading of QL201
# rejects the first two, and the sourcing rules ignore the last.
_KEEP_VIA = frozenset({"previous-paragraph", "narration", "subject"})


def _next_sentence(doc: Document, t: str, q: Quote, cues: list[list[Cue]], *,
                   opening: bool = False) -> Attribution | None:
    """``“Is that fair?” The senator's niece, a state delegate, shouted to the crowd.``: the
    speaker opens the sentence after a quotation that is a sentence of its own. ``opening``:
    only when the speaker is the sentence's first words, which makes it the quotation's own
    attribution split off by the question or exclamation mark (``“...?” Beck asked.``), ahead
    of any speaker carried over from before."""
    k = doc.sentence_index(max(q.start, q.end - 1))
    sentences = doc.sentences
    if k + 1 >= len(sentences) or sentences[k].end > q.end + 2 \
            or sentences[doc.sentence_index(q.start)].start < q.start \
            or sentences[k + 1].paragraph != sentences[k].paragraph:
        return None
    nxt = sentences[k + 1]
    for c in cues[k + 1]:
        if c.cls in ("dash", "colon", "according-to", "possessive") or c.inverted:
            continue
        limit = len(t[nxt.start:c.first]) - len(t[nxt.start:c.first].lstrip()) if opening \
            else 80
        if c.first - nxt.start <= limit and QUOTE not in t[c.last:nxt.end]:
            return Attribution("direct", (q.start, q.end), c.source, (c.start, c.end), k, q,
                               "cue", c.cls)
        break
    return None


def _start(a: Attribution) -> int:
    return a.content[0]


def _reach(a: Attribution) -> int:
    """Where an attribution ends: its content or its cue, whichever is later."""
    return max(a.content[1], a.cue[1] if a.cue else 0)


class _TextOrder:
    """The attributions of an article in text order (by where their content starts), asked
    for those that start in a span. The carry-over asks this for each quotation with no
    speaker; scanning every attribution each time, and sorting them all after each one found,
    was quadratic in the article's length: a 50 MB file of articles ran for minutes in the
    carry-over alone. The ones the carry-over finds come in text order and are kept
    apart, merged when asked, after others that start at the same place, as the stable sort
    of a list they were appended to put them."""

    def __init__(self, out: list[Attribution]) -> None:
        self.first = sorted(out, key=_start)
        self.first_starts = [a.content[0] for a in self.first]
        self.added: list[Attribution] = []
        self.added_starts: list[int] = []
        # The longest reach past its start of any attribution (its content or cue), for
        # asking which ones reach into a span.
        self.reach = max((_reach(a) - a.content[0] for a in self.first), default=0)

    def add(self, a: Attribution) -> None:
        i = bisect_right(self.added_starts, a.content[0])
        self.added.insert(i, a)
        self.added_starts.insert(i, a.content[0])
        self.reach = max(self.reach, _reach(a) - a.content[0])

    def between(self, lo: int, hi: int) -> list[Attribution]:
        """The attributions whose content starts at ``lo`` or after and before ``hi``."""
        first = self.first[bisect_left(self.first_starts, lo):bisect_left(self.first_starts, hi)]
        added = self.added[bisect_left(self.added_starts, lo):bisect_left(self.added_starts, hi)]
        if not added:
            return first
        return list(heapq.merge(first, added, key=_start)) if first else added

    def all(self) -> list[Attribution]:
        return list(heapq.merge(self.first, self.added, key=_start))


def carry_over(doc: Document, t: str, quotes: list[Quote], by_quote: dict[int, Attribution],
               out: list[Attribution], bare: list[Attribution], cues: list[list[Cue]]) -> None:
    """Speakers for quotations whose own sentences name none, in this order: a speaker that
    opens the next sentence (“...?” Beck asked.), the pieces of an AP running quote, a
    paragraph introduced by "X said:" or following X's words, the subject of the quotation's
    sentence (But he blamed “...”), a quotation that goes on after "he said.", a speaker
    later in the next sentence. ``cues``: each sentence's, as the attribution analysis found
    them."""
    _chains(quotes, by_quote, out)
    paragraphs = doc.paragraphs
    known = _TextOrder(out)
    bare_in: dict[int, list[Attribution]] = {}  # by sentence
    for a in bare:
        bare_in.setdefault(a.sentence, []).append(a)
    for q in quotes:
        if q.start in by_quote:
            continue
        para = paragraphs[q.paragraph]
        found = _next_sentence(doc, t, q, cues, opening=True)  # “...?” Beck asked.
        if found is None and (not t[para.start:q.start].strip() or _list_item(doc, t, para)):
            found = _introduced(doc, t, q.paragraph, known, cues)
            if found is None or found.via == "previous-paragraph":  # within an excerpt, its
                found = excerpt_writer(doc, t, q.paragraph, cues) or found  # writer goes on
        subject = _subject(doc, t, q) if found is None else None  # But he blamed “...”
        if found is None and subject is None:
            found = _earlier(doc, para.start, q, known, bare_in)
        if found is None and subject is None:
            found = _next_sentence(doc, t, q, cues)
        if found is None and subject is None:
            found = _narrated(doc, t, q, known)
        if found is None:
            if subject is None:
                continue
            a = subject
        else:
            a = Attribution("direct", (q.start, q.end), found.source, found.cue,
                            doc.sentence_index(q.start), q, found.via, found.verb_class)
        by_quote[q.start] = a
        known.add(a)
    out[:] = known.all()
    _chains(quotes, by_quote, out)


def _subject(doc: Document, t: str, q: Quote) -> Attribution | None:
    """``he painted a picture of a machine that would offer “...”``, ``But he blamed “...”``: a
    quotation inside a sentence that no verb attributes and no speaker before carries on is the
    words of the sentence's subject, when that is a person (a name, a pronoun, "the minister")
    and not a thing ("Reducing spending, or eliminating “...”, is toothless")."""
    k = doc.sentence_index(q.start)
    s = doc.sentences[k]
    lead = t[s.start:q.start]
    if not _WORDS.search(lead) or lead.rstrip()[-1:] in (",", ":") \
            or not lead.lstrip()[:1].isupper() or _RUN_ON.search(lead):
        return None  # a statement of its own, set off by a comma or colon, wants a verb; and
        # "... in 1995. it means Trump “...”" is two sentences, not one with a subject
    src = leading_subject(t, s.start, q.start)
    if src is None or not is_person(t, src) or t[src[0]:src[1]].split()[0].endswith("ing"):
        return None  # "Reducing the rates, or ending “...”": a gerund, not a person
    if not _active_verb(t, src[1], q.start):
        return None  # "Kaine “has a passion for ...”", "is widely considered a “...”": the
        # quotation is said of the subject, not by it
    return Attribution("mixed", (q.start, q.end), src, None, k, q, "subject")


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s"})
# After "is", words that state the subject's own view rather than something done to it.
_ATTITUDES = frozenset({"concerned", "worried", "convinced", "determined", "adamant", "pleased",
                        "delighted", "disappointed", "surprised", "confident", "sure", "keen",
                        "unhappy", "angry", "furious", "critical", "clear", "insistent"})


def _active_verb(t: str, start: int, end: int) -> bool:
    """Does a verb of its own, in the active voice, follow the subject before ``end``?"""
    w = words()
    passive = False
    for x in TOKEN.findall(t, start, end):
        if x in _BE:
            passive = True
        elif passive and x in _ATTITUDES:
            return True  # "She is concerned too many children ... “...”": her view
        elif x in w.auxiliaries or is_between(x):
            continue
        elif verbish(x):
            return not (passive and (x.endswith(("ed", "en")) or x in w.verb_class))
    return False


def _narrated(doc: Document, t: str, q: Quote, known: _TextOrder) -> Attribution | None:
    """British copy lets a sentence about the speaker introduce a quotation ("Campbell
    signalled his intent to move abroad. “I'm 30 now ...”") and lets narration that names
    nobody else stand between a speaker's words and more of them ("“...,” explains Mr Dean.
    The restoration revealed some interesting items too. / “There are scans ...”"). Only for
    a quotation that opens its sentence, looking back over its paragraph and the one before;
    ``narration``, which the strict AP reading of QL201 does not accept."""
    sentences = doc.sentences
    k = doc.sentence_index(q.start)
    if _WORDS.search(t, sentences[k].start, q.start) or k == 0:
        return None
    oldest = doc.paragraphs[max(0, q.paragraph - 1)].start
    j = k - 1
    prev = sentences[j]
    spoken = any(a.quote is not None for a in known.between(prev.start, prev.end))
    subject = None if spoken else _person_subject(t, prev.start, prev.end, strict=True)
    if subject is not None and prev.start >= oldest:  # (a title in it is nobody's words)
        return Attribution("direct", (q.start, q.end), subject, None, k, q, "narration")
    said = [a for a in known.between(oldest, q.start) if a.source is not None
            and _carries(t, a)]
    if not said:
        return None
    a = max(said, key=_reach)
    end = max(_reach(a), a.source[1])
    while j >= 0 and sentences[j].end > end:  # nobody else is the subject in between
        if sentences[j].start >= end and _person_subject(t, sentences[j].start,
                                                         sentences[j].end) is not None:
            return None
        j -= 1
    return replace(a, kind="direct", content=(q.start, q.end), sentence=k, quote=q,
                   via="narration")


def _carries(t: str, a: Attribution) -> bool:
    """Can ``a``'s speaker go on into a later quotation? Not from a dash credit, a possessive
    ("Trump's claim that") or a naming verb ("critics called it a “red line”"), which name the
    speaker of their own words only."""
    return a.verb_class not in _NO_CARRY and (
        a.kind == "direct" or a.cue is None or t[a.cue[0]:a.cue[1]] not in words().naming_verbs)


def _person_subject(t: str, lo: int, hi: int, *, strict: bool = False) -> tuple[int, int] | None:
    """The main subject of a sentence, when that is plainly a person: a name as a whole
    ("Campbell", not "The restoration of the older Star Wars"), he or she, or (unless
    ``strict``) a speaker's noun ("the council"), followed by its verb or an aside."""
    src = leading_subject(t, lo, hi)
    if src is None:
        return None
    text = t[src[0]:src[1]]
    w = words()
    if text.lower() in ("it", "they", "you", "who"):
        return src if not strict and text.lower() == "they" else None  # "It is also looking"
    if not (text.lower() in ("he", "she", "i", "we") or is_name(t, src) or (
            not strict and text.split()[-1].lower() in w.nouns)):
        return None
    after = TOKEN.search(t, src[1], hi)
    if after is None or t[src[1]:after.start()].strip(" ") == ",":
        return src if after is not None else None  # Graham Barlow, editor of Mac Format, has
    verb = after.group()
    if is_between(verb) or verb in w.irregular or verb in w.verb_class or verb.endswith("ed"):
        return src  # Campbell signalled / she won't / Morris appears
    return None  # "Physio sessions with ...": not a person and a verb


def _earlier(doc: Document, para_start: int, q: Quote, known: _TextOrder,
             bare_in: dict[int, list[Attribution]]) -> Attribution | None:
    """The speaker a quotation carries on from, in its paragraph: whoever the sentence just
    before attributes something to ("Bystrom agreed. “...”"), else the last attributed
    quotation (“A,” he said. “B.”)."""
    k = doc.sentence_index(q.start)
    earlier = [a for a in known.between(para_start, q.start + 1) if a.source is not None
               and _reach(a) <= q.start]
    just_before = [a for a in [*earlier, *bare_in.get(k - 1, ())] if a.sentence == k - 1
                   and doc.sentences[k - 1].start >= para_start]
    if just_before:  # a quotation's speaker first: “...,” Ash wrote, first reported by AP.
        quoted_before = [a for a in just_before if a.quote is not None] or just_before
        return _carried(max(quoted_before, key=lambda a: a.cue or a.content))
    quoted = [a for a in earlier if a.quote is not None]
    return _carried(quoted[-1]) if quoted else None


def _carried(a: Attribution) -> Attribution:
    """``a`` carried over to another quotation; a speaker that came from the paragraph before,
    from narration or from a sentence's subject keeps saying so, so that the strict AP reading
    and the sourcing rules can still tell."""
    return a if a.via in _KEEP_VIA else replace(a, via="continued")


def _chains(quotes: list[Quote], by_quote: dict[int, Attribution],
            out: list[Attribution]) -> None:
    """The pieces of a running quote share the speaker named for any of them."""
    chain: list[Quote] = []
    for q in [*quotes, None]:
        if q is not None and chain and q.continued and chain[-1].continues:
            chain.append(q)
            continue
        named = next((by_quote[p.start] for p in chain if p.start in by_quote), None)
        if named is not None:
            for p in chain:
                if p.start not in by_quote:
                    a = replace(_carried(named), kind="direct", content=(p.start, p.end),
                                quote=p)
                    by_quote[p.start] = a
                    out.append(a)
        chain = [q] if q is not None else []


_LIST_MARKER = compile_regex(r"[ \t]*(?:[-*•–—]|\d{1,3}[.)])\s")


def _list_item(doc: Document, t: str, para: Paragraph) -> bool:
    return para.kind == "list-item" or _LIST_MARKER.match(doc.text, para.start) is not None \
        or _LIST_MARKER.match(doc.text, doc.line_starts[doc.position(para.start)[0] - 1]) \
        is not None


def _announced(doc: Document, t: str, start: int, end: int,
               known: _TextOrder) -> Attribution | None:
    """"The proposals include:", "Transcript as follows:": a sentence with no reporting verb
    that introduces a quotation or a list. The words are those of its subject when that is a
    speaker ("The minister's statement reads:"), else of the last speaker before ("Transcript
    as follows:": whose, the story has said)."""
    subject = leading_subject(t, start, end)
    if subject is not None and is_person(t, subject):
        return Attribution("direct", (0, 0), subject, None, 0, None, "introduced", None)
    earlier = [a for a in known.between(max(0, start - 3000), start)
               if a.source is not None and a.content[1] <= start]
    if not earlier:
        return None
    a = earlier[-1]
    return Attribution("direct", (0, 0), a.source, a.cue, 0, None, "introduced", a.verb_class)


def _introduced(doc: Document, t: str, index: int, known: _TextOrder,
                cues: list[list[Cue]]) -> Attribution | None:
    """A paragraph that opens with a quotation takes its speaker from the paragraph before when
    that one ends "X said:" (``introduced``), or when its last sentence is X's: a quotation
    attributed to X (“...,” X said. / then a paragraph “...”) or X's reported words ("Ian
    Harris said the machine would sell." / then “...”). That is ``previous-paragraph``, the
    way British copy writes a speaker going on; AP would have left the first quotation open,
    so QL201 reports these unless ``paragraph_continuation`` is set. Nothing may follow X's
    words in that sentence but a relative clause (another verb or quotation starts a new
    statement), and a dash credit, a possessive ("Trump's claim that") or a naming verb
    ("critics called it a “red line”") names the speaker of its own words only."""
    if index == 0:
        return None
    while index > 1 and _list_item(doc, t, doc.paragraphs[index]) \
            and _list_item(doc, t, doc.paragraphs[index - 1]):
        index -= 1  # the items of a list share the introduction before the first
    prev = doc.paragraphs[index - 1]
    last_index = doc.sentence_index(max(prev.start, prev.end - 1))
    last_sentence = doc.sentences[last_index]
    if t[prev.start:prev.end].rstrip().endswith(":"):
        if cues[last_index]:
            c = cues[last_index][-1]
            return Attribution("direct", (0, 0), c.source, (c.start, c.end), 0, None,
                               "introduced", c.cls)
        return _announced(doc, t, last_sentence.start, last_sentence.end, known)
    if _list_item(doc, t, doc.paragraphs[index]):
        return None
    last = [a for a in known.between(last_sentence.start - known.reach, prev.end)
            if a.source is not None and _reach(a) > last_sentence.start and _carries(t, a)]
    if not last:
        return None
    a = max(last, key=lambda a: (_reach(a), a.quote is not None))
    ends = max(_reach(a), a.source[1])
    tail = _RELATIVE_TAIL.split(t[ends:prev.end], maxsplit=1)[0]
    if QUOTE in tail or any(verbish(w) for w in TOKEN.findall(tail)):
        return None  # the paragraph goes on after the quotation: a new one starts below
    # “...,” said Adrian Palmer, the director. / “...,” he told the BBC News website.
    return replace(a, via="previous-paragraph")
