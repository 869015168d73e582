"""Quotations that are not somebody's words: names, titles, terms, and headline quotes.

``the so-called “special military operation”``, ``a group called “Friends of the Dam”``,
``the film “Gone With the Wind”``: a reader does not ask who said these. Nor does one ask it
of a headline's quotation, whose speaker the body names. QL201 leaves them alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cache import compile_regex
from ...matching.end_search import Tail
from .attributions import masked_text
from .cues import naming_before
from .lexicon import words

if TYPE_CHECKING:
    from ...text.document import Document
    from ...text.marks import Quote


_HEADING_MD = compile_regex(r" {0,3}#{1,6}\s")
_SENTENCE_END = Tail(r"[.!?…:;][\"'”’»)\]]*\s*$")


def is_headline(doc: Document, index: int) -> bool:
    """Is paragraph ``index`` a headline: a Markdown heading, or the article's first paragraph
    when it is short and does not end like a sentence ("Fox 'too reliant on reality TV'")?"""
    para = doc.paragraphs[index]
    text = doc.text[para.start:para.end]
    line_start = doc.line_starts[doc.position(para.start)[0] - 1]
    if doc.markdown and _HEADING_MD.match(doc.text, line_start):
        return True
    return index == 0 and len(text.split()) <= 20 and not _SENTENCE_END.ends(text)


def is_naming(doc: Document, quote: Quote) -> bool:
    """Is the quotation a name, a title or a term rather than somebody's words?

    ``the so-called “...”``, ``a group called “...”``, ``the film “Gone With the Wind”``,
    ``the “Make love not spam” campaign``, or inner words in title case with no sentence in
    them.
    """
    t = doc.cached(masked_text)
    lo = doc.paragraphs[quote.paragraph].start
    if naming_before(t, quote.start, lo) or words().naming_after.match(t, quote.end):
        return True  # the so-called “...” / the “Make love not spam” campaign
    inner = doc.text[quote.inner_start:quote.inner_end].strip(" ,.;:!?")
    return title_case(inner)


_WORD = compile_regex(r"[\w’'-]+")
_CLAUSE_END = compile_regex(r"[.;!?]\s")
_CUE_REACH = 10  # words from "whether" to the quotation: "whether she is honest, or “...”"


def is_poll_wording(doc: Document, quote: Quote) -> bool:
    """Is the quotation the wording of a poll's question ("asked whether she “shares your
    values”", "the question: “...”"), with a poll named in its paragraph or the one before?
    A lower-case phrase after the question cue in its own sentence, or anything after
    "question:"."""
    t = doc.cached(masked_text)
    sentence = doc.sentences[doc.sentence_index(quote.start)]
    lead = t[sentence.start:quote.start]
    w = words()
    tokens = _WORD.findall(lead.lower())
    cue = max((i for i, x in enumerate(tokens) if x in w.question_cues), default=None)
    if cue is None or len(tokens) - cue > _CUE_REACH or _CLAUSE_END.search(
            lead, lead.lower().rfind(tokens[cue])):
        return False  # the question cue must lead into the quotation, in the same clause
    inner = doc.text[quote.inner_start:quote.inner_end].lstrip()
    if not (inner[:1].islower() or (
            tokens[cue].startswith("question") and lead.rstrip().endswith(":"))):
        return False
    lo = doc.paragraphs[max(0, quote.paragraph - 1)].start
    return any(x in w.poll_nouns for x in _WORD.findall(t[lo:quote.start].lower()))


_SMALL = frozenset(["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
                    "nor", "of", "on", "or", "over", "per", "the", "to", "up", "vs", "with"])


_TITLE_TOKEN = compile_regex(r"[\w’'-]+|[.!?;]")


def title_case(text: str) -> bool:
    """"The Art of the Deal", "Saturday Night Live": capitalised words, no sentence inside."""
    toks = _TITLE_TOKEN.findall(text)
    if not toks or any(x in ".!?;" for x in toks[:-1]):
        return False
    big = [x for x in toks if x.lower() not in _SMALL and x[0].isalpha()]
    return bool(big) and all(x[0].isupper() for x in big) and len(toks) > 1
