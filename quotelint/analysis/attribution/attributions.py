"""Who said what: the project's one attribution analysis.

Every check that asks "who says so?" reads this analysis: the orphan-quote rule, the
``quotelint quotes`` listing, and the anonymous-source and unattributed-claim rules. It is
computed once per document::

    from quotelint.analysis.attribution.attributions import attributions, sentence_attributions

    for a in attributions(doc):            # also: doc.cached(attributions)
        a.kind                             # "direct", "mixed", "indirect" or "according-to"
        a.source, a.cue, a.content         # (start, end) in doc.text; source, cue may be None
        a.quote                            # the Quote, for direct and mixed
        a.via, a.verb_class, a.resolved    # how the source was found; said/wrote/...; he -> name
    sentence_attributions(doc, i)          # the attributions whose content or cue is in sentence i
    quote_attribution(doc, quote)          # the attribution of one quotation, or None

Kinds, as an editor reads them:

- ``direct``: a whole quotation with its speaker: ``“...,” Milley said``, ``said Kurt Volker,
  a former US special envoy``, ``Blinken said: “...”``, ``“...” — Lincoln``;
- ``mixed``: a quotation inside a reported clause: ``Milley said it would be “very, very
  difficult”``, ``X called it “...”``, ``X described it as “...”``;
- ``indirect``: a reported clause with no quotation marks: ``X said (that) ...``, ``X told Y
  ...``, ``..., officials said``; its ``content`` is the clause;
- ``according-to``: ``according to X, ...`` / ``..., according to X``.

``source`` is the speaker as written: a name, a description ("two people familiar with the
call"), or a pronoun (``he said``), whose nearest named antecedent is in ``resolved``. ``via``
says how the speaker was found: ``cue`` (in the quotation's own sentences: a reporting verb,
``according to``, a colon, a dash credit, or the sentence right after a quotation that is a
sentence of its own), ``continued`` (the speaker of the sentence before, or of the last
attributed quotation of the paragraph, or of the other pieces of an AP running quote),
``introduced`` (the paragraph before ends "X said:"), ``previous-paragraph`` (a paragraph
that opens with a quotation after one whose last sentence is X's quotation or X's reported
words: the way British copy writes a speaker going on, where AP would have left the first
quotation open) or ``subject`` (no verb attributes a quotation inside a sentence whose
subject is a person with a verb of its own: "he painted a picture of a machine that would
offer “...”"; such a speaker is no source for the sourcing rules, so ``attributions`` leaves
it out and only ``quote_attribution`` gives it).
A quotation with no attribution is an orphan, a title or a scare quote, which
``titles.is_naming`` tells apart. Word lists: ``data/attribution.yaml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ...cache import compile_regex
from ...matching.end_search import Tail
from ...text.marks import Quote
from .carryover import carry_over
from .cues import Cue, bracket_credit, dash_credit, find_cues, finders_in_vain, sentence_verbs
from .lexicon import QUOTE, Span
from .model import KINDS, Attribution
from .naming import speaker_name, speaking_bodies
from .resolution import resolve
from .speakers import is_person, is_pronoun, np_span

if TYPE_CHECKING:
    from ...text.document import Document

__all__ = ["KINDS", "Attribution", "attributions", "headline_credit", "masked_text",
           "quotations", "quote_attribution", "quote_speaker_name", "sentence_attributions"]

def attributions(doc: Document) -> list[Attribution]:
    """Every attribution of ``doc``, in text order (computed once per document).

    A quotation whose speaker is only inferred is left out: read from its sentence's subject
    (via ``subject``: "he painted a picture of a machine that would offer “...”"), from the
    narration before it (``narration``), or known by hearsay ("X is alleged to have said",
    verb class ``hearsay``). No words of the story source it, so it is no source for the
    sourcing rules; ``quote_attribution`` gives it."""
    return doc.cached(_sourced)


def _sourced(doc: Document) -> list[Attribution]:
    return [a for a in doc.cached(_analyze)
            if a.via not in _NOT_SOURCES and a.verb_class != "hearsay"]


# Speakers a reader infers but no words of the story give, and a newsletter's credit (the
# outlet an item comes from, not who says its claims): no sources for the sourcing rules.
_NOT_SOURCES = frozenset({"subject", "narration", "credit"})


def quote_attribution(doc: Document, quote: Quote) -> Attribution | None:
    return doc.cached(_by_quote).get(quote.start)


def quote_speaker_name(doc: Document, quote: Quote,
                       attribution: Attribution | None = None) -> Span | None:
    """The name of the quotation's speaker (``naming.speaker_name``), or None;
    ``attribution``: the quotation's, when it is not ``quote_attribution``'s."""
    a = attribution or quote_attribution(doc, quote)
    if a is None:
        return None
    return speaker_name(doc.cached(masked_text), a, doc.cached(_bodies))


_LINE_LABEL = compile_regex(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}):[ \t]")


def headline_credit(doc: Document, quote: Quote) -> Attribution | None:
    """The speaker a headline's label gives its quotations: ``Brooks: Rubio Did Well In ‘More
    ...’`` (the article's first paragraph, one short sentence, after a name and a colon).

    Not in ``quote_attribution``: the analysis leaves a headline's quotations to the body that
    tells them (QL201 and the sourcing rules do not read headlines); the listing asks here."""
    t = doc.cached(masked_text)
    para = doc.paragraphs[0]
    m = _LINE_LABEL.match(t, para.start)
    if m is None or quote.paragraph != 0 or quote.start < m.end() or len(
            t[para.start:para.end].split()) > 30 or doc.sentence_index(
            para.start) != doc.sentence_index(quote.start):
        return None
    src = np_span(t, m.start(1), m.end(1))
    if src is None or not is_person(t, src):
        return None
    return Attribution("mixed", (quote.start, quote.end), src, (m.end(1), m.end(1) + 1),
                       doc.sentence_index(quote.start), quote, "credit", "colon")


def _bodies(doc: Document) -> list[Span]:
    return speaking_bodies(doc.cached(masked_text), doc.cached(_analyze))


def sentence_attributions(doc: Document, index: int) -> list[Attribution]:
    """The attributions whose content or cue lies in sentence ``index``."""
    return doc.cached(_by_sentence).get(index, [])


def quotations(doc: Document) -> list[Quote]:
    """The quotations a reader would list: top-level quotes and Markdown block quotes."""
    return [q for q in doc.quotes.quotes if q.depth == 0]


def _by_quote(doc: Document) -> dict[int, Attribution]:
    return {a.quote.start: a for a in doc.cached(_analyze) if a.quote is not None}


def _by_sentence(doc: Document) -> dict[int, list[Attribution]]:
    index: dict[int, list[Attribution]] = {}
    for a in attributions(doc):
        first = doc.sentence_index(a.content[0])
        last = doc.sentence_index(max(a.content[0], a.content[1] - 1))
        keys = set(range(first, last + 1))
        if a.cue is not None:
            keys.add(doc.sentence_index(a.cue[0]))
        for k in keys:
            index.setdefault(k, []).append(a)
    return index


# -- the analysis ---------------------------------------------------------------------------------

_MD_MARKER = compile_regex(r"^ {0,3}>", regex.M)
_LIST_END = Tail(r"[:,]\s*$")
_WORDS = compile_regex(r"\w+")
_THAT = compile_regex(r"[\s,:]*(?:that\b)?\s*")
# "..., X said, a change that ...": the tail describes the clause before the cue.
_APPOSITIVE = compile_regex(r"\s*+,\s++(?:a|an)\s++(?:[\w’'-]++\s++){1,3}?(?:that|which)\b")
_THAT_AHEAD = compile_regex(r"(?:[\s,]++[\w’'.-]++){0,10}?[\s,]++that\b\s*")
_FIRST_COMMA = compile_regex(r",\s*")


def masked_text(doc: Document) -> str:
    """``doc.flat`` with every quotation replaced by QUOTE characters (and ``>`` markers by
    spaces): the narrator's words, at the same offsets."""
    flat = doc.flat
    pieces, pos = [], 0
    for q in quotations(doc):
        pieces += [flat[pos:q.start], QUOTE * (q.end - q.start)]
        pos = q.end
    pieces.append(flat[pos:])
    text = "".join(pieces)
    if doc.markdown and ">" in doc.text:
        chars = list(text)
        for m in _MD_MARKER.finditer(doc.text):
            if chars[m.end() - 1] == ">":
                chars[m.end() - 1] = " "
        text = "".join(chars)
    return text


def _frames(doc: Document, quotes: list[Quote]) -> list[tuple[int, int, list[Quote]]]:
    """Runs of sentences joined by the quotations that cross them: (first, last, quotes)."""
    sentences = doc.sentences
    frames: list[tuple[int, int, list[Quote]]] = []
    qi = 0
    i = 0
    while i < len(sentences):
        last, members = i, []
        while qi < len(quotes) and quotes[qi].start < sentences[last].end:
            q = quotes[qi]
            if doc.sentence_index(q.start) < i:
                qi += 1
                continue
            members.append(q)
            last = max(last, doc.sentence_index(max(q.start, q.end - 1)))
            qi += 1
        frames.append((i, last, members))
        i = last + 1
    return frames


_LABEL = compile_regex(r"\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s")


def _label(doc: Document, q: Quote) -> Cue | None:
    """A transcript inside the quotation: ``"WALLACE: But, Governor ...``."""
    m = _LABEL.match(doc.text, q.inner_start, q.inner_end)
    if m is None or not any(c.isalpha() for c in m.group(1)) or len(m.group(1)) < 2:
        return None
    return Cue(m.end(1), m.end(1) + 1, (m.start(1), m.end(1)), "colon")


def _kind(t: str, lo: int, q: Quote, cue: Cue) -> str:
    """direct when the quotation is the whole utterance, mixed when it sits in a clause."""
    lead = t[lo:q.start]
    if cue.cls == "colon" and cue.last <= q.start and not t[cue.last:q.start].strip(" :"):
        return "direct"  # a label: Trump: “...” / - Bolton boss Sam Allardyce “...”
    if not lead.strip() or (cue.last <= q.start and _LIST_END.ends(lead)
                            and not t[lo:cue.first].strip(" ,-–—•*")):
        return "direct"
    return "mixed"


def _assign(t: str, lo: int, q: Quote, cues: list[Cue]) -> Cue | None:
    """The cue that attributes ``q`` among the cues of its frame, as an editor would pick it."""
    for c in cues:  # “...,” Milley said / “...” — Lincoln (not “...,” about Comey’s statement)
        if c.first >= q.end and not t[q.end:c.first].strip(" ,;:—–-") and c.cls != "possessive":
            return c
    for c in cues:  # Trump: “...” / issued a statement, “...”
        if c.cls == "colon" and c.last <= q.start and not t[c.last:q.start].strip():
            return c
    for c in cues:  # he was called the “...” by the film's director
        if c.inverted and c.start <= q.start and c.source[0] >= q.end:
            return c
    cues = [c for c in cues if c.cls not in ("dash", "colon")]  # those credit one quotation
    before = [c for c in cues if c.last <= q.start and c.start >= lo]
    verbs = [c for c in before if c.cls != "according-to"]
    if before:  # Blinken said: “...” / X said the plan was “dead” (past any "according to")
        return _outer(t, verbs, (verbs or before)[-1])
    after = [c for c in cues if c.first >= q.end]
    return after[0] if after else None


_OUTER = ("speech", "written", "speech_act")
_CAPITALISED = compile_regex(r"\b[A-Z][\w.-]*\b(?![’']s)")


def _outer(t: str, verbs: list[Cue], cue: Cue) -> Cue:
    """``Clinton says she appreciated ... what she calls a “war of words”``: when the nearest
    cue's speaker is a pronoun inside the words of a named speaker earlier in the sentence, and
    nobody else is named in between, the words are the named speaker's: she said them in saying
    so. A possessive ("Machado's courage") names nobody new."""
    if cue.source[1] - cue.source[0] > 4 or t[cue.source[0]:cue.source[1]].lower() not in (
            "he", "she", "it", "they"):
        return cue
    for outer in verbs:
        if outer.last > cue.first:
            break
        if outer.cls in _OUTER and not outer.inverted and not is_pronoun(t, outer.source) \
                and not _CAPITALISED.search(t, outer.last, cue.first):
            return outer
    return cue


def _analyze(doc: Document) -> list[Attribution]:
    t = doc.cached(masked_text)
    sentences = doc.sentences
    quotes = quotations(doc)
    out: list[Attribution] = []
    bare: list[Attribution] = []  # "Bystrom agreed.": a speaker with nothing reported yet
    by_quote: dict[int, Attribution] = {}
    in_vain = finders_in_vain(doc)
    verbs = sentence_verbs(doc, t)
    cues_of = [find_cues(t, s.start, s.end, in_vain[k], verbs[k])
               for k, s in enumerate(sentences)]  # the carry-over reads them too
    for first, last, members in _frames(doc, quotes):
        cues = [c for k in range(first, last + 1) for c in cues_of[k]]
        used: set[int] = set()
        for q in members:
            k = doc.sentence_index(q.start)
            cue = _label(doc, q) or dash_credit(t, q.end) \
                or _assign(t, sentences[k].start, q, cues) \
                or bracket_credit(t, q.end, doc.paragraphs[q.paragraph].end)
            if cue is None:
                continue
            used.add(id(cue))
            a = Attribution(_kind(t, sentences[k].start, q, cue), (q.start, q.end), cue.source,
                            (cue.start, cue.end), k, q,
                            "credit" if cue.cls == "credit" else "cue", cue.cls)
            by_quote[q.start] = a
            out.append(a)
        for cue in cues:
            if id(cue) not in used:
                a = _indirect(doc, t, cue)
                if a is not None:
                    out.append(a)
                elif cue.cls not in ("non_speech", "colon", "dash"):
                    bare.append(Attribution("indirect", (cue.start, cue.end), cue.source,
                                            (cue.start, cue.end), doc.sentence_index(cue.start),
                                            None, "cue", cue.cls))
    carry_over(doc, t, quotes, by_quote, out, bare, cues_of)
    out.sort(key=lambda a: (a.content[0], a.content[1]))
    return resolve(doc, t, out)


def _indirect(doc: Document, t: str, cue: Cue) -> Attribution | None:
    """A reported clause with no quotation: ``X said (that) ...`` or ``..., X said``."""
    if cue.cls in ("non_speech", "colon", "dash"):
        return None
    k = doc.sentence_index(cue.start)
    s = doc.sentences[k]
    tail = t[cue.last:s.end]
    head = t[s.start:cue.first]
    tail_words = len(_WORDS.findall(tail))
    if cue.cls == "according-to" and not head.strip():
        m = _FIRST_COMMA.search(t, cue.last, s.end)  # According to X, ...
        content = (m.end() if m else cue.last, s.end)
    elif len(_WORDS.findall(head)) >= 2 and ((tail_words <= 6 and " that " not in tail)
                                             or cue.inverted
                                             or _APPOSITIVE.match(t, cue.last, s.end)):
        content = (s.start, cue.first)  # ..., officials said on Monday.
    else:  # X said (that) ... / X told reporters that ...
        m = _THAT_AHEAD.match(t, cue.last, s.end) or _THAT.match(t, cue.last, s.end)
        content = (m.end(), s.end)
    start, end = content
    while end > start and t[end - 1] in " ,.;:!?—–-\"'”’»" + QUOTE:
        end -= 1
    while start < end and t[start] in " ,;:":
        start += 1
    if not _WORDS.search(t, start, end):
        return None
    kind = "according-to" if cue.cls == "according-to" else "indirect"
    return Attribution(kind, (start, end), cue.source, (cue.start, cue.end), k, None, "cue",
                       cue.cls)
