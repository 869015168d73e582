"""The words around a figure, and when they say that two figures are one quantity.

Most figures in real copy have no measure word that ``measures.py`` could name ("scored from
18 yards", "the 912km pipeline will run from Burgas"), so the measure table alone never compares
them. This module gives each physical figure (a length, an area, a mass...) a second key: its
*clause*, the content words on either side of it as a set of crude stems, and the *noun* it
modifies, counts or is said of ("pipeline"). Two figures state the same quantity when

1. their clauses say the same thing: the Jaccard overlap of their content words (shared words
   over all words) is high and a few words are shared (a figure restated in the same words;
   "scored from 18 yards" and "hit the bar from 25 yards" share nothing); or
2. both are said of the same noun and the shorter clause adds (almost) nothing to the longer
   ("the pipeline is 400 miles long" restating "the 912km pipeline will run from Burgas").
   A noun that names a kind rather than one thing ("race", "shot", "hurdles") needs another
   word in common too: "Gerrard's drive", not just "the drive".

and, for both rules, the names in their clauses do not contradict each other: a restatement
may drop names, but if each clause names something the other does not ("Smith won the 60m
hurdles in Glasgow" / "Jones won the 100m hurdles in Glasgow"), they are about two things.

The thresholds and word lists are in ``quotelint/data/context.yaml``; every exclusion of
``compare.why_not_same`` (one sentence, times, sources, subjects, changes, tenfold)
still applies on top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ...cache import compile_re
from ...data import load_data
from .measures import measure_table, stem
from .pattern import figure_grammar
from .units import unit_table

if TYPE_CHECKING:
    from ...text.document import Document
    from .quantity import Quantity


@dataclass(frozen=True)
class ContextTable:
    dimensions: frozenset[str]
    window: int
    breaks: re.Pattern
    min_jaccard: float
    min_shared: int
    min_containment: float
    kind_shared: int  # words a noun naming a kind ("race") must share besides itself
    skip: frozenset[str]  # stems that say nothing about what a figure is of
    openers: frozenset[str]  # capitalised at a sentence's start without being names
    categories: frozenset[str]  # nouns that name a kind of thing, not one thing
    subgroup: re.Pattern  # "among women": the part of the voters a share counts
    share_containment: float  # a share's shorter clause: this much of it in the other
    population: frozenset[str]  # "voters" in "among Hispanic voters": says only who


@dataclass(frozen=True, slots=True)
class Clause:
    """What a figure is said of: its clause's content stems and its noun (both may be empty)."""

    words: frozenset[str]
    noun: str | None  # as a stem: "pipelin"
    named: str = ""  # as written, for messages: "pipeline"
    names: frozenset[str] = frozenset()  # stems of the capitalised words: "gerrard"
    group: frozenset[str] = frozenset()  # a share's subgroup, "among women": {"women"}


@lru_cache(maxsize=1)
def context_table() -> ContextTable:
    data = load_data("context")
    meas = measure_table()
    grammar = figure_grammar()
    words = set(data["stopwords"]) | meas.stopwords | meas.stop | set(grammar.number_words)
    words |= set(grammar.scale_words) | set(unit_table().names)
    words |= {phrase for phrase in grammar.approximators if " " not in phrase}  # "about", "over"
    words |= {w for phrase in grammar.vague for w in phrase.split()}
    words |= {w for phrase in (*grammar.percent, *grammar.points) for w in phrase.split()}
    return ContextTable(
        dimensions=frozenset(data["dimensions"]),
        window=int(data["window"]),
        breaks=compile_re(data["clause_breaks"]),
        min_jaccard=float(data["same_clause"]["min_jaccard"]),
        min_shared=int(data["same_clause"]["min_shared"]),
        min_containment=float(data["same_thing"]["min_containment"]),
        kind_shared=int(data["same_thing"]["kind_shared"]),
        skip=frozenset(lemma(w) for phrase in words for w in phrase.split()) | frozenset(words),
        categories=frozenset(lemma(w) for w in meas.not_measured),
        openers=meas.openers,
        subgroup=compile_re(data["shares"]["subgroup"], re.IGNORECASE),
        share_containment=float(data["shares"]["min_containment"]),
        population=frozenset(lemma(w) for w in data["shares"]["population_nouns"]),
    )


def lemma(word: str) -> str:
    """A crude stem that maps the forms a restatement changes onto one word: "scored",
    "scores", "scoring" and "score" are all "scor". Both sides of a comparison go through
    it, so it only has to be consistent, not linguistically right."""
    word = stem(word)
    for suffix in ("ing", "ed", "es"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[:-len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]  # "running" -> "runn" -> "run"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


_WORD = compile_re(r"[A-Za-z][\w’'-]*")
_NOUN = r"(?:[a-z][a-z-]{2,}|[A-Z]{2,5})\b"  # "pipeline", "LNG"
# The noun a figure modifies: "the 912km pipeline", "a 25-yard drive".
_NOUN_AFTER = compile_re(rf"(?P<joint>-|\s)(?:(?:deep|long|high|tall|wide|thick)[\s-]+)?"
                         rf"(?P<noun>{_NOUN})")
_DETERMINED = compile_re(r"(?:\b(?i:a|an|the|its|their|his|her|this|that|our)|[’']s)\s+"
                         r"(?:[\w-]+\s+)?$")
# The noun it counts: "14 million tonnes of crops", "250 million litres of excess wine".
_OF_NOUN = compile_re(rf"\s+of\s+(?:the\s+)?(?P<np>{_NOUN}(?:\s+{_NOUN}){{0,2}})")
# The noun it is said of: "the pipeline is 567 miles", "Gerrard's drive was 18 metres",
# "a range of 300 km", "the well, 130ft deep".
_NOUN_BEFORE = compile_re(
    rf"\b(?P<noun>{_NOUN})(?:\s+(?:is|was|are|were|of|measures|measured|measuring|covers|"
    r"covered|covering|weighs|weighed|weighing|stands|stood)\s+|,\s+)$")


def clauses(doc: Document, found: list[Quantity]) -> list[Clause | None]:
    """The clause of each physical figure and each share of a vote or poll of ``found`` (None
    for the others). Another physical figure of the sentence bounds a physical figure's
    clause; a count does not ("two climbers were winched from a ledge 200 metres below the
    summit": the verb is the ledge's as much). Another percentage bounds a share's ("52% of
    the vote among women and 45% among men")."""
    table = context_table()
    physical = [i for i, q in enumerate(found) if q.figure.dimension in table.dimensions]
    out: list[Clause | None] = [None] * len(found)
    for k, i in enumerate(physical):
        out[i] = _clause(table, *_around(doc, found, physical, k))
    for dimension in {q.figure.dimension for q in found if q.scoped}:
        same = [i for i, q in enumerate(found) if q.figure.dimension == dimension]
        for k, i in enumerate(same):
            if found[i].scoped:
                out[i] = _share_clause(doc, table, found[i], *_around(doc, found, same, k))
    return out


def _around(doc: Document, found: list[Quantity], group: list[int],
            k: int) -> tuple[str, str, bool]:
    """(words before, words after, whether the first start the sentence) of the figure
    ``found[group[k]]``, bounded by its neighbours of ``group`` in its sentence."""
    text = doc.flat
    q = found[group[k]]
    sent = doc.sentences[q.sentence]
    before, after = sent.start, sent.end
    if k and found[group[k - 1]].sentence == q.sentence:
        before = _share(text, found[group[k - 1]].end, q.start)[1]
    if k + 1 < len(group) and found[group[k + 1]].sentence == q.sentence:
        after = _share(text, q.end, found[group[k + 1]].start)[0]
    return text[before:q.start], text[q.end:max(q.end, after)], before == sent.start


def _share_clause(doc: Document, table: ContextTable, q: Quantity, left: str, right: str,
                  opening: bool) -> Clause:
    """A share's clause: its words less the measure's own ("of voters"), the subgroup it
    counts ("among women"), and its names, or its paragraph's if it names nothing. The
    sentence's first word is a name only if the document capitalises it mid-sentence too
    ("Turnout reached 44 percent" names nothing)."""
    clause = _clause(table, left, right, opening)
    cue = frozenset(lemma(w) for w in _WORD.findall(q.cue))
    names = clause.names - cue
    first = _WORD.search(left) if opening else None
    if first and first.group() not in doc.cached(document_names):
        names -= {lemma(first.group())}
    found = table.subgroup.search(right) or _last(table.subgroup, left, 0, len(left))
    group = frozenset(w for w in (lemma(t) for t in _WORD.findall(found["group"]))
                      if w not in table.population) if found else frozenset()
    return replace(clause, words=clause.words - cue, group=group,
                   names=names or _paragraph_names(doc, table, q.sentence))


def _paragraph_names(doc: Document, table: ContextTable, index: int) -> frozenset[str]:
    """The names of sentence ``index`` and of the sentences of its paragraph before it:
    where a share is of when its own words do not say ("In Ohio, ... It was about 41%"). A
    sentence's first word is a name only if the document capitalises it mid-sentence too."""
    sentences = doc.sentences
    paragraph = sentences[index].paragraph
    known = doc.cached(document_names)
    names: set[str] = set()
    while index >= 0 and sentences[index].paragraph == paragraph:
        sent = sentences[index]
        for k, m in enumerate(_WORD.finditer(doc.flat, sent.start, sent.end)):
            word = m.group()
            if word[0].isupper() and (k or word in known) and word.lower() not in table.openers:
                names.add(lemma(word))
        index -= 1
    return frozenset(names - table.skip)


_NAME_INSIDE = compile_re(r"(?<=[\w,;:’')]\s)[A-Z][\w’'-]*")


def document_names(doc: Document) -> frozenset[str]:
    """Words capitalised in the middle of a sentence somewhere in the document: names. Use it
    through ``doc.cached(document_names)``."""
    return frozenset(_NAME_INSIDE.findall(doc.flat))


# Where the words between two figures of one sentence are cut: at the last comma or
# conjunction ("40 litres in France, 15 litres in Spain and three litres in Italy"), else half
# way: each word goes to the figure nearest to it.
_SPLIT = compile_re(r",|\s(?:and|or|but|while|whereas|against|compared with|than)\s")


def _share(text: str, start: int, end: int) -> tuple[int, int]:
    """(end of the first figure's words, start of the second's) between two figures."""
    cut = _last(_SPLIT, text, start, end)
    if cut is not None:
        return cut.start(), cut.end()
    middle = (start + end) // 2
    space = text.rfind(" ", start + 1, middle + 1)
    if space < 0:
        space = text.find(" ", middle, end)
    return (space, space) if space > 0 else (middle, middle)


def _last(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 (the last one is kept)
        pass
    return found


def _clause(table: ContextTable, left: str, right: str, opening: bool) -> Clause:
    """The words of ``left`` and ``right`` up to a clause break, or past it if the clause has
    fewer than two content words ("- one of them from 48 metres -" says nothing by itself).
    ``opening``: ``left`` starts the sentence."""
    near_left, near_right = left, right
    cut = _last(table.breaks, left, 0, len(left))
    if cut is not None:
        near_left = left[cut.end():]
    cut = table.breaks.search(right)
    if cut is not None:
        near_right = right[:cut.start()]
    tokens = _tokens(table, near_left, near_right)
    if sum(1 for _, w in tokens if w) < 2:
        tokens = _tokens(table, left, right)
    words = frozenset(w for _, w in tokens if w)
    # Capitalised words are names; the sentence's first word too, unless it is a common
    # opener ("The", "In", "Officials"). Taking a word for a name wrongly can only keep two
    # figures apart.
    common = ""
    if opening:
        first = _WORD.search(left)
        if first and first.group().lower() in table.openers:
            common = lemma(first.group())
    names = frozenset(w for t, w in tokens if w and t[0].isupper() and w != common)
    named = _noun(table, near_left, near_right)
    return Clause(words, lemma(named) if named else None, named or "", names)


def _tokens(table: ContextTable, left: str, right: str) -> list[tuple[str, str]]:
    """(word, stem) of the window's words; the stem is "" for words that say nothing."""
    tokens = _WORD.findall(left)[-table.window:] + _WORD.findall(right)[:table.window]
    return [(t, w if w not in table.skip and (len(w) > 2 or t.isupper()) else "")
            for t, w in ((t, lemma(t)) for t in tokens)]


def _noun(table: ContextTable, left: str, right: str) -> str | None:
    """The noun the figure modifies, counts or is said of."""
    m = _NOUN_AFTER.match(right)
    if m and (m.group("joint") == "-" or _DETERMINED.search(left)) and _is_noun(table, m["noun"]):
        return m.group("noun")
    m = _OF_NOUN.match(right)
    if m:
        words = m.group("np").split()
        cut = next((i for i, w in enumerate(words) if not _is_noun(table, w)), len(words))
        if cut:
            return words[cut - 1]
    m = _NOUN_BEFORE.search(left)
    if m and _is_noun(table, m.group("noun")):
        return m.group("noun")
    return None


def _is_noun(table: ContextTable, word: str) -> bool:
    return lemma(word) not in table.skip


def same_clause(a: Clause, b: Clause, sentence_a: frozenset[str],
                sentence_b: frozenset[str]) -> bool:
    """Rule 1 or rule 2 of the module docstring. A clause of a single shared word ("three
    litres in Italy") passes rule 1 only if the two sentences also overlap as much."""
    table = context_table()
    if a.names - b.names and b.names - a.names:
        return False  # "Smith won ... in Glasgow" / "Jones won ... in Glasgow": two things
    shared = len(a.words & b.words)
    if shared and shared >= table.min_jaccard * len(a.words | b.words) and (
            shared >= table.min_shared or _jaccard(sentence_a, sentence_b) >= table.min_jaccard):
        return True
    if a.noun is None or a.noun != b.noun:
        return False
    if a.noun in table.categories and shared < 1 + table.kind_shared:
        return False  # "the drive" may be any drive; "Gerrard's drive" is one
    shorter = min(len(a.words), len(b.words))
    return shorter > 0 and shared >= table.min_containment * shorter


def same_share(a: Clause, b: Clause) -> bool:
    """Two shares of a vote or poll with one measure ("% of voters") are one quantity: the
    same subgroup, names that do not contradict, and the shorter clause (nearly) all in the
    other (context.yaml's ``shares``)."""
    if a.group != b.group:
        return False  # "among women" is not all voters
    if a.names - b.names and b.names - a.names:
        return False  # "Rubio of Florida" / "in New Hampshire surveys"; Ohio / North Carolina
    shorter = min(len(a.words), len(b.words))
    return len(a.words & b.words) >= context_table().share_containment * shorter


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
