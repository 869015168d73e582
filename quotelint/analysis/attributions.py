"""Who said what: the project's one attribution analysis (DESIGN §1).

Every check that asks "who says so?" reads this analysis: the orphan-quote rule, the
``quotelint quotes`` listing, and the anonymous-source and unattributed-claim rules. It is
computed once per document::

    from quotelint.analysis.attributions import attributions, sentence_attributions

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
``introduced`` (the paragraph before ends "X said:") or ``previous-paragraph`` (a paragraph
that opens with a quotation after one that ends with X's attributed quotation: the way
British copy writes a speaker going on, where AP would have left the first quotation open).
A quotation with no attribution is an orphan, a title or a scare quote, which
``titles.is_naming`` tells apart. Word lists: ``data/attribution.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from ..cache import compile_regex
from .cues import Cue, dash_credit, find_cues
from .quotes import Quote
from .speakers import is_name, last_person
from .words import QUOTE, TOKEN, Span, verbish, words

if TYPE_CHECKING:
    from ..document import Document

KINDS = ("direct", "mixed", "indirect", "according-to")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what. Spans are (start, end) code-point offsets into ``doc.text``.

    ``content`` is the quotation (marks included) or the reported clause; ``sentence`` the
    index of the sentence it starts in; ``verb_class`` the cue's class in
    ``data/attribution.yaml`` (speech, written, speech_act, mental, non_speech) or
    according-to, colon, dash, possessive.
    """

    kind: str
    content: Span
    source: Span | None
    cue: Span | None
    sentence: int
    quote: Quote | None = None
    via: str = "cue"
    verb_class: str | None = None
    resolved: Span | None = None

    def source_text(self, doc: Document) -> str | None:
        return None if self.source is None else doc.text[self.source[0]:self.source[1]]

    def cue_text(self, doc: Document) -> str | None:
        return None if self.cue is None else doc.text[self.cue[0]:self.cue[1]]


def attributions(doc: Document) -> list[Attribution]:
    """Every attribution of ``doc``, in text order (computed once per document)."""
    return doc.cached(_analyze)


def quote_attribution(doc: Document, quote: Quote) -> Attribution | None:
    return doc.cached(_by_quote).get(quote.start)


def sentence_attributions(doc: Document, index: int) -> list[Attribution]:
    """The attributions whose content or cue lies in sentence ``index``."""
    return doc.cached(_by_sentence).get(index, [])


def quotations(doc: Document) -> list[Quote]:
    """The quotations a reader would list: top-level quotes and Markdown block quotes."""
    return [q for q in doc.quotes.quotes if q.depth == 0]


def _by_quote(doc: Document) -> dict[int, Attribution]:
    return {a.quote.start: a for a in attributions(doc) if a.quote is not None}


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
_LIST_END = compile_regex(r"[:,]\s*$")
_WORDS = compile_regex(r"\w+")
_THAT = compile_regex(r"[\s,:]*(?:that\b)?\s*")
_THAT_AHEAD = compile_regex(r"(?:[\s,]++[\w’'.-]++){0,10}?[\s,]++that\b\s*")
_FIRST_COMMA = compile_regex(r",\s*")
_RELATIVE_TAIL = compile_regex(r"\b(?:who|which|that)\b")


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
    if not lead.strip() or (cue.last <= q.start and _LIST_END.search(lead)
                            and not t[lo:cue.first].strip(" ,-–—•*")):
        return "direct"
    return "mixed"


def _assign(t: str, lo: int, q: Quote, cues: list[Cue]) -> Cue | None:
    """The cue that attributes ``q`` among the cues of its frame, as an editor would pick it."""
    for c in cues:  # “...,” Milley said / “...” — Lincoln (not “...,” about Comey’s statement)
        if c.first >= q.end and not t[q.end:c.first].strip(" ,;:—–-") and c.cls != "possessive":
            return c
    for c in cues:  # Trump: “...” / issued a statement, “...”
        if c.cls == "colon" and c.end <= q.start and not t[c.end:q.start].strip():
            return c
    cues = [c for c in cues if c.cls not in ("dash", "colon")]  # those credit one quotation
    before = [c for c in cues if c.last <= q.start and c.start >= lo]
    verbs = [c for c in before if c.cls != "according-to"]
    if before:  # Blinken said: “...” / X said the plan was “dead” (past any "according to")
        return (verbs or before)[-1]
    after = [c for c in cues if c.first >= q.end]
    return after[0] if after else None


def _next_sentence(doc: Document, t: str, q: Quote) -> Attribution | None:
    """``“Is that fair?” The senator's niece, a state delegate, shouted to the crowd.``: the
    speaker opens the sentence after a quotation that is a sentence of its own."""
    k = doc.sentence_index(max(q.start, q.end - 1))
    sentences = doc.sentences
    if k + 1 >= len(sentences) or sentences[k].end > q.end + 2 \
            or sentences[doc.sentence_index(q.start)].start < q.start \
            or sentences[k + 1].paragraph != sentences[k].paragraph:
        return None
    nxt = sentences[k + 1]
    for c in find_cues(t, nxt.start, nxt.end):
        if c.cls in ("dash", "colon", "according-to", "possessive") or c.inverted:
            continue
        if c.first - nxt.start <= 80 and QUOTE not in t[c.last:nxt.end]:
            return Attribution("direct", (q.start, q.end), c.source, (c.start, c.end), k, q,
                               "cue", c.cls)
        break
    return None


def _analyze(doc: Document) -> list[Attribution]:
    t = doc.cached(masked_text)
    sentences = doc.sentences
    quotes = quotations(doc)
    out: list[Attribution] = []
    bare: list[Attribution] = []  # "Bystrom agreed.": a speaker with nothing reported yet
    by_quote: dict[int, Attribution] = {}
    for first, last, members in _frames(doc, quotes):
        cues = [c for s in sentences[first:last + 1] for c in find_cues(t, s.start, s.end)]
        used: set[int] = set()
        for q in members:
            k = doc.sentence_index(q.start)
            cue = _label(doc, q) or dash_credit(t, q.end) \
                or _assign(t, sentences[k].start, q, cues)
            if cue is None:
                continue
            used.add(id(cue))
            a = Attribution(_kind(t, sentences[k].start, q, cue), (q.start, q.end), cue.source,
                            (cue.start, cue.end), k, q, "cue", cue.cls)
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
    _continue(doc, t, quotes, by_quote, out, bare)
    out.sort(key=lambda a: (a.content[0], a.content[1]))
    return _resolve(doc, t, out)


_WORD_CHAR = compile_regex(r"\w")


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
                                             or cue.inverted):
        content = (s.start, cue.first)  # ..., officials said on Monday.
    else:  # X said (that) ... / X told reporters that ...
        m = _THAT_AHEAD.match(t, cue.last, s.end) or _THAT.match(t, cue.last, s.end)
        content = (m.end(), s.end)
    start, end = content
    while end > start and t[end - 1] in " ,.;:!?—–-\"'”’»" + QUOTE:
        end -= 1
    while start < end and t[start] in " ,;:":
        start += 1
    if not _WORD_CHAR.search(t, start, end):
        return None
    kind = "according-to" if cue.cls == "according-to" else "indirect"
    return Attribution(kind, (start, end), cue.source, (cue.start, cue.end), k, None, "cue",
                       cue.cls)


def _continue(doc: Document, t: str, quotes: list[Quote], by_quote: dict[int, Attribution],
              out: list[Attribution], bare: list[Attribution]) -> None:
    """Speakers for quotations whose own sentences name none: the pieces of an AP running
    quote, a paragraph introduced by "X said:" or following X's quotation, a quotation that goes
    on after "he said.", a quotation whose speaker opens the next sentence."""
    _chains(quotes, by_quote, out)
    paragraphs = doc.paragraphs
    for q in quotes:
        if q.start in by_quote:
            continue
        para = paragraphs[q.paragraph]
        found = None
        if not t[para.start:q.start].strip():
            found = _introduced(doc, t, q.paragraph, out)
        if found is None:
            found = _earlier(doc, para.start, q, out, bare)
        if found is None:
            found = _next_sentence(doc, t, q)
        if found is None:
            continue
        a = Attribution("direct", (q.start, q.end), found.source, found.cue,
                        doc.sentence_index(q.start), q, found.via, found.verb_class)
        by_quote[q.start] = a
        out.append(a)
        out.sort(key=lambda x: x.content[0])
    _chains(quotes, by_quote, out)


def _earlier(doc: Document, para_start: int, q: Quote, out: list[Attribution],
             bare: list[Attribution]) -> Attribution | None:
    """The speaker a quotation carries on from, in its paragraph: whoever the sentence just
    before attributes something to ("Bystrom agreed. “...”"), else the last attributed
    quotation (“A,” he said. “B.”)."""
    k = doc.sentence_index(q.start)
    earlier = [a for a in out if a.source is not None and para_start <= a.content[0]
               and max(a.content[1], a.cue[1] if a.cue else 0) <= q.start]
    just_before = [a for a in [*earlier, *bare] if a.sentence == k - 1
                   and doc.sentences[k - 1].start >= para_start]
    if just_before:  # a quotation's speaker first: “...,” Ash wrote, first reported by AP.
        quoted_before = [a for a in just_before if a.quote is not None] or just_before
        return _carried(max(quoted_before, key=lambda a: a.cue or a.content))
    quoted = [a for a in earlier if a.quote is not None]
    return _carried(quoted[-1]) if quoted else None


def _carried(a: Attribution) -> Attribution:
    """``a`` carried over to another quotation; a speaker that came from the paragraph before
    keeps saying so, so that the strict AP reading can still tell."""
    return a if a.via == "previous-paragraph" else replace(a, via="continued")


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


def _introduced(doc: Document, t: str, index: int,
                out: list[Attribution]) -> Attribution | None:
    """A paragraph that opens with a quotation takes its speaker from the paragraph before when
    that one ends "X said:" (``introduced``) or ends with a quotation attributed to X
    (``previous-paragraph``: “...,” X said. / then a paragraph “...”), the way British copy
    and many wires write a speaker going on. AP would have left the first quotation open instead,
    so QL201 can be told to report these (``paragraph_continuation: false``). Only a
    quotation in the last sentence carries over: after "Barrow said he was surprised." a
    paragraph of quotation is a new one, or every paragraph after a reported sentence would
    inherit its speaker."""
    if index == 0:
        return None
    prev = doc.paragraphs[index - 1]
    last_sentence = doc.sentences[doc.sentence_index(max(prev.start, prev.end - 1))]
    if t[prev.start:prev.end].rstrip().endswith(":"):
        cues = find_cues(t, last_sentence.start, last_sentence.end)
        if cues:
            c = cues[-1]
            return Attribution("direct", (0, 0), c.source, (c.start, c.end), 0, None,
                               "introduced", c.cls)
    last = [a for a in out if a.source is not None and a.kind == "direct"
            and a.content[0] < prev.end and a.content[1] > last_sentence.start]
    if not last:
        return None
    a = max(last, key=lambda a: a.content[1])
    ends = max(a.content[1], a.cue[1] if a.cue else 0, a.source[1])
    tail = _RELATIVE_TAIL.split(t[ends:prev.end], maxsplit=1)[0]
    if QUOTE in tail or any(verbish(w) for w in TOKEN.findall(tail)):
        return None  # the paragraph goes on after the quotation: a new one starts below
    # “...,” said Adrian Palmer, the director. / “...,” he told the BBC News website.
    return replace(a, via="previous-paragraph")


def _resolve(doc: Document, t: str, out: list[Attribution]) -> list[Attribution]:
    """``he``/``she``: the nearest named person before, a named speaker or a name in the text."""
    w = words()
    named: list[Span] = []
    result = []
    for a in out:
        src = a.source
        if src is not None and t[src[0]:src[1]].lower() in w.resolvable:
            candidates = [s for s in (named[-1] if named else None, last_person(t, src[0]))
                          if s is not None]
            a = replace(a, resolved=max(candidates, default=None))
        elif src is not None and is_name(t, src):
            named.append(src)
        result.append(a)
    return result
