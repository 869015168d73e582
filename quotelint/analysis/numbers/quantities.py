"""Quantities: every figure of a document, with what it measures and how it may be compared.

``figures`` reads the figures ("nearly 320 kms" is 283–325 km); this module decides what
each one measures ("a range of nearly 320 kms": the range) from a few words either side, using
``quotelint/data/measures.yaml``, and records what keeps two figures of the same measure from
being comparable: a change rather than a total ("rose to 84"), a target against a fact
("called for 20,000 troops"), a part ("2,000 extra troops"), a named source ("Russia said"),
a year, a different named subject. A count, percentage or sum of money with no measure is kept
(it may still carry a wrong conversion) but never compared; a physical figure with no measure
may still be compared by the words around it (``context.py``), so it gets the same
context.

Use it through ``doc.cached(quantities)``: it is computed once per document and shared.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ...cache import compile_re
from ...text.words import word_index
from .context import context_table, document_names
from .figures import Figure, figures
from .measures import MeasureTable, find_measure, measure_table, stem
from .pattern import figure_grammar
from .quantity import Interval, Quantity
from .units import unit_table

if TYPE_CHECKING:
    from ...text.document import Document


_WORD = compile_re(r"[A-Za-z][\w’'-]*")
# Dimensions whose figures, after a capitalised word mid-sentence, are part of a name.
_NAMED = frozenset({"count", "temperature"})
_NAME_BEFORE = compile_re(r"\b([A-Z][\w-]*)\s+$")
# Between a figure and its conversion: "320 km (199 miles)", "40 metres deep (131 feet)",
# "a 40-metre-deep well (131 feet)", "320 km, or 199 miles".
# "912 km, the equivalent of 570 miles", "912 km - that is, 570 miles", "912 km, which is 570".
_CONVERSION_GAP = compile_re(
    r"\s*(?:-?[A-Za-z]+(?:-[A-Za-z]+)*\s*){0,2}(?:[(\[]|,?\s*or\s+|[-–—]\s*or\s+|"
    r"(?:,|\s[-–—])\s*(?:(?:the\s+)?equivalent\s+(?:of|to)|that\s+is,?|that[’']s|i\.e\.,?|"
    r"which\s+is)\s+)\s*")


def quantities(doc: Document) -> list[Quantity]:
    """Every figure of ``doc`` in text order, with its measure and comparability."""
    text = doc.flat
    meas = measure_table()
    sentences = doc.sentences
    out: list[Quantity] = []
    if not sentences:
        return out
    by_sentence: dict[int, tuple[frozenset[str], str | None, frozenset[str], str | None]] = {}
    keyed_by_context = context_table().dimensions  # compared by the words around them
    names: frozenset[str] | None = None
    outside = ""  # the text with quotations blanked, once a figure needs it
    for fig, _ in figures(text, doc.cached(word_index)):
        si = doc.sentence_index(fig.start)
        sent = sentences[si]
        if fig.start < sent.start or fig.start >= sent.end:
            continue  # between sentences: a heading fragment or masked text
        left = text[max(sent.start, fig.start - 80):fig.start]
        right_end = min(sent.end, fig.end + 120)
        if fig.dimension in _NAMED and _is_name(text, fig, sent.start):
            continue  # "Boeing 747", "Windows 10", "a Long March 4C rocket"
        if fig.dimension == "count" and _is_source_description(meas, text, fig, left, right_end):
            continue  # "citing four unnamed people familiar with the call"
        difference = _difference(meas, text, fig, left, right_end)
        base = _to_base(fig, difference)
        measure, display, cue = find_measure(meas, text, fig, left, right_end)
        if measure in meas.min_value and fig.interval[1] < meas.min_value[measure]:
            measure, display, cue = None, "", ""  # "two soldiers" are not a troop strength
        comparable = not _changing(meas, text, fig, left, right_end)
        per = _rate(meas, text, fig, right_end)
        if measure and _partial(meas, text, fig, right_end):
            comparable = False
        converts = None
        if out and fig.unit is not None:
            prev = out[-1]
            gap = text[prev.end:fig.start]
            if (prev.figure.unit is not None and prev.sentence == si and len(gap) <= 30
                    and prev.figure.dimension == fig.dimension
                    and prev.figure.unit.unit != fig.unit.unit
                    and _CONVERSION_GAP.fullmatch(gap)):
                converts = len(out) - 1
                if measure is None:
                    measure, display = prev.measure, prev.display
                if per and not prev.per:  # "30,000 tonnes (33,000 tons) a year"
                    out[-1] = prev = replace(prev, per=per)
                if difference or prev.difference:  # "2C (3.6F) above pre-industrial levels"
                    difference, base = True, _to_base(fig, True)
                    out[-1] = replace(prev, difference=True, base=_to_base(prev.figure, True))
        if measure is None and fig.dimension not in keyed_by_context:
            # never compared: the context is not needed
            out.append(Quantity(fig, base, si, converts=converts, per=per,
                                comparable=comparable, difference=difference))
            continue
        if names is None:
            names = doc.cached(document_names)
            outside = doc.flat_outside_quotes  # quotations blanked
        if si not in by_sentence:
            sentence_text = text[sent.start:sent.end]
            by_sentence[si] = (_times(meas, sentence_text),
                               _source(meas, sentence_text, names), _words(meas, sentence_text),
                               _subject(meas, sentence_text, names))
        times, source, words, subject = by_sentence[si]
        out.append(Quantity(
            figure=fig, base=base, sentence=si, measure=measure, display=display,
            converts=converts, per=per, comparable=comparable,
            times=times,
            source=source or _quoted(outside, text, fig), subject=subject, head=_head(left),
            context=words - {stem(w) for w in _WORD.findall(cue)}, difference=difference,
            cue=cue, scoped=measure.split(":")[0] in meas.scoped if measure else False,
            proposed=bool(meas.proposal_before.search(left)),
            **_near(meas, text, fig, sent.start, sent.end, names),
        ))
    return out


_NEAR_WORD = compile_re(r"[A-Za-z][\w’'-]*")


def _near(meas: MeasureTable, text: str, fig: Figure, start: int, end: int,
          names: frozenset[str]) -> dict[str, frozenset[str]]:
    """The names a few words either side of ``fig`` and the distinguishing words ("second",
    "northern") right next to it (four words before, three after): what tells one row of a
    list or one of two runways from the other. A word is a name if the document capitalises
    it mid-sentence; the sentence's first word is not."""
    found: set[str] = set()
    marks: set[str] = set()
    left = _NEAR_WORD.findall(text, max(start, fig.start - 50), fig.start)
    right = _NEAR_WORD.findall(text, fig.end, min(end, fig.end + 40))
    for k, word in enumerate(left + right):
        if word in names and word.lower() not in meas.openers and (
                k or fig.start - 50 > start):  # not the sentence's first word
            found.add(word.lower())
        elif word.lower() in meas.distinguishers and len(left) - 4 <= k < len(left) + 3:
            marks.add(word.lower().removesuffix("’s").removesuffix("'s"))
    return {"names": frozenset(found), "marks": frozenset(marks)}


# The source of a figure in a direct quotation whose sentence names no one: the speaker, who
# is not a named source of the narration ("The minister, Bernard Cazeneuve, said 80 people were
# killed" / "“I think over 30 dead bodies are on the ground,” she continued").
QUOTED = "(a quotation)"


def _quoted(outside: str, text: str, fig: Figure) -> str | None:
    """``QUOTED`` if ``fig`` is inside a quotation (blanked in ``outside``), else None."""
    return QUOTED if outside[fig.start] != text[fig.start] else None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _times(meas: MeasureTable, sentence: str) -> frozenset[str]:
    """The sentence's time words, normalised: "in November" and "last November" are both
    "november"; "on Friday" and "by Friday" are "day:friday" (``compare`` reads weekdays
    apart: a sentence that names none may be of any day)."""
    return frozenset(m.group("month").lower() if m.group("month")
                     else f"day:{m.group('day').lower()}" if m.group("day")
                     else _norm(m.group()) for m in meas.times.finditer(sentence))


def _words(meas: MeasureTable, sentence: str) -> frozenset[str]:
    """The sentence's content words, less those that say nothing about a figure's subject:
    units, number words and stopwords. (The words that named the measure, "range of", are
    taken out per figure.)"""
    skip = meas.stopwords | _unit_words()
    return frozenset(w for w in (stem(x) for x in _WORD.findall(sentence))
                     if len(w) > 3 and w not in skip)


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    grammar = figure_grammar()
    words = set(unit_table().names) | set(grammar.number_words) | set(grammar.scale_words)
    words |= set(grammar.currency_name) | set(grammar.percent) | set(grammar.points)
    return frozenset(stem(w) for phrase in words for w in phrase.split())


def _to_base(fig: Figure, difference: bool = False) -> Interval:
    if fig.unit is None:
        return fig.interval
    return fig.unit.unit.to_base(fig.interval, difference)


def _difference(meas: MeasureTable, text: str, fig: Figure, left: str, right_end: int) -> bool:
    """Is a figure on an affine scale a difference ("rose by 2C", "a 1.5C rise", "limit warming
    to 2C", "3C above average") rather than a temperature? Only the scale's offset makes the
    two convert differently, so only figures in such units are asked."""
    if fig.unit is None or not fig.unit.unit.offset:
        return False
    return bool(meas.difference_before.search(left)
                or meas.difference_after.match(text, fig.end, right_end))


def _changing(meas: MeasureTable, text: str, fig: Figure, left: str, right_end: int) -> bool:
    """A change ("rose by 5%", "up from 20", "from 50 to 80") or a rate ("a year")."""
    if fig.range_from:
        return True
    if meas.change_before.search(left):
        return True
    return bool(meas.change_after.match(text, fig.end, right_end))


def _rate(meas: MeasureTable, text: str, fig: Figure, right_end: int) -> str:
    m = meas.rate_after.match(text, fig.end, right_end)
    if m is None:
        return ""
    if m.group("bpd"):
        return "day"
    if m.group("annually"):
        return "year"
    per = m.group("per").lower()
    return {"annum": "year", "head": "person", "capita": "person"}.get(per, per)


def _partial(meas: MeasureTable, text: str, fig: Figure, right_end: int) -> bool:
    """A part or an increment: "2,000 extra troops", "5,000 more", "50 of whom". Only the
    words right after the figure count, up to the first preposition or verb."""
    after = text[fig.end:min(right_end, fig.end + 40)]
    if _OF_WHOM.match(after):
        return True
    for word in after.lower().split()[:4]:
        word = word.strip(",.;:")
        if word in meas.partial:
            return True
        if word in meas.stop:
            return False
    return False


# "the bridge is 19 km long", "the well, 130ft deep", "the rockets, which have a range of":
# the noun a figure is said of, when a determiner and a verb or comma frame it.
_HEAD = compile_re(
    r"\b(?i:the|a|an|its|their|this|these|those|his|her|our|each)\s+(?:[a-z][\w-]*\s+)?"
    r"(?P<head>[a-z][a-z-]{2,})(?=,|\s+(?:is|was|are|were|has|have|had|measures?|measured|"
    r"stands?|stood|weighs?|weighed|covers?|covered|can|could|will|would|which|that|reaches|"
    r"reached|spans?|stretches|stretched|runs|ran)\b)")


def _head(left: str) -> str | None:
    heads = _HEAD.findall(left)
    return stem(heads[-1]) if heads else None


_OF_WHOM = compile_re(r"\s+of\s+(?:whom|them|which|those|these)\b")


def _is_name(text: str, fig: Figure, sentence_start: int) -> bool:
    """A number right after a capitalised word mid-sentence names a thing: "Boeing 747"."""
    if fig.approximator or fig.vague:
        return False
    m = _NAME_BEFORE.search(text, max(sentence_start, fig.number_start - 30), fig.number_start)
    if not m:
        return False
    # Not the sentence's first word, nor a word opening a quotation or parenthesis mid-way
    # ("(Only 20 ...").
    return m.start(1) > sentence_start and text[m.start(1) - 2:m.start(1)].strip() not in (
        "", "“", '"', "(")


def _is_source_description(meas: MeasureTable, text: str, fig: Figure, left: str,
                           right_end: int) -> bool:
    noun = meas.source_noun.match(text, fig.end, right_end)
    if noun is None:
        return False
    return bool(meas.source_before.search(left) or
                meas.source_context.match(text, noun.end(), right_end))


_OPENING_NAME = compile_re(r"[\"“‘']?((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)")


def _subject(meas: MeasureTable, sentence: str, names: frozenset[str]) -> str | None:
    """The name a sentence opens with, if it opens with one: "Greece makes ...", "Denmark is
    ...". A word capitalised only because it opens the sentence ("The", "Officials", "Defence
    analysts") is not a name: a name is capitalised somewhere else in the document too."""
    m = _OPENING_NAME.match(sentence)
    if not m:
        return None
    first = m.group(1).split()[0]
    if first.lower() in meas.openers or first not in names:
        return None
    return m.group(1).lower()


def _source(meas: MeasureTable, sentence: str, names: frozenset[str]) -> str | None:
    """A named source the sentence attributes its content to ("Russia said"), if any. At the
    start of a sentence, "Military experts said" names nobody: a capitalised word followed by a
    common noun is a name only if the document capitalises it elsewhere too."""
    for m in meas.attribution.finditer(sentence):
        group = next(g for g in ("a", "b", "c") if m.group(g))
        name = m.group(group).rstrip(".")  # "said Friday." ends a sentence
        first = name.split()[0]
        if name.lower() in meas.generic_sources or first.lower() in meas.generic_sources:
            continue
        if m.start(group) == 0 and first not in names and name != first:
            continue
        return name.lower()
    return None
