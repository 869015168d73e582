"""``quote-attribution``: a quotation nobody is named as saying.

    - id: QL201
      name: orphan-quote
      kind: quote-attribution
      category: quote-attribution
      message: "Quotation of {words} words has no speaker: who said “{excerpt}”?"
      min_words: 4

A quotation is attributed when ``analysis/attributions.py`` finds its speaker: in its own
sentences (``“...,” Milley said``, ``Blinken said: “...”``, ``according to X``, a dash
credit, the sentence's subject: ``But he blamed “...”``), or as an editor carries it over
(the rest of an AP running quote, a quote that goes on after "he said.", a paragraph
introduced by "X said:").

Two readings of a speaker going on. AP (the default): a paragraph that opens with a quotation
after X's quotation is a new quotation (AP would have left the first one open), and so is a
quotation after narration; both need their own speaker and are reported (but narration that
reports the speaker going on, "Trump was quick to add that ...", names the next quotation's
speaker in both readings). British copy (BBC, ``paragraph_continuation: true``, or
``quotes.paragraph_continuation: true`` in the configuration): such a paragraph is X going
on, as is a quotation right after X's reported words or after a sentence about X ("Campbell
signalled his intent to move abroad. “I'm 30 now ...”") when nobody else is named in between.

Short quotations (scare quotes, "a “red line”"), names and titles (``the so-called “...”``,
``the “...” campaign``, words in title case) and headline quotations (the body names the
speaker) are not reported, nor is a poll's wording ("asked whether she “shares your values”"
with a poll named nearby). ``quotes.min_words`` in the configuration overrides the rule's
``min_words``; a phrase quoted inside the reporter's sentence (it opens in lower case after a
word of the sentence and holds no sentence) is reported from ``phrase_min_words`` (5 in the
default pack), since at four words it is more often a term ("“permanent normal trade
relations”") than somebody's words. A quote that
runs over several paragraphs is reported once, at its start.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..analysis.attribution.attributions import quotations, quote_attribution
from ..analysis.attribution.lexicon import words
from ..analysis.attribution.titles import is_headline, is_naming, is_poll_wording
from ..cache import compile_regex
from ..findings import Finding
from ..schema import Field, Where, boolean, integer
from ..text.document import Document
from ..text.marks import Quote, word_count
from .base import Check, flat

_EXCERPT_WORDS = 6
_BRITISH_TITLE = compile_regex(r"\b(?:Mr|Mrs|Ms|Dr)(\.?)\s[A-Z]")


def british_titles(text: str) -> bool:
    """Does the article write titles the British way ("Mr Howard", never "Mr. Howard")? AP
    copy writes no courtesy titles, and US papers that do write them with a full stop."""
    stops = [m.group(1) for m in _BRITISH_TITLE.finditer(text)]
    return len(stops) >= 2 and "." not in stops


def _fragment(text: str, q: Quote, inner: str) -> bool:
    """A phrase quoted inside the reporter's sentence ("the president's promise of “permanent
    normal trade relations”"): it opens in lower case after a word of the sentence and holds
    no sentence of its own."""
    before = text[max(0, q.start - 2):q.start]
    return inner[:1].islower() and before[:1].isalnum() and not any(
        c in inner.rstrip(" .!?,;:") for c in ".!?")


def _goes_on(doc: Document, q: Quote) -> bool:
    """Does the sentence before the quotation report its subject going on ("Hale was quick to
    add that the toll stays.")? Then it names the speaker of the quotation after it, as a
    reader takes it in AP copy too."""
    k = doc.sentence_index(q.start)
    if k == 0:
        return False
    s = doc.sentences[k - 1]
    return words().going_on.search(doc.text, s.start, s.end) is not None


def _reading(value: object, where: Where, line: int | None, key: str) -> bool | str:
    if isinstance(value, bool) or value == "auto":
        return value
    raise where.error(line, f"'{key}' must be true, false or auto, not {value!r}")
# Speakers that only the continuation reading accepts: carried over from the paragraph before,
# or from narration about the speaker.
_CONTINUATION = frozenset({"previous-paragraph", "narration"})


class QuoteAttributionCheck(Check):
    PARAMS: ClassVar[dict[str, Field]] = {
        "min_words": Field(integer, default=4, doc="shorter quotations are never reported"),
        "phrase_min_words": Field(
            integer, default=0,
            doc="a phrase quoted inside the reporter's sentence (lower case, no sentence in it) "
                "is reported from this many words (0: min_words); quotes.min_words in the "
                "configuration sets both"),
        "skip_names": Field(boolean, default=True,
                            doc="do not report names and titles (so-called “...”, Title Case)"),
        "paragraph_continuation": Field(
            _reading, default="auto",
            doc="true (British copy): a quotation may take its speaker from the paragraph "
                "before (X's quotation or reported words) or from narration about the speaker "
                "just before it; false (AP): a new paragraph of quotation, or one after "
                "narration, needs its own speaker; auto: true for an article that writes "
                "titles the British way (Mr Smith, Dr Jones: no full stop), else false. "
                "quotes.paragraph_continuation overrides it"),
        "skip_headlines": Field(boolean, default=True,
                                doc="do not report quotations in a headline"),
    }
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "words", "excerpt"})

    def min_words(self, doc: Document) -> int:
        return self.configured(doc, "quotes", "min_words",
                               lambda v: isinstance(v, int) and v >= 0)

    def continuation(self, doc: Document) -> bool:
        value = self.configured(doc, "quotes", "paragraph_continuation",
                                lambda v: isinstance(v, bool) or v == "auto")
        return british_titles(doc.text) if value == "auto" else value

    def _attributed(self, doc: Document, q: Quote, continuation: bool) -> bool:
        a = quote_attribution(doc, q)
        return a is not None and (continuation or a.via not in _CONTINUATION
                                  or (a.via == "narration" and _goes_on(doc, q)))

    def run(self, doc: Document) -> Iterator[Finding]:
        quotes = quotations(doc)
        if not quotes:
            return
        threshold = self.min_words(doc)
        configured = (doc.options.get("quotes") or {}).get("min_words")
        phrase_threshold = threshold if isinstance(configured, int) else max(
            threshold, self.params["phrase_min_words"])
        continuation = self.continuation(doc)
        for q in quotes:
            if q.continued:
                continue  # a running quote is reported once, where it starts
            inner = doc.text[q.inner_start:q.inner_end]
            words = word_count(inner)
            if words < threshold or self._attributed(doc, q, continuation):
                continue
            if words < phrase_threshold and _fragment(doc.text, q, inner):
                continue
            if self.params["skip_names"] and (is_naming(doc, q) or is_poll_wording(doc, q)):
                continue
            if self.params["skip_headlines"] and is_headline(doc, q.paragraph):
                continue
            excerpt = " ".join(flat(inner).strip(" ,.;:").split()[:_EXCERPT_WORDS])
            if words > _EXCERPT_WORDS:
                excerpt += "…"
            yield self.finding(doc, q.start, q.end, match=flat(doc.text[q.start:q.end]),
                               words=str(words), excerpt=excerpt)
